import type { GainEpisode } from '@spiral/analytics';
import type { PracticeDocument } from './practice-document';
import type { ImpactEntry, PracticeSpiralDocument } from './practice-spiral-document';

/** A practice as its figures are judged: its document with its adopting spirals' gains and impact. */
export type Practice = PracticeDocument & {
  /** By adopting spiral with a gain: its gains. */
  readonly gains: Readonly<Record<string, GainEpisode[]>>;
  /** By adopting spiral with a gain achieved: what adopting did to its measure. */
  readonly impact: Readonly<Record<string, ImpactEntry>>;
};

/** Each practice with its adopting spirals' entries, in the practices' order. */
export function practicesOf(practices: readonly PracticeDocument[], spirals: readonly PracticeSpiralDocument[]): Practice[] {
  const byPractice = new Map<string, PracticeSpiralDocument[]>();
  for (const spiral of spirals) {
    const entries = byPractice.get(spiral.practiceId);
    if (entries === undefined) byPractice.set(spiral.practiceId, [spiral]);
    else entries.push(spiral);
  }
  return practices.map((practice) => {
    const entries = byPractice.get(practice.practiceId) ?? [];
    // fromEntries defines own keys, so a spiral id such as "__proto__" stays an entry.
    return {
      ...practice,
      gains: Object.fromEntries(entries.filter((entry) => entry.gains.length > 0).map((entry) => [entry.spiralId, entry.gains])),
      impact: Object.fromEntries(entries.flatMap((entry) => (entry.impact === null ? [] : [[entry.spiralId, entry.impact]]))),
    };
  });
}
