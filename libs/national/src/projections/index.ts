import type { Projection } from '@spiral/projections';
import { nationalViewProjection } from './national-view.projection';
import { practiceCatalogueProjection } from './practice-catalogue.projection';

export { nationalViewProjection } from './national-view.projection';
export { practiceCatalogueProjection } from './practice-catalogue.projection';
export type { CataloguePage, CataloguePractice } from './practice-catalogue.reader';
export { NATIONAL_COLLECTIONS } from './national-collections';
// Replays and evaluations read a replayed copy with the same reader the national view uses.
export { NationalViewReader } from './national-view.reader';
export type { NationalView, PracticeFigures, PracticeSpread } from './national-view';
// The reads thread serves the national view's heavy reads (ThreadReads).
export { NATIONAL_VIEW_READ, nationalReadHandlers, PRACTICE_SPREAD_READ, type NationalViewRead, type PracticeSpreadRead } from './national-reads';

/** The read models of the national level, built from the event feed. */
export const nationalProjections: readonly Projection[] = [nationalViewProjection, practiceCatalogueProjection];
