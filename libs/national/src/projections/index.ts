import type { Projection } from '@spiral/projections';
import { nationalViewProjection } from './national-view.projection';

export { nationalViewProjection } from './national-view.projection';
export { NATIONAL_COLLECTIONS } from './national-collections';

/** The read models of the national level, built from the event feed. */
export const nationalProjections: readonly Projection[] = [nationalViewProjection];
