import fc from 'fast-check';
import { EARLIEST_DATE, isWithinDateRange, LATEST_DATE } from './date-range';

const at = (text: string) => new Date(text);
const written = (date: Date) => date.toISOString();

describe('the date range every date a user gives is held to', () => {
  it('holds every instant from the NHS\'s first day to the last YYYY day, as a date or an instant', () => {
    const inRange = fc.date({ min: at(`${EARLIEST_DATE}T00:00:00.000Z`), max: at(`${LATEST_DATE}T23:59:59.999Z`), noInvalidDate: true });
    fc.assert(fc.property(inRange, (date) => expect([isWithinDateRange(written(date)), isWithinDateRange(written(date).slice(0, 10))]).toEqual([true, true])));
  });

  it('refuses every date before it, judged as written', () => {
    const before = fc.date({ min: at('0000-01-01T00:00:00.000Z'), max: at('1948-07-04T23:59:59.999Z'), noInvalidDate: true });
    fc.assert(fc.property(before, (date) => expect(isWithinDateRange(written(date))).toBe(false)));
    for (const text of ['1948-07-04', '1948-07-04T23:59:59+14:00', '1948-06-30', '1947-12-31', '0999-12-31', '0000-01-01']) expect([text, isWithinDateRange(text)]).toEqual([text, false]);
    for (const text of ['1948-07-05', '1948-07-05T00:30:00+01:00', '1948-08-01', '1949-01-01', '2004-06-30T12:00:00Z', '9999-12-31T23:00:00-05:00']) expect([text, isWithinDateRange(text)]).toEqual([text, true]);
  });

  it('leaves text that is no date to the rule on its form', () => {
    for (const text of ['', 'yesterday', '+010000-01-01T00:00:00Z', '20040101']) expect(isWithinDateRange(text)).toBe(true);
  });
});
