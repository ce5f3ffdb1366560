import { applyStamped, indexSpiralEvent, indexTeamRegistered, updateDocument, type Projection, type ViewSession } from '@spiral/projections';
import { SPIRAL_EVENT_TYPES, streamKindOf, type EventEnvelope } from '@spiral/event-catalogue';
import { foldNetworkEvent, type NetworkDocument } from './network-document';
import { emptyRegion, withSpiralChange, withTeamRegistered, type RegionDocument } from './region-document';
import { withRegionEvent } from './region-stream';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';

async function updateRegion(views: ViewSession, shaCode: string, change: (region: RegionDocument) => RegionDocument | undefined): Promise<void> {
  await updateDocument(views, C.regions, shaCode, emptyRegion, change);
}

async function applySpiralEvent(views: ViewSession, event: EventEnvelope): Promise<void> {
  const change = await indexSpiralEvent(views, { spirals: C.spirals, teams: C.teams }, event);
  if (change !== undefined) await updateRegion(views, change.after.shaCode, (region) => withSpiralChange(region, change));
}

async function applyTeamRegistered(views: ViewSession, event: EventEnvelope): Promise<void> {
  const team = await indexTeamRegistered(views, C.teams, event);
  if (team !== undefined) await updateRegion(views, team.shaCode, (region) => withTeamRegistered(region, team.orgCode));
}

async function applyNetworkEvent(views: ViewSession, event: EventEnvelope): Promise<void> {
  const networkId = (event.data as { networkId: string }).networkId;
  const network = foldNetworkEvent(await views.get<NetworkDocument>(C.networks, networkId), event);
  if (network !== undefined) views.put(C.networks, networkId, network);
}

const REGIONAL_VIEW_VERSION = 4;

async function applyRegionalEvent(views: ViewSession, event: EventEnvelope): Promise<void> {
  const kind = streamKindOf(event.streamId);
  switch (kind) {
    case 'spiral':
      return applySpiralEvent(views, event);
    case 'team':
      return applyTeamRegistered(views, event);
    case 'region':
      return updateRegion(views, (event.data as { shaCode: string }).shaCode, (region) => withRegionEvent(region, event));
    case 'network':
      return applyNetworkEvent(views, event);
    case 'organisation':
    case 'practice':
    case 'fieldTest':
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
 * SPEC "Views", regional: one document per SHA with the funnel, penetration counts, adopters by
 * practice, gain counts, support, priorities and spread strategies; spiral summaries for stalled
 * spirals; network documents. Every event is applied first to the document of its own stream,
 * which keeps that stream's last revision, so a redelivered event changes nothing anywhere; the
 * events that changed something are counted in the change stamp.
 */
export const regionalViewProjection: Projection = {
  name: 'regional-view',
  // 2: the change stamp (regional-changes), which lets readers hold the view between changes.
  // 3: spiral summaries keep the need's title and the team index the team's name (stalled spirals are named).
  // 4: spiral summaries keep their gains after each change, dated (a later withdrawal leaves earlier moments' gains).
  version: REGIONAL_VIEW_VERSION,
  collections: Object.values(C),
  eventTypes: new Set([
    ...SPIRAL_EVENT_TYPES,
    'TeamRegistered',
    'RegionalPrioritySet',
    'SupportProvided',
    'SpreadStrategyLaunched',
    'NetworkFormed',
    'NetworkJoined',
  ]),
  apply(event, views) {
    return applyStamped(views, { collection: C.changes, generation: REGIONAL_VIEW_VERSION }, (counted) => applyRegionalEvent(counted, event));
  },
};
