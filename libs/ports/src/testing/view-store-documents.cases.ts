import type { ViewDocument, ViewStore } from '../view-store.port';
import { rejectionOf, uniqueName } from './fixtures';
import type { HarnessOf, ViewStoreHarness } from './harness';

/** Puts documents (id → document) into one collection in one commit. */
async function putAll(store: ViewStore, collection: string, documents: Record<string, ViewDocument>): Promise<void> {
  const changes = Object.entries(documents).map(([id, document]) => ({ kind: 'put' as const, collection, id, document }));
  await store.commit(uniqueName('projection'), changes, 1);
}

const NESTED: ViewDocument = {
  name: 'Ward 7 “North” – ünïcødé ✓ 🩺',
  quoted: 'a "quote", a \\ backslash,\na newline and a\ttab',
  count: 0,
  negative: -17.25,
  tiny: 1e-9,
  largest: Number.MAX_SAFE_INTEGER,
  yes: true,
  no: false,
  nothing: null,
  empty: { list: [], object: {} },
  chart: { points: [{ period: '2005-01-01', value: 3.5, signals: ['shift', 'trend'] }], limits: [1, 2.5, null] },
  matrix: [[1, 2], [3, [4, { deep: 'yes' }]]],
};

export function documentCases(harness: HarnessOf<ViewStoreHarness>): void {
  it('returns nothing for an unknown document or collection', async () => {
    const { store } = harness();
    expect(await store.get(uniqueName('nowhere'), 'x')).toBeUndefined();
    expect(await store.find(uniqueName('nowhere'))).toEqual([]);
  });

  it('round-trips nested JSON exactly, key order included', async () => {
    const { store } = harness();
    const collection = uniqueName('docs');
    await putAll(store, collection, { nested: NESTED });
    const read = await store.get(collection, 'nested');
    expect(read).toStrictEqual(NESTED);
    expect(JSON.stringify(read)).toBe(JSON.stringify(NESTED));
    expect(await store.find(collection)).toStrictEqual([NESTED]);
  });

  it('replaces a document on put rather than merging it', async () => {
    const { store } = harness();
    const collection = uniqueName('docs');
    await putAll(store, collection, { a: { first: 1, second: 2 } });
    await putAll(store, collection, { a: { first: 3 } });
    expect(await store.get(collection, 'a')).toStrictEqual({ first: 3 });
  });

  it('deletes a document, and deleting a missing one is harmless', async () => {
    const { store } = harness();
    const collection = uniqueName('docs');
    await putAll(store, collection, { a: { n: 1 }, b: { n: 2 } });
    await store.commit(uniqueName('projection'), [
      { kind: 'delete', collection, id: 'a' },
      { kind: 'delete', collection, id: 'never-there' },
    ], 2);
    expect(await store.get(collection, 'a')).toBeUndefined();
    expect(await store.find(collection)).toEqual([{ n: 2 }]);
  });

  it('keeps collections apart', async () => {
    const { store } = harness();
    const [teams, spirals] = [uniqueName('teams'), uniqueName('spirals')];
    await putAll(store, teams, { same: { kind: 'team' } });
    await putAll(store, spirals, { same: { kind: 'spiral' } });
    expect(await store.get(teams, 'same')).toEqual({ kind: 'team' });
    expect(await store.find(spirals)).toEqual([{ kind: 'spiral' }]);
  });
}

const TEAMS: Record<string, ViewDocument> = {
  t3: { name: 'Cardiology', region: 'Q01', spirals: 3, live: true, closedAt: null },
  t1: { name: 'Ambulance', region: 'Q01', spirals: 1, live: false },
  t4: { name: 'Diabetes', region: 'Q02', spirals: 5, live: true, closedAt: '2005-01-01' },
  t2: { name: 'Breast screening', region: 'Q01', spirals: '3', live: true },
  t5: { name: 'Endoscopy', region: 'Q02', spirals: 1, live: true },
};
const names = (documents: readonly ViewDocument[]): unknown[] => documents.map((document) => document['name']);

export function findCases(harness: HarnessOf<ViewStoreHarness>): void {
  let collection = '';
  beforeEach(async () => {
    collection = uniqueName('teams');
    await putAll(harness().store, collection, TEAMS);
  });

  it('lists a collection in id order without a sort', async () => {
    expect(names(await harness().store.find(collection))).toEqual([
      'Ambulance', 'Breast screening', 'Cardiology', 'Diabetes', 'Endoscopy',
    ]);
  });

  it('filters by equality on top-level fields, type included', async () => {
    const { store } = harness();
    expect(names(await store.find(collection, { region: 'Q02' }))).toEqual(['Diabetes', 'Endoscopy']);
    expect(names(await store.find(collection, { region: 'Q01', live: true }))).toEqual(['Breast screening', 'Cardiology']);
    expect(names(await store.find(collection, { spirals: 3 }))).toEqual(['Cardiology']);
    expect(names(await store.find(collection, { spirals: '3' }))).toEqual(['Breast screening']);
    expect(names(await store.find(collection, { live: false }))).toEqual(['Ambulance']);
    expect(names(await store.find(collection, { region: 'Q09' }))).toEqual([]);
  });

  it('matches null against a null or a missing field', async () => {
    const found = await harness().store.find(collection, { closedAt: null });
    expect(names(found)).toEqual(['Ambulance', 'Breast screening', 'Cardiology', 'Endoscopy']);
  });

  it('sorts by a field, ascending or descending, ties in id order, and limits', async () => {
    const { store } = harness();
    const q01Live = { region: 'Q01', live: true };
    expect(names(await store.find(collection, {}, { sortBy: 'name', descending: true }))).toEqual([
      'Endoscopy', 'Diabetes', 'Cardiology', 'Breast screening', 'Ambulance',
    ]);
    expect(names(await store.find(collection, { live: true }, { sortBy: 'name', limit: 2 }))).toEqual([
      'Breast screening', 'Cardiology',
    ]);
    expect(names(await store.find(collection, q01Live, { sortBy: 'name', descending: true, limit: 1 }))).toEqual([
      'Cardiology',
    ]);
    const numeric = await store.find(collection, { region: 'Q02' }, { sortBy: 'spirals' });
    expect(names(numeric)).toEqual(['Endoscopy', 'Diabetes']);
    const ties = await store.find(collection, { live: true }, { sortBy: 'region', descending: true });
    expect(names(ties)).toEqual(['Diabetes', 'Endoscopy', 'Breast screening', 'Cardiology']);
  });

  it('refuses field names that are not plain identifiers', async () => {
    const { store } = harness();
    expect(await rejectionOf(store.find(collection, { 'a.b': 1 }))).toBeDefined();
    expect(await rejectionOf(store.find(collection, { '$where': 1 }))).toBeDefined();
    expect(await rejectionOf(store.find(collection, {}, { sortBy: "name') DESC; --" }))).toBeDefined();
  });
}
