import type { Direction, GainEpisode, MeasureImpact } from '@spiral/analytics';
import type { SpiralSummary } from '@spiral/projections';

/** Whose an adopting spiral's impact is and on which measure: the same for every figure of the spiral. */
export type ImpactOwner = { teamId: string; shaCode: string; measure: string; improvement: Direction };

/** The impact of one adopting spiral with an achieved gain, on its own measure. */
export type ImpactEntry = MeasureImpact & ImpactOwner;

/**
 * One spiral that adopted a catalogue practice (collection `national-practice-spirals`, id = spiral
 * id): its gains, for sustainability, and once it has a gain, what adopting did to its measure.
 * Written with the spiral's summary, whose revision refuses redeliveries, so it takes each event once.
 */
export type PracticeSpiralDocument = {
  spiralId: string;
  practiceId: string;
  /** Whose the impact figures of `history` are (v6). */
  owner: ImpactOwner;
  gains: GainEpisode[];
  impact: ImpactEntry | null;
  /**
   * Its gains and impact after each change, with the occurredAt of the spiral event that changed
   * them: what the view reads as of a moment (practice-as-of.ts), a withdrawal counting from its
   * own moment. Absent from documents written before it was kept.
   */
  history?: PracticeSpiralAt[];
};

/**
 * The adopting spiral's gains and impact as one of its events left them: the impact's figures
 * without its owner (the document's), the gains only where they changed (the first entry has
 * them). Written whole, every entry repeated both, three fifths of the document: an adopting
 * spiral's every point after a gain adds an entry (national view v6).
 */
export type PracticeSpiralAt = { at: string; impact: MeasureImpact | null; gains?: GainEpisode[] };

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
  const figures: MeasureImpact | null = noGain ? null : (impact ?? entry.history?.at(-1)?.impact ?? null);
  const changedImpact = figures === null ? null : { ...figures, ...entry.owner };
  // The history is extended in place (the entry is the session's, see ViewSession): a copy per
  // event made each of a spiral's measurements cost as many as it had had.
  const history = entry.history ?? [];
  history.push(gainsChanged || history.length === 0 ? { at, impact: figures, gains } : { at, impact: figures });
  return { ...entry, gains, impact: changedImpact, history };
}

/** Whose a spiral's impact is, from its summary: set when its practice entry is made. */
export function impactOwnerOf(spiral: SpiralSummary): ImpactOwner {
  return { teamId: spiral.teamId, shaCode: spiral.shaCode, measure: spiral.measure.name, improvement: spiral.measure.improvement };
}
