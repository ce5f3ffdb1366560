import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { VerifiedTokens } from './verified-tokens';

const secret = createSecretKey(Buffer.from('a-secret-of-sufficient-length-for-tests'));
const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
const now = () => Math.floor(Date.now() / 1000);

describe('VerifiedTokens', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies a token once and answers its claims again from memory', async () => {
    const verify = jest.spyOn(jwt, 'verifyAsync');
    const tokens = new VerifiedTokens(jwt);
    const token = jwt.sign({ sub: 'u1', exp: now() + 600 });
    expect(await tokens.claimsOf(token)).toMatchObject({ sub: 'u1' });
    expect(await tokens.claimsOf(token)).toMatchObject({ sub: 'u1' });
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('refuses a remembered token once it has expired, with the library reason', async () => {
    const tokens = new VerifiedTokens(jwt);
    const token = jwt.sign({ sub: 'u1', exp: now() + 60 });
    await tokens.claimsOf(token);
    jest.useFakeTimers({ now: Date.now() + 61_000 });
    await expect(tokens.claimsOf(token)).rejects.toThrow(/jwt expired/);
  });

  it('verifies in full any token that differs from a remembered one, even by its signature alone', async () => {
    const tokens = new VerifiedTokens(jwt);
    const token = jwt.sign({ sub: 'u1', exp: now() + 600 });
    await tokens.claimsOf(token);
    const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
    await expect(tokens.claimsOf(forged)).rejects.toThrow(/invalid signature/);
  });

  it('refuses a signed token that names a claim twice, which readers keeping the first or the last would read as two roles', async () => {
    const tokens = new VerifiedTokens(jwt);
    // Signed as written (a text payload; jsonwebtoken's default algorithm is HS256).
    const twice = new JwtService({ secret }).sign(`{"sub":"u1","role":"analyst","role":"national","exp":${now() + 600}}`);
    await expect(tokens.claimsOf(twice)).rejects.toThrow('it names role more than once; a token names each claim once');
  });

  it('refuses a signed token that marks header parameters critical, since this server understands none (RFC 7515 §4.1.11)', async () => {
    const tokens = new VerifiedTokens(jwt);
    const critical = jwt.sign({ sub: 'u1', exp: now() + 600 }, { header: { alg: 'HS256', crit: ['b64'], b64: false } as never });
    await expect(tokens.claimsOf(critical)).rejects.toThrow('it marks header parameters critical (crit: ["b64"])');
    const plain = jwt.sign({ sub: 'u1', exp: now() + 600 });
    await expect(tokens.claimsOf(plain)).resolves.toMatchObject({ sub: 'u1' });
  });
});
