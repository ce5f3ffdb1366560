import type { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { criticalParametersOf, repeatedClaimOf } from './token-rules';

type Claims = Record<string, unknown>;

/**
 * The claims of tokens whose HS256 signature was already checked, kept until they expire: a client
 * sends the same token with every request, and checking it again (base64 and JSON decoding, an HMAC)
 * was about 7 % of the request thread under command load. The key is the whole token, signature
 * included, so any other token is verified in full. A hit is taken only before the token's `exp`;
 * from then on the library verifies it again and answers why it is refused ("jwt expired").
 */
export class VerifiedTokens {
  private readonly verified: LRUCache<string, Claims>;

  constructor(
    private readonly jwt: JwtService,
    max = 10_000,
  ) {
    this.verified = new LRUCache({ max });
  }

  /** The token's claims; throws the JWT library's error when it is not valid, or one naming a claim given twice or a critical header parameter. */
  async claimsOf(token: string): Promise<Claims> {
    const known = this.verified.get(token);
    if (known && Date.now() / 1000 < (known['exp'] as number)) return known;
    const claims = await this.jwt.verifyAsync<Claims>(token, { algorithms: ['HS256'] });
    const repeated = repeatedClaimOf(token);
    if (repeated !== undefined) throw new Error(`it names ${repeated} more than once; a token names each claim once`);
    const critical = criticalParametersOf(token);
    if (critical !== undefined) throw new Error(`it marks header parameters critical (crit: ${critical}), which this server does not understand; mint it without crit`);
    // Only tokens that expire are kept (one without exp is refused anyway, by tokenTimeProblem).
    if (typeof claims['exp'] === 'number') this.verified.set(token, Object.freeze(claims));
    return claims;
  }
}
