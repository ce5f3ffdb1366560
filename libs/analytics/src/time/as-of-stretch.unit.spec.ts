import { comparedInstants, stretchOf } from './as-of-stretch';

describe('stretchOf', () => {
  const instants = comparedInstants(['2004-03-01T00:00:00.000Z', 'not a date', '2004-01-01T00:00:00.000Z', '2004-03-01T00:00:00.000Z']);

  it('orders the instants that parse', () => {
    expect(instants).toEqual([Date.parse('2004-01-01T00:00:00.000Z'), Date.parse('2004-03-01T00:00:00.000Z'), Date.parse('2004-03-01T00:00:00.000Z')]);
  });

  it('counts the instants at or before asOf', () => {
    expect(stretchOf(instants, '2003-12-31T23:59:59.999Z')).toBe(0);
    expect(stretchOf(instants, '2004-01-01T00:00:00.000Z')).toBe(1);
    expect(stretchOf(instants, '2004-02-15T00:00:00.000Z')).toBe(1);
    expect(stretchOf(instants, '2004-03-01T00:00:00.000Z')).toBe(3);
    expect(stretchOf(instants, '2030-01-01T00:00:00.000Z')).toBe(3);
  });

  it('has no stretch for an asOf that does not parse', () => {
    expect(stretchOf(instants, 'soon')).toBeUndefined();
  });
});
