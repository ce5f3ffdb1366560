import type { EngineHealth, FindOptions, ViewChange, ViewDocument, ViewFilter, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection } from './projection';

/**
 * Which stored collections readers are sent elsewhere: while a new generation of a projection
 * catches up, its collections' names lead to the generation still serving.
 */
export class GenerationRouting {
  private readonly routes = new Map<string, Map<string, string>>();

  route(projection: Projection, servingVersion: number): void {
    const serving = { version: servingVersion };
    this.routes.set(projection.name, new Map(projection.collections.map((c) => [storedCollection(projection, c), storedCollection(serving, c)])));
  }

  unroute(name: string): void {
    this.routes.delete(name);
  }

  collection(stored: string): string {
    for (const routes of this.routes.values()) {
      const routed = routes.get(stored);
      if (routed !== undefined) return routed;
    }
    return stored;
  }
}

/**
 * The view store as readers see it (blue/green): reads of a generation still catching up go to
 * the generation serving, so readers never see a half-built view, and move over at the switch.
 * Writes pass through: only projection runners write, each into its own generation, and they are
 * given the store beneath (`inner`) so their own reads are never routed.
 */
export class ActiveViewStore implements ViewStore {
  readonly routing = new GenerationRouting();

  constructor(readonly inner: ViewStore) {}

  get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    return this.inner.get<T>(this.routing.collection(collection), id);
  }

  find<T extends ViewDocument = ViewDocument>(collection: string, filter?: ViewFilter, options?: FindOptions): Promise<T[]> {
    return this.inner.find<T>(this.routing.collection(collection), filter, options);
  }

  commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void> {
    return this.inner.commit(projection, changes, checkpoint);
  }

  checkpoint(projection: string): Promise<number> {
    return this.inner.checkpoint(projection);
  }

  drop(projection: string, collections: readonly string[]): Promise<void> {
    return this.inner.drop(projection, collections);
  }

  health(): Promise<EngineHealth> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
