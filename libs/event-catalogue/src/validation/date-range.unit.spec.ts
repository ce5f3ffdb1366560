import fc from 'fast-check';
import { EARLIEST_DATE, isWithinDateRange, LATEST_DATE } from './date-range';

const at = (text: string) => new Date(text);
const written = (date: Date) => date.toISOString();

describe('the date range every date a user gives is held to', () => {
  it('holds every instant from the NHS\'s first day to the last YYYY day, as a date or an instant', () => {
    const inRange = fc.date({ min: at(`${EARLIEST_DATE}T00:00:00.000Z`), max: at(`${LATEST_DATE}T23:59:59.999Z`), noInvalidDate: true });
    fc.assert(fc.property(inRange, (date) => expect([isWithinDateRange(written(date)), isWithinDateRange(written(date).slice(0, 10))]).toEqual([true, true])));
  });

  it('refuses every instant before it and every one after it, however written', () => {
    const before = fc.date({ min: at('0000-01-01T00:00:00.000Z'), max: at('1948-07-04T23:59:59.999Z'), noInvalidDate: true });
    fc.assert(fc.property(before, (date) => expect(isWithinDateRange(written(date).replace(/^[+-]0*(?=\d{4})/, ''))).toBe(false)));
    for (const text of ['1948-07-04', '1948-07-05T00:30:00+01:00', '0999-12-31', '9999-12-31T23:00:00-05:00', '+010000-01-01T00:00:00Z']) expect([text, isWithinDateRange(text)]).toEqual([text, false]);
  });

  it('leaves text that is no date to the rule on its form', () => {
    for (const text of ['', 'yesterday', '2004-13-01']) expect(isWithinDateRange(text)).toBe(true);
  });
});
