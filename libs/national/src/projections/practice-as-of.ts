import { isAtOrBefore } from '@spiral/analytics';
import type { PracticeDocument } from './practice-document';
import type { PracticeSpiralDocument } from './practice-spiral-document';

/**
 * The practice's document as a replay up to the moment leaves it (issue 17 item 3): status,
 * version and evidence level as its last event by then left them, publication and retirement only
 * once they happened; 'unknown' before it was proposed. Adoptions are judged by their own dates
 * (adoptionsBy). A document written before its history was kept is read as it stands.
 */
export function practiceDocumentAsOf(practice: PracticeDocument, moment: string): PracticeDocument {
  if (practice.history === undefined) return practice;
  const history = practice.history.filter((revision) => isAtOrBefore(revision.at, moment));
  const last = history.at(-1);
  const at = (instant: string | null) => (instant !== null && isAtOrBefore(instant, moment) ? instant : null);
  return {
    ...practice,
    status: last?.status ?? 'unknown',
    version: last?.version ?? null,
    evidenceLevel: last?.evidenceLevel ?? null,
    publishedAt: at(practice.publishedAt),
    retiredAt: at(practice.retiredAt),
    history,
  };
}

/**
 * An adopting spiral's gains and impact as its last change by the moment left them: a gain
 * withdrawn later still counts, an impact reflects only the points recorded by then. Undefined
 * before any change; a document written before its history was kept is read as it stands.
 */
export function practiceSpiralAsOf(entry: PracticeSpiralDocument, moment: string): PracticeSpiralDocument | undefined {
  if (entry.history === undefined) return entry;
  const history = entry.history.filter((change) => isAtOrBefore(change.at, moment));
  const last = history.at(-1);
  if (last === undefined) return undefined;
  // An entry keeps its gains only where they changed: the latest by then that has them.
  const gains = history.findLast((change) => change.gains !== undefined)?.gains ?? [];
  return { ...entry, gains, impact: last.impact === null ? null : { ...last.impact, ...entry.owner }, history };
}
