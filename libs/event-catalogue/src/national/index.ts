import type { EventDefinition } from '../define-event';
import { FieldTestConcluded } from './field-test-concluded.event';
import { FieldTestSiteReported } from './field-test-site-reported.event';
import { FieldTestStarted } from './field-test-started.event';
import { NationalPrioritySet } from './national-priority-set.event';
import { PracticeProposed } from './practice-proposed.event';
import { PracticePublished } from './practice-published.event';
import { PracticeRetired } from './practice-retired.event';
import { PracticeRevised } from './practice-revised.event';

export * from './field-test-concluded.event';
export * from './field-test-site-reported.event';
export * from './field-test-started.event';
export * from './national-priority-set.event';
export * from './practice-proposed.event';
export * from './practice-published.event';
export * from './practice-retired.event';
export * from './practice-revised.event';
export * from '../values/evidence-level';
export * from '../values/org-codes';

/** Events of a practice's stream (`practice-<id>`), in the order of its life. */
export type PracticeEvent = PracticeProposed | PracticePublished | PracticeRevised | PracticeRetired;

/** Events of a field test's stream (`fieldtest-<id>`). */
export type FieldTestEvent = FieldTestStarted | FieldTestSiteReported | FieldTestConcluded;

/** Events of the one national priorities stream (`national-priorities`). */
export type NationalPriorityEvent = NationalPrioritySet;

export const nationalEvents: readonly EventDefinition[] = [
  PracticeProposed,
  PracticePublished,
  PracticeRevised,
  PracticeRetired,
  FieldTestStarted,
  FieldTestSiteReported,
  FieldTestConcluded,
  NationalPrioritySet,
];
