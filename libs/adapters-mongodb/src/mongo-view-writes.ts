import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Db, type WriteError } from 'mongodb';
import { DUPLICATE_KEY } from './duplicate-key';
import type { Lane } from './lane';
import { toStored, type PlannedChange } from './mongo-view-commit';
import type { StoredView } from './mongo-view-query';

/**
 * Replacements per bulk write, and why bulks go one at a time: FerretDB v1.24 keeps every statement
 * of an `update` command holding a connection of its pool until the whole command ends
 * (internal/handler/msg_update.go closes each statement's query by a `defer` inside the loop over
 * statements), and the next statement waits for a free one. Its pool holds 100 connections per
 * database on SQLite (50 on PostgreSQL), so the statements of all bulks in flight at once, in every
 * process writing the database, must stay under 100, or they wait for each other for ever: the
 * server stops answering that database, idle. Measured again with infra's _id index patch
 * (session 6): one bulk of 99 passes, one of 100 hangs; three of 33 at once pass. A lane per store
 * keeps one bulk in flight, so 24 leaves room for four projector processes and the services' reads.
 * Larger bulks buy nothing there: with the patch a replacement costs 1.0–1.2 ms per document in
 * bulks of 8 to 99 alike (12 ms before it, when each one scanned the collection): writes are serial.
 */
const REPLACEMENTS_PER_BULK = 24;

/**
 * Writes a commit's changes, collection by collection, so that applying them twice gives the same
 * views (the journal's recovery does): the last change per document wins, documents not stored yet
 * are inserted together (0.2 ms each there, against 2–7 ms as upserts), stored ones are replaced
 * in place (never deleted and inserted again, so a reader never misses one) and deletes go at once.
 * A document another process stored meanwhile (a reader's checkpoint read recovering the same
 * journal) is replaced instead of inserted. Replacement bulks run in `replacements`, one at a time.
 */
export async function writeChanges(db: Db, changes: readonly PlannedChange[], replacements: Lane): Promise<void> {
  for (const [collection, latest] of latestByCollection(changes)) {
    const views = db.collection<StoredView>(collection);
    const ids = [...latest.keys()];
    const stored = new Set((await views.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map((view) => view._id));
    const deletes = ids.filter((id) => latest.get(id) === null && stored.has(id));
    if (deletes.length > 0) await views.deleteMany({ _id: { $in: deletes } });
    const puts = [...latest].flatMap(([id, json]) => (json === null ? [] : [toStored(id, json)]));
    const inserts = puts.filter((view) => !stored.has(view._id));
    const taken = inserts.length > 0 ? await insertNew(views, inserts) : [];
    await replace(views, puts.filter((view) => stored.has(view._id)), false, replacements);
    await replace(views, taken, true, replacements);
  }
}

/** Inserts the documents; answers those another writer stored first (refused as duplicates). */
async function insertNew(views: Collection<StoredView>, inserts: readonly StoredView[]): Promise<StoredView[]> {
  try {
    await views.insertMany([...inserts], { ordered: false });
    return [];
  } catch (error) {
    const refused: WriteError[] = error instanceof MongoBulkWriteError ? ([] as WriteError[]).concat(error.writeErrors) : [];
    if (refused.length === 0 || refused.some((refusal) => refusal.code !== DUPLICATE_KEY)) throw error;
    return refused.map((refusal) => inserts[refusal.index] as StoredView);
  }
}

async function replace(views: Collection<StoredView>, stored: readonly StoredView[], upsert: boolean, lane: Lane): Promise<void> {
  const replacements: AnyBulkWriteOperation<StoredView>[] = stored.map((view) => ({ replaceOne: { filter: { _id: view._id }, replacement: view, upsert } }));
  for (let start = 0; start < replacements.length; start += REPLACEMENTS_PER_BULK) {
    const bulk = replacements.slice(start, start + REPLACEMENTS_PER_BULK);
    await lane.run(() => views.bulkWrite(bulk, { ordered: true }));
  }
}

/** Per collection, each document's last change: its JSON, or null for a delete. */
function latestByCollection(changes: readonly PlannedChange[]): Map<string, Map<string, string | null>> {
  const plan = new Map<string, Map<string, string | null>>();
  for (const { collection, id, json } of changes) {
    const latest = plan.get(collection) ?? new Map<string, string | null>();
    plan.set(collection, latest);
    // Re-set so the entry moves to the end: the order of last changes is kept.
    latest.delete(id);
    latest.set(id, json);
  }
  return plan;
}
