import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import { createProcess, EventRelay, ProjectorModule, type EngineFactories } from '@spiral/distributed-system';
import type { EventStore } from '@spiral/ports';
import { nationalProjections } from '@spiral/national';
import { Projections, projectionKey } from '@spiral/projections';
import { v7 as uuidV7 } from 'uuid';
import type { BenchPlan } from './bench-plan';
import { benchEngines, enginesListening, type BenchEngines } from './distributed-engines';
import { atLeast, below, repeat, spreadOf, type Figure } from './figures';
import { waitFor } from './wait-for';
import { summarise, type LatencySummary } from './percentiles';
import { rawPostgresInserts, viewStoreUpsertCeiling } from './postgres-ceilings';
import { APPENDERS, appendConcurrently, teamRegistered } from './distributed-history';
import { relayThroughput } from './relay-throughput';

const quiet = { warn: () => undefined };
/** Longest wait for one phase; a phase that takes longer is reported as such, not waited out. */
const WAIT_MS = 180_000;
interface DistributedRun {
  readonly appendPerSecond: number;
  readonly rawInsertPerSecond: number;
  readonly relayPerSecond: number;
  readonly relayCpuMicrosPerEvent: number;
  readonly upsertCeilingPerSecond: number;
  readonly projectorPerSecond: number;
  readonly relayedP50: number;
  readonly relayedP99: number;
  readonly lagP50: number;
  readonly lagP99: number;
}

/**
 * The distributed path on the real engines (PostgreSQL, Kafka and FerretDB from `npm run
 * infra:up`), wired in this process: appends to the PostgreSQL event store from APPENDERS concurrent
 * appenders beside raw batched INSERTs into the same table, relay throughput (stored → published
 * and checkpointed, warm, on a history of its own: see relayThroughput), projector throughput (every projection caught up from Kafka into MongoDB)
 * beside the view store's own bulk-upsert rate for the documents it built, then end-to-end lag at
 * a steady rate: from an append's acknowledgement to the national view's checkpoint (committed with
 * its documents) passing it. One partition per topic, so that checkpoint is exact. Skipped, never
 * failed, when the engines are down.
 */
export async function distributed(plan: BenchPlan, say: (line: string) => void): Promise<Figure[]> {
  const engines = benchEngines(process.env);
  const benchmark = '3 distributed (PostgreSQL + Kafka + FerretDB)';
  if (!(await enginesListening(engines))) {
    say('distributed: skipped, PostgreSQL, Kafka or FerretDB is not listening (npm run infra:up starts them)');
    return [{ benchmark, name: 'skipped: PostgreSQL/Kafka/FerretDB not up (npm run infra:up)', unit: '', runs: [] }];
  }
  const runs = await repeat(plan.distributed.runs, async (index) => {
    say(`distributed: run ${index + 1}/${plan.distributed.runs}, ${plan.distributed.events} events, then ${plan.distributed.lagRate}/s`);
    return distributedRun(engines, plan.distributed);
  });
  const note = `${plan.distributed.events.toLocaleString('en-GB')} events, 1 partition`;
  const relayNote = `${plan.distributed.relayEvents.toLocaleString('en-GB')} events, warm, 1 partition`;
  const lagNote = `${plan.distributed.lagRate}/s for ${plan.distributed.lagDurationMs / 1000} s`;
  const of = (pick: (run: DistributedRun) => number) => runs.map(pick);
  return [
    { benchmark, name: 'PostgreSQL append', unit: 'events/s', runs: of((run) => run.appendPerSecond), note: `${plan.distributed.appendEvents.toLocaleString('en-GB')} events a round, ${APPENDERS} appenders, one event each, median of ${APPEND_ROUNDS} rounds` },
    { benchmark, name: 'raw batched INSERT, same table', unit: 'rows/s', runs: of((run) => run.rawInsertPerSecond), note: `500 rows per statement, alternated with the appends` },
    atLeast({ benchmark, name: 'append ÷ raw INSERT', unit: '', runs: of((run) => run.appendPerSecond / run.rawInsertPerSecond) }, 0.5),
    atLeast({ benchmark, name: 'relay throughput', unit: 'events/s', runs: of((run) => run.relayPerSecond), note: relayNote }, 20_000),
    { benchmark, name: 'relay CPU per event', unit: 'µs', runs: of((run) => run.relayCpuMicrosPerEvent), note: 'CPU of the bench process while it relays' },
    { benchmark, name: 'projector throughput (all projections)', unit: 'events/s', runs: of((run) => run.projectorPerSecond), note },
    { benchmark, name: "view store's bulk upsert of the same documents", unit: 'events/s', runs: of((run) => run.upsertCeilingPerSecond), note: 'bulks of 24' },
    atLeast({ benchmark, name: 'projector ÷ view store upsert', unit: '', runs: of((run) => run.projectorPerSecond / run.upsertCeilingPerSecond) }, 0.5),
    { benchmark, name: 'append → published by the relay p50', unit: 'ms', runs: of((run) => run.relayedP50), note: lagNote },
    { benchmark, name: 'append → published by the relay p99', unit: 'ms', runs: of((run) => run.relayedP99), note: lagNote },
    { benchmark, name: 'append → national view p50', unit: 'ms', runs: runs.map((run) => run.lagP50), note: lagNote },
    below({ benchmark, name: 'append → national view p99', unit: 'ms', runs: runs.map((run) => run.lagP99), note: lagNote }, 500),
  ];
}

