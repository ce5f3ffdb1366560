import fc from 'fast-check';
import { EARLIEST_DATE, isMoment, isWithinDateRange, LATEST_DATE } from './date-rules';

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

describe('the form of a moment', () => {
  it('reads every instant toISOString writes, with or without seconds, and its date alone', () => {
    const any = fc.date({ min: at(`${EARLIEST_DATE}T00:00:00.000Z`), max: at(`${LATEST_DATE}T23:59:59.999Z`), noInvalidDate: true });
    fc.assert(fc.property(any, (date) => expect([written(date), written(date).slice(0, 16) + 'Z', written(date).slice(0, 10)].map(isMoment)).toEqual([true, true, true])));
  });

  it('refuses a time no clock shows, however spelt, and dates that do not exist', () => {
    for (const text of ['2004-06-30T24:00Z', '2004-06-30T24:00:00Z', '2004-06-30T23:60Z', '2004-06-30T23:59:60Z', '2004-06-30T12:00+24:00', '2004-06-30T12:00', '2005-02-29', '2004-06-31T10:00Z', '2004-06-30 12:00Z']) {
      expect([text, isMoment(text)]).toEqual([text, false]);
    }
  });
});
