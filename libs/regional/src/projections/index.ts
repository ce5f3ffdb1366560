import type { Projection } from '@spiral/projections';
import { regionalViewProjection } from './regional-view.projection';

export { regionalViewProjection } from './regional-view.projection';
export { REGIONAL_COLLECTIONS } from './regional-collections';

/** The read models of the regional level, built from the event feed. */
export const regionalProjections: readonly Projection[] = [regionalViewProjection];
