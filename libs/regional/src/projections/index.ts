import type { Projection } from '@spiral/projections';

/** The read models of the regional level, built from the event feed. */
export const regionalProjections: readonly Projection[] = [];
