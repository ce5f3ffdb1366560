import type { EventStore } from '@spiral/ports';
import { ChainVerifier, type VerifyReport } from './chain-verifier';

/** Events per page: few round trips, flat memory, and the event loop free again within tens of milliseconds (the server keeps serving). */
export const VERIFY_PAGE_SIZE = 1_000;

export interface VerifyOptions {
  readonly pageSize?: number;
  /**
   * Called every page with the position reached and the head when the run started (for progress
   * bars), and once at the end with the last position read (events appended meanwhile included).
   */
  readonly onProgress?: (position: number, head: number) => void;
}

/**
 * Streams the whole store as stored, in global order, through the chain verifier. Events appended
 * while it runs are verified too when the read reaches them; the head passed to onProgress is the
 * one found at the start.
 */
export async function verifyStore(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  const head = await store.headPosition();
  const verifier = new ChainVerifier();
  let seen = 0;
  let last = 0;
  for await (const event of store.readAll({ asStored: true, pageSize })) {
    verifier.add(event);
    last = event.globalPosition;
    seen += 1;
    if (seen % pageSize === 0) options.onProgress?.(last, head);
  }
  options.onProgress?.(last, Math.max(last, head));
  return verifier.finish();
}
