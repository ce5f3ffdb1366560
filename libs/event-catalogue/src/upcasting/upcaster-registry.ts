import { MissingUpcaster, type Upcaster, type VersionedEvent } from './upcaster';

/**
 * Upcasters keyed by (type, fromVersion). Reading an event applies them one version at a time up to
 * the version its definition is at now, so every reader (write path, projections, replays, the
 * feed) only ever sees the current shape. Events of unknown types, or already current (or newer,
 * from a writer that was upgraded first), pass through untouched.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(
    upcasters: readonly Upcaster[],
    private readonly currentVersionOf: (type: string) => number | undefined,
  ) {
    for (const upcaster of upcasters) {
      const key = keyOf(upcaster.type, upcaster.fromVersion);
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
      this.byKey.set(key, upcaster);
    }
  }

  /** The event as its current version reads, or the same object when nothing needs doing. */
  upcast<E extends VersionedEvent>(event: E): E {
    const current = this.currentVersionOf(event.type);
    // Written as "not older" so that a decoded message lacking a version passes untouched.
    if (current === undefined || !(event.schemaVersion < current)) return event;
    let { data, schemaVersion } = event;
    while (schemaVersion < current) {
      const upcaster = this.byKey.get(keyOf(event.type, schemaVersion));
      if (upcaster === undefined) {
        throw new MissingUpcaster(`${event.type} v${schemaVersion} cannot be read: no upcaster to v${schemaVersion + 1} (current v${current})`);
      }
      data = upcaster.upcast(data);
      schemaVersion += 1;
    }
    return { ...event, schemaVersion, data };
  }

  /** Every (type, version) gap that no upcaster bridges, for the catalogue's own test. */
  gaps(definitions: readonly { type: string; schemaVersion: number }[]): string[] {
    return definitions.flatMap(({ type, schemaVersion }) =>
      Array.from({ length: schemaVersion - 1 }, (_, index) => index + 1)
        .filter((version) => !this.byKey.has(keyOf(type, version)))
        .map((version) => `${type} v${version}`),
    );
  }
}

function keyOf(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
