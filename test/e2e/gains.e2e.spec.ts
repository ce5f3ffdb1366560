import { streamIds } from '@spiral/event-catalogue';
import { answerOf, anyString } from './support/answers';
import { adoptedSpiral, monthOf, months, recordPoints } from './support/dated-spirals';
import { EmbeddedHarness } from './support/embedded-harness';
import { localRx1, post, readSpiral } from './support/local-spirals';
import { settled } from './support/settled';

/** GET /spirals/:id as these tests read it. */
interface SpiralBody {
  readonly step: string;
  readonly revision: number;
  readonly gains: readonly { readonly kind: string; readonly rule: string; readonly periods: readonly string[] }[];
  readonly chart: {
    readonly points: readonly { readonly period: string; readonly value: number; readonly movingRange: number | null; readonly type: string }[];
    readonly mean: number;
    readonly lowerLimit: number;
    readonly upperLimit: number;
    readonly trial: boolean;
    readonly signals: readonly { readonly rule: string; readonly kind: string; readonly periods: readonly string[] }[];
    readonly asOfRevision: number;
  } | null;
  readonly history: readonly { readonly type: string; readonly actor: { readonly id: string; readonly role: string } }[];
}
const spiralOf = (response: { body: unknown }) => response.body as SpiralBody;

const SHIFT_UP = [51, 52, 51, 52, 51, 52, 51];
const HOLDING = Array.from({ length: 12 }, (_, k) => (k % 2 ? 52 : 51));

describe('gains decided from the data, through HTTP', () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('charts the points and records the gain achieved, then sustained, citing rule and periods', async () => {
    const { spiralId } = await adoptedSpiral(harness);
    const upload = await post(harness, `/spirals/${spiralId}/measurements`, localRx1, { points: [...SHIFT_UP, ...HOLDING].map((value, k) => ({ period: monthOf(12 + k), value })) }, { 'X-Correlation-Id': 'upload-2006' });
    expect(upload.status).toBe(201);
    await settled(harness);

    const spiral = spiralOf(await readSpiral(harness, spiralId).expect(200));
    expect(spiral.step).toBe('sustainability');
    expect(spiral.gains).toEqual([
      { kind: 'achieved', rule: 'shift', periods: months(12, 7), occurredAt: anyString },
      { kind: 'sustained', rule: 'sustained12', periods: months(19, 12), occurredAt: anyString },
    ]);
    expect(spiral.chart).toMatchObject({ mean: 50, trial: false, asOfRevision: spiral.revision });
    expect(spiral.chart?.lowerLimit).toBeCloseTo(50 - 2.66 * (24 / 11), 9);
    expect(spiral.chart?.upperLimit).toBeCloseTo(50 + 2.66 * (24 / 11), 9);
    expect(spiral.chart?.points).toHaveLength(31);
    expect(spiral.chart?.points.slice(0, 2)).toEqual([
      expect.objectContaining({ period: '2004-01-01', value: 50, movingRange: null, type: 'common' }),
      expect.objectContaining({ period: '2004-02-01', value: 52, movingRange: 2, type: 'common' }),
    ]);
    expect(spiral.chart?.points[12]).toMatchObject({ period: monthOf(12), type: 'improvement' });
    expect(spiral.chart?.signals).toEqual([expect.objectContaining({ rule: 'shift', kind: 'improvement', periods: months(12, 19) })]);
    expect(spiral.history.filter(({ type }) => type.startsWith('Gain')).map(({ actor }) => actor)).toEqual([
      { id: 'system:spc', role: 'system' },
      { id: 'system:spc', role: 'system' },
    ]);
  });

  it('carries the upload\'s correlation id on to the gains, each caused by the point that fired it', async () => {
    const { spiralId } = await adoptedSpiral(harness);
    await post(harness, `/spirals/${spiralId}/measurements`, localRx1, { points: SHIFT_UP.map((value, k) => ({ period: monthOf(12 + k), value })) }, { 'X-Correlation-Id': 'upload-2005' }).expect(201);
    await settled(harness);
    const stream = await harness.eventStore.readStream(streamIds.spiral(spiralId));
    const seventh = stream.find((event) => event.type === 'MeasurementRecorded' && (event.data as { period: string }).period === monthOf(18));
    const gain = stream.find((event) => event.type === 'GainAchieved');
    expect(gain).toMatchObject({ correlationId: 'upload-2005', causationId: seventh?.eventId, occurredAt: seventh?.occurredAt });
  });

  it('records the gain lost when the measure shifts back, and nothing twice across a restart', async () => {
    const { spiralId } = await adoptedSpiral(harness);
    await recordPoints(harness, spiralId, [...SHIFT_UP, 49, 48, 49, 48, 49, 48, 49], 12);
    await settled(harness);
    expect(spiralOf(await readSpiral(harness, spiralId).expect(200)).gains.map(({ kind, rule, periods }) => [kind, rule, periods])).toEqual([
      ['achieved', 'shift', months(12, 7)],
      ['lost', 'shift', months(19, 7)],
    ]);
    const head = await harness.eventStore.headPosition();
    await harness.restart();
    await settled(harness);
    expect(await harness.eventStore.headPosition()).toBe(head);
  });

  it('records no gain for common-cause variation, and the chart shows no signal', async () => {
    const { spiralId } = await adoptedSpiral(harness);
    const answer = await recordPoints(harness, spiralId, [50, 51, 49, 50, 52, 48, 50], 12);
    expect(answer).toBe(spiralId);
    await settled(harness);
    const spiral = spiralOf(await readSpiral(harness, spiralId).expect(200));
    expect({ step: spiral.step, gains: spiral.gains, signals: spiral.chart?.signals }).toEqual({ step: 'change', gains: [], signals: [] });
  });

  it('offers no route to claim a gain', async () => {
    const { spiralId } = await adoptedSpiral(harness);
    const claimed = await post(harness, `/spirals/${spiralId}/gains`, localRx1, { rule: 'shift', periods: [monthOf(0)] });
    expect(claimed.status).toBe(404);
    expect(answerOf(claimed).error).toBeDefined();
  });
});
