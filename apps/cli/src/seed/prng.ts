/**
 * The seeder's only source of chance, so the same `--random-seed` gives the same history.
 *
 * mulberry32 (Tommy Ettinger, public domain; as collected in bryc/code "PRNGs.md"): a 32-bit state,
 * a full period of 2^32, and statistical quality well beyond what synthetic history needs.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits: turns a path of names into a seed (http://www.isthe.com/chongo/tech/comp/fnv/). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A stream of chance named by a path (`S01`, `S01-O07`, `S01-O07-T03/spiral-2`). Each part of the plan
 * forks its own by name, so what one SHA draws never shifts what another draws: a change to one
 * planner leaves the rest of the history as it was.
 */
export class Random {
  private readonly next: () => number;

  private constructor(
    private readonly rootSeed: number,
    private readonly path: string,
  ) {
    this.next = mulberry32(fnv1a(`${rootSeed}|${path}`));
  }

  static seeded(rootSeed: number): Random {
    return new Random(rootSeed, '');
  }

  /** A new stream named by this one's path and `name`, whatever this one has drawn so far. */
  fork(name: string | number): Random {
    return new Random(this.rootSeed, `${this.path}/${name}`);
  }

  /** [0, 1) */
  float(): number {
    return this.next();
  }

  /** [min, max) */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the entries, in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [item, weight] of entries) {
      draw -= weight;
      if (draw < 0) return item;
    }
    const last = entries.at(-1);
    if (last === undefined) throw new RangeError('cannot pick from no entries');
    return last[0];
  }

  /** `count` distinct items in random order (a partial Fisher–Yates shuffle). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    for (let i = 0; i < Math.min(count, pool.length); i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
      taken.push(pool[i] as T);
    }
    return taken;
  }

  /** A normal draw (Box–Muller transform). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