async function distributedRun(engines: BenchEngines, plan: BenchPlan['distributed']): Promise<DistributedRun> {
  const suffix = uuidV7().replace(/-/g, '');
  const [topicPrefix, database, schema] = [`bench_${suffix}`, `spiral_bench_${suffix}`, `bench_${suffix}`];
  const eventStoreUrl = `${engines.pgUrl}?schema=${schema}`;
  const factories: EngineFactories = {
    eventStore: () => PostgresEventStore.connect(eventStoreUrl),
    viewStore: () => MongoViewStore.connect({ url: engines.mongoUrl, database }),
    eventFeed: () => KafkaEventFeed.connect({ brokers: engines.brokers, topicPrefix, clientId: 'spiral-bench', logger: quiet, partitions: 1 }),
  };
  const store = await PostgresEventStore.connect(eventStoreUrl);
  const feed = await KafkaEventFeed.connect({ brokers: engines.brokers, topicPrefix, clientId: 'spiral-bench', logger: quiet, partitions: 1 });
  const checkpoints = await MongoViewStore.connect({ url: engines.mongoUrl, database });
  const relay = new EventRelay(store, feed, checkpoints, { name: 'bench-relay', idleMs: 20 });
  let projector: Awaited<ReturnType<typeof createProcess>> | undefined;
  try {
    const { appendPerSecond, rawInsertPerSecond } = await appendBesideRawInserts(engines.pgUrl, `${schema}_append`, plan.appendEvents);
    const relayed = await relayThroughput(engines, { schema: `${schema}_relay`, topicPrefix: `${topicPrefix}_relay`, database }, plan.relayEvents);
    await Promise.all(Array.from({ length: plan.events }, (_, index) => store.append(`team-${index}`, [teamRegistered(index)], 'no_stream')));
    await relay.start();
    await waitFor(async () => (await relay.status()).eventsBehind === 0, WAIT_MS, 'the relay to publish the history');

    projector = await createProcess(ProjectorModule.forRoot({ engines: factories, logLevel: 'silent' }));
    await projector.init();
    const projectorPerSecond = await projectorRate(projector.get(Projections), plan.events);
    const upsertCeilingPerSecond = (await viewStoreUpsertCeiling(engines.mongoUrl, database, plan.events)).perSecond;

    const lags = await steadyLag(store, checkpoints, relay, plan);
    return { appendPerSecond, rawInsertPerSecond, relayPerSecond: relayed.perSecond, relayCpuMicrosPerEvent: relayed.cpuMicrosPerEvent, upsertCeilingPerSecond, projectorPerSecond, relayedP50: lags.relayed.p50, relayedP99: lags.relayed.p99, lagP50: lags.national.p50, lagP99: lags.national.p99 };
  } finally {
    await projector?.close();
    await relay.stop();
    await feed.close();
    await checkpoints.close();
    await store.close();
    await dropAll(engines, topicPrefix, database, schema);
  }
}

/** Rounds of appends and raw inserts, alternated back to back so both see the same load on a shared machine. */
const APPEND_ROUNDS = 3;

/**
 * The append path against PostgreSQL's own batched INSERT into the same table (a schema of its
 * own, dropped after): each round appends `events` single-event appends from APPENDERS concurrent
 * appenders, then inserts as many raw rows in statements of 500; the medians of the rounds.
 */
