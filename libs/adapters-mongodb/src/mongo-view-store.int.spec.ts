import { describeWithEngine } from '@spiral/adapters-kafka/testing';
import { rejectionOf, uniqueName, viewStoreContract, type ViewStoreHarness } from '@spiral/ports/testing';
import { MongoClient } from 'mongodb';
import { Lane } from './lane';
import { CHECKPOINTS, JOURNAL, planChanges } from './mongo-view-commit';
import { ProjectionLeases } from './mongo-projection-lease';
import { MongoViewStore } from './mongo-view-store';
import { writeChanges } from './mongo-view-writes';

const url = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
/** host:port of the URL's first host, for the reachability check. */
const address = url.replace(/^[a-z+]+:\/\//, '').replace(/^[^@/]*@/, '').split(/[/?,]/)[0] ?? '';

/** A store on a database of its own, dropped afterwards, so tests and runs never meet. */
async function openStore(): Promise<ViewStoreHarness & { store: MongoViewStore; database: string }> {
  const database = uniqueName('contract');
  let open = await MongoViewStore.connect({ url, database });
  const first = open;
  return {
    store: first,
    database,
    reopen: async () => {
      await open.close();
      open = await MongoViewStore.connect({ url, database });
      return open;
    },
    cleanup: async () => {
      await open.close();
      const client = await MongoClient.connect(url);
      await client.db(database).dropDatabase();
      await client.close();
    },
  };
}

describeWithEngine('MongoViewStore', { name: 'MongoDB', variable: 'MONGO_URL', address }, () => {
  viewStoreContract('MongoViewStore', openStore);

  describe('on MongoDB', () => {
    let harness: Awaited<ReturnType<typeof openStore>>;
    beforeEach(async () => {
      harness = await openStore();
    });
    afterEach(() => harness.cleanup());

    it('refuses a reserved collection name, storing nothing of the commit', async () => {
      const { store } = harness;
      const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
      const reserved = [
        { kind: 'put', collection, id: 'a', document: { n: 1 } },
        { kind: 'put', collection: 'checkpoints', id: 'a', document: { n: 1 } },
      ] as const;
      expect(String(await rejectionOf(store.commit(projection, reserved, 3)))).toMatch(/reserved/);
      expect(await store.find(collection)).toEqual([]);
      expect(await store.checkpoint(projection)).toBe(0);
    });

    it('keeps any JSON key, and filters only on top-level scalars', async () => {
      const { store } = harness;
      const collection = uniqueName('docs');
      const odd = { _id: 'own', 'a.b': 1, $where: [[1]], list: [1], nested: { n: null } };
      await store.commit(uniqueName('projection'), [{ kind: 'put', collection, id: 'a', document: odd }], 1);
      expect(await store.get(collection, 'a')).toStrictEqual(odd);
      expect(await store.find(collection, { list: null })).toEqual([]);
      expect(await store.find(collection, { nested: null })).toEqual([]);
      expect(await store.find(collection, { missing: null })).toEqual([odd]);
    });

    it('completes a commit the server broke off half way, before the checkpoint is read again', async () => {
      const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
      const raw = await MongoClient.connect(url);
      try {
        // The server refuses the second put (a unique index the store does not know of): a failure
        // after the commit point, with the first put written and the checkpoint not moved.
        const views = raw.db(harness.database).collection(collection);
        await views.createIndex({ n: 1 }, { unique: true, name: 'break_it' });
        const changes = [
          { kind: 'put', collection, id: 'a', document: { n: 1 } },
          { kind: 'put', collection, id: 'b', document: { n: 1 } },
        ] as const;
        expect(await rejectionOf(harness.store.commit(projection, changes, 8))).toBeDefined();
        expect(await harness.store.find(collection)).toEqual([{ n: 1 }]);
        await views.dropIndex('break_it');
      } finally {
        await raw.close();
      }
      const reopened = await harness.reopen();
      // Outside the lease: the last finished commit's position, nothing recovered; under it, the commit completed.
      expect(await reopened.checkpoint(projection)).toBe(0);
      const underLease = reopened.exclusively?.bind(reopened);
      expect(await underLease?.(projection, () => reopened.checkpoint(projection))).toBe(8);
      expect(await reopened.find(collection)).toEqual([{ n: 1 }, { n: 1 }]);
    });

    it('journals a commit larger than the pending mark holds in chunks, completes it after a break, and leaves no chunk behind', async () => {
      const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
      const raw = await MongoClient.connect(url);
      // Five documents of 1.2 MB: over the 4 MiB a pending mark holds, so the commit takes two chunks.
      const pad = 'x'.repeat(1_200_000);
      const changes = ['a', 'b', 'c', 'd', 'e'].map((id, index) => ({ kind: 'put', collection, id, document: { n: Math.min(index, 3), pad } }) as const);
      try {
        const views = raw.db(harness.database).collection(collection);
        await views.createIndex({ n: 1 }, { unique: true, name: 'break_it' });
        expect(await rejectionOf(harness.store.commit(projection, changes, 6))).toBeDefined();
        expect(await raw.db(harness.database).collection(JOURNAL).countDocuments()).toBe(2);
        await views.dropIndex('break_it');
        const reopened = await harness.reopen();
        expect(await reopened.exclusively?.(projection, () => reopened.checkpoint(projection))).toBe(6);
        expect((await reopened.find<{ n: number }>(collection)).map(({ n }) => n)).toEqual([0, 1, 2, 3, 3]);
        expect(await raw.db(harness.database).collection(JOURNAL).countDocuments()).toBe(0);
        await reopened.commit(projection, changes.slice(0, 4), 7);
        expect(await raw.db(harness.database).collection(JOURNAL).countDocuments()).toBe(0);
      } finally {
        await raw.close();
      }
    });

    it('completes the commit another member broke off half way before committing after it (a projector killed mid-commit)', async () => {
      const [projection, collection, own] = [uniqueName('projection'), uniqueName('docs'), uniqueName('own')];
      const survivor = await MongoViewStore.connect({ url, database: harness.database });
      const raw = await MongoClient.connect(url);
      const commitAlone = (store: MongoViewStore, changes: Parameters<MongoViewStore['commit']>[1], at: number) => store.exclusively(projection, () => store.commit(projection, changes, at));
      try {
        // The survivor has committed before, so it holds the projection as clean.
        await commitAlone(survivor, [{ kind: 'put', collection: own, id: 'x', document: { n: 0 } }], 1);
        const views = raw.db(harness.database).collection(collection);
        await views.createIndex({ n: 1 }, { unique: true, name: 'break_it' });
        const dying = [
          { kind: 'put', collection, id: 'a', document: { n: 1 } },
          { kind: 'put', collection, id: 'b', document: { n: 1 } },
        ] as const;
        expect(await rejectionOf(commitAlone(harness.store, dying, 2))).toBeDefined();
        await views.dropIndex('break_it');
        await commitAlone(survivor, [{ kind: 'put', collection: own, id: 'y', document: { n: 3 } }], 3);
        expect(await survivor.find(collection)).toEqual([{ n: 1 }, { n: 1 }]);
        expect(await survivor.find(own)).toEqual([{ n: 0 }, { n: 3 }]);
        expect(await survivor.checkpoint(projection)).toBe(3);
      } finally {
        await raw.close();
        await survivor.close();
      }
    });

    /** A member's commit as it finishes (past its commit point, its journal already deleted), with `beside` run meanwhile from another process. */
    async function besideFinishingCommit<T>(projection: string, beside: (other: MongoViewStore) => Promise<T>): Promise<{ early: boolean; result: T }> {
      const other = await MongoViewStore.connect({ url, database: harness.database });
      const raw = await MongoClient.connect(url);
      const checkpoints = raw.db(harness.database).collection<{ _id: string }>(CHECKPOINTS);
      try {
        let acted: Promise<T> | undefined;
        let early = false;
        await harness.store.exclusively(projection, async () => {
          await checkpoints.updateOne({ _id: projection }, { $set: { position: 4, pending: { commit: 'finishing', chunks: 1, position: 9 } } }, { upsert: true });
          acted = beside(other);
          void acted.then(() => (early = true), () => (early = true));
          await new Promise((resolve) => setTimeout(resolve, 300));
          await checkpoints.updateOne({ _id: projection }, { $set: { position: 9 }, $unset: { pending: '' } });
        });
        return { early, result: await (acted as Promise<T>) };
      } finally {
        await raw.close();
        await other.close();
      }
    }

    // Recovering a member's pending commit beside the member finishing it found its journal
    // deleted (a projector starting beside another): only a holder of the lease recovers.
    it("commits after another member's pending commit only once that member let go of the lease, never recovering it beside the member finishing it", async () => {
      const projection = uniqueName('projection');
      const { early, result } = await besideFinishingCommit(projection, async (other) => {
        await other.commit(projection, [], 10);
        return other.checkpoint(projection);
      });
      expect(early).toBe(false);
      expect(result).toBe(10);
    });

    // A level service's /health reads checkpoints: it must not wait for any projector's lease.
    it("reads the last finished commit's position beside another member's commit in flight, at once, recovering nothing", async () => {
      const projection = uniqueName('projection');
      const { early, result } = await besideFinishingCommit(projection, (other) => other.checkpoint(projection));
      expect(early).toBe(true);
      expect(result).toBe(4);
    });

    it('reads a checkpoint only between commits, never recovering one in flight', async () => {
      const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
      const changes = Array.from({ length: 300 }, (_, n) => ({ kind: 'put', collection, id: `d${n}`, document: { n } }) as const);
      const [, during] = await Promise.all([harness.store.commit(projection, changes, 5), harness.store.checkpoint(projection)]);
      expect(during).toBe(5);
      expect(await harness.store.find(collection)).toHaveLength(300);
    });

    it('writes the same changes twice at once without refusing either (a recovery racing the commit)', async () => {
      const collection = uniqueName('docs');
      const raw = await MongoClient.connect(url);
      try {
        const planned = planChanges(Array.from({ length: 200 }, (_, n) => ({ kind: 'put', collection, id: `d${n}`, document: { n } }) as const));
        // Two lanes: as two processes would write.
        await Promise.all([writeChanges(raw.db(harness.database), planned, new Lane()), writeChanges(raw.db(harness.database), planned, new Lane())]);
      } finally {
        await raw.close();
      }
      expect(await harness.store.find(collection, {}, { sortBy: 'n' })).toEqual(Array.from({ length: 200 }, (_, n) => ({ n })));
    });

    it("writes by the writer's word whether a document is stored, and stays right where the word is wrong", async () => {
      const [projection, collection] = [uniqueName('projection'), uniqueName('docs')];
      await harness.store.commit(projection, ['kept', 'said-absent'].map((id) => ({ kind: 'put', collection, id, document: { id, n: 1 } })), 1);
      await harness.store.commit(
        projection,
        [
          { kind: 'put', collection, id: 'kept', document: { id: 'kept', n: 2 }, stored: true },
          { kind: 'put', collection, id: 'said-absent', document: { id: 'said-absent', n: 2 }, stored: false },
          { kind: 'put', collection, id: 'said-stored', document: { id: 'said-stored', n: 2 }, stored: true },
          { kind: 'put', collection, id: 'new', document: { id: 'new', n: 2 }, stored: false },
        ],
        2,
      );
      expect(await harness.store.find(collection)).toEqual(['kept', 'new', 'said-absent', 'said-stored'].map((id) => ({ id, n: 2 })));
    });

    // FerretDB v1.24 holds a pooled connection per statement of an update command until the command
    // ends: five projections replacing 60 stored documents each, in bulks of 50 at once, waited on
    // each other for ever (255 connections wanted of 100) and the database stopped answering.
    it('replaces many stored documents for several projections at once, and finishes', async () => {
      const collection = uniqueName('docs');
      const projections = Array.from({ length: 5 }, () => uniqueName('projection'));
      const puts = (projection: string, n: number) => Array.from({ length: 60 }, (_, index) => ({ kind: 'put', collection, id: `${projection}.${index}`, document: { n } }) as const);
      await Promise.all(projections.map((projection) => harness.store.commit(projection, puts(projection, 1), 1)));
      await Promise.all(projections.map((projection) => harness.store.commit(projection, puts(projection, 2), 2)));
      const stored = await harness.store.find(collection);
      expect(stored).toHaveLength(300);
      expect(stored.every((document) => document['n'] === 2)).toBe(true);
    });

    it('keeps a lease between turns that follow each other, taking it once, and lets go of it when idle or closed', async () => {
      const client = new MongoClient(url, { monitorCommands: true });
      await client.connect();
      const commands: string[] = [];
      client.on('commandStarted', (event) => commands.push(`${event.commandName} ${String(event.command[event.commandName])}`));
      const leases = new ProjectionLeases(client.db(harness.database), { ttlMs: 30_000, retryMs: 5, maxRetryMs: 50, keepIdleMs: 100 });
      const [projection, other] = [uniqueName('projection'), uniqueName('projection')];
      const turns: boolean[] = [];
      try {
        for (let turn = 0; turn < 3; turn += 1) turns.push(await leases.hold(projection, (held) => Promise.resolve(held.othersMayHaveWritten)));
        expect(turns).toEqual([true, false, false]);
        expect(commands.filter((command) => command.startsWith('update leases'))).toHaveLength(1);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(commands.filter((command) => command.startsWith('delete leases'))).toHaveLength(1);
        await leases.hold(other, () => Promise.resolve());
        await leases.releaseAll();
        expect(await client.db(harness.database).collection('leases').countDocuments()).toBe(0);
      } finally {
        await client.close();
      }
    });

    it("tells each turn whether another process held the projection's lease since this one's last", async () => {
      const other = await MongoViewStore.connect({ url, database: harness.database });
      const projection = uniqueName('projection');
      const turnOf = (store: MongoViewStore) => store.exclusively(projection, (turn) => Promise.resolve(turn.othersMayHaveWritten));
      try {
        expect([await turnOf(harness.store), await turnOf(harness.store), await turnOf(other), await turnOf(other), await turnOf(harness.store)]).toEqual([true, false, true, false, true]);
      } finally {
        await other.close();
      }
    });

    it('reads several documents in one query, leaving absent ones out', async () => {
      const collection = uniqueName('docs');
      await harness.store.commit(uniqueName('projection'), ['a', 'b', 'c'].map((id) => ({ kind: 'put', collection, id, document: { id } })), 1);
      const found = await harness.store.getMany(collection, ['c', 'missing', 'a']);
      expect([...found].sort()).toEqual([
        ['a', { id: 'a' }],
        ['c', { id: 'c' }],
      ]);
    });

    it('stores documents as JSON would, and reports a closed store unhealthy', async () => {
      const { store } = harness;
      const collection = uniqueName('docs');
      const document = { when: new Date('2005-06-01T00:00:00.000Z'), gone: undefined, kept: 1 };
      await store.commit(uniqueName('projection'), [{ kind: 'put', collection, id: 'a', document }], 1);
      expect(await store.get(collection, 'a')).toStrictEqual({ when: '2005-06-01T00:00:00.000Z', kept: 1 });
      await store.close();
      expect((await store.health()).ok).toBe(false);
    });
  });
});
