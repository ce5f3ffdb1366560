import type { PendingEvent } from '@spiral/event-catalogue';
import { checkAppend, positionedEvent, type AppendResult, type Clock, type ExpectedRevision } from '@spiral/ports';
import type { Pool, PoolClient } from 'pg';
import { answer, repositioned, resultOf, type Checked, type Outcome } from './postgres-group-answers';
import { GroupLookups } from './postgres-group-lookups';
import { insertParameters, insertSql } from './postgres-event-store.schema';
import { nextGroup, sharesKeys, type QueuedAppend } from './postgres-group-queue';

/** The insert of checked rows failed (a broken invariant, a stale check, the server): the group went back. */
class InsertFailed extends Error {}

/**
 * Appends, committed in groups under one lock.
 *
 * Why a lock: a sequence hands out positions when rows are inserted, not when they commit, so two
 * concurrent transactions can commit out of position order, and a reader following the global
 * order that has seen position 11 would skip 10 committing just after. Marten and Emmett solve it
 * on the read side (a "high water mark" of safe positions, or reading only transactions older
 * than `pg_snapshot_xmin(pg_current_snapshot())`); here the writers take a transaction-scoped
 * advisory lock before they insert, which serialises position assignment: a transaction releases
 * it only after its commit is visible, so every position a reader sees has every smaller one
 * committed (or rolled back for good) before it. Readers stay simple (`position > cursor`). The
 * cost, one writer at a time across every process, is paid back by committing each process's
 * concurrent appends as one group: one lock, one insert, one commit (and WAL flush) for them all.
 *
 * Pipelined: a group is checked and sealed (lookups read, rows hashed) WITHOUT the lock, while the
 * group before it inserts and commits, so the lock is held only for the insert and the commit.
 * What makes a check made outside the lock safe: stored rows never change, and anything another
 * process appends meanwhile to the same stream takes the revision this group's rows claim, or an
 * event id they carry, so the unique constraints refuse this group's insert; it is then checked
 * again under the lock and inserted (the earlier path). A group that shares a stream or an event
 * id with the one still committing is checked under the lock from the start (that one's rows are
 * not visible yet). A refusal made outside the lock stands: it was true when the lookups ran,
 * which is inside the append's call. Groups are capped (nextGroup), so a burst of appends splits
 * into groups that take turns: one checked while the other commits.
 *
 * Every caller still gets its own answer: an append refused by its checks has written nothing
 * (checkAppend), so the rest of its group goes on; should the insert under the lock fail, the
 * group is rolled back and each append is tried alone.
 */
export class PostgresGroupCommit {
  private queue: QueuedAppend[] = [];
  private inFlight: Promise<void> | undefined;
  private readonly insert: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly lockKey: number,
    private readonly channel: string,
    private readonly clock: Clock,
  ) {
    this.insert = insertSql(schema);
  }

  submit(streamId: string, events: readonly PendingEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.inFlight ??= this.drain();
    });
  }

  /** Resolves once every append queued so far is answered (close waits for it). */
  async settled(): Promise<void> {
    while (this.inFlight !== undefined) await this.inFlight;
  }

  private async drain(): Promise<void> {
    // Let the appends started in this turn of the event loop join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    let committing: { readonly group: readonly QueuedAppend[]; readonly done: Promise<void> } | undefined;
    while (this.queue.length > 0) {
      const group = nextGroup(this.queue);
      // A failed check outside the lock is left to the locked path, which meets the same failure and answers it.
      const checked = committing !== undefined && sharesKeys(group, committing.group) ? undefined : await this.check(this.pool, group).catch(() => undefined);
      await committing?.done;
      committing = { group, done: this.commit(group, checked) };
      if (this.queue.length > 0) continue;
      await committing.done;
      committing = undefined;
    }
    this.inFlight = undefined;
  }

  private async commit(group: readonly QueuedAppend[], checked: readonly (Outcome | Checked)[] | undefined): Promise<void> {
    try {
      answer(group, (checked && (await this.commitChecked(checked))) ?? (await this.lockedCommit((client) => this.check(client, group))));
    } catch (error) {
      if (!(error instanceof InsertFailed) || group.length === 1) {
        for (const queued of group) queued.reject(error instanceof InsertFailed ? error.cause : error);
        return;
      }
      for (const queued of group) await this.commit([queued], undefined);
    }
  }

  /** A group checked outside the lock, inserted under it; undefined when its insert was refused (to check it again under the lock). */
  private async commitChecked(checked: readonly (Outcome | Checked)[]): Promise<Outcome[] | undefined> {
    try {
      return await this.lockedCommit(() => Promise.resolve(checked));
    } catch (error) {
      if (error instanceof InsertFailed) return undefined;
      throw error;
    }
  }

  /** One transaction holding the append lock: the group's checks (given, or made in it), its insert, its commit. */
  private async lockedCommit(checks: (client: PoolClient) => Promise<readonly (Outcome | Checked)[]>): Promise<Outcome[]> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${this.lockKey})`);
      const { answers, inserted } = await this.insertChecked(client, await checks(client));
      await client.query(inserted ? `NOTIFY ${this.channel}; COMMIT` : 'COMMIT');
      return answers;
    } catch (error) {
      broken = !(await rollback(client));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Every append of the group checked against one read of the ids and heads it needs; passed ones sealed. */
  private async check(reader: Pool | PoolClient, group: readonly QueuedAppend[]): Promise<(Outcome | Checked)[]> {
    const lookups = await GroupLookups.load(reader, this.schema, group);
    const recordedAt = this.clock.now();
    return group.map(({ streamId, events, expected }): Outcome | Checked => {
      try {
        const checked = checkAppend(lookups, recordedAt, streamId, events, expected);
        if (!checked.duplicate) lookups.inserted(checked.sealed.map((sealed) => positionedEvent(sealed.event, 0)));
        return { ok: 'checked', checked };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }

  /** One statement for every checked append's rows; each append's answer with its positions. */
  private async insertChecked(client: PoolClient, outcomes: readonly (Outcome | Checked)[]): Promise<{ answers: Outcome[]; inserted: boolean }> {
    const sealed = outcomes.flatMap((outcome) => (outcome.ok === 'checked' && !outcome.checked.duplicate ? outcome.checked.sealed : []));
    let positions = new Map<string, number>();
    if (sealed.length > 0) {
      try {
        const { rows } = await client.query<{ global_position: string; event_id: string }>(this.insert, insertParameters(sealed));
        positions = new Map(rows.map((row) => [row.event_id, Number(row.global_position)]));
      } catch (error) {
        throw new InsertFailed('the insert of a checked group failed', { cause: error });
      }
    }
    const answers = outcomes.map((outcome): Outcome => {
      if (outcome.ok !== 'checked') return outcome;
      const { checked } = outcome;
      return { ok: true, result: checked.duplicate ? repositioned(checked.result, positions) : resultOf(checked, positions) };
    });
    return { answers, inserted: sealed.length > 0 };
  }
}

/** True when the connection is clean again; false means drop it rather than return it to the pool. */
async function rollback(client: PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}
