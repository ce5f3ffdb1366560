import type { ViewStore } from '@spiral/ports';
import { projectionKey, type Projection } from './projection';

/** Where the switches between a projection's generations are recorded, one document per projection. */
export const GENERATIONS_COLLECTION = 'projection_generations';

/** The generation (version) of a projection that readers read, and when it took over. */
export interface ActiveGeneration {
  readonly [field: string]: unknown;
  readonly name: string;
  readonly version: number;
  /** The generation it replaced, dropped after the switch; null for a first generation. */
  readonly previous: number | null;
  readonly switchedAt: string;
  /** The global position the new generation had applied when it took over. */
  readonly position: number;
}

export function activeGeneration(views: ViewStore, name: string): Promise<ActiveGeneration | undefined> {
  return views.get<ActiveGeneration>(GENERATIONS_COLLECTION, name);
}

/**
 * The generation readers should keep reading while `projection` catches up: the one recorded as
 * active, or, in a store from before switches were recorded, the newest older version with a
 * checkpoint. Undefined when there is none (a first build: nothing else to serve) or when the
 * projection's own generation is the active one.
 */
export async function servingGeneration(views: ViewStore, projection: Projection): Promise<number | undefined> {
  const active = await activeGeneration(views, projection.name);
  if (active !== undefined) return active.version === projection.version ? undefined : active.version;
  for (let version = projection.version - 1; version >= 1; version -= 1) {
    if ((await views.checkpoint(projectionKey({ name: projection.name, version }))) > 0) return version;
  }
  return undefined;
}

/**
 * Records that readers now read `projection`'s generation, in a commit of its own key at the
 * position it has applied (the checkpoint it already holds), so the record is as durable as the views.
 */
export function recordSwitch(views: ViewStore, projection: Projection, previous: number | null, position: number, at: string): Promise<void> {
  const record: ActiveGeneration = { name: projection.name, version: projection.version, previous, switchedAt: at, position };
  return views.commit(projectionKey(projection), [{ kind: 'put', collection: GENERATIONS_COLLECTION, id: projection.name, document: record }], position);
}
