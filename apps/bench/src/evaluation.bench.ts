import { SqliteEventStore } from '@spiral/adapters-embedded';
import { evaluate, inMemoryCopies } from '@spiral/replay';

export interface EvaluationRun {
  /** The two moments compared: the last event's time and a year before it. */
  readonly moments: readonly [string, string];
  readonly seconds: number;
}

/**
 * An evaluation of two moments on a seeded data folder (`spiral evaluate --as-of --compare`, as
 * the worker runs it, without the process's start-up): the last event's time and a year before,
 * so every seed size compares a year of its own history.
 */
export async function evaluationOfTwoMoments(dataDir: string): Promise<EvaluationRun> {
  const store = await SqliteEventStore.open(dataDir);
  try {
    const head = await store.headPosition();
    let last: string | undefined;
    for await (const event of store.readAll({ after: head - 1, pageSize: 1 })) last = event.occurredAt;
    if (last === undefined) throw new Error(`${dataDir} holds no events to evaluate`);
    const yearBefore = new Date(last);
    yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
    const moments = [last, yearBefore.toISOString()] as const;
    const started = performance.now();
    await evaluate(store, inMemoryCopies(), { asOf: moments[0], compare: moments[1] }, new Date().toISOString());
    return { moments, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}
