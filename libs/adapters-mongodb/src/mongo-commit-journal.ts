import { ObjectId, type Collection, type Db } from 'mongodb';
import { upsertRacing } from './duplicate-key';
import { Lane } from './lane';
import { CHECKPOINTS, JOURNAL, type PlannedChange } from './mongo-view-commit';
import { writeChanges } from './mongo-view-writes';

interface Checkpoint {
  _id: string;
  position: number;
  /** A commit whose changes are journalled in full and may not all be applied yet. */
  pending?: { commit: string; chunks: number; position: number };
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
 *   1. the changes are written to `commit_journal`, in chunks;
 *   2. the projection's checkpoint document records the commit as pending: one atomic document
 *      write, the commit point;
 *   3. the changes are applied to the views;
 *   4. the checkpoint moves and the pending mark goes, in one write; the journal is deleted.
 * A crash before 2 leaves the views and checkpoint as they were (the journal is garbage); after it,
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
      return (await this.checkpoints.findOne({ _id: projection }))?.position ?? 0;
    });
  }

  /** The position of the last finished commit as stored, recovering nothing that is pending. */
  finishedPosition(projection: string): Promise<number> {
    return this.inTurn(projection, async () => (await this.checkpoints.findOne({ _id: projection }))?.position ?? 0);
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
    if (changes.length > 0) {
      const commit = new ObjectId().toHexString();
      const chunks = chunked(changes).map((part, index) => ({ _id: `${commit}.${index}`, projection, commit, index, changes: part }));
      await this.journal.insertMany(chunks, { ordered: true });
      await upsertRacing(() => this.checkpoints.updateOne({ _id: projection }, { $set: { pending: { commit, chunks: chunks.length, position } } }, { upsert: true }));
      await this.apply(changes);
    }
    await this.finish(projection, position, changes.length > 0);
    this.clean.add(projection);
  }

  private async recover(projection: string): Promise<void> {
    if (this.clean.has(projection)) return;
    const pending = (await this.checkpoints.findOne({ _id: projection }))?.pending;
    if (pending !== undefined) {
      const chunks = await this.journal.find({ commit: pending.commit }).sort({ index: 1 }).toArray();
      if (chunks.length !== pending.chunks) {
        throw new Error(`projection ${projection}: journal of commit ${pending.commit} has ${chunks.length} of ${pending.chunks} chunks`);
      }
      await this.apply(chunks.flatMap((chunk) => chunk.changes));
    }
    // Also removes the chunks of commits that never reached their commit point.
    await this.finish(projection, pending?.position, true);
    this.clean.add(projection);
  }

  private apply(changes: readonly PlannedChange[]): Promise<void> {
    return writeChanges(this.db, changes, this.replacements);
  }

  /** Moves the checkpoint (when given) and clears the pending mark, then the journal. */
  private async finish(projection: string, position: number | undefined, journalled: boolean): Promise<void> {
    if (position !== undefined) {
      await upsertRacing(() => this.checkpoints.updateOne({ _id: projection }, { $set: { position }, $unset: { pending: '' } }, { upsert: true }));
    }
    if (journalled) await this.journal.deleteMany({ projection });
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
