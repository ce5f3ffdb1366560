import { isAtOrBefore } from '@spiral/analytics';
import type { SpiralSummary } from './spiral-summary';

/**
 * A spiral's summary as it stood at `moment`, from its timeline (spiral-timeline.ts): undefined
 * before its need was recognised; its step, liveness, last activity, adoption and gains as folding
 * only its events up to the moment would have left them. A withdrawn gain is gone from the summary
 * whenever the withdrawal happened, so as of a moment before the withdrawal it is missing here
 * although a replay would still count it.
 */
export function summaryAsOf(summary: SpiralSummary, moment: string): SpiralSummary | undefined {
  if (!isAtOrBefore(summary.recognisedAt, moment)) return undefined;
  const at = (instant: string | null): string | null => (instant !== null && isAtOrBefore(instant, moment) ? instant : null);
  const step = (summary.steps ?? []).filter((entry) => isAtOrBefore(entry.at, moment)).at(-1)?.step ?? summary.step;
  const lastEventAt = (summary.activity ?? []).filter((instant) => isAtOrBefore(instant, moment)).at(-1) ?? summary.lastEventAt;
  const gains = summary.gains
    .filter((episode) => isAtOrBefore(episode.achievedAt, moment))
    .map((episode) => ({ achievedAt: episode.achievedAt, sustainedAt: at(episode.sustainedAt), lostAt: at(episode.lostAt) }));
  const adoption = summary.adoption !== null && isAtOrBefore(summary.adoption.at, moment) ? summary.adoption : null;
  return { ...summary, step, live: step !== 'closed', lastEventAt, gains, adoption };
}
