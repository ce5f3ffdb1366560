import { showsAsAName } from '@spiral/event-catalogue';
import { firstDuplicateKey } from '../request/duplicate-keys';

/**
 * SPEC "Access": tokens carry `exp` with a bounded lifetime, and a `sub` of printable characters.
 * The signature and a past `exp` are checked by the JWT library; these are the rules it leaves open.
 */
export interface TokenPolicy {
  /** Longest lifetime a token may claim, `exp` minus `iat` (or minus now without `iat`): SPIRAL_TOKEN_MAX_LIFETIME_SECONDS. */
  readonly maxLifetimeSeconds: number;
  /** How far a signer's clock may run ahead of ours before its `iat` is "in the future". */
  readonly clockSkewSeconds: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxLifetimeSeconds: 24 * 3600, clockSkewSeconds: 60 };

/** The token is `sub` and stored in every event's envelope: no control, format, bidi or zero-width characters, no edge spaces, and a character that shows (the rule of names). */
export const MAX_SUBJECT_LENGTH = 128;
const PRINTABLE_SUBJECT = new RegExp(`^(?=\\S)[^\\p{C}]{1,${MAX_SUBJECT_LENGTH}}(?<=\\S)$`, 'u');

/** `Authorization: Bearer <token>` and nothing else: one space, three base64url parts. */
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

export function bearerTokenOf(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}

export function isPrintableSubject(sub: unknown): sub is string {
  return typeof sub === 'string' && PRINTABLE_SUBJECT.test(sub) && showsAsAName(sub);
}

/**
 * A header parameter or claim a token names twice, or undefined. RFC 7519 §4 lets a reader either
 * refuse such a token or keep the last of the two; a gateway keeping the first and this server the
 * last would read two roles in one token, so it is refused, as a body naming a field twice is.
 */
export function repeatedClaimOf(token: string): string | undefined {
  for (const part of token.split('.').slice(0, 2)) {
    const repeated = firstDuplicateKey(Buffer.from(part, 'base64url').toString('utf8'));
    if (repeated !== undefined) return repeated;
  }
  return undefined;
}

/**
 * The header parameters a token marks critical (`crit`), or undefined when it marks none. RFC 7515
 * §4.1.11: a recipient that does not understand every one of them must refuse the token, and this
 * server understands no extension, so any `crit` refuses it (a token meaning "only with this rule
 * applied" is not read without the rule).
 */
export function criticalParametersOf(token: string): string | undefined {
  const [header] = token.split('.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined; // not JSON: the JWT library has refused it already
  }
  if (typeof parsed !== 'object' || parsed === null || !Object.hasOwn(parsed, 'crit')) return undefined;
  return JSON.stringify((parsed as { crit: unknown }).crit);
}

/** Why the token's times are not acceptable, or undefined when they are. */
export function tokenTimeProblem(claims: Record<string, unknown>, nowSeconds: number, policy: TokenPolicy): string | undefined {
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'it has no exp (expiry); tokens must expire';
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return 'its iat is not a time';
  if (typeof iat === 'number' && iat > nowSeconds + policy.clockSkewSeconds) return 'its iat (issued at) is in the future';
  const lifetime = exp - (typeof iat === 'number' ? iat : nowSeconds);
  // A token that is dead when made (`spiral token --expires -5h` or `0s`) is refused, not handed out.
  if (lifetime <= 0) return `it expires ${lifetime === 0 ? 'as' : `${Math.round(-lifetime)} s before`} it is issued; its lifetime must be positive`;
  if (lifetime > policy.maxLifetimeSeconds) {
    return `it lives ${Math.round(lifetime)} s, longer than the ${policy.maxLifetimeSeconds} s this server accepts (SPIRAL_TOKEN_MAX_LIFETIME_SECONDS)`;
  }
  return undefined;
}