async function appendBesideRawInserts(pgUrl: string, schema: string, events: number) {
  const store = await PostgresEventStore.connect(`${pgUrl}?schema=${schema}`);
  const appends: number[] = [];
  const raws: number[] = [];
  try {
    for (let round = 0; round < APPEND_ROUNDS; round++) {
      appends.push(await appendConcurrently(store, events, `r${round}`));
      raws.push(await rawPostgresInserts(pgUrl, schema, Array.from({ length: events }, (_, index) => teamRegistered(index)), `r${round}`));
    }
  } finally {
    await store.close();
    await dropSchema(pgUrl, schema);
  }
  return { appendPerSecond: spreadOf(appends).median, rawInsertPerSecond: spreadOf(raws).median };
}

async function dropSchema(pgUrl: string, schema: string): Promise<void> {
  const { Client } = await import('pg');
  const pg = new Client({ connectionString: pgUrl });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pg.end());
}

/**
 * Events/s from the first event any projection applies to the last one all have applied: joining
 * the consumer groups (seconds on Kafka, more under load) is start-up, not throughput.
 */
async function projectorRate(projections: Projections, events: number): Promise<number> {
  let firstApplied: number | undefined;
  await waitFor(
    async () => {
      const positions = (await projections.statuses()).map((status) => status.position);
      if (firstApplied === undefined && positions.some((position) => position > 0)) firstApplied = performance.now();
      return positions.every((position) => position >= events);
    },
    WAIT_MS,
    `every projection to apply ${events} events from Kafka`,
  );
  return events / ((performance.now() - (firstApplied ?? performance.now())) / 1000 || Number.NaN);
}

/** How far the steady appends have reached: a checkpoint (or the lowest of several) in the view store. */
interface LagStage {
  readonly name: string;
  readonly reached: () => Promise<number>;
  readonly waiting: { position: number; appendedAt: number }[];
  readonly lags: number[];
}

/**
 * Appends at a steady rate and times each event from its acknowledgement to two points, each polled
 * in a loop of its own (a slow read of one does not delay the other's): the relay's position passing
 * it (stored → acknowledged by Kafka; the relay runs in this process) and the national view's
 * checkpoint (→ projected), so the lag is split between the relay's side and the projector's.
 * The relay's checkpoint in the view store is not the first point: it is written behind the
 * publishing, at the view store's pace (see TrailingCheckpoint).
 */
async function steadyLag(store: EventStore, views: MongoViewStore, relay: EventRelay, plan: BenchPlan['distributed']) {
  const keys = nationalProjections.map((projection) => projectionKey(projection));
  const stage = (name: string, reached: () => Promise<number>): LagStage => ({ name, reached, waiting: [], lags: [] });
  const stages = [
    stage('published by the relay', async () => (await relay.status()).position),
    stage('visible in the national view', async () => Math.min(...(await Promise.all(keys.map((key) => views.checkpoint(key)))))),
  ];
  let polling = true;
  const deadline = performance.now() + plan.lagDurationMs + WAIT_MS;
  const pollers = stages.map(async ({ reached, waiting, lags }) => {
    while ((polling || waiting.length > 0) && performance.now() < deadline) {
      const position = await reached();
      const now = performance.now();
      while (waiting.length > 0 && (waiting[0]?.position ?? Infinity) <= position) lags.push(now - (waiting.shift()?.appendedAt ?? now));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  });
  const total = Math.floor((plan.lagRate * plan.lagDurationMs) / 1000);
  const started = performance.now();
  const appends: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const wait = started + (index * 1000) / plan.lagRate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    appends.push(
      store.append(`lag-${index}`, [teamRegistered(index)], 'no_stream').then((result) => {
        for (const { waiting } of stages) {
          waiting.push({ position: result.globalPosition, appendedAt: performance.now() });
          waiting.sort((a, b) => a.position - b.position);
        }
      }),
    );
  }
  await Promise.all(appends);
  polling = false;
  await Promise.all(pollers);
  for (const { name, waiting } of stages) {
    if (waiting.length > 0) throw new Error(`${waiting.length} of ${total} events were not ${name} ${WAIT_MS / 1000} s after the last append`);
  }
  const [relayed, national] = stages.map(({ lags }) => summarise(lags, performance.now() - started));
  return { relayed: relayed as LatencySummary, national: national as LatencySummary };
}

async function dropAll(engines: BenchEngines, topicPrefix: string, database: string, schema: string): Promise<void> {
  const { Kafka, logLevel } = await import('kafkajs');
  const { MongoClient } = await import('mongodb');
  await dropSchema(engines.pgUrl, schema);
  await dropSchema(engines.pgUrl, `${schema}_relay`);
  const admin = new Kafka({ clientId: 'spiral-bench-cleanup', brokers: [...engines.brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  await admin.disconnect();
  const client = new MongoClient(engines.mongoUrl);
  await client.connect();
  await client.db(database).dropDatabase();
  await client.close();
}
