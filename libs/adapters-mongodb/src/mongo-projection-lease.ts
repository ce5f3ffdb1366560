import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExclusiveTurn } from '@spiral/ports';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './duplicate-key';
import { Lane } from './lane';

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
  /** How long a lease no turn uses is kept for the next turn before it is let go; default 250 ms. */
  readonly keepIdleMs: number;
}

/** Who held a projection's lease last; written only by the holder, so it needs no atomicity. */
interface LastHolder {
  _id: string;
  holder: string;
}

/** A lease this process holds: the turns using it now, and until when it is held for certain. */
interface Kept {
  users: number;
  /** Local time after which a turn takes it again first (half its life: room for clocks apart). */
  renewAt: number;
  idle: NodeJS.Timeout | undefined;
}

const DEFAULT_TIMING: LeaseTiming = { ttlMs: 30_000, retryMs: 5, maxRetryMs: 200, keepIdleMs: 250 };

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
 * A lease is kept between turns while they follow each other (let go after keepIdleMs without
 * one, or at close) and taken again only past half its life: taking, reading the last holder and
 * deleting it on every batch were half of the projector's round trips to FerretDB at 200 events/s,
 * the lag's bound there. Projectors give each group's partitions to one member (KafkaGroupSpread),
 * so the lease changes hands only when a group does, and the member losing the group stops getting
 * batches and lets go within keepIdleMs; members sharing a group's partitions take turns only when
 * the holder pauses.
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
  private readonly kept = new Map<string, Kept>();
  /** Per projection, takes one at a time, so two turns starting together take it once. */
  private readonly taking = new Map<string, Lane>();
  /** Per projection, the delete of a lease let go, which the next take must not overtake. */
  private readonly releasing = new Map<string, Promise<void>>();

  constructor(
    db: Db,
    private readonly timing: LeaseTiming = DEFAULT_TIMING,
  ) {
    this.leases = db.collection<StoredLease>('leases');
    this.lastHolders = db.collection<LastHolder>('lease_last_holders');
  }

  async hold<T>(projection: string, work: (turn: ExclusiveTurn) => Promise<T>): Promise<T> {
    const othersMayHaveWritten = await this.acquire(projection);
    try {
      return await work({ othersMayHaveWritten });
    } finally {
      this.letGo(projection);
    }
  }

  /** Lets go of every lease kept (a store closing), so the other members need not wait for them to expire. */
  async releaseAll(): Promise<void> {
    const projections = [...this.kept.keys()];
    for (const projection of projections) clearTimeout(this.kept.get(projection)?.idle);
    this.kept.clear();
    await Promise.all([...projections.map((projection) => this.leases.deleteOne({ _id: projection, holder: this.holder })), ...this.releasing.values()]);
  }

  /** Whether another member may have held the lease since this process last did. */
  private acquire(projection: string): Promise<boolean> {
    const lane = this.taking.get(projection) ?? new Lane();
    this.taking.set(projection, lane);
    return lane.run(async () => {
      const kept = this.kept.get(projection);
      clearTimeout(kept?.idle);
      if (kept !== undefined && Date.now() < kept.renewAt) {
        kept.users += 1;
        return false;
      }
      try {
        await this.releasing.get(projection);
        const takenAt = Date.now();
        await this.take(projection);
        // A read, then a write only when it changes: findAndModify, one read-then-write on FerretDB's
        // SQLite backend, was under suspicion when FerretDB stopped answering (docs/benchmarks.md).
        const last = await this.lastHolders.findOne({ _id: projection });
        if (last?.holder !== this.holder) await this.lastHolders.updateOne({ _id: projection }, { $set: { holder: this.holder } }, { upsert: true });
        const held = kept ?? { users: 0, renewAt: 0, idle: undefined };
        held.renewAt = takenAt + this.timing.ttlMs / 2;
        held.users += 1;
        this.kept.set(projection, held);
        return last?.holder !== this.holder;
      } catch (error) {
        if (kept !== undefined) this.letGoWhenIdle(projection, kept);
        throw error;
      }
    });
  }

  private letGo(projection: string): void {
    const kept = this.kept.get(projection);
    if (kept === undefined) return;
    kept.users -= 1;
    this.letGoWhenIdle(projection, kept);
  }

  private letGoWhenIdle(projection: string, kept: Kept): void {
    if (kept.users > 0) return;
    clearTimeout(kept.idle);
    kept.idle = setTimeout(() => this.release(projection, kept), this.timing.keepIdleMs);
    // A lease kept idle must not keep the process alive; its expiry frees it anyway.
    kept.idle.unref();
  }

  private release(projection: string, kept: Kept): void {
    if (this.kept.get(projection) !== kept || kept.users > 0) return;
    this.kept.delete(projection);
    const deleting = this.leases.deleteOne({ _id: projection, holder: this.holder }).then(
      () => undefined,
      () => undefined,
    );
    this.releasing.set(projection, deleting);
    void deleting.then(() => {
      if (this.releasing.get(projection) === deleting) this.releasing.delete(projection);
    });
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
