import { applyStamped, indexTeamRegistered, updateDocument, type Projection, type ViewSession } from '@spiral/projections';
import { SPIRAL_EVENT_TYPES, streamKindOf, type EventEnvelope } from '@spiral/event-catalogue';
import { foldFieldTestEvent, type FieldTestDocument } from './field-test-document';
import { NATIONAL_COLLECTIONS as C } from './national-collections';
import { emptyNationalRegion, withRegistration, type NationalRegionDocument } from './national-region-document';
import { applyNationalSpiralEvent } from './national-spiral-events';
import { emptyPractice, withPracticeEvent, type PracticeDocument } from './practice-document';

async function applyTeamRegistered(views: ViewSession, event: EventEnvelope): Promise<void> {
  const team = await indexTeamRegistered(views, C.teams, event);
  if (team === undefined) return;
  await updateDocument<NationalRegionDocument>(views, C.regions, team.shaCode, emptyNationalRegion, (region) => withRegistration(region, team.orgCode, event.occurredAt));
}

async function applyFieldTestEvent(views: ViewSession, event: EventEnvelope): Promise<void> {
  const fieldTestId = (event.data as { fieldTestId: string }).fieldTestId;
  const test = foldFieldTestEvent(await views.get<FieldTestDocument>(C.fieldTests, fieldTestId), event);
  if (test !== undefined) views.put(C.fieldTests, fieldTestId, test);
}

const NATIONAL_VIEW_VERSION = 6;

async function applyNationalEvent(views: ViewSession, event: EventEnvelope): Promise<void> {
  const kind = streamKindOf(event.streamId);
  switch (kind) {
    case 'spiral':
      return applyNationalSpiralEvent(views, event);
    case 'team':
      return applyTeamRegistered(views, event);
    case 'practice': {
      const practiceId = (event.data as { practiceId: string }).practiceId;
      await updateDocument<PracticeDocument>(views, C.practices, practiceId, emptyPractice, (practice) => withPracticeEvent(practice, event));
      return;
    }
    case 'fieldTest':
      return applyFieldTestEvent(views, event);
    case 'organisation':
    case 'region':
    case 'network':
    case 'nationalPriorities':
    case undefined:
      return;
    default: {
      const unexpected: never = kind;
      return unexpected;
    }
  }
}

/**
 * SPEC "Views", national: per practice its catalogue facts and adopters; per adopting spiral its
 * gains and impact; field tests; per region the penetration counts behind geographical variation.
 * As in the regional view, each event is applied first to its own stream's document, which keeps
 * the stream's last revision, and the events that changed something are counted in the change stamp.
 */
export const nationalViewProjection: Projection = {
  name: 'national-view',
  // 2: the change stamp (national-changes), which lets readers hold the view between changes.
  // 3: adopting spirals' gains and impact in documents of their own (national-practice-spirals):
  // in the practice's document, each of their points copied maps that grow with its spread.
  // 4: field tests keep the scale of their effect size (FieldTestConcluded v2's effectScale).
  // 5: practices and adopting spirals keep their facts after each event, dated, and spiral summaries
  // their gain changes: every figure is read as of a moment (issue 17 item 3).
  // 6: an adopting spiral's dated entries keep its gains only where they changed and its impact
  // without its owner (the document's): written whole, they were three fifths of the view's bytes.
  version: NATIONAL_VIEW_VERSION,
  collections: Object.values(C),
  eventTypes: new Set([
    ...SPIRAL_EVENT_TYPES,
    'TeamRegistered',
    'PracticeProposed',
    'PracticePublished',
    'PracticeRevised',
    'PracticeRetired',
    'FieldTestStarted',
    'FieldTestSiteReported',
    'FieldTestConcluded',
  ]),
  apply(event, views) {
    return applyStamped(views, { collection: C.changes, generation: NATIONAL_VIEW_VERSION }, (counted) => applyNationalEvent(counted, event));
  },
};
