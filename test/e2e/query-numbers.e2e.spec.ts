import { answerOf } from './support/answers';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';

const localRx1: Identity = { role: 'local', org: 'RX1', sha: 'Q01' };
const regional: Identity = { role: 'regional', sha: 'Q01' };
const SPIRAL = '01a25208-cda6-7304-8484-35e38f122768';

/** Every query parameter of the API that takes a whole number, a value in its range, and who may ask for it. */
const NUMBER_PARAMETERS: readonly (readonly [string, string, number, Identity])[] = [
  [`/api/v1/spirals/${SPIRAL}`, 'limit', 20, localRx1],
  [`/api/v1/spirals/${SPIRAL}/record/measurements`, 'limit', 20, localRx1],
  [`/api/v1/spirals/${SPIRAL}/chart.svg`, 'width', 400, localRx1],
  [`/api/v1/spirals/${SPIRAL}/chart.svg`, 'height', 300, localRx1],
  ['/api/v1/practices', 'limit', 20, localRx1],
  ['/api/v1/regions/Q01/view', 'stalledDays', 30, regional],
];

/**
 * SPEC "Bad input": a query number means what it shows. Number() read `0x10` as 16, `1e1` as 10 and
 * ` 5` as 5; only decimal digits are numbers now, on every parameter, and a parameter given twice is
 * refused with the same one message rather than three rules failing at once.
 */
describe('whole numbers in query strings', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    // A team makes its region known to the regional view.
    await harness.http.post('/api/v1/teams').set(harness.bearer(localRx1)).send({ name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01' }).expect(201);
    await harness.viewsCaughtUp();
  });
  afterAll(() => harness.stop());

  it.each(NUMBER_PARAMETERS)('%s ?%s= takes only decimal digits, given once', async (path, parameter, n, identity) => {
    // Each spells n, a number in the parameter's range, otherwise than in digits.
    for (const text of [`0x${n.toString(16)}`, `${n / 10}e1`, `%20${n}`, `${n}.0`, `+${n}`, `${n}&${parameter}=${n}`]) {
      const answer = await harness.http.get(`${path}?${parameter}=${text}`).set(harness.bearer(identity)).expect(400);
      const problems = answerOf(answer).problems;
      expect(problems.map(({ field }) => field)).toEqual([parameter]);
      expect(problems[0]?.reason).toMatch(new RegExp(`^${parameter} must be a whole number from \\d+ to \\d+, in decimal digits, given once$`));
    }
  });

  it('answers a number written in digits', async () => {
    await harness.http.get('/api/v1/practices?limit=5').set(harness.bearer(localRx1)).expect(200);
    await harness.http.get('/api/v1/regions/Q01/view?stalledDays=0030').set(harness.bearer(regional)).expect(200);
  });
});
