import { describeWithEngine, isReachable, uniqueName } from '@spiral/ports/testing';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { needBody } from '../e2e/support/local-spirals';
import { DistributedProcesses, type Identity, type Level } from './support/distributed-processes';
import { freshReplay, liveViews, type ViewsById } from './support/fresh-replay';

// The distributed system as separate OS processes (npm run distributed:up) on PostgreSQL, Kafka
// and FerretDB: commands and views only over HTTP, crashes only by signal. Needs `npm run build`
// and `npm run infra:up`; `npm run test:distributed` runs it (CI too, after the tests).

const pgUrl = process.env['PG_URL'] ?? 'postgres://spiral@127.0.0.1:5433/spiral';
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const mongoUrl = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const hostOf = (url: string) => url.replace(/^[a-z]+:\/\/([^@/]*@)?/, '').split(/[/?,]/)[0] ?? '';
const VIEW_TIMEOUT_MS = 120_000;
/** Services on +1..+3, relay +10, projectors +11/+12; another base keeps two runs on one machine apart. */
const PORT_BASE = Number(process.env['SPIRAL_PROCESSES_PORT_BASE'] ?? 3100);

const localRx1: Identity = { role: 'local', org: 'RX1', sha: 'Q01' };
const localRx2: Identity = { role: 'local', org: 'RX2', sha: 'Q02' };
const regionQ01: Identity = { role: 'regional', sha: 'Q01' };
const nation: Identity = { role: 'national' };

const teamBody = (identity: Identity, n: number) => ({ name: `Stroke unit ${n}`, orgCode: identity.org, shaCode: identity.sha, specialty: 'stroke' });
const knowledge = { practiceIds: [], peerSpiralIds: [], sources: ['Stroke guideline 2004'], question: 'How do others thrombolyse within the hour?' };

async function eventually<T>(what: string, ask: () => Promise<T>, holds: (answer: T) => void): Promise<T> {
  const deadline = Date.now() + VIEW_TIMEOUT_MS;
  for (;;) {
    const answer = await ask();
    try {
      holds(answer);
      return answer;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describeWithEngine('the distributed system as OS processes', { name: 'PostgreSQL', variable: 'PG_URL', address: hostOf(pgUrl) }, () => {
  if (!isReachable(brokers.split(',')[0] ?? '') || !isReachable(hostOf(mongoUrl))) {
    it('needs Kafka and a MongoDB-wire server (npm run infra:up)', () => {
      throw new Error(`Kafka (${brokers}) or MongoDB (${mongoUrl}) does not answer: run 'npm run infra:up'`);
    });
    return;
  }
  const suffix = uniqueName('e2e').toLowerCase().replace(/[^a-z0-9_]/g, '_');
  let system: DistributedProcesses;

  const post = async (identity: Identity, path: string, body: object): Promise<string> => {
    const response = await fetch(system.url('local', path), {
      method: 'POST',
      headers: { ...system.bearer(identity), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { id?: string };
    if (response.status !== 201 || answer.id === undefined) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer.id;
  };
  const view = async (level: Level, identity: Identity, path: string): Promise<Record<string, unknown>> => {
    const response = await fetch(system.url(level, path), { headers: system.bearer(identity) });
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    system = await DistributedProcesses.up({ suffix, pgUrl, brokers, mongoUrl, portBase: PORT_BASE });
  }, 200_000);

  afterAll(async () => {
    await system?.down();
    await dropEverything(suffix);
  }, 120_000);

  it('carries a command on the local service to the regional and national views, over HTTP only', async () => {
    const teamId = await post(localRx1, '/teams', teamBody(localRx1, 0));
    const spiralId = await post(localRx1, '/spirals', needBody(teamId));
    await post(localRx1, `/spirals/${spiralId}/knowledge`, knowledge);

    await eventually('the regional funnel with the spiral at knowing', () => view('regional', regionQ01, '/regions/Q01/view'), (answer) => {
      expect(answer['funnel']).toMatchObject({ knowing: 1, total: 1 });
    });
    await eventually('the national view with the team', () => view('national', nation, '/national/view'), (answer) => {
      expect(answer['teamsRegistered']).toBe(1);
    });
  }, 180_000);

  it('loses nothing and counts nothing twice when a projector and the relay are killed -9 under load', async () => {
    let load = true;
    const made = { teams: 0, spirals: 0 };
    const writer = async (identity: Identity, lane: number) => {
      for (let n = 0; load; n++) {
        const teamId = await post(identity, '/teams', teamBody(identity, lane * 1000 + n));
        made.teams++;
        const spiralId = await post(identity, '/spirals', needBody(teamId));
        made.spirals++;
        await post(identity, `/spirals/${spiralId}/knowledge`, knowledge);
      }
    };
    const writers = [writer(localRx1, 1), writer(localRx2, 2), writer(localRx1, 3)];

    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await system.kill('projector-1');
    await system.kill('relay');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await system.restartMissing();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    load = false;
    await Promise.all(writers);
    expect(made.spirals).toBeGreaterThan(10);

    await eventually('the national view with every team', () => view('national', nation, '/national/view'), (answer) => {
      expect(answer['teamsRegistered']).toBe(made.teams + 1);
    });
    const replayed = await freshReplay(system.eventStoreUrl);
    await eventually<ViewsById>('every live view equal to a fresh replay of the store', () => liveViews(mongoUrl, system.mongoDatabase), (live) => {
      expect(live).toEqual(replayed);
    });
  }, 300_000);
});

/** The run's schema, topics and view database, so the engines keep nothing of it. */
async function dropEverything(suffix: string): Promise<void> {
  const pg = new Client({ connectionString: pgUrl });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS ${suffix} CASCADE`).finally(() => pg.end());
  const mongo = await new MongoClient(mongoUrl).connect();
  await mongo.db(`spiral_${suffix}`).dropDatabase().finally(() => mongo.close());
  const admin = new Kafka({ clientId: 'spiral-e2e-cleanup', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${suffix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
