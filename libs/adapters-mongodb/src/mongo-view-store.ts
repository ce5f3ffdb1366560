import type { EngineHealth, ExclusiveTurn, FindOptions, ViewChange, ViewDocument, ViewFilter, ViewStore } from '@spiral/ports';
import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import { Lane } from './lane';
import { CommitJournal } from './mongo-commit-journal';
import { ProjectionLeases } from './mongo-projection-lease';
import { checkCollectionName, planChanges } from './mongo-view-commit';
import { buildFind, fromStored, type StoredView } from './mongo-view-query';

export interface MongoViewStoreOptions {
  /** mongodb://host:port; FerretDB speaks the same protocol. */
  readonly url: string;
  readonly database: string;
  /** How long an operation waits for a server before it fails (health included); default 5 s. */
  readonly serverSelectionTimeoutMs?: number;
}

const NAMESPACE_NOT_FOUND = 26;

/**
 * The distributed view store: one MongoDB collection per view collection, each view a document
 * with the view id as _id, the view as JSON text and its top-level fields copied beside it for
 * filters and indexes (see StoredView); checkpoints in `checkpoints`. Commits are all or nothing
 * through a redo journal rather than a transaction (see CommitJournal).
 */
export class MongoViewStore implements ViewStore {
  /** Indexes made by this instance, so each (collection, field) costs one createIndex. */
  private readonly indexed = new Set<string>();
  private closed = false;
  private readonly commits: CommitJournal;
  private readonly leases: ProjectionLeases;
  /** Projections whose lease this process holds now (inside exclusively). */
  private readonly holding = new Set<string>();
  /** Per projection, commits and checkpoint reads from outside its lease, in the order they were asked. */
  private readonly outside = new Map<string, Lane>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.commits = new CommitJournal(db);
    this.leases = new ProjectionLeases(db);
  }

  static async connect(options: MongoViewStoreOptions): Promise<MongoViewStore> {
    const client = new MongoClient(options.url, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 5_000 });
    await client.connect();
    return new MongoViewStore(client, client.db(options.database));
  }

  async get<T extends ViewDocument = ViewDocument>(collection: string, id: string): Promise<T | undefined> {
    const stored = await this.views(collection).findOne({ _id: id });
    return stored === null ? undefined : (fromStored(stored) as T);
  }

  async getMany<T extends ViewDocument = ViewDocument>(collection: string, ids: readonly string[]): Promise<Map<string, T>> {
    const stored = await this.views(collection).find({ _id: { $in: [...ids] } }).toArray();
    return new Map(stored.map((view) => [view._id, fromStored(view) as T]));
  }

  async find<T extends ViewDocument = ViewDocument>(collection: string, filter?: ViewFilter, options?: FindOptions): Promise<T[]> {
    const query = buildFind(filter, options);
    const views = this.views(collection);
    await this.ensureIndexes(views, query.indexFields);
    const cursor = views.find(query.filter, { sort: query.sort, ...(query.limit === undefined ? {} : { limit: query.limit }) });
    return (await cursor.toArray()).map((stored) => fromStored(stored) as T);
  }

  /**
   * A commit that first recovers what another writer may have left pending (the projection's first
   * here) runs under the projection's lease: inside the caller's turn, or in a turn of its own.
   * Outside it, that recovery raced a live member's commit just as a checkpoint read did (a projector
   * starting beside another recorded its generation and found the journal it was recovering
   * deleted: CI's process suite). Later commits of a key only this process writes outside a turn
   * (the relay's and the gains manager's checkpoints) recover nothing, so they go straight, as
   * before, rather than pay the lease's three more round trips on every checkpoint.
   */
  async commit(projection: string, changes: readonly ViewChange[], checkpoint: number): Promise<void> {
    if (!Number.isSafeInteger(checkpoint) || checkpoint < 0) throw new RangeError('a checkpoint is a non-negative integer');
    const planned = planChanges(changes);
    const commit = () => this.commits.commit(projection, planned, checkpoint);
    if (this.holding.has(projection)) return commit();
    return this.outsideLease(projection, () => (this.commits.recoversFirst(projection) ? this.exclusively(projection, commit) : commit()));
  }

  /**
   * The position of the last finished commit. Under the projection's lease (a writer's turn), a
   * commit another member left pending is recovered first, and its position is answered. Outside
   * the lease nothing is recovered or waited for: the answer is the last finished commit's, which
   * is what the views hold for certain. Recovering outside the lease raced a live member's commit
   * (a projector starting beside another found the journal it was reading deleted), and waiting for
   * the lease held up the level services' /health behind every projector's batch, for up to the
   * lease's 30 s behind one killed mid-commit (the process suite's restart outlasted its 120 s).
   * A writer recovers in its turn before it reads (ProjectionRunner).
   */
  checkpoint(projection: string): Promise<number> {
    if (this.holding.has(projection)) return this.commits.checkpoint(projection);
    return this.outsideLease(projection, () => this.commits.finishedPosition(projection));
  }

  private outsideLease<T>(projection: string, work: () => Promise<T>): Promise<T> {
    const lane = this.outside.get(projection) ?? new Lane();
    this.outside.set(projection, lane);
    return lane.run(work);
  }

  /**
   * Several projector processes share these views: a projection's batches take its lease (see
   * ProjectionLeases). A turn after another member's first recovers what that member journalled:
   * one killed mid-commit left its commit half applied, and its redelivered events were then
   * skipped as applied (two spirals missing after the process suite's kill -9).
   */
  exclusively<T>(projection: string, work: (turn: ExclusiveTurn) => Promise<T>): Promise<T> {
    return this.leases.hold(projection, async (turn) => {
      if (turn.othersMayHaveWritten) this.commits.othersMayHaveCommitted(projection);
      this.holding.add(projection);
      try {
        return await work(turn);
      } finally {
        this.holding.delete(projection);
      }
    });
  }

  async drop(projection: string, collections: readonly string[]): Promise<void> {
    for (const collection of collections) {
      try {
        await this.views(collection).drop();
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
      }
      for (const key of this.indexed) if (key.startsWith(`${collection}\u0000`)) this.indexed.delete(key);
    }
    await this.commits.forget(projection);
  }

  async health(): Promise<EngineHealth> {
    // The driver would reconnect a closed client for the ping; closed means closed.
    if (this.closed) return { engine: 'mongodb', ok: false, detail: 'closed' };
    try {
      await this.db.command({ ping: 1 });
      return { engine: 'mongodb', ok: true, detail: `database ${this.db.databaseName}` };
    } catch (error) {
      return { engine: 'mongodb', ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.leases.releaseAll().catch(() => undefined);
    await this.client.close();
  }

  private views(collection: string): Collection<StoredView> {
    return this.db.collection<StoredView>(checkCollectionName(collection));
  }

  /** One ascending index per field a find filters or sorts on, made the first time it is used. */
  private async ensureIndexes(views: Collection<StoredView>, fields: readonly string[]): Promise<void> {
    for (const field of fields) {
      const key = `${views.collectionName}\u0000${field}`;
      if (this.indexed.has(key)) continue;
      await views.createIndex({ [field]: 1 }, { name: `view_${field}` });
      this.indexed.add(key);
    }
  }
}
