/**
 * better-sqlite3 works synchronously, while the ports are asynchronous so that networked engines fit
 * them. This runs the work at once (a promise executor runs synchronously) and hands back its
 * result, or whatever it threw as the rejection, so callers see a refusal the same way on every engine.
 */
export function settled<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
