import { DATE_RANGE_REASON, EARLIEST_DATE } from '@spiral/event-catalogue';
import { answerOf } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { localRx1, national, post, recogniseNeed, teamBody } from './support/local-spirals';

const analyst: Identity = { role: 'analyst' };
const regionQ01: Identity = { role: 'regional', sha: 'Q01' };
const priority = { measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' }, rationale: 'Thrombolysis within the hour saves brain.' };
const BEFORE_THE_NHS = ['0999-12-31', '1004-06-30', '1948-07-04', '1948-07-04T23:59:59Z', '1947-12-31T12:00:00+01:00'];

/**
 * SPEC "Bad input": dates are real dates, and what is stored is what was meant. Every date a user
 * gives, in a body, a query or a job, is held to one range (date-range.ts) with one message: a year
 * typed 0999 for 2004 was stored as a fact of the year 999.
 */
describe('every date a user gives lies from the NHS\'s first day on', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  const refusedNaming = (response: { status: number; body: unknown }, field: string) => {
    expect(response.status).toBe(400);
    expect(answerOf(response).problems).toEqual([{ field, reason: expect.stringContaining(DATE_RANGE_REASON) as unknown }]);
  };

  it('refuses a command dated before it, and stores nothing; its first day is accepted', async () => {
    for (const occurredAt of BEFORE_THE_NHS) refusedNaming(await post(harness, '/teams', localRx1, { ...teamBody(), occurredAt }), 'occurredAt');
    expect(await harness.eventStore.headPosition()).toBe(0);
    await post(harness, '/teams', localRx1, { ...teamBody(), occurredAt: EARLIEST_DATE }).expect(201);
  });

  it('refuses a time no clock shows (24:00 was stored as the next day), and spaces around a moment', async () => {
    const response = await post(harness, '/teams', localRx1, { ...teamBody(), occurredAt: '2004-06-30T24:00Z' });
    expect([response.status, answerOf(response).problems?.map(({ field }) => field)]).toEqual([400, ['occurredAt']]);
    const asOf = await harness.http.get('/api/v1/evaluation?asOf=2004-06-30T24:00%2B00:00').set(harness.bearer(analyst));
    expect([asOf.status, answerOf(asOf).problems?.map(({ field }) => field)]).toEqual([400, ['asOf']]);
    // Spaces around a moment are refused wherever it is read, a job's body as a query.
    for (const spaced of [' 2004-06-30', '2004-06-30\n']) {
      const replay = await post(harness, '/replays', analyst, { view: 'all', asOf: spaced });
      expect([replay.status, answerOf(replay).problems?.map(({ field }) => field)]).toEqual([400, ['asOf']]);
    }
  });

  it('refuses such dates inside a body: a measurement period, a priority\'s last day', async () => {
    const { spiralId } = await recogniseNeed(harness);
    refusedNaming(await post(harness, `/spirals/${spiralId}/measurements`, localRx1, { points: [{ period: '1004-01-01', value: 1 }] }), 'points.0.period');
    refusedNaming(await post(harness, '/regions/Q01/priorities', regionQ01, { ...priority, until: '0999-03-31' }), 'until');
  });

  it('refuses them as the moment of a read, a replay or an evaluation', async () => {
    const get = (path: string, identity: Identity) => harness.http.get(`/api/v1${path}`).set(harness.bearer(identity));
    refusedNaming(await get('/national/view?asOf=1004-06-30', national), 'asOf');
    refusedNaming(await get('/regions/Q01/view?asOf=1004-06-30', regionQ01), 'asOf');
    refusedNaming(await get('/practices/P1/spread?asOf=1004-06-30', national), 'asOf');
    refusedNaming(await get('/evaluation?asOf=1004-06-30', analyst), 'asOf');
    refusedNaming(await get('/evaluation?from=1004-06-30&to=2004-06-30', analyst), 'from');
    refusedNaming(await post(harness, '/replays', analyst, { view: 'all', asOf: '1004-06-30' }), 'asOf');
    refusedNaming(await post(harness, '/evaluations', analyst, { asOf: '2005-01-01', compare: '1004-06-30' }), 'compare');
  });
});
