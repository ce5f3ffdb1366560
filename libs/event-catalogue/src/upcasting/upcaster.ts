/**
 * One step of a payload's history: how an event of `type` written at `fromVersion` reads at
 * `fromVersion + 1`. Upcasters are pure and total: the stored event is never changed (its hash
 * covers the stored form), only what readers are handed.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: object): object;
}

/**
 * Declares an upcaster with the old and the new payload's types. The store hands back plain JSON,
 * so the one cast from `object` to the old shape is made here, where the old shape is written down.
 */
export function defineUpcaster<TFrom extends object, TTo extends object>(
  type: string,
  fromVersion: number,
  upcast: (data: TFrom) => TTo,
): Upcaster {
  return { type, fromVersion, upcast: (data) => upcast(data as TFrom) };
}

/** An event as far as upcasting cares: the type, the schema version and the payload. */
export interface VersionedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

/** Thrown when an event is older than its definition and no upcaster bridges the gap: a bug, never data. */
export class MissingUpcaster extends Error {}
