import {
  FieldTestSiteReported,
  type EventEnvelope,
  type FieldTestSiteReportedData,
  type FieldTestVerdict,
} from '@spiral/event-catalogue';
import type { KnownFieldTest } from '../domain/field-test/field-test.state';

/** GET /field-tests/:id: the field test as its stream stands, with each site's result; `revision` is for If-Match. */
export interface FieldTestResponse {
  readonly fieldTestId: string;
  readonly practiceId: string;
  readonly status: KnownFieldTest['status'];
  readonly sites: readonly string[];
  readonly results: readonly FieldTestSiteReportedData[];
  readonly verdict: FieldTestVerdict | null;
  readonly effectSize: number | null;
  readonly revision: number;
}

function isSiteReport(event: EventEnvelope): event is EventEnvelope<FieldTestSiteReported> {
  return event.type === FieldTestSiteReported.type;
}

// The state keeps only which sites reported; the figures are in the reports themselves.
export function fieldTestResponse(test: KnownFieldTest, events: readonly EventEnvelope[]): FieldTestResponse {
  const { fieldTestId, practiceId, status, sites, verdict, effectSize } = test;
  const results = events.filter(isSiteReport).map((event) => event.data);
  return { fieldTestId, practiceId, status, sites, results, verdict, effectSize, revision: events.length - 1 };
}
