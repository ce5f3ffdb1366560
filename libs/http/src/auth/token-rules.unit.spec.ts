import { bearerTokenOf, DEFAULT_TOKEN_POLICY, isPrintableSubject, tokenTimeProblem } from './token-rules';

const NOW = 1_800_000_000;

describe('token rules', () => {
  it('accepts exactly `Bearer <jwt>`', () => {
    expect(bearerTokenOf('Bearer aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
    for (const header of ['Bearer aaa.bbb.ccc junk', 'bearer aaa.bbb.ccc', 'Bearer  aaa.bbb.ccc', 'Bearer aaa.bbb', 'Basic aaa.bbb.ccc', '', undefined]) {
      expect(bearerTokenOf(header)).toBeUndefined();
    }
  });

  it('needs exp, an iat not in the future, and a lifetime within the policy', () => {
    expect(tokenTimeProblem({ iat: NOW, exp: NOW + 3600 }, NOW, DEFAULT_TOKEN_POLICY)).toBeUndefined();
    expect(tokenTimeProblem({ exp: NOW + 3600 }, NOW, DEFAULT_TOKEN_POLICY)).toBeUndefined();
    expect(tokenTimeProblem({ iat: NOW }, NOW, DEFAULT_TOKEN_POLICY)).toMatch(/no exp/);
    expect(tokenTimeProblem({ iat: NOW + 3600, exp: NOW + 7200 }, NOW, DEFAULT_TOKEN_POLICY)).toMatch(/future/);
    expect(tokenTimeProblem({ iat: NOW + 30, exp: NOW + 3600 }, NOW, DEFAULT_TOKEN_POLICY)).toBeUndefined();
    expect(tokenTimeProblem({ iat: NOW, exp: NOW + 30 * 86_400 }, NOW, DEFAULT_TOKEN_POLICY)).toMatch(/longer than the 86400 s/);
    expect(tokenTimeProblem({ iat: 'yesterday', exp: NOW + 60 }, NOW, DEFAULT_TOKEN_POLICY)).toMatch(/iat/);
  });

  it('refuses a token dead when made: exp at or before iat', () => {
    expect(tokenTimeProblem({ iat: NOW, exp: NOW }, NOW, DEFAULT_TOKEN_POLICY)).toBe('it expires as it is issued; its lifetime must be positive');
    expect(tokenTimeProblem({ iat: NOW, exp: NOW - 5 * 3600 }, NOW, DEFAULT_TOKEN_POLICY)).toBe('it expires 18000 s before it is issued; its lifetime must be positive');
  });

  it('takes a sub of 1 to 128 printable characters only', () => {
    expect(isPrintableSubject('dev-local-RX1')).toBe(true);
    expect(isPrintableSubject('Ana María Núñez')).toBe(true);
    for (const sub of ['', ' padded', 'x'.repeat(129), 'a\u001b[31mred', 'a\u202Eevil', 'zero\u200Bwidth', 'line\nbreak', 42]) {
      expect(isPrintableSubject(sub)).toBe(false);
    }
  });

  it('takes no sub that shows nothing (a Hangul filler, the blank braille pattern), as names take none', () => {
    for (const sub of ['\u3164', '\u2800\u2800', '\uFFA0', '\u115F\u1160', 'Ana\u3164']) expect(isPrintableSubject(sub)).toBe(false);
  });
});
