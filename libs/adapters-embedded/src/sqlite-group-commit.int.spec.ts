import { computeEventHash, type EventEnvelope } from '@spiral/event-catalogue';
import { EventIdInUse, PartialDuplicateAppend, WrongExpectedRevision } from '@spiral/ports';
import { pendingEvent, pendingEvents, rejectionOf } from '@spiral/ports/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedHeadLookups } from './sqlite-append-lookups';
import { SqliteEventStore } from './sqlite-event-store';
import { prepareEventStatements } from './sqlite-event-store.schema';
import { openDatabase } from './sqlite/open-database';

/** Appends started in one turn of the event loop share one group; each promise is settled on its own. */
function settledAll<T>(promises: readonly Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(promises);
}

function reasonOf(result: PromiseSettledResult<unknown> | undefined): unknown {
  return result?.status === 'rejected' ? result.reason : undefined;
}

describe('SqliteEventStore group commit', () => {
  let dataDir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'spiral-group-'));
    store = await SqliteEventStore.open(dataDir);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives each append of one group the answer it would get alone, the refused ones storing nothing', async () => {
    await store.append('held', [pendingEvent({ eventId: 'held-1' })], 'no_stream');
    const [twice] = pendingEvents(1);
    const repeated = pendingEvents(2);
    const results = await settledAll([
      store.append('a', pendingEvents(2), 'no_stream'),
      store.append('a', pendingEvents(1), 1),
      store.append('a', pendingEvents(1), 1),
      store.append('b', [twice as NonNullable<typeof twice>], 'no_stream'),
      store.append('b', [twice as NonNullable<typeof twice>], 'any'),
      store.append('c', [pendingEvent({ eventId: 'held-1' })], 'no_stream'),
      store.append('c', [...repeated, pendingEvent({ eventId: repeated[1]?.eventId })], 'no_stream'),
      store.append('b', [twice as NonNullable<typeof twice>, pendingEvent()], 'any'),
      store.append('d', pendingEvents(1), 'no_stream'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    expect(reasonOf(results[2])).toBeInstanceOf(WrongExpectedRevision);
    expect(reasonOf(results[5])).toBeInstanceOf(EventIdInUse);
    expect(reasonOf(results[6])).toBeDefined();
    expect(reasonOf(results[7])).toBeInstanceOf(PartialDuplicateAppend);
    const [first, retry] = results.slice(3, 5).map((result) => (result.status === 'fulfilled' ? result.value : undefined));
    expect(retry?.duplicate).toBe(true);
    expect(retry?.events).toEqual(first?.events);

    expect((await store.readStream('a')).map((event) => event.streamRevision)).toEqual([0, 1, 2]);
    expect(await store.readStream('b')).toHaveLength(1);
    expect(await store.readStream('c')).toEqual([]);
    expect(await store.readStream('d')).toHaveLength(1);
    expectChained(await store.readStream('a'));
  });

  it('sees what another connection appended between groups, and chains after it', async () => {
    const first = await store.append('shared', pendingEvents(1), 'no_stream');
    const other = await SqliteEventStore.open(dataDir);
    try {
      await other.append('shared', pendingEvents(1), 0);
    } finally {
      await other.close();
    }
    expect(await rejectionOf(store.append('shared', pendingEvents(1), 0))).toBeInstanceOf(WrongExpectedRevision);
    const third = await store.append('shared', pendingEvents(1), 1);
    expect(third.revision).toBe(2);
    const stream = await store.readStream('shared');
    expect(stream[0]?.hash).toBe(first.events[0]?.hash);
    expectChained(stream);
  });
});

describe('CachedHeadLookups', () => {
  it('reads a head once, follows its own inserts, and reads again after another connection commits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-heads-'));
    const db = openDatabase(join(dataDir, 'events.sqlite'));
    const other = await SqliteEventStore.open(dataDir);
    try {
      const lookups = new CachedHeadLookups(db, prepareEventStatements(db));
      lookups.beginGroup();
      expect(lookups.head('s')).toBeUndefined();
      const [appended] = (await other.append('s', pendingEvents(1), 'no_stream')).events;
      expect(lookups.head('s')).toBeUndefined(); // cached within the group
      lookups.beginGroup();
      expect(lookups.head('s')).toEqual({ streamRevision: 0, hash: appended?.hash });
      lookups.inserted([{ ...(appended as EventEnvelope), streamRevision: 1, hash: 'h1' }]);
      lookups.beginGroup();
      expect(lookups.head('s')).toEqual({ streamRevision: 1, hash: 'h1' });
      lookups.forget();
      lookups.beginGroup();
      expect(lookups.head('s')).toEqual({ streamRevision: 0, hash: appended?.hash });
    } finally {
      await other.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function expectChained(stream: readonly EventEnvelope[]): void {
  stream.forEach((event, index) => {
    expect(event.previousHash).toBe(index === 0 ? null : stream[index - 1]?.hash);
    expect(computeEventHash(event)).toBe(event.hash);
  });
}
