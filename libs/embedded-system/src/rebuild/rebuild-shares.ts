import { projectionKey, type Projection } from '@spiral/projections';

/**
 * What each projection costs a rebuild beyond the scan every thread pays, relative to one another:
 * each projection rebuilt alone from the default seed into an in-memory view store, less the scan
 * (shared machine, two runs: team view 2.5 s, national 2.3, regional 1.7, spiral 1.3, organisation
 * 0.7, catalogue under 0.1). A projection not listed counts as the lightest listed.
 */
const REBUILD_WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['local-team-view', 25],
  ['national-view', 23],
  ['regional-view', 17],
  ['local-spiral-view', 13],
  ['local-organisation-view', 7],
  ['practice-catalogue', 1],
]);

/**
 * The projections dealt out to `threads` rebuild threads, heaviest first, each to the thread with
 * the least work so far, so the threads finish together; threads left without a projection are
 * not listed. Answers projection keys.
 */
export function rebuildShares(projections: readonly Projection[], threads: number): string[][] {
  const weightOf = (projection: Projection) => REBUILD_WEIGHTS.get(projection.name) ?? 1;
  const shares = Array.from({ length: Math.max(1, Math.min(threads, projections.length)) }, () => ({ weight: 0, keys: [] as string[] }));
  for (const projection of [...projections].sort((a, b) => weightOf(b) - weightOf(a))) {
    const lightest = shares.reduce((least, share) => (share.weight < least.weight ? share : least));
    lightest.weight += weightOf(projection);
    lightest.keys.push(projectionKey(projection));
  }
  return shares.map((share) => share.keys);
}
