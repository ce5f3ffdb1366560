import type { Projection } from '@spiral/projections';

/** The read models of the local level, built from the event feed. */
export const localProjections: readonly Projection[] = [];
