import type { ViewSession } from '@spiral/projections';
import type { LocalEvent } from './local-event';
import { spiralIdOf } from './spiral-view.projection';

/** Whose a spiral is: later events of a spiral name only the spiral, so the team and organisation views look it up. */
export type SpiralOwner = {
  readonly id: string;
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
};

/**
 * Each view keeps its own owners collection (`team-spiral-owners`, `organisation-spiral-owners`): a
 * projection's generation owns every collection it writes, so dropping or rebuilding one view never
 * empties another's lookup.
 */
export const spiralOwnersOf = (view: 'team' | 'organisation') => `${view}-spiral-owners`;

/**
 * Owners read in the current batch. A batch's session reads through to the store for documents it
 * has not written, and most events of a batch are points of a few spirals, so each owner is read
 * once per batch instead of once per point. Keyed by the session: nothing outlives its batch.
 */
const ownersReadIn = new WeakMap<ViewSession, Map<string, SpiralOwner | undefined>>();

/**
 * The owner of the spiral an event belongs to, recorded from its NeedRecognised (writing the same
 * record again on a redelivery changes nothing); undefined for a spiral never recognised.
 */
export async function spiralOwnerOf(views: ViewSession, owners: string, event: LocalEvent): Promise<SpiralOwner | undefined> {
  const read = ownersReadIn.get(views) ?? new Map<string, SpiralOwner | undefined>();
  ownersReadIn.set(views, read);
  if (event.type === 'NeedRecognised') {
    const { spiralId, teamId, orgCode, shaCode } = event.data;
    const owner: SpiralOwner = { id: spiralId, teamId, orgCode, shaCode };
    views.put(owners, spiralId, owner);
    read.set(spiralId, owner);
    return owner;
  }
  const spiralId = spiralIdOf(event);
  if (spiralId === undefined) return undefined;
  if (!read.has(spiralId)) read.set(spiralId, await views.get<SpiralOwner>(owners, spiralId));
  return read.get(spiralId);
}
