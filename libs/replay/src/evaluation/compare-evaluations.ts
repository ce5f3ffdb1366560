import type { Evaluation, PracticeEvaluation, RegionEvaluation } from './evaluation';

/** A count at two moments and what changed between them. */
export interface CountChange {
  readonly from: number;
  readonly to: number;
  readonly change: number;
}

/** A share at two moments, each with its numerator and denominator; change is null when either is undefined. */
export interface ShareChange {
  readonly from: { readonly numerator: number; readonly denominator: number; readonly share: number | null };
  readonly to: { readonly numerator: number; readonly denominator: number; readonly share: number | null };
  readonly change: number | null;
}

export interface PracticeComparison {
  readonly practiceId: string;
  readonly title: string | null;
  readonly adoptingTeams: CountChange;
  readonly adoptingOrganisations: CountChange;
  readonly adoptingRegions: CountChange;
  readonly gainsAchieved: CountChange;
  /** Of gains old enough to judge at each moment, the share sustained at 12 months. */
  readonly sustainedAt12Months: ShareChange;
  readonly spiralsWithImpact: CountChange;
}

export interface RegionComparison {
  readonly shaCode: string;
  /** Share of registered teams with a live spiral. */
  readonly teamsPenetration: ShareChange;
  readonly gainsAchieved: CountChange;
  readonly gainsSustained: CountChange;
  /** Sustained of achieved. */
  readonly sustainedRate: ShareChange;
}

/** Two moments side by side: `to` minus `from`, per practice and per region. A period is its two ends. */
export interface EvaluationComparison {
  readonly from: string;
  readonly to: string;
  readonly teamsRegistered: CountChange;
  readonly practices: readonly PracticeComparison[];
  readonly regions: readonly RegionComparison[];
}

const count = (from: number, to: number): CountChange => ({ from, to, change: to - from });

function share(from: ShareChange['from'], to: ShareChange['to']): ShareChange {
  return { from, to, change: from.share === null || to.share === null ? null : to.share - from.share };
}

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, share: denominator === 0 ? null : numerator / denominator });

/** Things known at only one of the two moments count as zero at the other (a practice not yet proposed). */
function pairs<T>(from: readonly T[], to: readonly T[], key: (item: T) => string): [string, T | undefined, T | undefined][] {
  const keys = [...new Set([...from.map(key), ...to.map(key)])].sort();
  return keys.map((k) => [k, from.find((item) => key(item) === k), to.find((item) => key(item) === k)]);
}

function practiceComparison(practiceId: string, a: PracticeEvaluation | undefined, b: PracticeEvaluation | undefined): PracticeComparison {
  const sustained = (p: PracticeEvaluation | undefined) => p?.gains.at12Months.sustained ?? ratio(0, 0);
  return {
    practiceId,
    title: b?.title ?? a?.title ?? null,
    adoptingTeams: count(a?.spread.teams ?? 0, b?.spread.teams ?? 0),
    adoptingOrganisations: count(a?.spread.organisations ?? 0, b?.spread.organisations ?? 0),
    adoptingRegions: count(a?.spread.regions ?? 0, b?.spread.regions ?? 0),
    gainsAchieved: count(a?.gains.achieved ?? 0, b?.gains.achieved ?? 0),
    sustainedAt12Months: share(sustained(a), sustained(b)),
    spiralsWithImpact: count(a?.impact.spirals ?? 0, b?.impact.spirals ?? 0),
  };
}

function regionComparison(shaCode: string, a: RegionEvaluation | undefined, b: RegionEvaluation | undefined): RegionComparison {
  const teams = (r: RegionEvaluation | undefined) => ratio(r?.penetration.teams.withLiveSpiral ?? 0, r?.penetration.teams.registered ?? 0);
  const rate = (r: RegionEvaluation | undefined) => ratio(r?.gains.sustained ?? 0, r?.gains.achieved ?? 0);
  return {
    shaCode,
    teamsPenetration: share(teams(a), teams(b)),
    gainsAchieved: count(a?.gains.achieved ?? 0, b?.gains.achieved ?? 0),
    gainsSustained: count(a?.gains.sustained ?? 0, b?.gains.sustained ?? 0),
    sustainedRate: share(rate(a), rate(b)),
  };
}

export function compareEvaluations(from: Evaluation, to: Evaluation): EvaluationComparison {
  return {
    from: from.asOf,
    to: to.asOf,
    teamsRegistered: count(from.teamsRegistered, to.teamsRegistered),
    practices: pairs(from.practices, to.practices, (p) => p.practiceId).map(([id, a, b]) => practiceComparison(id, a, b)),
    regions: pairs(from.regions, to.regions, (r) => r.shaCode).map(([sha, a, b]) => regionComparison(sha, a, b)),
  };
}
