import { EventIdInUse } from '@spiral/ports';
import {
  collect,
  describeWithEngine,
  eventStoreContract,
  pendingEvent,
  pendingEvents,
  rejectionOf,
  uniqueStreamId,
  type EventStoreHarness,
} from '@spiral/ports/testing';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { PostgresEventStore } from './postgres-event-store';
import { postgresEngine, postgresUrl } from './testing/postgres-url';
import { freshSchema, inFreshSchema } from './testing/postgres-schema';

describeWithEngine('PostgresEventStore', postgresEngine(), () => {
  eventStoreContract('PostgresEventStore', () => inFreshSchema());

  describe('beyond the contract', () => {
    let harness: EventStoreHarness;
    let schema: string;
    beforeEach(async () => {
      schema = freshSchema();
      harness = await inFreshSchema(schema);
    });
    afterEach(() => harness.cleanup());

    it('names the stream that holds an event id another stream asks for', async () => {
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const taken = pendingEvent();
      await harness.store.append(a, [taken], 'no_stream');
      const error = await rejectionOf(harness.store.append(b, [taken], 'any'));
      expect(error).toBeInstanceOf(EventIdInUse);
      expect(error).toMatchObject({ storedIn: a });
    });

    it('never lets a reader following the global order skip an event, with appenders in several processes', async () => {
      // Four stores, each its own pool, stand for four processes appending at once; a fifth follows
      // the global order page by page, as a relay does, while they write.
      const writers = await Promise.all([1, 2, 3, 4].map(() => PostgresEventStore.connect(postgresUrl(), { schema, poolSize: 2 })));
      const follower = await PostgresEventStore.connect(postgresUrl(), { schema, pageSize: 7 });
      try {
        let writing = true;
        const followed: EventEnvelope[] = [];
        const follow = (async () => {
          for (let idle = 0; writing || idle < 2; ) {
            const page = await collect(follower.readAll({ after: followed[followed.length - 1]?.globalPosition ?? 0, pageSize: 7 }));
            followed.push(...page);
            idle = page.length === 0 ? idle + 1 : 0;
          }
        })();
        const appended = await Promise.all(
          writers.flatMap((writer, w) =>
            Array.from({ length: 25 }, (_, i) => writer.append(`writer-${w}-${i % 5}`, pendingEvents(1 + (i % 3)), 'any')),
          ),
        );
        writing = false;
        await follow;
        const everything = await collect(follower.readAll());
        expect(everything.length).toBe(appended.reduce((sum, { events }) => sum + events.length, 0));
        expect(followed.map((event) => event.eventId)).toEqual(everything.map((event) => event.eventId));
      } finally {
        await Promise.all([...writers, follower].map((store) => store.close()));
      }
    });

    it('wakes a subscriber in another process when an append commits', async () => {
      const other = await PostgresEventStore.connect(postgresUrl(), { schema });
      try {
        const start = await other.headPosition();
        const received = new Promise<EventEnvelope>((resolve) => {
          const subscription = other.subscribeToAll(start).subscribe((event) => {
            subscription.unsubscribe();
            resolve(event);
          });
        });
        const { events } = await harness.store.append(uniqueStreamId(), [pendingEvent()], 'no_stream');
        expect((await received).eventId).toBe(events[0]?.eventId);
      } finally {
        await other.close();
      }
    });
  });
});
