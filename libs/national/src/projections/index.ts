import type { Projection } from '@spiral/projections';

/** The read models of the national level, built from the event feed. */
export const nationalProjections: readonly Projection[] = [];
