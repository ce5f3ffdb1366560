import type { ViewStore } from '@spiral/ports';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Projection } from '../projection';
import { viewContents } from './projection-spec';

/**
 * A SHA-256 over the canonical JSON (RFC 8785) of every document of every projection's
 * collections: two view stores with the same hash hold the same views, whatever order or engine
 * wrote them (find answers in id order on every engine). Bookkeeping (checkpoints, applied revisions, parked events) is left out.
 */
export async function viewsHash(projections: readonly Projection[], views: ViewStore): Promise<string> {
  const hash = createHash('sha256');
  for (const projection of [...projections].sort((a, b) => a.name.localeCompare(b.name))) {
    const contents = await viewContents(projection, views);
    hash.update(`${projection.name}\u0000${canonicalize(contents) ?? ''}\u0000`);
  }
  return hash.digest('hex');
}
