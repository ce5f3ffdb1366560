import type { SpiralOutcome, SpiralStep } from '@spiral/event-catalogue';
import { monthOf, type Instant, type MonthIndex } from './calendar';
import type { ChangePattern, MeasureSeries } from './measurement-series';
import type { PracticeTimeline } from './plan-national';
import type { MeasureTemplate } from './reference/measure-library';
import type { SeedTeam } from './seed-structure';

/**
 * How a seeded spiral may close. Never `sustained`: a sustained gain is decided from the chart by
 * SPC, not claimed (SPEC "The spiral"), and the decider refuses that outcome without one.
 */
export type SeededOutcome = Exclude<SpiralOutcome, 'sustained'>;

/**
 * One spiral's fate, decided before any command is written: when each step happens, what the
 * measure does, how (and whether) it ends. The commands are made from it in plan-spiral.ts.
 */
export interface SpiralTimeline {
  /** Names the spiral's story: `S01-O07-T03/spiral-2`. */
  readonly key: string;
  readonly spiralId: string;
  readonly team: SeedTeam;
  readonly template: MeasureTemplate;
  /** As the team states them at recognition. */
  readonly baseline: number;
  readonly target: number;
  readonly series: MeasureSeries;
  /** The catalogue practice the team adopts; undefined for a local option or no adoption. */
  readonly practice?: PracticeTimeline;
  readonly parent?: SpiralTimeline;
  readonly recognisedAt: Instant;
  /** Months of earlier data the team brings to its chart at recognition. */
  readonly historyMonths: number;
  readonly knowledgeAt?: Instant;
  readonly optionsAt?: Instant;
  readonly adoptedAt?: Instant;
  readonly pattern?: ChangePattern;
  readonly closedAt?: Instant;
  readonly outcome?: SeededOutcome;
  /** The team stops sending measurements after this (it closed, stalled, or history ends). */
  readonly recordUntil: Instant;
}

/** The step the seed's own commands take the spiral to; a gain SPC finds meanwhile moves one at change on to sustainability. */
export function finalStepOf(spiral: SpiralTimeline): SpiralStep {
  if (spiral.closedAt !== undefined) return 'closed';
  if (spiral.adoptedAt !== undefined) return 'change';
  if (spiral.optionsAt !== undefined) return 'decision';
  if (spiral.knowledgeAt !== undefined) return 'knowing';
  return 'recognition';
}

/** The months of measurements the spiral records, the first month of history onwards. */
export function firstRecordedMonth(spiral: SpiralTimeline): MonthIndex {
  return monthOf(spiral.recognisedAt) - spiral.historyMonths;
}

/** How many points the chart holds with a period on or before the adoption (its baseline, at most 20 used). */
export function baselinePointCount(spiral: SpiralTimeline): number | undefined {
  if (spiral.adoptedAt === undefined) return undefined;
  return monthOf(spiral.adoptedAt) - firstRecordedMonth(spiral) + 1;
}
