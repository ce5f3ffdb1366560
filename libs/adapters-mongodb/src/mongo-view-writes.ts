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
 * Whether a document is stored is what the writer said (PlannedChange.stored), looked up (one
 * `$in` query) only where it did not say: on FerretDB that query reads the whole collection (its
 * SQLite handler uses the `_id` index for a lone `_id` only), 0.3–0.4 s a batch on the teams of
 * the distributed bench. A writer that was wrong costs a refused insert or an upsert, not a loss:
 * a document another process stored meanwhile (a reader's checkpoint read recovering the same
 * journal) is replaced instead of inserted, and replacements upsert. Replacement bulks run in
 * `replacements`, one at a time.
 */
export async function writeChanges(db: Db, changes: readonly PlannedChange[], replacements: Lane): Promise<void> {
  for (const [collection, latest] of latestByCollection(changes)) {
    const views = db.collection<StoredView>(collection);
    const unknown = [...latest.values()].filter((change) => change.json !== null && change.stored === undefined).map((change) => change.id);
    const found = unknown.length > 0 ? await views.find({ _id: { $in: unknown } }, { projection: { _id: 1 } }).toArray() : [];
    const lookedUp = new Set(found.map((view) => view._id));
    const isStored = (change: PlannedChange) => change.stored ?? lookedUp.has(change.id);
    const deletes = [...latest.values()].filter((change) => change.json === null && change.stored !== false).map((change) => change.id);
    if (deletes.length > 0) await views.deleteMany({ _id: { $in: deletes } });
    const puts = [...latest.values()].filter((change) => change.json !== null);
    const inserts = puts.filter((change) => !isStored(change)).map(({ id, json }) => toStored(id, json as string));
    const taken = inserts.length > 0 ? await insertNew(views, inserts) : [];
    await replace(views, [...puts.filter(isStored).map(({ id, json }) => toStored(id, json as string)), ...taken], replacements);
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

async function replace(views: Collection<StoredView>, stored: readonly StoredView[], lane: Lane): Promise<void> {
  const replacements: AnyBulkWriteOperation<StoredView>[] = stored.map((view) => ({ replaceOne: { filter: { _id: view._id }, replacement: view, upsert: true } }));
  for (let start = 0; start < replacements.length; start += REPLACEMENTS_PER_BULK) {
    const bulk = replacements.slice(start, start + REPLACEMENTS_PER_BULK);
    await lane.run(() => views.bulkWrite(bulk, { ordered: true }));
  }
}

/** Per collection, each document's last change, in the order of last changes. */
function latestByCollection(changes: readonly PlannedChange[]): Map<string, Map<string, PlannedChange>> {
  const plan = new Map<string, Map<string, PlannedChange>>();
  for (const change of changes) {
    const latest = plan.get(change.collection) ?? new Map<string, PlannedChange>();
    plan.set(change.collection, latest);
    // Re-set so the entry moves to the end: the order of last changes is kept.
    latest.delete(change.id);
    latest.set(change.id, change);
  }
  return plan;
}
