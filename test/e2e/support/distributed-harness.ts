import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SqliteEventStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { MongoViewStore } from '@spiral/adapters-mongodb';
import { createProcess, distributedJobs, LevelServiceModule, LEVELS, ProjectorModule, RelayModule, type EngineFactories, type Level } from '@spiral/distributed-system';
import { readyHttpApp } from '@spiral/http';
import { jobLimitsFrom } from '@spiral/jobs';
import { uniqueName } from '@spiral/ports/testing';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Identity } from './embedded-harness';

const SECRET = 'e2e-distributed-secret-of-length';
const quiet = { warn: () => undefined };

export interface DistributedEngines {
  readonly brokers: readonly string[];
  readonly mongoUrl: string;
}

/**
 * The distributed processes in one jest process, each a Nest app of its own as in production: the
 * local and regional services, the relay and a projector. KurrentDB cannot run here, so the event
 * store is SQLite (each process its own connection to one file); Kafka and the MongoDB-wire server
 * are real. Topics and the database are named uniquely and removed by stop().
 */
export class DistributedHarness {
  private constructor(
    private readonly apps: Readonly<Record<Level | 'relay' | 'projector', INestApplication>>,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(engines: DistributedEngines, levels: readonly Level[] = ['local', 'regional']): Promise<DistributedHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-distributed-'));
    const [topicPrefix, database] = [uniqueName('e2e'), uniqueName('spiral_e2e')];
    // E2E_PARTITIONS overrides the feed's partitions per topic (1 shows whether a failure is about order across partitions).
    const partitions = process.env['E2E_PARTITIONS'] ? { partitions: Number(process.env['E2E_PARTITIONS']) } : {};
    const factories = (feed: boolean): EngineFactories => ({
      eventStore: () => SqliteEventStore.open(dataDir),
      viewStore: () => MongoViewStore.connect({ url: engines.mongoUrl, database }),
      ...(feed ? { eventFeed: () => KafkaEventFeed.connect({ brokers: engines.brokers, topicPrefix, clientId: 'spiral-e2e', retryDelayMs: 50, logger: quiet, ...partitions }) } : {}),
    });
    const boot = async (module: Parameters<typeof createProcess>[0], api: boolean) => {
      return readyHttpApp(await createProcess(module, api ? { api: { maxBodyBytes: 1024 * 1024 } } : {}));
    };
    const apps: Partial<Record<Level | 'relay' | 'projector', INestApplication>> = {};
    apps.relay = await boot(RelayModule.forRoot({ name: 'relay', engines: factories(true), logLevel: 'silent', idleMs: 100 }), false);
    apps.projector = await boot(ProjectorModule.forRoot({ engines: factories(true), logLevel: 'silent' }), false);
    for (const level of levels) {
      // The levels whose views are read in a worker thread get its jobs, on the same views (no event store: no verify here).
      const jobs = LEVELS[level].servesJobs ? { jobs: distributedJobs({ mongo: { url: engines.mongoUrl, database } }, jobLimitsFrom({})) } : {};
      apps[level] = await boot(LevelServiceModule.forRoot({ level, engines: factories(level === 'local'), jwtSecret: SECRET, logLevel: 'silent', ...jobs }), true);
    }
    const cleanup = async () => {
      // Services first, the projector next, the relay last: each stops before what feeds it.
      for (const name of [...levels, 'projector', 'relay'] as const) await apps[name]?.close();
      await dropAll(engines, topicPrefix, database);
      rmSync(dataDir, { recursive: true, force: true });
    };
    return new DistributedHarness(apps as Record<Level | 'relay' | 'projector', INestApplication>, cleanup);
  }

  /** HTTP to one process, as a client would reach it. */
  http(process: Level | 'relay' | 'projector') {
    return request(this.apps[process].getHttpServer() as Parameters<typeof request>[0]);
  }

  bearer(identity: Identity): Record<string, string> {
    const claims = { sub: identity.sub ?? `${identity.role}-${identity.org ?? identity.sha ?? 'user'}`, role: identity.role, org: identity.org ?? null, sha: identity.sha ?? null };
    return { Authorization: `Bearer ${new JwtService({ secret: SECRET }).sign(claims, { algorithm: 'HS256', expiresIn: '1h' })}` };
  }

  stop(): Promise<void> {
    return this.cleanup();
  }
}

async function dropAll(engines: DistributedEngines, topicPrefix: string, database: string): Promise<void> {
  const admin = new Kafka({ brokers: [...engines.brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${topicPrefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
  const mongo = new MongoClient(engines.mongoUrl);
  try {
    await mongo.db(database).dropDatabase();
  } finally {
    await mongo.close();
  }
}
