import { kaplanMeier, type KaplanMeierCurve } from '../statistics/kaplan-meier';
import { DAY_MS, daysBetween, earlierOf, isAtOrBefore } from '../time/calendar';

export interface TimeToAdoptInput {
  readonly publishedAt: string | null;
  readonly retiredAt: string | null;
  readonly asOf: string;
  /** Each adopting team's first adoption, at any time (those after asOf count as not yet). */
  readonly adoptedAt: readonly string[];
  /** Teams registered by the as-of moment: the teams that could adopt. */
  readonly teamsRegistered: number;
}

export type TimeToAdopt =
  | {
      readonly estimated: true;
      readonly unit: 'days';
      /** Follow-up ends at the as-of moment, or at retirement when earlier: then no team can adopt. */
      readonly followedUntil: string;
      readonly teams: number;
      readonly adopted: number;
      readonly notYetAdopted: number;
      /** 1 − S at the end of follow-up: the estimated share of teams that have adopted. */
      readonly adoptedShare: number;
      readonly curve: KaplanMeierCurve;
    }
  | { readonly estimated: false; readonly reason: string };

/**
 * Time from a practice's publication to each team's first adoption, by Kaplan–Meier: every team
 * registered by the as-of moment is followed from publication; a team that has not adopted is
 * censored at the end of follow-up. An adoption dated before publication (history entered late)
 * counts as at once (0 days).
 */
export function timeToAdopt(input: TimeToAdoptInput): TimeToAdopt {
  const { publishedAt, retiredAt, asOf } = input;
  if (publishedAt === null) return { estimated: false, reason: 'the practice has not been published' };
  if (!isAtOrBefore(publishedAt, asOf)) return { estimated: false, reason: `the practice was not published by ${asOf}` };
  const followedUntil = retiredAt === null ? asOf : earlierOf(asOf, retiredAt);
  // Each instant parsed once (the national view reads this for every practice on every request):
  // the same comparisons and day counts as isAtOrBefore and daysBetween.
  const [published, until] = [Date.parse(publishedAt), Date.parse(followedUntil)];
  const adopted = input.adoptedAt.map((at) => Date.parse(at)).filter((at) => at <= until);
  const teams = Math.max(input.teamsRegistered, adopted.length);
  if (teams === 0) return { estimated: false, reason: 'no teams were registered' };
  const censorAt = daysBetween(publishedAt, followedUntil);
  const curve = kaplanMeier([
    ...adopted.map((at) => ({ time: Math.max(0, (at - published) / DAY_MS), event: true })),
    // The teams not yet adopting, all censored at the end of follow-up: one entry, read on every national view.
    ...(teams > adopted.length ? [{ time: censorAt, event: false, count: teams - adopted.length }] : []),
  ]);
  const last = curve.steps.at(-1)?.survival ?? 1;
  return { estimated: true, unit: 'days', followedUntil, teams, adopted: adopted.length, notYetAdopted: teams - adopted.length, adoptedShare: 1 - last, curve };
}
