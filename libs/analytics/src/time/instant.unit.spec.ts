import fc from 'fast-check';
import { canonicalInstant, instantOf } from './instant';

const MIN = Date.parse('0000-01-01T00:00:00.000Z');
const MAX = Date.parse('9999-12-31T23:59:59.999Z');

describe('instantOf', () => {
  it('reads every instant toISOString writes as Date.parse does (property)', () => {
    fc.assert(fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
      const text = new Date(ms).toISOString();
      expect(canonicalInstant(text)).toBe(ms);
      expect(instantOf(text)).toBe(Date.parse(text));
    }), { numRuns: 2_000 });
  });

  it('answers as Date.parse for any text of the canonical shape, days and hours out of range included (property)', () => {
    const field = (length: number) => fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, '0'));
    const shaped = fc.tuple(field(4), field(2), field(2), field(2), field(2), field(2), field(3))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(fc.property(shaped, (text) => {
      expect(instantOf(text)).toBe(Date.parse(text));
    }), { numRuns: 5_000 });
  });

  it('leaves every other form to Date.parse', () => {
    for (const text of ['2004-02-29T12:00:00Z', '2004-06-30', '2004-06-30T12:00:00.000+01:00', '2004-02-30T00:00:00.000Z', '2004-06-30T24:00:00.000Z', '2004-06-3xT00:00:00.000Z', 'not a time']) {
      expect(Object.is(instantOf(text), Date.parse(text))).toBe(true);
    }
    expect(canonicalInstant('2004-02-29T12:00:00Z')).toBeUndefined();
    expect(canonicalInstant('2005-02-29T00:00:00.000Z')).toBeUndefined();
    expect(canonicalInstant('2004-02-29T00:00:00.000Z')).toBe(Date.parse('2004-02-29T00:00:00.000Z'));
  });
});
