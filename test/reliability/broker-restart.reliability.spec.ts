import { Logger } from '@nestjs/common';
import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { KafkaEventFeed } from '@spiral/adapters-kafka';
import { isReachable } from '@spiral/adapters-kafka/testing';
import { ALL_PROJECTIONS, EventRelay } from '@spiral/distributed-system';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { ProjectionRunner } from '@spiral/projections';
import type { Clock, EventFeed, ViewStore } from '@spiral/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshReplay, mismatchedProjections } from './support/crash-loop';
import { reportFigures, type Cell } from './support/figures';
import { LagWatch, tallyAgainstStore, type Outage } from './support/lag-watch';
import { PrivateKafka } from './support/private-kafka';
import { setting, sized } from './support/profile';
import { SteadyLoad } from './support/steady-load';
import { syntheticHistory } from './support/synthetic-history';
import { tallyProjection } from './support/tally-projection';

// Issue #6, suite 4: the Kafka broker stopped and started again under a steady load of stored
// events relayed to Kafka and projected: events lost 0, seconds unavailable, maximum lag.
const RATE = setting('RELIABILITY_BROKER_RATE', sized(50, 200));
const SECONDS = setting('RELIABILITY_BROKER_SECONDS', sized(20, 60));
const RESTARTS = setting('RELIABILITY_BROKER_RESTARTS', sized(1, 2));
// A port of its own (and the controller on the next one): the shared broker on 9092 is never touched.
const PORT = setting('RELIABILITY_KAFKA_PORT', 19092);
const TIMEOUT_MS = sized(4, 10) * 60_000;
// Views gathering many streams, compared with a fresh replay besides the tally (each is a consumer group that rejoins).
const MANY_STREAMS = ['local-organisation-view', 'regional-view', 'national-view'];
const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rows: Cell[][] = [];
const headline: string[] = [];

afterAll(() => {
  if (rows.length === 0) return;
  reportFigures({
    suite: 4,
    title: 'Broker restart',
    proves:
      "Events are appended one at a time at a steady rate to the SQLite event store, relayed to a private Kafka broker (its own port and data folder) and projected into SQLite views, while the broker is stopped (SIGTERM, controlled shutdown) and started again mid-run. The relay retries its publish until the broker is back and the consumer groups rejoin: a tally projection with no guard of its own then holds every stored event exactly once, and the views fed by many streams equal a fresh replay. Unavailable: from the stop until the first event stored after the broker answered again is counted in the views; it is the broker's own restart plus the consumer groups' rejoin, which at times waits for the members from before the restart to time out (their session is 10 s; with kafkajs's default of 30 s, earlier runs measured 12 to 68 s). Lag: events stored and not yet counted, sampled every 200 ms. The load is one append per event, sequential, so on a busy machine it falls short of its rate (the first column says what it achieved). One of the first runs found that kafkajs gives up for good on a consumer that crashes with 'Failed to find group coordinator' while the restarted broker loads its groups (the views then stopped for good, silently); KafkaFeedConsumer now starts such a consumer again (its unit spec shows it; the crash is intermittent).",
    command: 'npm run test:reliability -- broker-restart',
    headline: headline.join('; '),
    columns: ['load', 'events stored', 'restarts', 'broker stop + start s', 'seconds unavailable', 'max lag (events)', 'failed publishes retried', 'events lost', 'counted twice', 'mismatched views'],
    rows,
  });
});

/** Counts the relay's failed publishes (it retries each until the broker answers). */
function countingFailures(feed: EventFeed, failures: { count: number }): EventFeed {
  return Object.assign(Object.create(feed) as EventFeed, {
    publish: async (events: readonly EventEnvelope[]) => {
      try {
        await feed.publish(events);
      } catch (error) {
        failures.count += 1;
        throw error;
      }
    },
  });
}

const mismatchedViews = async (views: ViewStore, fresh: ViewStore): Promise<string[]> =>
  (await mismatchedProjections(views, fresh)).filter((name) => MANY_STREAMS.includes(name));

const missing = PrivateKafka.missing();
if (missing !== undefined && process.env['CI'] === 'true') throw new Error(`4. broker restart: ${missing}; CI runs 'npm run infra:up' first, so this is a failure, not a skip`);
if (missing !== undefined) console.warn(`4. broker restart: skipped, ${missing}`);

