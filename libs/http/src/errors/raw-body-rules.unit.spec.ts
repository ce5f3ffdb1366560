import fc from 'fast-check';
import { BodyTooWide, MAX_BODY_DEPTH, rawBodyProblems } from './raw-body-rules';

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

describe('rawBodyProblems: caps', () => {
  it('refuses a body wider than maxProperties as a whole, without walking it all', () => {
    const wide = Object.fromEntries(Array.from({ length: 112_000 }, (_, i) => [String(i), 0]));
    const started = performance.now();
    expect(() => rawBodyProblems(wide, { maxProperties: 5_000, maxProblems: 50 })).toThrow(BodyTooWide);
    expect(performance.now() - started).toBeLessThan(500);
    expect(() => rawBodyProblems({ points: Array.from({ length: 6_000 }, () => 1) }, { maxProperties: 5_000, maxProblems: 50 })).toThrow(/5000 fields and list items/);
  });

  it('lists at most maxProblems problems', () => {
    const nulls = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, null]));
    expect(rawBodyProblems(nulls, { maxProperties: 5_000, maxProblems: 7 })).toHaveLength(7);
  });

  it('refuses null wherever it stands: no field takes it', () => {
    expect(rawBodyProblems({ occurredAt: null, points: [{ value: null }] }).map((problem) => problem.field).sort()).toEqual(['occurredAt', 'points.0.value']);
  });
});

describe('rawBodyProblems: text', () => {
  it('normalises every text to NFC in place', () => {
    const body = { name: 'Caf\u0065\u0301', points: [{ note: 'A\u030A' }] };
    expect(rawBodyProblems(body)).toEqual([]);
    expect(body).toEqual({ name: 'Caf\u00e9', points: [{ note: '\u00c5' }] });
  });
});

describe('rawBodyProblems: well-formed Unicode', () => {
  it('names every text holding half of a surrogate pair, and passes a whole pair', () => {
    const body = JSON.parse('{"title":"a\\ud800b","points":[{"note":"\\udfff"}],"gap":"\\ud83d\\ude00"}') as unknown;
    expect(rawBodyProblems(body).map((problem) => problem.field).sort()).toEqual(['points.0.note', 'title']);
  });

  it('finds a lone surrogate wherever it is put in any text, and never flags well-formed text', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), surrogate, fc.nat(), (text, half, at) => {
        expect(rawBodyProblems({ text })).toEqual([]);
        const cut = at % (text.length + 1);
        // Between two halves of a pair an added half could pair up; a letter either side keeps it alone.
        const broken = `${text.slice(0, cut)}x${half}x${text.slice(cut)}`;
        expect(rawBodyProblems({ text: broken }).map((problem) => problem.field)).toEqual(['text']);
      }),
    );
  });
});
