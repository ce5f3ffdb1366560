import { SqliteViewStore } from '@spiral/adapters-embedded';
import { TeamRegistered, type EventEnvelope } from '@spiral/event-catalogue';
import { systemClock, type EventFeed, type EventStore, type ExclusiveTurn, type ViewChange, type ViewDocument, type ViewStore } from '@spiral/ports';
import { appliedRevisionsOf } from './applied-events';
import { applyHistory } from './apply-history';
import { ProjectionRunner } from './projection-runner';
import { storedCollection, type Projection } from './projection';
import { applyRedelivering, EnvelopeBuilder, failingOnceOnLast } from './testing';
import { MISS, ViewDocumentCache } from './view-document-cache';

/** Counts teams per organisation: one read-modify-write of the organisation's document per event. */
const teamsPerOrganisation: Projection = {
  name: 'teams-per-organisation',
  version: 1,
  collections: ['organisations'],
  eventTypes: new Set(['TeamRegistered']),
  async apply(event, views) {
    const { orgCode } = event.data as { orgCode: string };
    const current = await views.get<{ teams: number }>('organisations', orgCode);
    views.put('organisations', orgCode, { orgCode, teams: (current?.teams ?? 0) + 1 });
  },
};
const organisations = storedCollection(teamsPerOrganisation, 'organisations');

/** A view store counting the reads of view documents, able to refuse the next commit. */
class CountingViewStore implements ViewStore {
  reads = 0;
  refuseNextCommit = false;
  /** The next commit lands, but its answer is lost (the connection broke after the server committed). */
  loseNextAnswer = false;
  /** Set: the store takes turns as one shared by processes does, answering these in order. */
  exclusively?: ViewStore['exclusively'];
  /** Set: the store reads several documents at once, as one over the network does. */
  getMany?: ViewStore['getMany'];

  constructor(private readonly inner: ViewStore) {}

  get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    if (collection === organisations) this.reads += 1;
    return this.inner.get<T>(collection, id);
  }

  find<T extends ViewDocument = ViewDocument>(collection: string): Promise<T[]> {
    return this.inner.find<T>(collection);
  }

  commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void> {
    if (this.refuseNextCommit) {
      this.refuseNextCommit = false;
      return Promise.reject(new Error('connection lost mid-commit'));
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      return this.inner.commit(projection, changes, checkpoint).then(() => Promise.reject(new Error('connection lost after the commit')));
    }
    return this.inner.commit(projection, changes, checkpoint);
  }

  checkpoint(projection: string): Promise<number> {
    return this.inner.checkpoint(projection);
  }

  drop(projection: string, collections: readonly string[]): Promise<void> {
    return this.inner.drop(projection, collections);
  }

  health(): ReturnType<ViewStore['health']> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

async function setUp(turns?: ExclusiveTurn[]) {
  const views = new CountingViewStore(await SqliteViewStore.openFile(':memory:'));
  if (turns !== undefined) {
    views.exclusively = <T>(_projection: string, work: (turn: ExclusiveTurn) => Promise<T>) => work(turns.shift() ?? { othersMayHaveWritten: false });
  }
  const runner = new ProjectionRunner(teamsPerOrganisation, {} as EventFeed, views, {} as EventStore, systemClock);
  const build = new EnvelopeBuilder();
  let team = 0;
  const registration = (): EventEnvelope => {
    team += 1;
    return build.append(`team-${team}`, TeamRegistered.create({ teamId: `${team}`, name: `Team ${team}`, orgCode: 'RX1', shaCode: 'Q01' }));
  };
  return { views, runner, registration };
}

