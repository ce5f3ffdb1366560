import { SqliteEventStore } from '@spiral/adapters-embedded';
import { HistoryBuilder } from '@spiral/projections/testing';
import type { EventEnvelope, PendingEvent } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POINTS_PER_SPIRAL = 60;
const EVENTS_PER_SPIRAL = POINTS_PER_SPIRAL + 4;

/**
 * A health service of valid events for the crash suites, built in memory in a second rather than
 * through the command layer (`spiral seed` runs at about 60 commands/s on a busy 2-core machine):
 * 10 regions, two teams per organisation, one spiral per team that adopts one of three practices and
 * records 60 monthly measurements, so most events are MeasurementRecorded, as in real use.
 * At least `minimumEvents` events.
 */
export function syntheticHistory(minimumEvents: number): EventEnvelope[] {
  const history = new HistoryBuilder();
  const practices = ['p-a', 'p-b', 'p-c'];
  practices.forEach((practiceId, index) => history.practice(practiceId, { proposedAt: `2000-0${index + 1}-05`, publishedAt: `2000-0${index + 1}-20` }));
  const spirals = Math.max(1, Math.ceil(minimumEvents / EVENTS_PER_SPIRAL));
  for (let n = 0; n < spirals; n++) {
    const region = `Q${String((n % 10) + 1).padStart(2, '0')}`;
    const org = `${region}-O${String(Math.floor(n / 20) % 50).padStart(2, '0')}`;
    // Each team and spiral starts on its own minute, so their events stay together in the store.
    const day = (offset: number) => new Date(Date.parse('2000-06-01T00:00:00Z') + n * 60_000 + offset * 1_000).toISOString();
    const team = history.team(`t${n}`, org, region, day(0));
    const points = Array.from({ length: POINTS_PER_SPIRAL }, (_, month) => {
      const period = new Date(Date.UTC(2001, month, 1)).toISOString().slice(0, 10);
      return [period, 70 - (month > 30 ? 15 : 0) + ((n * 7 + month * 13) % 11)] as const;
    });
    history
      .spiral(`s${n}`, team, day(1))
      .adopt(day(2), practices[n % practices.length])
      .measure(day(3), points);
  }
  return history.build();
}

/** Appends the history to a store as it was built: one append per run of events of one stream, global order kept. */
export async function appendHistory(store: EventStore, history: readonly EventEnvelope[]): Promise<void> {
  let run: EventEnvelope[] = [];
  const flush = async () => {
    const first = run[0];
    if (first === undefined) return;
    await store.append(first.streamId, run.map(pendingOf), first.streamRevision === 0 ? 'no_stream' : first.streamRevision - 1);
    run = [];
  };
  for (const event of history) {
    if (run.length > 0 && run[0]?.streamId !== event.streamId) await flush();
    run.push(event);
  }
  await flush();
}

function pendingOf(event: EventEnvelope): PendingEvent {
  const { eventId, type, schemaVersion, data, occurredAt, actor, correlationId, causationId } = event;
  return { eventId, type, schemaVersion, data, occurredAt, actor, correlationId, causationId };
}

/** A suite's history: a temporary folder whose event store (`<dir>/events`, as the child processes open it) holds it. */
export interface StoredHistory {
  readonly dir: string;
  readonly store: SqliteEventStore;
  readonly history: EventEnvelope[];
}

/** Makes a temporary folder (named from `prefix`) and stores a synthetic history of at least `minimumEvents` in it. */
export async function storeSyntheticHistory(prefix: string, minimumEvents: number): Promise<StoredHistory> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await SqliteEventStore.open(join(dir, 'events'));
  const history = syntheticHistory(minimumEvents);
  await appendHistory(store, history);
  return { dir, store, history };
}

/** Closes the store and removes the folder; either may be missing when the setup failed early. */
export async function removeStoredHistory(dir: string | undefined, store: SqliteEventStore | undefined): Promise<void> {
  await store?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
