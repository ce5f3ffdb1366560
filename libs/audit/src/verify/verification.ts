import type { EventStore, ViewStore } from '@spiral/ports';
import type { VerifyReport } from './chain-verifier';
import { verifyStore } from './verify-store';

/** A verify as it ran: its report, when, and up to which global position (every event up to it was read). */
export interface Verification {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly upToPosition: number;
  readonly report: VerifyReport;
}

export const VERIFY_JOB = 'verify';

/** Runs verifyStore and says when and up to where; what the worker thread and `spiral verify` both run. */
export async function runVerification(store: EventStore, progress?: (position: number, head: number) => void): Promise<Verification> {
  const startedAt = new Date().toISOString();
  let upToPosition = 0;
  const report = await verifyStore(store, {
    onProgress: (position, head) => {
      upToPosition = position;
      progress?.(position, head);
    },
  });
  return { startedAt, finishedAt: new Date().toISOString(), upToPosition, report };
}

/**
 * The last verification is kept in the view store, beside the views, so every process of the
 * system reads the same one (the audit page behind any national service, the embedded server after
 * `spiral verify` ran beside it) and it outlives a restart. One document, `latest`, with a
 * checkpoint of its own at the position verified; its breaks are capped so a badly broken store
 * still fits one document (`breakCount` says how many there were: GET /audit/verify lists all).
 */
const COLLECTION = 'audit_verifications';
const CHECKPOINT = 'audit-verification';
export const KEPT_BREAKS = 1_000;

export type RecordedVerification = Verification & { readonly breakCount: number };

export async function recordVerification(views: ViewStore, verification: Verification): Promise<RecordedVerification> {
  const { report } = verification;
  const recorded: RecordedVerification = { ...verification, report: { ...report, breaks: report.breaks.slice(0, KEPT_BREAKS) }, breakCount: report.breaks.length };
  await views.commit(CHECKPOINT, [{ kind: 'put', collection: COLLECTION, id: 'latest', document: { ...recorded } }], verification.upToPosition);
  return recorded;
}

export async function lastVerification(views: ViewStore): Promise<RecordedVerification | undefined> {
  return views.get<RecordedVerification & Record<string, unknown>>(COLLECTION, 'latest');
}
