import { localProjections } from '@spiral/local';
import { nationalProjections } from '@spiral/national';
import { appliedRevisionsOf, projectionKey, storedCollectionsOf } from '@spiral/projections';
import { regionalProjections } from '@spiral/regional';

// A projection's generation owns every collection it writes: dropping or rebuilding one view must
// never empty a collection another view reads (the team and organisation views once shared one).
describe('the projections of every level', () => {
  const projections = [...localProjections, ...regionalProjections, ...nationalProjections];

  it('each store their views in collections no other projection writes', () => {
    const owners = new Map<string, string>();
    for (const projection of projections) {
      for (const collection of storedCollectionsOf(projection, [appliedRevisionsOf(projection)])) {
        expect({ collection, alsoWrittenBy: owners.get(collection) }).toEqual({ collection, alsoWrittenBy: undefined });
        owners.set(collection, projectionKey(projection));
      }
    }
    expect(owners.size).toBeGreaterThan(projections.length);
  });
});
