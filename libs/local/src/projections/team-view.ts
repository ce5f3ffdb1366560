import { CAPABILITY_LEVELS, CYCLE_DECISIONS, SUPPORT_KINDS, type CapabilityLevel, type CycleDecision, type SupportKind } from '@spiral/event-catalogue';
import { spreadOverTime, type SpreadOnDate, type SustainabilityRatings, type SustainabilityScore } from '../domain/sustainability/sustainability-score';
import { SUSTAINABILITY_WEIGHTS_V1 } from '../domain/sustainability/sustainability-weights.v1';
import { countBy, noGainFigures, spiralsByStep, withSpiralGains, withSpiralStep, type GainFigures, type StepCounts } from './local-figures';
import type { SourceRevisions } from '@spiral/projections';
import type { RecordedGain, SpiralProgress } from './spiral-progress';

/** One spiral of the team, with the counts of what it recorded. */
export type TeamSpiral = SpiralProgress & {
  readonly spiralId: string;
  readonly title: string;
  readonly measure: string;
  readonly measurements: number;
  readonly changeSupport: number;
  readonly cycles: number;
  readonly assessments: number;
};

export interface ChangeCycleEntry {
  readonly spiralId: string;
  readonly cycleNumber: number;
  readonly decision: CycleDecision;
  readonly occurredAt: string;
}

export interface AssessmentEntry {
  readonly spiralId: string;
  readonly assessedBy: string;
  /** The assessment's date: the YYYY-MM-DD of its occurredAt. */
  readonly date: string;
  readonly factors: SustainabilityRatings;
  readonly score: SustainabilityScore;
}

export interface CapabilityEntry {
  readonly memberRole: string;
  readonly capability: string;
  readonly level: CapabilityLevel;
  readonly occurredAt: string;
}

export interface SupportEntry {
  readonly kind: SupportKind;
  readonly description: string;
  readonly fromShaCode: string | null;
  readonly occurredAt: string;
}

/** GET /teams/:id/view: everything the team recorded, with each figure and the counts behind it. */
export type TeamView = {
  readonly id: string;
  /** Null until the team's registration is applied (a spiral's events may be read first on a partial replay). */
  readonly name: string | null;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly specialty: string | null;
  readonly spirals: readonly TeamSpiral[];
  readonly spiralsByStep: StepCounts;
  readonly changeCycles: { readonly count: number; readonly byDecision: Readonly<Record<CycleDecision, number>>; readonly cycles: readonly ChangeCycleEntry[] };
  readonly sustainability: {
    readonly weightsVersion: string;
    readonly weightsVerified: boolean;
    readonly assessments: readonly AssessmentEntry[];
    /** Per spiral and assessment date: the team's mean score and its spread across members. */
    readonly overTime: readonly (SpreadOnDate & { readonly spiralId: string })[];
  };
  readonly gains: GainFigures & { readonly recorded: readonly (RecordedGain & { readonly spiralId: string })[] };
  readonly capabilities: {
    readonly recorded: readonly CapabilityEntry[];
    /** The latest level of each member role in each capability. */
    readonly current: readonly CapabilityEntry[];
    readonly byLevel: Readonly<Record<CapabilityLevel, number>>;
  };
  readonly supportReceived: { readonly count: number; readonly byKind: Readonly<Record<SupportKind, number>>; readonly received: readonly SupportEntry[] };
};

export const TEAMS = 'teams';
export const TEAM_SPIRALS = 'team-spirals';

/**
 * The team's own document (collection `teams`, id = team id): everything in the view but its
 * spirals, which are documents of their own, so an event of one spiral (most are points) rewrites
 * a small document, and the team's only when what it keeps changes. Its figures over spirals are
 * sums, moved by each spiral's difference.
 */
export type StoredTeam = Omit<TeamView, 'spirals'> & { readonly revisions: SourceRevisions };

