import { ObjectId, type Collection, type Db } from 'mongodb';
import { upsertRacing } from './duplicate-key';
import { Lane } from './lane';
import { CHECKPOINTS, JOURNAL, type PlannedChange } from './mongo-view-commit';
import { writeChanges } from './mongo-view-writes';

interface Checkpoint {
  _id: string;
  position: number;
  /**
   * A commit whose changes are journalled in full and may not all be applied yet: in the mark
   * itself (`changes`) when they fit one chunk, else in `chunks` documents of `commit_journal`.
   */
  pending?: { commit: string; chunks: number; position: number; changes?: PlannedChange[] };
}

interface JournalChunk {
  _id: string;
  projection: string;
  commit: string;
  index: number;
  changes: PlannedChange[];
}

// Journal documents stay well under MongoDB's 16 MiB; a larger commit takes several.
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * All-or-nothing commits without transactions (FerretDB v1 has none; nor has a MongoDB without a
 * replica set), by a redo journal:
 *   1. a commit larger than one chunk writes its changes to `commit_journal`, in chunks;
 *   2. the projection's checkpoint document records the commit as pending, holding the changes
 *      themselves when they fit one chunk: one atomic document write, the commit point;
 *   3. the changes are applied to the views;
 *   4. the checkpoint moves and the pending mark goes, in one write; the chunks are deleted.
 * A live batch's commit is one chunk, so it costs two writes besides its views, not four: the
 * journal's insert and its delete were a third of a projector's time on FerretDB at 200 events/s
 * (the delete, by projection, read every chunk in the collection: FerretDB's SQLite handler uses an
 * index only for a filter on `_id` alone). Chunks are deleted by `_id` for that reason.
 * A crash before 2 leaves the views and checkpoint as they were (the chunks are garbage); after it,
 * recovery (before the projection's next checkpoint read, commit or drop) applies the journalled
 * changes again, which are whole-document puts and deletes, so applying twice is harmless. Where
 * several processes write, recovery runs under the projection's lease (MongoViewStore.checkpoint).
 * Readers may see a commit half applied until step 4 or recovery. One writer per projection at a
 * time; a writer taking over from another calls othersMayHaveCommitted first.
 */
export class CommitJournal {
  private readonly checkpoints: Collection<Checkpoint>;
  private readonly journal: Collection<JournalChunk>;
  /** Projections this instance has brought to a clean state; a failed commit leaves the set. */
  private readonly clean = new Set<string>();
  /** Per projection, the work of this instance in turn: a checkpoint read must not recover a commit in flight. */
  private readonly turns = new Map<string, Lane>();
  /** Every projection's replacements of stored documents, one bulk at a time (see writeChanges). */
  private readonly replacements = new Lane();

  constructor(private readonly db: Db) {
    this.checkpoints = db.collection<Checkpoint>(CHECKPOINTS);
    this.journal = db.collection<JournalChunk>(JOURNAL);
  }

  commit(projection: string, changes: readonly PlannedChange[], position: number): Promise<void> {
    return this.inTurn(projection, () => this.commitAlone(projection, changes, position));
  }

  checkpoint(projection: string): Promise<number> {
    return this.inTurn(projection, async () => {
      await this.recover(projection);
      return this.storedPosition(projection);
    });
  }

  /** The position of the last finished commit as stored, recovering nothing that is pending. */
  finishedPosition(projection: string): Promise<number> {
    return this.inTurn(projection, () => this.storedPosition(projection));
  }

  /** The checkpoint's position, without the pending changes it may hold. */
  private async storedPosition(projection: string): Promise<number> {
    return (await this.checkpoints.findOne({ _id: projection }, { projection: { position: 1 } }))?.position ?? 0;
  }

  /** Whether the projection's next commit would first recover what another writer may have left pending. */
  recoversFirst(projection: string): boolean {
    return !this.clean.has(projection);
  }

  /** Another writer may have left a commit pending: the next checkpoint read or commit recovers it first. */
  othersMayHaveCommitted(projection: string): void {
    this.clean.delete(projection);
  }

  /** Forgets the projection's checkpoint and journal (its views are dropped by the caller). */
  forget(projection: string): Promise<void> {
    return this.inTurn(projection, async () => {
      await this.checkpoints.deleteOne({ _id: projection });
      await this.journal.deleteMany({ projection });
      this.clean.add(projection);
    });
  }

  private inTurn<T>(projection: string, work: () => Promise<T>): Promise<T> {
    const lane = this.turns.get(projection) ?? new Lane();
    this.turns.set(projection, lane);
    return lane.run(work);
  }

  private async commitAlone(projection: string, changes: readonly PlannedChange[], position: number): Promise<void> {
    await this.recover(projection);
    this.clean.delete(projection);
    let chunks: JournalChunk[] = [];
    if (changes.length > 0) {
      const commit = new ObjectId().toHexString();
      const parts = chunked(changes);
      const inline = parts.length === 1;
      if (!inline) chunks = parts.map((part, index) => ({ _id: `${commit}.${index}`, projection, commit, index, changes: part }));
      if (chunks.length > 0) await this.journal.insertMany(chunks, { ordered: true });
      const pending = { commit, chunks: chunks.length, position, ...(inline ? { changes: [...changes] } : {}) };
      await upsertRacing(() => this.checkpoints.updateOne({ _id: projection }, { $set: { pending } }, { upsert: true }));
      await this.apply(changes);
    }
    await this.finish(projection, position);
    if (chunks.length > 0) await this.journal.bulkWrite(chunks.map(({ _id }) => ({ deleteOne: { filter: { _id } } })), { ordered: false });
    this.clean.add(projection);
  }

  private async recover(projection: string): Promise<void> {
    if (this.clean.has(projection)) return;
    const pending = (await this.checkpoints.findOne({ _id: projection }))?.pending;
    if (pending !== undefined) await this.apply(pending.changes ?? (await this.journalled(projection, pending)));
    await this.finish(projection, pending?.position);
    // Also removes the chunks of commits that never reached their commit point.
    await this.journal.deleteMany({ projection });
    this.clean.add(projection);
  }

  private async journalled(projection: string, pending: NonNullable<Checkpoint['pending']>): Promise<PlannedChange[]> {
    const chunks = await this.journal.find({ commit: pending.commit }).sort({ index: 1 }).toArray();
    if (chunks.length !== pending.chunks) {
      throw new Error(`projection ${projection}: journal of commit ${pending.commit} has ${chunks.length} of ${pending.chunks} chunks`);
    }
    return chunks.flatMap((chunk) => chunk.changes);
  }

  private apply(changes: readonly PlannedChange[]): Promise<void> {
    return writeChanges(this.db, changes, this.replacements);
  }

  /** Moves the checkpoint (when given) and clears the pending mark. */
  private async finish(projection: string, position: number | undefined): Promise<void> {
    if (position !== undefined) {
      await upsertRacing(() => this.checkpoints.updateOne({ _id: projection }, { $set: { position }, $unset: { pending: '' } }, { upsert: true }));
    }
  }
}

function chunked(changes: readonly PlannedChange[]): PlannedChange[][] {
  const chunks: PlannedChange[][] = [[]];
  let bytes = 0;
  for (const change of changes) {
    const size = (change.json?.length ?? 0) + change.id.length + change.collection.length + 64;
    if (bytes + size > CHUNK_BYTES && (chunks.at(-1)?.length ?? 0) > 0) {
      chunks.push([]);
      bytes = 0;
    }
    chunks.at(-1)?.push(change);
    bytes += size;
  }
  return chunks;
}
