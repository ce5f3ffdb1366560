import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExclusiveTurn } from '@spiral/ports';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './duplicate-key';

interface StoredLease {
  _id: string;
  holder: string;
  /** Epoch milliseconds after which another member may take the lease. */
  until: number;
}

export interface LeaseTiming {
  /** How long a lease lasts if its holder dies without releasing it; default 30 s. */
  readonly ttlMs: number;
  /** First wait between tries when another member holds the lease; doubled up to maxRetryMs. */
  readonly retryMs: number;
  readonly maxRetryMs: number;
}

/** Who held a projection's lease last; written only by the holder, so it needs no atomicity. */
interface LastHolder {
  _id: string;
  holder: string;
}

const DEFAULT_TIMING: LeaseTiming = { ttlMs: 30_000, retryMs: 5, maxRetryMs: 200 };

/**
 * A lease per projection in the `leases` collection, so the members of one projector group apply and
 * commit their batches one at a time. Taking it is one conditional upsert: it matches when the lease
 * is free, expired or already ours; when another member holds it the upsert collides on _id
 * (duplicate key) and the taker waits and tries again. No transactions are needed (FerretDB has none).
 * Exclusion rests on that insert, so a released lease is deleted: kept as a document and taken by
 * a conditional update instead, two members on FerretDB counted 104 of 120 events in
 * projector-group.int.spec.ts. Who held it last is kept apart
 * (`lease_last_holders`), so a member taking it again learns whether anyone else held it meanwhile:
 * if not, the documents it cached are still what is stored.
 *
 * A batch takes milliseconds against a 30 s lease, so a member only loses its lease mid-batch if it
 * stalls for longer than that (a long GC pause, a frozen VM); its late commit could then interleave
 * with the next holder's. The batch's writes stay idempotent per stream revision, which bounds the
 * harm to documents both batches changed.
 */
export class ProjectionLeases {
  private readonly leases: Collection<StoredLease>;
  private readonly lastHolders: Collection<LastHolder>;
  private readonly holder = randomUUID();

  constructor(
    db: Db,
    private readonly timing: LeaseTiming = DEFAULT_TIMING,
  ) {
    this.leases = db.collection<StoredLease>('leases');
    this.lastHolders = db.collection<LastHolder>('lease_last_holders');
  }

  async hold<T>(projection: string, work: (turn: ExclusiveTurn) => Promise<T>): Promise<T> {
    await this.take(projection);
    try {
      // A read, then a write only when it changes: findAndModify, one read-then-write on FerretDB's
      // SQLite backend, was under suspicion when FerretDB stopped answering (docs/benchmarks.md).
      const last = await this.lastHolders.findOne({ _id: projection });
      if (last?.holder !== this.holder) await this.lastHolders.updateOne({ _id: projection }, { $set: { holder: this.holder } }, { upsert: true });
      return await work({ othersMayHaveWritten: last?.holder !== this.holder });
    } finally {
      await this.leases.deleteOne({ _id: projection, holder: this.holder });
    }
  }

  private async take(projection: string): Promise<void> {
    let wait = this.timing.retryMs;
    for (;;) {
      const now = Date.now();
      try {
        await this.leases.updateOne(
          { _id: projection, $or: [{ holder: this.holder }, { until: { $lt: now } }] },
          { $set: { holder: this.holder, until: now + this.timing.ttlMs } },
          { upsert: true },
        );
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await sleep(wait);
      wait = Math.min(wait * 2, this.timing.maxRetryMs);
    }
  }
}
