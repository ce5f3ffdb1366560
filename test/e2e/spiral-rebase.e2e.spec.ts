import { EmbeddedHarness } from './support/embedded-harness';
import { answerOf } from './support/answers';
import { adoptedSpiral, recordPoints } from './support/dated-spirals';
import { localRx1, post, readSpiral } from './support/local-spirals';

/** Twelve months of 2005 just above the baseline mean of 50, inside the limits: a sustained shift, no other rule. */
const SHIFTED = [52, 53, 51, 52, 53, 52, 51, 52, 53, 52, 51, 52];

interface ChartBody {
  chart: { suggestedRebase?: { fromPeriod: string }; groups: unknown[] };
}

/**
 * SPEC "Statistical process control": limits are never recalculated automatically; a person confirms
 * the rebase a sustained signal suggests, or another period only with a reason and a group of at least
 * 12 points (fewer give trial limits: NHSRplotthedots' n < 12, MDC's tool takes 12 to 20 baseline points).
 */
describe('POST /spirals/:id/rebase: the suggested period, or a group long enough for limits', () => {
  let harness: EmbeddedHarness;
  let spiralId: string;
  const rebase = (fromPeriod: string) => post(harness, `/spirals/${spiralId}/rebase`, localRx1, { fromPeriod, reason: 'The new pathway changed the process for good.' });

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    ({ spiralId } = await adoptedSpiral(harness));
    await recordPoints(harness, spiralId, SHIFTED, 12);
    await harness.viewsCaughtUp();
  });
  afterAll(() => harness.stop());

  it('refuses another period whose group would hold fewer than 12 points, saying what the chart suggests (422)', async () => {
    const { chart } = (await readSpiral(harness, spiralId).expect(200)).body as ChartBody;
    expect(chart.suggestedRebase?.fromPeriod).toBe('2005-01-01');
    const refused = answerOf(await rebase('2005-03-01').expect(422));
    expect(refused.error).toBe('rebase_group_too_short');
    expect(refused.message).toContain('the chart suggests one from 2005-01-01');
    expect(refused.message).toContain('at least 12 points in its new group (it would hold 10)');
  });

  it('accepts the suggested period, and the chart then has a new group', async () => {
    await rebase('2005-01-01').expect(201);
    await harness.viewsCaughtUp();
    expect(((await readSpiral(harness, spiralId).expect(200)).body as ChartBody).chart.groups).toHaveLength(2);
  });

  it('counts a group up to the next rebase, refuses the first point and a period rebased already', async () => {
    expect(answerOf(await rebase('2004-06-01').expect(422)).message).toContain('it would hold 7');
    expect(answerOf(await rebase('2004-01-01').expect(422)).error).toBe('rebase_at_first_point');
    expect(answerOf(await rebase('2005-01-01').expect(422)).error).toBe('rebase_already_confirmed');
  });

  it('accepts another period with a reason when its group holds 12 points', async () => {
    await recordPoints(harness, spiralId, SHIFTED, 24);
    await rebase('2006-01-01').expect(201);
  });
});