(missing === undefined ? describe : describe.skip)('4. broker restart', () => {
  const kafka = new PrivateKafka(PORT, PORT + 1);
  const dir = mkdtempSync(join(tmpdir(), 'spiral-broker-restart-'));
  // RELIABILITY_TRACE=1 prints the feeds' warnings (kafkajs reconnects, rebalances) with the lag samples.
  const quiet = { warn: (message: string) => void (process.env['RELIABILITY_TRACE'] && process.stdout.write(`${new Date().toISOString()} ${message}\n`)) };
  afterAll(async () => {
    await kafka.remove();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it(`loses no event while the broker restarts ${RESTARTS} time(s) under ${RATE} events/s for ${SECONDS} s`, async () => {
    if (isReachable(kafka.brokers[0] ?? '')) throw new Error(`127.0.0.1:${PORT} is taken; set RELIABILITY_KAFKA_PORT to a free port (and the next one)`);
    Logger.overrideLogger(['error']);
    await kafka.up();
    const store = await SqliteEventStore.open(join(dir, 'events'));
    const views = await SqliteViewStore.open(join(dir, 'views'));
    const history = syntheticHistory(RATE * (SECONDS + 60));
    const options = { brokers: kafka.brokers, topicPrefix: 'broker-restart', retryDelayMs: 50, logger: quiet };
    const relayFeed = await KafkaEventFeed.connect({ ...options, clientId: 'spiral-reliability-relay' });
    const projectorFeed = await KafkaEventFeed.connect({ ...options, clientId: 'spiral-reliability-projector' });
    const failures = { count: 0 };
    const relay = new EventRelay(store, countingFailures(relayFeed, failures), views, { name: 'relay', batchSize: 200, idleMs: 100, retryDelayMs: 100, maxRetryDelayMs: 2_000 });
    const tally = tallyProjection('tally');
    const projections = [tally, ...ALL_PROJECTIONS.filter((projection) => MANY_STREAMS.includes(projection.name))];
    const runners = projections.map((projection) => new ProjectionRunner(projection, projectorFeed, views, store, clock, 200));
    const load = new SteadyLoad(store, history);
    const watch = new LagWatch(load, tally, views);
    try {
      for (const runner of runners) await runner.start();
      await relay.start();
      watch.start(200);
      const started = Date.now();
      const restartTimes: number[] = [];
      let restarting = true;
      let restartFailed = false;
      const restarts = (async () => {
        for (let restart = 1; restart <= RESTARTS; restart++) {
          await sleep(started + (SECONDS * 1000 * restart) / (RESTARTS + 1) - Date.now());
          const stoppedAt = Date.now();
          await kafka.down();
          // The broker really was gone: nothing answers on its port until it is started again.
          if (isReachable(kafka.brokers[0] ?? '')) throw new Error(`something still answers on 127.0.0.1:${PORT} after the broker stopped`);
          await kafka.up();
          watch.outages.push({ stoppedAt, upAt: Date.now() });
          restartTimes.push((Date.now() - stoppedAt) / 1000);
        }
      })().finally(() => {
        restarting = false;
      });
      restarts.catch(() => (restartFailed = true));
      // The load runs its time, and on past the last restart until an event stored after it is counted.
      const lastSeen = () => watch.outages.at(-1)?.visibleAt !== undefined;
      const loadSeconds = await load.run(RATE, () => !restartFailed && (Date.now() - started < SECONDS * 1000 || restarting || !lastSeen()));
      await restarts;
      const drainedBy = Date.now() + TIMEOUT_MS / 2;
      while ((await watch.lag()) > 0 && Date.now() < drainedBy) await sleep(250);
      watch.stop();

      const { lost, twice } = await tallyAgainstStore(load.storedEvents(), tally, views);
      // The tally drained says nothing of the other groups, which rejoin after the restart each on
      // its own: each view is compared until it converges or the time is up.
      const fresh = await freshReplay(store);
      let mismatched = await mismatchedViews(views, fresh);
      while (mismatched.length > 0 && Date.now() < drainedBy) {
        await sleep(500);
        mismatched = await mismatchedViews(views, fresh);
      }
      await fresh.close();
      const unavailable = watch.outages.map((outage: Outage) => ((outage.visibleAt ?? Number.NaN) - outage.stoppedAt) / 1000);
      const seconds = unavailable.map((value) => value.toFixed(1)).join(' / ');
      rows.push([
        `${SECONDS} s at ${RATE}/s (${loadSeconds.toFixed(0)} s at ${(load.appended / loadSeconds).toFixed(0)}/s done)`,
        load.appended,
        RESTARTS,
        restartTimes.map((value) => value.toFixed(1)).join(' / '),
        seconds,
        watch.maxLag,
        failures.count,
        lost,
        twice,
        mismatched.length === 0 ? 0 : mismatched.join(', '),
      ]);
      headline.push(`${lost} lost and ${twice} counted twice of ${load.appended} events; ${RESTARTS} broker restart(s): unavailable ${seconds} s, max lag ${watch.maxLag} events`);
      expect(watch.outages).toHaveLength(RESTARTS);
      expect(unavailable.every(Number.isFinite)).toBe(true);
      expect(lost).toBe(0);
      expect(twice).toBe(0);
      expect(mismatched).toEqual([]);
    } finally {
      watch.stop();
      await relay.stop();
      for (const runner of runners) await runner.stop();
      await Promise.all([relayFeed.close(), projectorFeed.close()]);
      await Promise.all([store.close(), views.close()]);
    }
  }, TIMEOUT_MS);
});