describe('ProjectionRunner document cache', () => {
  it('reads a document from the store once, then serves it from memory in later batches', async () => {
    const { views, runner, registration } = await setUp();
    for (let batch = 0; batch < 5; batch += 1) await runner.apply([registration()]);
    expect(views.reads).toBe(1);
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 5 });
  });

  it('forgets what it held when a commit fails, so the next batch reads what is stored', async () => {
    const { views, runner, registration } = await setUp();
    await runner.apply([registration()]);
    views.refuseNextCommit = true;
    await expect(runner.apply([registration()])).rejects.toThrow('connection lost mid-commit');
    await runner.apply([registration()]);
    expect(views.reads).toBe(2);
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 2 });
  });

  it('reads the stored checkpoint after a turn whose commit landed though it failed, so the next batch neither repeats it nor moves the checkpoint back', async () => {
    const { views, runner, registration } = await setUp();
    await runner.apply([registration()]);
    views.loseNextAnswer = true;
    const landed = registration();
    await expect(runner.apply([landed])).rejects.toThrow('connection lost after the commit');
    // Redelivered with nothing after it (a globally ordered feed skips it by the checkpoint read again).
    await runner.apply([landed]);
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 2 });
    expect(await views.checkpoint('teams-per-organisation_v1')).toBe(landed.globalPosition);
  });

  it('forgets what it held when another process may have written since its last turn', async () => {
    const { views, runner, registration } = await setUp([{ othersMayHaveWritten: true }, { othersMayHaveWritten: false }, { othersMayHaveWritten: true }]);
    await runner.apply([registration()]);
    await runner.apply([registration()]);
    expect(views.reads).toBe(1);
    // Another member counted a team in between: the next turn must see it.
    await views.commit('teams-per-organisation_v1', [{ kind: 'put', collection: organisations, id: 'RX1', document: { orgCode: 'RX1', teams: 10 } }], 2);
    await runner.apply([registration()]);
    expect(views.reads).toBe(2);
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 11 });
  });

  it("on a turn after another member's, skips what that member's commit holds (the checkpoint read under the lease recovers it), on a globally ordered feed", async () => {
    const { views, runner, registration } = await setUp([{ othersMayHaveWritten: true }, { othersMayHaveWritten: true }]);
    await runner.apply([registration()]);
    const [second, third, fourth] = [registration(), registration(), registration()];
    // Another member applied the second and third events: its commit holds them and position 3.
    await views.commit('teams-per-organisation_v1', [{ kind: 'put', collection: organisations, id: 'RX1', document: { orgCode: 'RX1', teams: 3 } }], third.globalPosition);
    await runner.apply([second, third, fourth]);
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 4 });
  });

  it('is bypassed and emptied by pages of history, which commit past it', async () => {
    const { views, runner, registration } = await setUp();
    await runner.apply([registration()]);
    const page = [registration(), registration()];
    const store = { readAll: () => (async function* () { yield* await Promise.resolve(page); })() } as unknown as EventStore;
    await applyHistory(store, [runner], { upTo: page.at(-1)!.globalPosition });
    await runner.apply([registration()]);
    expect(views.reads).toBe(3);
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 4 });
  });

  it('reads a document once per page of history, even one read on every event and never written', async () => {
    const { views, registration } = await setUp();
    // Reads its organisation's document on every event and writes only elsewhere, as the team view
    // reads a team's document on every point of its spirals and seldom writes it.
    const lookingUp: Projection = {
      ...teamsPerOrganisation,
      async apply(event, session) {
        const { orgCode, teamId } = event.data as { orgCode: string; teamId: string };
        const organisation = await session.get<{ teams: number }>('organisations', orgCode);
        session.put('teams', teamId, { orgCode, known: organisation !== undefined });
      },
      collections: ['organisations', 'teams'],
    };
    const page = [registration(), registration(), registration()];
    const store = { readAll: () => (async function* () { yield* await Promise.resolve(page); })() } as unknown as EventStore;
    await applyHistory(store, [new ProjectionRunner(lookingUp, {} as EventFeed, views, {} as EventStore, systemClock)], { upTo: page.at(-1)!.globalPosition });
    expect(views.reads).toBe(1);
  });

  it('keeps at most the documents it is bounded to, the least recently used leaving first', () => {
    const cache = new ViewDocumentCache(2);
    cache.remember('c', 'a', { n: 1 });
    cache.remember('c', 'b', { n: 2 });
    cache.lookup('c', 'a');
    cache.remember('c', 'c', undefined);
    expect(cache.lookup('c', 'a')).toEqual({ n: 1 });
    expect(cache.lookup('c', 'b')).toBe(MISS);
    expect(cache.lookup('c', 'c')).toBeUndefined();
  });
});

