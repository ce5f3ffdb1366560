import { shareOf, type Share } from '../statistics/descriptive';
import { addCalendarMonths, isAtOrBefore } from '../time/calendar';

/**
 * One gain of a spiral as SPC signalled it (SPEC "Statistical process control"): achieved, then
 * perhaps sustained (12 points on the improved side), perhaps lost. After a loss the chart may
 * signal a new gain: a new episode.
 */
export type GainEpisode = {
  achievedAt: string;
  sustainedAt: string | null;
  lostAt: string | null;
};

export interface HorizonSustainability {
  readonly months: number;
  /** Gains achieved at least `months` before the as-of moment: only they can be judged at it. */
  readonly eligible: number;
  /** Of those, sustained (SPC's sustained signal) by then and not lost by then. */
  readonly sustained: Share;
  /** Of those, not lost by then, whether or not SPC has yet called them sustained. */
  readonly holding: Share;
  readonly lost: number;
}

/**
 * Where each gain stood `months` calendar months after it was achieved. A gain achieved too
 * recently to have reached that age is left out rather than counted as not sustained: counting it
 * would understate sustainability in proportion to recent success.
 */
export function sustainabilityAt(episodes: readonly GainEpisode[], months: number, asOf: string): HorizonSustainability {
  let eligible = 0;
  let sustained = 0;
  let lost = 0;
  for (const episode of episodes) {
    const horizon = addCalendarMonths(episode.achievedAt, months);
    if (!isAtOrBefore(horizon, asOf)) continue;
    eligible += 1;
    const lostBy = episode.lostAt !== null && isAtOrBefore(episode.lostAt, horizon);
    if (lostBy) lost += 1;
    else if (episode.sustainedAt !== null && isAtOrBefore(episode.sustainedAt, horizon)) sustained += 1;
  }
  return { months, eligible, sustained: shareOf(sustained, eligible), holding: shareOf(eligible - lost, eligible), lost };
}

export interface GainSustainability {
  /** Gains achieved by the as-of moment. */
  readonly achieved: number;
  readonly at6Months: HorizonSustainability;
  readonly at12Months: HorizonSustainability;
}

export function gainSustainability(episodes: readonly GainEpisode[], asOf: string): GainSustainability {
  const achieved = episodes.filter((episode) => isAtOrBefore(episode.achievedAt, asOf));
  return { achieved: achieved.length, at6Months: sustainabilityAt(achieved, 6, asOf), at12Months: sustainabilityAt(achieved, 12, asOf) };
}
