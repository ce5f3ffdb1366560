import type { EngineHealth, FindOptions, ViewChange, ViewDocument, ViewFilter, ViewStore } from '@spiral/ports';

/**
 * A replay's isolated copy on an engine shared with the live views (MongoDB in distributed mode):
 * every collection and checkpoint of the replay carries its own prefix, so the live collections are
 * neither read nor written. Closing it leaves the shared engine open; drop() removes the copy.
 */
export class PrefixedViewStore implements ViewStore {
  constructor(
    private readonly shared: ViewStore,
    readonly prefix: string,
  ) {
    if (!/^[A-Za-z0-9_]+$/.test(prefix)) throw new Error(`a replay prefix is letters, digits and _ only: "${prefix}"`);
  }

  private named(name: string): string {
    return `${this.prefix}${name}`;
  }

  get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    return this.shared.get<T>(this.named(collection), id);
  }

  find<T extends ViewDocument = ViewDocument>(collection: string, filter?: ViewFilter, options?: FindOptions): Promise<T[]> {
    return this.shared.find<T>(this.named(collection), filter, options);
  }

  commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void> {
    const prefixed = changes.map((change) => ({ ...change, collection: this.named(change.collection) }));
    return this.shared.commit(this.named(projection), prefixed, checkpoint);
  }

  checkpoint(projection: string): Promise<number> {
    return this.shared.checkpoint(this.named(projection));
  }

  drop(projection: string, collections: readonly string[]): Promise<void> {
    return this.shared.drop(this.named(projection), collections.map((collection) => this.named(collection)));
  }

  health(): Promise<EngineHealth> {
    return this.shared.health();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
