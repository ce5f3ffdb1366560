// Projector throughput with 1, 2, 3… projector OS processes (dist/apps/projector) on the real
// engines (PostgreSQL events, Kafka feed with 3 partitions per topic, FerretDB views), each count on
// a schema, topics and database of its own. The processes start and join their six consumer groups
// first; then a history of teams going through their spirals (every projection applies it) is
// published, and the clock runs until every group has committed every partition's last offset:
// everything applied by all projections, exactly what a rebalance would not redo.
// Usage (after npm run build and infra:up):
//   node -r ./tools/register-typescript.js tools/projector-scale-out.ts [--events 3000] [--processes 1,2,3] [--port-base 4200]
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { projectionKey } from '@spiral/projections';
import { HistoryBuilder } from '@spiral/projections/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';

const arg = (name: string, fallback: string) => process.argv[process.argv.indexOf(`--${name}`) + 1] ?? fallback;
const has = (name: string) => process.argv.includes(`--${name}`);
const EVENTS = Number(has('events') ? arg('events', '3000') : 3000);
const COUNTS = (has('processes') ? arg('processes', '1,2,3') : '1,2,3').split(',').map(Number);
const PORT_BASE = Number(has('port-base') ? arg('port-base', '4200') : 4200);
const pgUrl = process.env['PG_URL'] ?? 'postgres://spiral@127.0.0.1:5433/spiral';
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const mongoUrl = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const ROOT = join(__dirname, '..');
const GROUPS = ALL_PROJECTIONS.map((projection) => projectionKey(projection));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Teams in 20 organisations of 5 regions, each with a spiral that goes to a sustained gain: about 11 events a team. */
function history(events: number): EventEnvelope[] {
  const build = new HistoryBuilder();
  const day = (n: number) => new Date(Date.parse('2004-01-01T00:00:00.000Z') + n * 86_400_000).toISOString();
  build.practice('p-a', { proposedAt: day(0), publishedAt: day(1) });
  for (let team = 0; team * 11 < events; team++) {
    const ref = build.team(`t${team}`, `R${team % 5}-O${team % 20}`, `R${team % 5}`, day(2));
    const start = 10 + (team % 200);
    build
      .spiral(`s${team}`, ref, day(start))
      .pull(day(start + 5))
      .appraise(day(start + 10), 'p-a')
      .adopt(day(start + 15), 'p-a')
      .measure(day(start + 20), [[day(start - 60).slice(0, 10), 80], [day(start - 30).slice(0, 10), 70], [day(start + 20).slice(0, 10), 50]])
      .gain('achieved', day(start + 40))
      .gain('sustained', day(start + 120))
      .close(day(start + 150));
  }
  return build.build();
}

async function storeHistory(eventStoreUrl: string, events: readonly EventEnvelope[]): Promise<EventEnvelope[]> {
  const store = await PostgresEventStore.connect(eventStoreUrl);
  try {
    const byStream = new Map<string, EventEnvelope[]>();
    for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    for (const [streamId, stream] of byStream) await store.append(streamId, stream, 'no_stream');
    const stored: EventEnvelope[] = [];
    for await (const event of store.readAll()) stored.push(event);
    return stored;
  } finally {
    await store.close();
  }
}

function startProjectors(count: number, env: NodeJS.ProcessEnv, logs: string): ChildProcess[] {
  return Array.from({ length: count }, (_, index) => {
    const log = openSync(join(logs, `projector-${index + 1}.log`), 'a');
    const port = String(PORT_BASE + index + 1);
    return spawn('node', [join(ROOT, 'dist/apps/projector/src/main.js')], { env: { ...env, PORT: port, KAFKA_CLIENT_ID: `scale-${index + 1}` }, stdio: ['ignore', log, log] });
  });
}

/** Until every projection's group is stable with `members` members. */
async function groupsJoined(admin: Admin, members: number): Promise<void> {
  for (let tries = 0; tries < 1200; tries++) {
    const { groups } = await admin.describeGroups(GROUPS);
    if (groups.every((group) => group.state === 'Stable' && group.members.length === members)) return;
    await sleep(250);
  }
  throw new Error(`the projectors' groups never had ${members} members each`);
}

/** True when every group has committed every non-empty partition's end offset. */
async function allCommitted(admin: Admin, topics: readonly string[]): Promise<boolean> {
  const ends = new Map<string, string>();
  for (const topic of topics) for (const { partition, offset } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${partition}`, offset);
  for (const groupId of GROUPS) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
      // A partition nothing was published to has end offset 0 and no commit (-1) from any group.
      if (partitions.some(({ partition, offset }) => ends.get(`${topic}/${partition}`) !== '0' && offset !== ends.get(`${topic}/${partition}`))) return false;
    }
  }
  return true;
}

async function measure(count: number, events: readonly EventEnvelope[]): Promise<{ perSecond: number; seconds: number; load: number[] }> {
  const suffix = `scale_${Date.now().toString(36)}_${count}`;
  const eventStoreUrl = `${pgUrl}?schema=${suffix}`;
  const stored = await storeHistory(eventStoreUrl, events);
  const env = { ...process.env, EVENT_STORE_URL: eventStoreUrl, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: suffix, MONGO_URL: mongoUrl, MONGO_DB: `spiral_${suffix}`, SPIRAL_JWT_SECRET: 'scale-out-measurement-secret', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const admin = new Kafka({ clientId: 'scale-out', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const feed = await KafkaEventFeed.connect({ brokers, topicPrefix: suffix, partitions: 3, logger: { warn: () => undefined } });
  const logs = mkdtempSync(join(tmpdir(), `${suffix}-`));
  const projectors = startProjectors(count, env, logs);
  try {
    await groupsJoined(admin, count);
    const started = performance.now();
    for (let from = 0; from < stored.length; from += 1000) await feed.publish(stored.slice(from, from + 1000));
    const topics = feed.topics.all();
    while (!(await allCommitted(admin, topics))) await sleep(200);
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: stored.length / seconds, seconds, load: loadavg() };
  } finally {
    for (const projector of projectors) projector.kill('SIGTERM');
    await Promise.all(projectors.map((projector) => new Promise((resolve) => (projector.exitCode !== null ? resolve(null) : projector.once('exit', resolve)))));
    await feed.close();
    await drop(admin, suffix);
  }
}

async function drop(admin: Admin, suffix: string): Promise<void> {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${suffix}.`));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  await admin.disconnect();
  const mongo = await MongoClient.connect(mongoUrl);
  await mongo.db(`spiral_${suffix}`).dropDatabase().finally(() => mongo.close());
  const pg = new Client({ connectionString: pgUrl });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS ${suffix} CASCADE`).finally(() => pg.end());
}

async function main(): Promise<void> {
  const events = history(EVENTS);
  process.stdout.write(`${events.length} events, ${GROUPS.length} projections, 3 partitions per topic; load before ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
  for (const count of COUNTS) {
    const { perSecond, seconds, load } = await measure(count, events);
    process.stdout.write(`${count} projector process(es): ${perSecond.toFixed(0)} events/s (${seconds.toFixed(1)} s); load ${load.map((n) => n.toFixed(2)).join(' ')}\n`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
