import type { ChangeStamp } from './change-stamp';

/**
 * At most this many parts are held per stamp: a regional reader holds four per region (112 for the
 * 28 SHAs), and figures at many distinct as-of moments must not grow memory without bound.
 */
const MAX_PARTS = 256;

/** One read of the views at a change stamp: parts loaded at it are held until the stamp moves. */
export interface StampedSnapshot {
  /** The change stamp read, as a key: undefined when the views are read every time (nothing may be held). */
  readonly stamp: string | undefined;
  part<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * What a view reader derives from its documents, held in memory while the projection's change
 * stamp stands: a read after no change is a lookup. A part is held only when the stamp read after
 * loading it is the one read before, so nothing loaded across a commit is kept. Views without a
 * stamp (a generation built before stamps, still serving during a blue/green catch-up) are read
 * every time.
 */
export class StampedCache {
  private held: { readonly key: string; readonly parts: Map<string, unknown> } | undefined;

  constructor(private readonly readStamp: () => Promise<ChangeStamp | undefined>) {}

  async snapshot(): Promise<StampedSnapshot> {
    const key = stampKey(await this.readStamp());
    if (key === undefined) return { stamp: undefined, part: (_name, load) => load() };
    if (this.held?.key !== key) this.held = { key, parts: new Map() };
    const parts = this.held.parts;
    return {
      stamp: key,
      part: async <T>(name: string, load: () => Promise<T>): Promise<T> => {
        if (parts.has(name)) {
          const held = parts.get(name) as T;
          // Least recently used goes first: a reader's regular parts stay while one-off ones come and go.
          parts.delete(name);
          parts.set(name, held);
          return held;
        }
        const value = await load();
        if (stampKey(await this.readStamp()) === key) {
          if (parts.size >= MAX_PARTS) parts.delete(parts.keys().next().value as string);
          parts.set(name, value);
        }
        return value;
      },
    };
  }
}

function stampKey(stamp: ChangeStamp | undefined): string | undefined {
  return stamp === undefined ? undefined : `${stamp.generation}:${stamp.changes}`;
}

/**
 * Whether a reader may hold what it read from a view store. Not from one several processes write
 * (it offers `exclusively`, as the MongoDB store does): there a commit's documents are applied one
 * collection at a time after its commit point (the MongoDB adapter's CommitJournal), so the stamp
 * may be seen moved before the rest and a half-applied commit could be held until the next one.
 */
export function mayHoldViewsOf(views: { readonly exclusively?: unknown }): boolean {
  return views.exclusively === undefined;
}
