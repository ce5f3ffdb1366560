import type { EventEnvelope } from './event-envelope';
import { sha256Hex } from './hash-chain';

/**
 * What verify needs of a stored event whose text matches its hash: its place in its chain, and the
 * text the hash covers as the engine assembled it from what it stores (HASHED_MEMBERS' order and
 * forms, strings quoted without escaping): a guess, which the hash confirms or refutes.
 */
export interface StoredChainLink extends Pick<EventEnvelope, 'streamId' | 'streamRevision' | 'globalPosition' | 'previousHash' | 'hash'> {
  readonly hashedText: string;
}

/**
 * Whether the assembled text hashes to the stored hash. Events are stored with the canonical text
 * their hash covers (sealEvents), so for them it does, with no parsing; a match proves the text
 * hashed is exactly the canonical one (SHA-256 has no known collisions). A mismatch proves nothing
 * by itself: rows stored before canonical text was (unsorted JSON), a string that needed escaping,
 * or an alteration: only the event parsed and hashed as computeEventHash does can tell which.
 */
export function storedLinkIntact(link: StoredChainLink): boolean {
  return sha256Hex(link.hashedText) === link.hash;
}
