import { isNewFor } from '@spiral/projections';
import type { EffectScale, EventEnvelope, FieldTestEvent, FieldTestVerdict } from '@spiral/event-catalogue';

export type SiteReport = { site: string; measure: string; baselineValue: number; resultValue: number };

export type FieldTestDocument = {
  fieldTestId: string;
  /** Last applied revision of the field test's stream. */
  revision: number;
  practiceId: string;
  sites: string[];
  startedAt: string;
  reports: SiteReport[];
  verdict: FieldTestVerdict | null;
  effectSize: number | null;
  /** The scale the effect size is on (FieldTestConcluded v2); null before the verdict. */
  effectScale: EffectScale | null;
  concludedAt: string | null;
};

/** The field test after one event of its stream; undefined when applied already or not yet started. */
export function foldFieldTestEvent(test: FieldTestDocument | undefined, envelope: EventEnvelope): FieldTestDocument | undefined {
  if (!isNewFor(test, envelope)) return undefined;
  const event = { type: envelope.type, data: envelope.data } as FieldTestEvent;
  const revision = envelope.streamRevision;
  if (event.type === 'FieldTestStarted') {
    const { fieldTestId, practiceId, sites } = event.data;
    return { fieldTestId, revision, practiceId, sites: [...sites], startedAt: envelope.occurredAt, reports: [], verdict: null, effectSize: null, effectScale: null, concludedAt: null };
  }
  if (test === undefined) return undefined;
  switch (event.type) {
    case 'FieldTestSiteReported': {
      const { site, measure, baselineValue, resultValue } = event.data;
      return { ...test, revision, reports: [...test.reports, { site, measure, baselineValue, resultValue }] };
    }
    case 'FieldTestConcluded':
      return { ...test, revision, verdict: event.data.verdict, effectSize: event.data.effectSize, effectScale: event.data.effectScale, concludedAt: envelope.occurredAt };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
