/**
 * What a worker thread keeps from job to job (a connection, a reader holding documents): opened at
 * the first job that needs it, shared by the jobs after it; opened again by the next job when the
 * opening failed, rather than failing every job after it.
 */
export function openOnce<C, T>(open: (config: C) => Promise<T>): (config: C) => Promise<T> {
  let kept: Promise<T> | undefined;
  return (config) =>
    (kept ??= open(config).catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}
