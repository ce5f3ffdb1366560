import type { Direction, GainEpisode, MeasureImpact } from '@spiral/analytics';
import type { SpiralSummary } from '@spiral/projections';

/** The impact of one adopting spiral with an achieved gain, on its own measure. */
export type ImpactEntry = MeasureImpact & { teamId: string; shaCode: string; measure: string; improvement: Direction };

/**
 * One spiral that adopted a catalogue practice (collection `national-practice-spirals`, id = spiral
 * id): its gains, for sustainability, and once it has a gain, what adopting did to its measure.
 * Written with the spiral's summary, whose revision refuses redeliveries, so it takes each event once.
 */
export type PracticeSpiralDocument = {
  spiralId: string;
  practiceId: string;
  gains: GainEpisode[];
  impact: ImpactEntry | null;
  /**
   * Its gains and impact after each change, with the occurredAt of the spiral event that changed
   * them: what the view reads as of a moment (practice-as-of.ts), a withdrawal counting from its
   * own moment. Absent from documents written before it was kept.
   */
  history?: PracticeSpiralAt[];
};

/** The adopting spiral's gains and impact as one of its events left them. */
export type PracticeSpiralAt = Pick<PracticeSpiralDocument, 'gains' | 'impact'> & { at: string };

/**
 * Whether an event may change the spiral's entry: a new list of gains (the summary's fold makes one
 * only on a gain event, so identity tells a change) or a new impact figure. Most of an adopting
 * spiral's events change neither (its measurements before a gain), and need not read the entry.
 */
export function mayChangePracticeSpiral(before: SpiralSummary | undefined, after: SpiralSummary, impact: MeasureImpact | undefined): boolean {
  return before?.gains !== after.gains || impact !== undefined;
}

/**
 * The spiral's entry after a change to the spiral: changed gains, a new impact figure. Undefined
 * when neither changed.
 */
export function practiceSpiralAfter(
  entry: PracticeSpiralDocument,
  before: SpiralSummary | undefined,
  after: SpiralSummary,
  impact: MeasureImpact | undefined,
  at: string,
): PracticeSpiralDocument | undefined {
  // The summary's fold makes a new gains list only on a gain event, so identity tells a change.
  const gainsChanged = (after.gains.length > 0 || entry.gains.length > 0) && before?.gains !== after.gains;
  if (!gainsChanged && impact === undefined) return undefined;
  // With every gain withdrawn, no improvement is attributed to the adoption any more.
  const noGain = after.gains.length === 0;
  const gains = gainsChanged ? after.gains : entry.gains;
  const changedImpact = noGain
    ? null
    : impact === undefined
      ? entry.impact
      : { ...impact, teamId: after.teamId, shaCode: after.shaCode, measure: after.measure.name, improvement: after.measure.improvement };
  // The history is extended in place (the entry is the session's, see ViewSession): a copy per
  // event made each of a spiral's measurements cost as many as it had had.
  const history = entry.history ?? [];
  history.push({ gains, impact: changedImpact, at });
  return { ...entry, gains, impact: changedImpact, history };
}
