import type { Projection } from '@spiral/projections';
import { regionalViewProjection } from './regional-view.projection';

export { regionalViewProjection } from './regional-view.projection';
export { REGIONAL_COLLECTIONS } from './regional-collections';
// Replays and evaluations read a replayed copy with the same reader the regional view uses.
export { RegionalViewReader } from './regional-view.reader';
export type { RegionalView } from './regional-view';
// The reads thread serves the regional view's reads (ThreadReads).
export { REGIONAL_VIEW_READ, regionalReadHandlers, type RegionalViewRead } from './regional-reads';

/** The read models of the regional level, built from the event feed. */
export const regionalProjections: readonly Projection[] = [regionalViewProjection];
