import type { EventStore } from '@spiral/ports';

export interface Lag {
  readonly position: number;
  /**
   * The store's head minus the position reached. On SQLite that counts events; on KurrentDB it is
   * a distance in the transaction log (bytes), not a count: 0 exactly when caught up either way.
   */
  readonly eventsBehind: number;
  /** How long the oldest event not yet handled has waited, in seconds; 0 when caught up. */
  readonly secondsBehind: number;
}

/** How far a reader at `position` is behind the store, as the projection runner reports it. */
export async function lagOf(store: EventStore, position: number, now = () => Date.now()): Promise<Lag> {
  const head = await store.headPosition();
  let secondsBehind = 0;
  if (head > position) {
    for await (const next of store.readAll({ after: position, pageSize: 1 })) {
      secondsBehind = Math.max(0, (now() - Date.parse(next.recordedAt)) / 1000);
      break;
    }
  }
  return { position, eventsBehind: Math.max(0, head - position), secondsBehind };
}
