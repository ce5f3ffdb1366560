import type { EventEnvelope } from '@spiral/event-catalogue';
import { WrongExpectedRevision, type AppendResult } from '@spiral/ports';
import { describeWithEngine, pendingEvent, pendingEvents, uniqueStreamId } from '@spiral/ports/testing';
import { Client } from 'pg';
import { lockKeyOf, PostgresEventStore } from './postgres-event-store';
import { MAX_GROUP_EVENTS } from './postgres-group-queue';
import { dropSchema, freshSchema } from './testing/postgres-schema';
import { postgresEngine, postgresUrl } from './testing/postgres-url';

/** Every stream gap-free from revision 0 and chained, and every answer what the store holds. */
async function expectChainedAsAnswered(store: PostgresEventStore, results: readonly AppendResult[]): Promise<void> {
  const streams = [...new Set(results.map(({ streamId }) => streamId))];
  for (const streamId of streams) {
    const stream = await store.readStream(streamId);
    expect(stream.map((event) => event.streamRevision)).toEqual(stream.map((_, index) => index));
    stream.slice(1).forEach((event, index) => expect(event.previousHash).toBe(stream[index]?.hash));
  }
  const stored = new Map<string, EventEnvelope>();
  for (const streamId of streams) for (const event of await store.readStream(streamId)) stored.set(event.eventId, event);
  for (const event of results.flatMap((result) => result.events)) expect(stored.get(event.eventId)).toEqual(event);
}

// The pipelined group commit: groups checked outside the lock while the one before commits, and
// checked again under it when another process moved their streams meanwhile.
describeWithEngine('PostgresGroupCommit', postgresEngine(), () => {
  let schema: string;
  const stores: PostgresEventStore[] = [];
  const open = async (): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.connect(postgresUrl(), { schema });
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    schema = freshSchema();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await dropSchema(schema);
  });

  it('commits a burst of more appends than a group holds, to streams of their own, each once', async () => {
    const store = await open();
    const results = await Promise.all(Array.from({ length: 3 * MAX_GROUP_EVENTS }, () => store.append(uniqueStreamId(), [pendingEvent()], 'no_stream')));
    const positions = results.map((result) => result.globalPosition);
    expect(new Set(positions).size).toBe(positions.length);
    expect(await store.headPosition()).toBe(Math.max(...positions));
    await expectChainedAsAnswered(store, results);
  });

  it('keeps streams gap-free and chained when consecutive groups append to the same streams', async () => {
    const store = await open();
    const streams = Array.from({ length: 3 }, () => uniqueStreamId());
    const results = await Promise.all(Array.from({ length: 2 * MAX_GROUP_EVENTS + 10 }, (_, index) => store.append(streams[index % 3] as string, pendingEvents(1), 'any')));
    await expectChainedAsAnswered(store, results);
    expect((await store.readStream(streams[0] as string)).length + (await store.readStream(streams[1] as string)).length + (await store.readStream(streams[2] as string)).length).toBe(results.length);
  });

  it('keeps streams gap-free and chained with two processes appending to the same streams', async () => {
    const [one, two] = [await open(), await open()];
    const streams = Array.from({ length: 4 }, () => uniqueStreamId());
    const append = (store: PostgresEventStore, index: number) => store.append(streams[index % 4] as string, pendingEvents(1 + (index % 2)), 'any');
    const results = await Promise.all(Array.from({ length: 400 }, (_, index) => append(index % 2 === 0 ? one : two, index)));
    await expectChainedAsAnswered(one, results);
    const stored = await Promise.all(streams.map((streamId) => one.readStream(streamId)));
    expect(stored.flat()).toHaveLength(results.reduce((sum, { events }) => sum + events.length, 0));
  });

  it('checks again under the lock an append whose stream another process moved after its lookups', async () => {
    // The test holds the append lock, so both processes check (the stream is empty to both) and then
    // wait for it; whichever inserts second finds revision 0 taken and must check again under the lock.
    const [one, two] = [await open(), await open()];
    const [chained, created] = [uniqueStreamId(), uniqueStreamId()];
    const holder = new Client({ connectionString: postgresUrl() });
    await holder.connect();
    try {
      await holder.query(`BEGIN; SELECT pg_advisory_xact_lock(${lockKeyOf(schema)})`);
      const waiting = async (count: number) => {
        for (;;) {
          const { rows } = await holder.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
          if (Number(rows[0]?.n) >= count) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const first = [one.append(chained, [pendingEvent()], 'any'), one.append(created, [pendingEvent()], 'no_stream')];
      await waiting(1);
      const second = [two.append(chained, [pendingEvent()], 'any'), two.append(created, [pendingEvent()], 'no_stream')];
      await waiting(2);
      await holder.query('COMMIT');
      const outcomes = await Promise.allSettled([...first, ...second]);
      expect(outcomes.map(({ status }) => status).sort()).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(WrongExpectedRevision);
      const stream = await one.readStream(chained);
      expect(stream.map((event) => event.streamRevision)).toEqual([0, 1]);
      expect(stream[1]?.previousHash).toBe(stream[0]?.hash);
      expect(await one.readStream(created)).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });

  it('answers a retry racing the original in another process as a duplicate, stored once', async () => {
    const [one, two] = [await open(), await open()];
    const appends = Array.from({ length: 200 }, () => ({ streamId: uniqueStreamId(), events: pendingEvents(2) }));
    const results = await Promise.all(appends.flatMap(({ streamId, events }) => [one.append(streamId, events, 'no_stream'), two.append(streamId, events, 'no_stream')]));
    for (let index = 0; index < appends.length; index++) {
      const [first, second] = [results[2 * index], results[2 * index + 1]] as [AppendResult, AppendResult];
      expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
      expect(second.events).toEqual(first.events);
    }
    await expectChainedAsAnswered(one, results);
  });
});
