import type { Measure, PracticeStatus, SupportKind } from '@spiral/event-catalogue';

/** What the application layer knows of a team when a region acts on it; undefined when none exists. */
export interface TeamInRegion {
  readonly teamId: string;
  readonly shaCode: string;
}

/** What the application layer knows of a catalogue practice; undefined when none exists. */
export interface PracticeStanding {
  readonly practiceId: string;
  readonly status: PracticeStatus;
}

export interface SetRegionalPriority {
  readonly type: 'SetRegionalPriority';
  readonly shaCode: string;
  readonly priorityId: string;
  readonly measure: Measure;
  readonly rationale: string;
  /** YYYY-MM-DD, on or after the day it is set. */
  readonly until?: string;
}

export interface ProvideSupport {
  readonly type: 'ProvideSupport';
  readonly shaCode: string;
  readonly supportId: string;
  /** The team asked for, kept beside `team` so a missing one can be named. */
  readonly teamId: string;
  readonly team: TeamInRegion | undefined;
  readonly kind: SupportKind;
  readonly description: string;
}

export interface LaunchSpreadStrategy {
  readonly type: 'LaunchSpreadStrategy';
  readonly shaCode: string;
  readonly strategyId: string;
  readonly practiceId: string;
  readonly practice: PracticeStanding | undefined;
  /** Organisation codes, at least one, each once. */
  readonly organisations: readonly string[];
  /** The region each named organisation belongs to (undefined: no fact has named it), loaded by the handler. */
  readonly organisationRegions: Readonly<Record<string, string | undefined>>;
  readonly approach: string;
}

export type RegionCommand = SetRegionalPriority | ProvideSupport | LaunchSpreadStrategy;
