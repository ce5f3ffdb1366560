import fc from 'fast-check';
import { addCalendarMonths, daysBetween, earlierOf, isAtOrBefore, laterOf, monthOf, monthsFrom, resolveAsOf } from './calendar';

describe('calendar', () => {
  it('counts days between instants, fractions included', () => {
    expect(daysBetween('2004-01-01T00:00:00.000Z', '2004-03-01T12:00:00.000Z')).toBe(60.5);
  });

  it('lists consecutive months across a year end', () => {
    expect(monthsFrom('2004-11', '2005-02')).toEqual(['2004-11', '2004-12', '2005-01', '2005-02']);
    expect(monthsFrom('2005-02', '2004-11')).toEqual([]);
  });

  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addCalendarMonths('2004-01-31T10:00:00.000Z', 1)).toBe('2004-02-29T10:00:00.000Z');
    expect(addCalendarMonths('2004-08-15T00:00:00.000Z', 6)).toBe('2005-02-15T00:00:00.000Z');
    expect(addCalendarMonths('2004-08-15T00:00:00.000Z', 12)).toBe('2005-08-15T00:00:00.000Z');
  });

  it('reads the month of an instant or a date', () => {
    expect(monthOf('2004-12-31T23:59:59.000Z')).toBe('2004-12');
    expect(monthOf('2005-01-01')).toBe('2005-01');
  });

  it('judges at the asked moment, normalised, or now', () => {
    expect(resolveAsOf('2005-06-30', '2026-01-01T00:00:00.000Z')).toBe('2005-06-30T00:00:00.000Z');
    expect(resolveAsOf(undefined, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('compares instants as Date.parse reads them, whatever moments came before (property)', () => {
    const instant = fc.oneof(
      fc.date({ min: new Date('1999-01-01T00:00:00.000Z'), max: new Date('2031-01-01T00:00:00.000Z'), noInvalidDate: true }).map((date) => date.toISOString()),
      fc.constantFrom('2005-06-30', '2005-06-30T12:00:00+01:00', 'not a time', '2005-02-30T00:00:00.000Z'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, instant), { minLength: 1, maxLength: 20 }), (pairs) => {
        for (const [a, b] of pairs) {
          expect(isAtOrBefore(a, b)).toBe(Date.parse(a) <= Date.parse(b));
          expect(laterOf(a, b)).toBe(Date.parse(b) > Date.parse(a) ? b : a);
          expect(earlierOf(a, b)).toBe(Date.parse(b) < Date.parse(a) ? b : a);
        }
      }),
    );
  });
});