/** One spiral of a team (collection `team-spirals`, id = spiral id). */
export type StoredTeamSpiral = TeamSpiral & {
  readonly teamId: string;
  /** When its need was recognised (the event's occurredAt): the view lists spirals in that order. */
  readonly recognisedAt: string;
  readonly revisions: SourceRevisions;
};

/*
 * Each section of the view with its figures, built from its own list and rebuilt only when that
 * list changes.
 */

/** The team's figures with one spiral counted in (`sign` 1) or taken out (-1). */
function withSpiral(team: StoredTeam, spiral: SpiralProgress, sign: 1 | -1): StoredTeam {
  return { ...team, spiralsByStep: withSpiralStep(team.spiralsByStep, spiral, sign), gains: { ...withSpiralGains(team.gains, spiral, sign), recorded: team.gains.recorded } };
}

/** The team's figures after one of its spirals changed from `before` (absent: new) to `after`. */
export function withSpiralChanged(team: StoredTeam, before: SpiralProgress | undefined, after: SpiralProgress): StoredTeam {
  return withSpiral(before === undefined ? team : withSpiral(team, before, -1), after, 1);
}

export function cyclesSection(cycles: readonly ChangeCycleEntry[]): TeamView['changeCycles'] {
  return { count: cycles.length, byDecision: countBy(CYCLE_DECISIONS, cycles, ({ decision }) => decision), cycles };
}

export function sustainabilitySection(assessments: readonly AssessmentEntry[]): TeamView['sustainability'] {
  const spiralIds = [...new Set(assessments.map(({ spiralId }) => spiralId))];
  const overTime = spiralIds.flatMap((spiralId) =>
    spreadOverTime(assessments.filter((entry) => entry.spiralId === spiralId)).map((spread) => ({ spiralId, ...spread })),
  );
  const { version, verified } = SUSTAINABILITY_WEIGHTS_V1;
  return { weightsVersion: version, weightsVerified: verified, assessments, overTime };
}

export function capabilitiesSection(recorded: readonly CapabilityEntry[]): TeamView['capabilities'] {
  const latest = new Map<string, CapabilityEntry>();
  for (const entry of recorded) latest.set(JSON.stringify([entry.memberRole, entry.capability]), entry);
  const current = [...latest.values()];
  return { recorded, current, byLevel: countBy(CAPABILITY_LEVELS, current, ({ level }) => level) };
}

export function supportSection(received: readonly SupportEntry[]): TeamView['supportReceived'] {
  return { count: received.length, byKind: countBy(SUPPORT_KINDS, received, ({ kind }) => kind), received };
}

/** A team with nothing recorded yet; seen first through a spiral (a partial replay), its registration fills the rest. */
export function emptyTeam(id: string, orgCode: string, shaCode: string): StoredTeam {
  return {
    ...{ id, name: null, orgCode, shaCode, specialty: null },
    spiralsByStep: spiralsByStep([]),
    gains: { ...noGainFigures, recorded: [] },
    changeCycles: cyclesSection([]),
    sustainability: sustainabilitySection([]),
    capabilities: capabilitiesSection([]),
    supportReceived: supportSection([]),
    revisions: {},
  };
}

/** The view as GET answers it: the team's document with its spirals, in the order they were recognised. */
export function teamViewOf(team: StoredTeam, spirals: readonly StoredTeamSpiral[]): TeamView {
  const { revisions: _bookkeeping, ...view } = team;
  const listed = [...spirals]
    // By when, then by id: the same order however the feed interleaved the spirals' streams.
    .sort((a, b) => (a.recognisedAt === b.recognisedAt ? (a.spiralId < b.spiralId ? -1 : 1) : a.recognisedAt < b.recognisedAt ? -1 : 1))
    .map(({ spiralId, title, measure, step, adoptedAt, gains, gainStatus, measurements, changeSupport, cycles, assessments }) => ({
      ...{ spiralId, title, measure, step, adoptedAt, gains, gainStatus },
      ...{ measurements, changeSupport, cycles, assessments },
    }));
  return { ...view, spirals: listed };
}
