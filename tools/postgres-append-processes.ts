// PostgreSQL appends from several OS processes at once into one events table (one schema of its
// own, dropped after): each process opens its own PostgresEventStore and runs 250 concurrent
// appenders of one event each, to streams of their own; all start together. What the append lock
// costs when processes take turns at it (the distributed bench measures one process).
// Usage (after infra:up; compare two builds by running it on each commit, back to back):
//   node -r ./tools/register-typescript.js tools/postgres-append-processes.ts [--processes 2] [--events 10000] [--rounds 3]
import 'reflect-metadata';
import { PostgresEventStore } from '@spiral/adapters-postgres';
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { v7 as uuidV7 } from 'uuid';

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const PROCESSES = arg('processes', 2);
const EVENTS = arg('events', 10_000);
const ROUNDS = arg('rounds', 3);
const APPENDERS = 250;
const pgUrl = process.env['PG_URL'] ?? 'postgres://spiral@127.0.0.1:5433/spiral';

interface Done {
  readonly ms: number;
  readonly cpuMicrosPerEvent: number;
}

/** One appending process: connects, says ready, appends on "go", reports its time and CPU. */
async function child(schema: string): Promise<void> {
  const store = await PostgresEventStore.connect(`${pgUrl}?schema=${schema}`);
  process.send?.('ready');
  await new Promise((resolve) => process.once('message', resolve));
  const actor = { id: 'tool', role: 'local', org: 'T01-O01', region: 'T01' } as const;
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const appender = async () => {
    for (let index = next++; index < EVENTS; index = next++) {
      const eventId = uuidV7();
      const data = { teamId: `team-${eventId}`, name: `Ward ${index}`, orgCode: 'T01-O01', shaCode: 'T01' };
      const event = { eventId, type: 'TeamRegistered', schemaVersion: 1, data, occurredAt: '2005-06-01T12:00:00.000Z', actor, correlationId: eventId, causationId: eventId };
      await store.append(`team-${process.pid}-${index}`, [event], 'no_stream');
    }
  };
  await Promise.all(Array.from({ length: APPENDERS }, appender));
  const used = process.cpuUsage(cpu);
  const done: Done = { ms: performance.now() - started, cpuMicrosPerEvent: (used.user + used.system) / EVENTS };
  process.send?.(done);
  await store.close();
}

async function round(): Promise<string> {
  const schema = `append_processes_${uuidV7().replace(/-/g, '')}`;
  await (await PostgresEventStore.connect(`${pgUrl}?schema=${schema}`)).close();
  const children = Array.from({ length: PROCESSES }, () => fork(__filename, ['--child', schema], { execArgv: process.execArgv }));
  const next = <T>(child: (typeof children)[number]) => new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
  try {
    await Promise.all(children.map((each) => next(each)));
    const started = performance.now();
    const finished = Promise.all(children.map((each) => next<Done>(each)));
    children.forEach((each) => each.send('go'));
    const done = await finished;
    const seconds = (performance.now() - started) / 1000;
    const cpu = done.map((each) => each.cpuMicrosPerEvent.toFixed(1)).join(' / ');
    return `${PROCESSES} process(es) × ${EVENTS} events: ${Math.round((PROCESSES * EVENTS) / seconds)} events/s in all; CPU ${cpu} µs an event; load average ${loadavg()[0]?.toFixed(1)}`;
  } finally {
    const pg = new Client({ connectionString: pgUrl });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pg.end());
  }
}

async function main(): Promise<void> {
  for (let index = 0; index < ROUNDS; index++) process.stdout.write(`${await round()}\n`);
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv[childAt + 1] ?? '') : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
