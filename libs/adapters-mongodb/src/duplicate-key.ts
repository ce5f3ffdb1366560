import { MongoServerError } from 'mongodb';

/** MongoDB's (and FerretDB's) code for a write refused because the _id or a unique key is taken. */
export const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * Runs an upsert, once more if it collided: two upserts of one _id that both find no document both
 * insert, and the second is refused with E11000 instead of updating (MongoDB documents it for
 * upserts; FerretDB does the same, and on a fresh database also for the first documents of a
 * collection being created). The second try finds the document and updates it.
 */
export async function upsertRacing<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return upsert();
  }
}
