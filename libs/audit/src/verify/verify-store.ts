import { storedLinkIntact, type StoredChainLink } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';
import { ChainVerifier, type VerifyReport } from './chain-verifier';

/** Events per page: few round trips and flat memory (verify runs in a worker thread or the CLI, so a page may hold the loop a while). */
export const VERIFY_PAGE_SIZE = 5_000;

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
  const step = (position: number) => {
    last = position;
    seen += 1;
    if (seen % pageSize === 0) options.onProgress?.(last, head);
  };
  if (store.readStoredLinks) {
    await verifyStoredLinks(store, store.readStoredLinks.bind(store), verifier, pageSize, step);
  } else {
    for await (const event of store.readAll({ asStored: true, pageSize })) {
      verifier.add(event);
      step(event.globalPosition);
    }
  }
  options.onProgress?.(last, Math.max(last, head));
  return verifier.finish();
}

/**
 * The engine's own assembly of each event's hashed text (readStoredLinks): one hash per event and
 * nothing parsed. A page where some text does not match is read as stored instead and hashed as
 * before (parsed, canonicalised), which tells an alteration from text stored before it was
 * canonical; a store written before reads that way until an event's text matches again.
 */
async function verifyStoredLinks(
  store: EventStore,
  links: (after: number, limit: number) => Promise<StoredChainLink[]>,
  verifier: ChainVerifier,
  pageSize: number,
  step: (position: number) => void,
): Promise<void> {
  let after = 0;
  let asStored = false;
  for (;;) {
    const page: StoredChainLink[] = asStored ? [] : await links(after, pageSize);
    const matching = page.every(storedLinkIntact);
    const added = asStored || !matching ? await parsedPage(store, after, pageSize, verifier) : page.map((link) => (verifier.addChecked(link, true), link.globalPosition));
    for (const position of added) step(position);
    const last = added[added.length - 1];
    if (last === undefined || added.length < pageSize) return;
    after = last;
    // The next event's text decides how the next page is read.
    const [next] = await links(after, 1);
    asStored = next !== undefined && !storedLinkIntact(next);
  }
}

/** A page read as stored, each event parsed and hashed by the verifier: their positions. */
async function parsedPage(store: EventStore, after: number, pageSize: number, verifier: ChainVerifier): Promise<number[]> {
  const positions: number[] = [];
  for await (const event of store.readAll({ asStored: true, after, pageSize })) {
    verifier.add(event);
    positions.push(event.globalPosition);
    if (positions.length === pageSize) break;
  }
  return positions;
}
