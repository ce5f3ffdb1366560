import { monthOf, monthsFrom } from '../time/calendar';

/** A team's first adoption of a practice: the spiral that adopted it, where, and when. */
export interface TeamAdoption {
  readonly teamId: string;
  readonly spiralId: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly at: string;
}

export interface SpreadCounts {
  readonly teams: number;
  readonly organisations: number;
  readonly regions: number;
}

export interface SpreadPoint extends SpreadCounts {
  /** 'YYYY-MM'; counts are cumulative to the end of it. */
  readonly month: string;
}

/** Each unit's first adoption month: a unit has adopted once any of its teams has. */
function firstMonths(adoptions: readonly TeamAdoption[], unitOf: (adoption: TeamAdoption) => string): string[] {
  const first = new Map<string, string>();
  for (const adoption of adoptions) {
    const month = monthOf(adoption.at);
    const unit = unitOf(adoption);
    const known = first.get(unit);
    if (known === undefined || month < known) first.set(unit, month);
  }
  return [...first.values()];
}

export function spreadTotals(adoptions: readonly TeamAdoption[]): SpreadCounts {
  return {
    teams: new Set(adoptions.map((a) => a.teamId)).size,
    organisations: new Set(adoptions.map((a) => a.orgCode)).size,
    regions: new Set(adoptions.map((a) => a.shaCode)).size,
  };
}

/**
 * SPEC "Views": spread over time as cumulative adopting teams, organisations and regions by month,
 * from teams' first adoptions. Every month from `from` (or the first adoption's) to `to` (or the
 * last adoption's) is listed, months without adoptions too, so the curve can be drawn as it is.
 */
export function cumulativeSpread(adoptions: readonly TeamAdoption[], range: { readonly from?: string; readonly to?: string } = {}): SpreadPoint[] {
  const teams = firstMonths(adoptions, (a) => a.teamId);
  const organisations = firstMonths(adoptions, (a) => a.orgCode);
  const regions = firstMonths(adoptions, (a) => a.shaCode);
  const sorted = [...teams].sort();
  const from = range.from ?? sorted[0];
  const to = range.to ?? sorted.at(-1);
  if (from === undefined || to === undefined) return [];
  const upTo = (months: readonly string[], month: string) => months.filter((first) => first <= month).length;
  return monthsFrom(from, to).map((month) => ({
    month,
    teams: upTo(teams, month),
    organisations: upTo(organisations, month),
    regions: upTo(regions, month),
  }));
}

export interface RegionSpread {
  readonly shaCode: string;
  readonly teams: number;
  readonly organisations: number;
  readonly byMonth: readonly { readonly month: string; readonly teams: number; readonly organisations: number }[];
}

/** The spread within each region, on the same months as the whole, regions in code order. */
export function spreadByRegion(adoptions: readonly TeamAdoption[], range: { readonly from?: string; readonly to?: string } = {}): RegionSpread[] {
  const months = [...adoptions.map((a) => monthOf(a.at))].sort();
  const whole = { from: range.from ?? months[0], to: range.to ?? months.at(-1) };
  const codes = [...new Set(adoptions.map((a) => a.shaCode))].sort();
  return codes.map((shaCode) => {
    const inRegion = adoptions.filter((a) => a.shaCode === shaCode);
    const totals = spreadTotals(inRegion);
    const byMonth = cumulativeSpread(inRegion, whole).map(({ month, teams, organisations }) => ({ month, teams, organisations }));
    return { shaCode, teams: totals.teams, organisations: totals.organisations, byMonth };
  });
}
