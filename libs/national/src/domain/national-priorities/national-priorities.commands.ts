import type { Measure } from '@spiral/event-catalogue';

export interface SetNationalPriority {
  readonly type: 'SetNationalPriority';
  readonly priorityId: string;
  readonly measure: Measure;
  readonly rationale: string;
  /** YYYY-MM-DD, on or after the day it is set. */
  readonly until?: string;
}

export type NationalPrioritiesCommand = SetNationalPriority;
