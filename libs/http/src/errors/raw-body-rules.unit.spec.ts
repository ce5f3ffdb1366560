import { MAX_BODY_DEPTH, rawBodyProblems } from './raw-body-rules';

describe('rawBodyProblems', () => {
  it('passes an ordinary body', () => {
    expect(rawBodyProblems({ points: [{ period: '2004-01-01', value: 1 }], measure: { name: 'x' } })).toEqual([]);
  });

  it('names every key that reaches a prototype, at any depth, however JSON.parse made it', () => {
    const body = JSON.parse('{"__proto__":{"polluted":true},"measure":{"constructor":{"prototype":{}}},"points":[{"hasOwnProperty":1}],"prototype":1}') as unknown;
    expect(rawBodyProblems(body).map((problem) => problem.field).sort()).toEqual(['__proto__', 'measure.constructor', 'points.0.hasOwnProperty', 'prototype']);
  });

  it('refuses nesting deeper than the limit without overflowing the stack, and accepts it at the limit', () => {
    const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
    expect(rawBodyProblems(nested(MAX_BODY_DEPTH))).toEqual([]);
    expect(rawBodyProblems(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown)).toEqual([{ field: Array(MAX_BODY_DEPTH).fill('0').join('.'), reason: `nests deeper than ${MAX_BODY_DEPTH} levels` }]);
    expect(rawBodyProblems(nested(MAX_BODY_DEPTH + 1))[0]?.reason).toMatch(/deeper/);
  });
});
