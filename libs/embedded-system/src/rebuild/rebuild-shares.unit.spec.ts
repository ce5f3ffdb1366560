import { projectionKey } from '@spiral/projections';
import fc from 'fast-check';
import { EMBEDDED_PROJECTIONS } from '../embedded-projections';
import { rebuildShares } from './rebuild-shares';

describe('rebuildShares, the projections dealt out to rebuild threads', () => {
  const everyKey = EMBEDDED_PROJECTIONS.map(projectionKey).sort();

  it('gives every projection to exactly one thread, and no thread nothing, for any number of threads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (threads) => {
        const shares = rebuildShares(EMBEDDED_PROJECTIONS, threads);
        expect(shares).toHaveLength(Math.min(threads, EMBEDDED_PROJECTIONS.length));
        expect(shares.every((share) => share.length > 0)).toBe(true);
        expect(shares.flat().sort()).toEqual(everyKey);
      }),
    );
  });

  it('keeps the two heaviest projections, the team view and the national view, apart on two threads', () => {
    const keyOf = (name: string) => projectionKey(EMBEDDED_PROJECTIONS.find((projection) => projection.name === name) ?? fail(name));
    const [first, second] = rebuildShares(EMBEDDED_PROJECTIONS, 2);
    expect(first).toContain(keyOf('local-team-view'));
    expect(second).toContain(keyOf('national-view'));
  });
});