describe('a projection that changes documents in place', () => {
  const inPlace: Projection = {
    ...teamsPerOrganisation,
    async apply(event, views) {
      const { orgCode } = event.data as { orgCode: string };
      const current = await views.get<{ orgCode: string; teams: number }>('organisations', orgCode);
      if (current === undefined) views.put('organisations', orgCode, { orgCode, teams: 1 });
      else {
        current.teams += 1;
        views.put('organisations', orgCode, current);
      }
    },
  };

  it('counts each event once when a pass fails after changing the document the cache holds', async () => {
    const views = new CountingViewStore(await SqliteViewStore.openFile(':memory:'));
    const build = new EnvelopeBuilder();
    const events = [1, 2, 3, 4].map((n) => build.append(`team-${n}`, TeamRegistered.create({ teamId: `${n}`, name: `Team ${n}`, orgCode: 'RX1', shaCode: 'Q01' })));
    const runner = new ProjectionRunner(failingOnceOnLast(inPlace, events), {} as EventFeed, views, {} as EventStore, systemClock);
    await applyRedelivering(runner, events.slice(0, 2));
    await applyRedelivering(runner, events.slice(2));
    expect(await views.get(organisations, 'RX1')).toEqual({ orgCode: 'RX1', teams: 4 });
  });
});

describe('reading ahead on a store that reads several documents at once', () => {
  it('fetches the documents a batch names in one read per collection, then applies as without it', async () => {
    const { views, runner, registration } = await setUp();
    const orgOf = (event: EventEnvelope) => (event.data as { orgCode: string }).orgCode;
    const batch = [registration(), registration()].map((event, index) => ({ ...event, data: { ...event.data, orgCode: `RX${index}` } }));
    const asked: string[][] = [];
    views.getMany = async <T extends ViewDocument>(collection: string, ids: readonly string[]) => {
      asked.push([...ids]);
      const found = new Map<string, T>();
      for (const id of ids) {
        const document = await views.get<T>(collection, id);
        if (document !== undefined) found.set(id, document);
      }
      return found;
    };
    await runner.apply(batch);
    expect(asked).toEqual([batch.map(orgOf)]);
    expect(await views.find(organisations)).toEqual([
      { orgCode: 'RX0', teams: 1 },
      { orgCode: 'RX1', teams: 1 },
    ]);
  });
});

describe('reading the applied revisions ahead, on a feed ordered per stream', () => {
  it('reads the revision documents a batch needs in one read, and none while they are held', async () => {
    const views = new CountingViewStore(await SqliteViewStore.openFile(':memory:'));
    const asked: { collection: string; ids: number }[] = [];
    const oneByOne: string[] = [];
    const revisions = storedCollection(teamsPerOrganisation, appliedRevisionsOf(teamsPerOrganisation));
    views.getMany = async <T extends ViewDocument>(collection: string, ids: readonly string[]) => {
      asked.push({ collection, ids: ids.length });
      const found = new Map<string, T>();
      for (const id of ids) {
        const document = await views.get<T>(collection, id);
        if (document !== undefined) found.set(id, document);
      }
      return found;
    };
    const get = views.get.bind(views);
    views.get = <T extends ViewDocument>(collection: string, id: string) => {
      if (collection === revisions) oneByOne.push(id);
      return get<T>(collection, id);
    };
    const runner = new ProjectionRunner(teamsPerOrganisation, { ordering: 'per-stream' } as EventFeed, views, {} as EventStore, systemClock);
    const build = new EnvelopeBuilder();
    const batch = Array.from({ length: 40 }, (_, n) => build.append(`team-${n}`, TeamRegistered.create({ teamId: `${n}`, name: `Team ${n}`, orgCode: 'RX1', shaCode: 'Q01' })));
    await runner.apply(batch);
    const revisionReads = asked.filter(({ collection }) => collection === revisions);
    expect(revisionReads).toHaveLength(1);
    // Each was asked for once, inside that one read (getMany here reads them one by one).
    expect(oneByOne).toHaveLength(revisionReads[0]?.ids ?? -1);
    await runner.apply(batch.map((event) => ({ ...event, streamRevision: event.streamRevision + 1 })));
    expect(asked.filter(({ collection }) => collection === revisions)).toHaveLength(1);
    expect(await views.find(organisations)).toEqual([{ orgCode: 'RX1', teams: 80 }]);
  });
});
