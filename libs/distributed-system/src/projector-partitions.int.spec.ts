import { SqliteViewStore } from '@spiral/adapters-embedded';
import { describeWithEngine } from '@spiral/adapters-kafka/testing';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { systemClock, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import { uniqueName } from '@spiral/ports/testing';
import { ProjectionRunner, type Projection } from '@spiral/projections';
import { batchesOf, historyArbitrary, viewContents, withRedeliveries } from '@spiral/projections/testing';
import fc from 'fast-check';
import { MongoClient } from 'mongodb';
import { ALL_PROJECTIONS } from './projector.module';

const mongoUrl = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const address = mongoUrl.replace(/^[a-z+]+:\/\//, '').replace(/^[^@/]*@/, '').split(/[/?,]/)[0] ?? '';
const PARTITIONS = 3;
const perStreamFeed = { ordering: 'per-stream' } as EventFeed;
const unusedStore = {} as EventStore;

/** The partition a stream's events go to (Kafka hashes the key, the stream id; any stable hash will do here). */
const partitionOf = (event: EventEnvelope) => [...event.streamId].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % PARTITIONS;

/** How a partition reaches its consumer: some events again later, once rewound to an earlier offset (a rebalance before a commit), in batches. */
const deliveryPlan = fc.record({
  redeliveries: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 10 })), { maxLength: 4 }),
  rewind: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
});
type DeliveryPlan = typeof deliveryPlan extends fc.Arbitrary<infer T> ? T : never;

function delivered(events: readonly EventEnvelope[], plan: DeliveryPlan): EventEnvelope[][] {
  let sequence = withRedeliveries(events, events.length === 0 ? [] : plan.redeliveries);
  if (plan.rewind !== undefined && sequence.length > 0) {
    const reached = plan.rewind[0] % sequence.length;
    const from = plan.rewind[1] % (reached + 1);
    sequence = [...sequence.slice(0, reached + 1), ...sequence.slice(from)];
  }
  return batchesOf(sequence, plan.cuts);
}

/** One consumer (a projector process): its own store connection and runners, its partitions' batches taken in turn. */
async function consume(views: ViewStore, projections: readonly Projection[], partitions: readonly EventEnvelope[][][]): Promise<void> {
  const runners = projections.map((projection) => new ProjectionRunner(projection, perStreamFeed, views, unusedStore, systemClock));
  for (let round = 0; partitions.some((batches) => round < batches.length); round += 1) {
    for (const batches of partitions) {
      const batch = batches[round];
      if (batch !== undefined) await Promise.all(runners.map((runner) => runner.apply(batch)));
    }
  }
}

/**
 * Every projection's documents, in the order viewContents gives whatever the store's. Lists inside
 * them are compared as they are: a document fed by several streams (a team's gains, cycles and
 * assessments) keeps them in the order of a key of their entries (withKeyedEntry), so they list the
 * same however the partitions interleaved; in arrival order they did not (found by this property).
 */
async function allViews(views: ViewStore): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const projection of ALL_PROJECTIONS) {
    for (const [collection, documents] of Object.entries(await viewContents(projection, views))) all[`${projection.name}.${collection}`] = documents;
  }
  return all;
}

/**
 * Every view, as two projector processes build it over the partitions (each its own, both on one
 * database, at once, with events delivered again and partitions rewound), equals the view one
 * runner builds from the history in global order: what scaling the projector out must keep.
 */
describeWithEngine('projectors splitting the partitions (MongoDB wire)', { name: 'MongoDB', variable: 'MONGO_URL', address }, () => {
  const databases: string[] = [];

  afterAll(async () => {
    const client = await MongoClient.connect(mongoUrl);
    for (const database of databases) await client.db(database).dropDatabase();
    await client.close();
  });

  it('builds the same views with two consumers over the partitions as with one over the history (property)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.array(deliveryPlan, { minLength: PARTITIONS, maxLength: PARTITIONS }), fc.nat({ max: PARTITIONS - 1 }), async (history, plans, split) => {
        const reference = await SqliteViewStore.openFile(':memory:');
        await consume(reference, ALL_PROJECTIONS, [[history]]);
        const partitions = Array.from({ length: PARTITIONS }, (_, partition) => delivered(history.filter((event) => partitionOf(event) === partition), plans[partition]!));
        const database = uniqueName('spiral_partitions');
        databases.push(database);
        const [a, b] = await Promise.all([MongoViewStore.connect({ url: mongoUrl, database }), MongoViewStore.connect({ url: mongoUrl, database })]);
        try {
          // Consumer a takes the partitions up to `split`, b the rest (as a group of two members is assigned).
          await Promise.all([consume(a, ALL_PROJECTIONS, partitions.slice(0, split + 1)), consume(b, ALL_PROJECTIONS, partitions.slice(split + 1))]);
          expect(await allViews(a)).toEqual(await allViews(reference));
        } finally {
          await Promise.all([a.close(), b.close(), reference.close()]);
        }
      }),
      { numRuns: 4 },
    );
  }, 600_000);
});
