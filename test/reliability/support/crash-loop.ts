import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import { applyHistory, ProjectionRunner } from '@spiral/projections';
import { viewsHash } from '@spiral/projections/testing';
import { SqliteViewStore } from '@spiral/adapters-embedded';
import type { Clock, EventFeed, EventStore, ViewStore } from '@spiral/ports';
import { isBatch, isCaughtUp, isCommit, type ProjectorLine, type ProjectorProcess } from './projector-process';
import { progress } from './progress';

export interface CrashFigures {
  readonly kills: number;
  readonly killsInsideBatch: number;
  /** Seconds from each restart to its first commit: the process up, its feed joined, a batch applied. */
  readonly recoverySeconds: readonly number[];
}

/** The seeder's generator (mulberry32), so a run's kill points can be told and repeated. */
export { mulberry32 as seededRandom } from '../../../apps/cli/src/seed/prng';

/**
 * Starts the projector and kills it with SIGKILL `kills` times, each at the start of a batch: the
 * first batch after a random number of events (below `spreadEvents`) has been handed to batches
 * since the restart's first commit, so the kill lands inside the batch. Counting events rather than
 * batches keeps the kills spread over the stream whatever size the feed makes its batches (Kafka's
 * vary with the partitions). Stops early if the projector reports it is current before a kill.
 * Leaves the projector running for the last time.
 */
/** A restarted projector has recovered at its first commit, or when it finds nothing left to apply (killed after its last commit). */
const resumed = (line: ProjectorLine): boolean => isCommit(line) || isCaughtUp(line);

export async function killRepeatedly(projector: ProjectorProcess, kills: number, spreadEvents: number, random: () => number, timeoutMs: number): Promise<CrashFigures> {
  const recoverySeconds: number[] = [];
  let killsInsideBatch = 0;
  let done = 0;
  for (; done < kills; done++) {
    const restarted = Date.now();
    projector.start();
    await projector.until(resumed, timeoutMs);
    recoverySeconds.push((Date.now() - restarted) / 1000);
    const aimAt = projector.eventsDelivered + Math.floor(random() * spreadEvents);
    const aimed = await projector.until((line) => ('caughtUp' in line && line.caughtUp > 0) || (isBatch(line) && projector.eventsDelivered - line.size >= aimAt), timeoutMs);
    if (!isBatch(aimed)) break;
    await projector.kill9();
    const inside = projector.batchesInFlight.size > 0;
    if (inside) killsInsideBatch += 1;
    progress(`projector kill ${done + 1}/${kills} (${inside ? "inside a batch" : "between batches"}): ${projector.eventsDelivered} events delivered so far, the last restart recovered in ${recoverySeconds.at(-1)?.toFixed(1)} s`);
  }
  if (done === kills) {
    const restarted = Date.now();
    projector.start();
    await projector.until(resumed, timeoutMs);
    recoverySeconds.push((Date.now() - restarted) / 1000);
  }
  return { kills: done, killsInsideBatch, recoverySeconds };
}

const fixedClock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

/** Every projection rebuilt from the store in one clean pass, into a fresh in-memory view store. */
export async function freshReplay(store: EventStore): Promise<ViewStore> {
  const views = await SqliteViewStore.openFile(':memory:');
  const runners = ALL_PROJECTIONS.map((projection) => new ProjectionRunner(projection, {} as EventFeed, views, store, fixedClock));
  await applyHistory(store, runners, { upTo: await store.headPosition(), pageSize: 500 });
  return views;
}

/** The projections whose views differ between the two stores, compared by content hash. */
export async function mismatchedProjections(crashed: ViewStore, fresh: ViewStore): Promise<string[]> {
  const differing: string[] = [];
  for (const projection of ALL_PROJECTIONS) {
    if ((await viewsHash([projection], crashed)) !== (await viewsHash([projection], fresh))) differing.push(projection.name);
  }
  return differing;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
}
