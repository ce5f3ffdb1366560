import { GainAchieved, SpiralClosed, SustainabilityAssessed, type EventEnvelope } from '@spiral/event-catalogue';
import { RuleViolated } from '@spiral/decider';
import { SPC_ACTOR, type SendSpiralCommand } from '@spiral/local';
import { monthOf, months } from './support/dated-spirals';
import { GainsWorld } from './support/gains-world';

const SHIFT_UP = [51, 52, 51, 52, 51, 52, 51];
const summary = (world: GainsWorld, spiralId: string) =>
  world.gainsOf(spiralId).then((gains) => gains.map(({ type, data }) => ({ type, ...(data) })));

/** The manager on its own, over a real embedded event store in memory: no HTTP, no feed. */
describe('the gains process manager over a real event store', () => {
  let world: GainsWorld;
  beforeEach(async () => {
    world = await GainsWorld.open();
    await world.adoptedSpiral('s1');
  });
  afterEach(() => world.close());

  it.each([
    ['astronomical', [50, 60, 50], [monthOf(13)]],
    ['trend', [44.5, 45, 46, 47, 48, 49, 50.5], months(12, 7)],
    ['twoInThree', [55, 55.5, 51], months(12, 2)],
    ['shift', SHIFT_UP, months(12, 7)],
  ])('records a gain achieved by the %s rule, citing its periods, caused by the point that fired it', async (rule, values, periods) => {
    // Live: the manager handles each point as it is stored.
    const manager = await world.manager();
    const points: EventEnvelope[] = [];
    for (const [k, value] of values.entries()) {
      points.push(...(await world.measured('s1', [value], 12 + k)));
      await world.drain(manager);
    }
    const [gain, ...others] = await world.gainsOf('s1');
    expect(others).toEqual([]);
    expect(gain).toMatchObject({ type: 'GainAchieved', data: { spiralId: 's1', rule, periods }, actor: SPC_ACTOR });
    const cause = points.find(({ eventId }) => eventId === gain?.causationId);
    expect(cause).toBeDefined();
    expect(gain).toMatchObject({ correlationId: cause?.correlationId, occurredAt: cause?.occurredAt });
    // Handled live, the gain follows the point that fired it (for two-in-three, the third point).
    expect(gain?.streamRevision).toBe((cause?.streamRevision ?? -2) + 1);
  });

  it('records the gain sustained after twelve more points on the improved side, each caused by its own point though read late', async () => {
    const points = await world.measured('s1', [...SHIFT_UP, ...Array.from({ length: 12 }, (_, k) => (k % 2 ? 52 : 51))]);
    await world.drain(await world.manager());
    expect(await summary(world, 's1')).toEqual([
      { type: 'GainAchieved', spiralId: 's1', rule: 'shift', periods: months(12, 7) },
      { type: 'GainSustained', spiralId: 's1', rule: 'sustained12', periods: months(19, 12) },
    ]);
    const periodOf = (eventId: string) => (points.find((point) => point.eventId === eventId)?.data as { period?: string } | undefined)?.period;
    expect((await world.gainsOf('s1')).map(({ causationId }) => periodOf(causationId))).toEqual([monthOf(18), monthOf(30)]);
  });

  it('records the gain lost on a shift back below the baseline centre line', async () => {
    await world.measured('s1', [...SHIFT_UP, 49, 48, 49, 48, 49, 48, 49]);
    await world.drain(await world.manager());
    expect(await summary(world, 's1')).toEqual([
      { type: 'GainAchieved', spiralId: 's1', rule: 'shift', periods: months(12, 7) },
      { type: 'GainLost', spiralId: 's1', rule: 'shift', periods: months(19, 7) },
    ]);
  });

  it('records nothing for common-cause variation', async () => {
    await world.measured('s1', [50, 51, 49, 50, 52, 48, 50]);
    await world.drain(await world.manager());
    expect(await world.gainsOf('s1')).toEqual([]);
  });

  it('never records the same fact twice: a second manager over the same history adds nothing', async () => {
    await world.measured('s1', [...SHIFT_UP, 49, 48, 49, 48, 49, 48, 49]);
    await world.drain(await world.manager());
    const head = await world.store.headPosition();
    await world.drain(await world.manager());
    expect(await world.store.headPosition()).toBe(head);
    expect(await world.gainsOf('s1')).toHaveLength(2);
  });

  it('stores a fact once when two managers race to record it: its idempotency key is derived from the fact', async () => {
    await world.measured('s1', SHIFT_UP);
    const refusals: unknown[] = [];
    const logger = { warn: (message: unknown) => refusals.push(message) };
    const [first, second] = [await world.manager(logger), await world.manager(logger)];
    const events = await world.everything();
    await Promise.all([first.handle(events), second.handle(events)]);
    const [gain, ...others] = await world.gainsOf('s1');
    expect(others).toEqual([]);
    // The second append carried the same event id: answered as a retry, not refused by the decider.
    expect(refusals).toEqual([]);
    expect(gain).toMatchObject({ type: 'GainAchieved', data: { periods: months(12, 7) } });
  });

  it('dates a gain at the stream\'s last fact when the stream moved on before the manager read it', async () => {
    const points = await world.measured('s1', SHIFT_UP);
    await world.append('s1', SustainabilityAssessed.create({ spiralId: 's1', assessedBy: 'ward sister', factors: { seniorLeadership: 'a' } }), '2005-09-01T09:00:00.000Z');
    await world.drain(await world.manager());
    const [gain] = await world.gainsOf('s1');
    expect(gain).toMatchObject({ causationId: points.at(-1)?.eventId, occurredAt: '2005-09-01T09:00:00.000Z' });
  });

  it('records the gain when another point arrives between its read and its command: refused as dated before it, the gain is asked for again from the stream as it now is', async () => {
    await world.measured('s1', SHIFT_UP);
    const warnings: unknown[] = [];
    let pointsMeanwhile = 0;
    const manager = await world.manager({ warn: (message) => warnings.push(message) }, (send) => async (command) => {
      // The first two rounds each lose the race to a newer point, as a team entering points back to back does.
      if (pointsMeanwhile < 2) await world.measured('s1', [52], 19 + pointsMeanwhile++);
      return send(command);
    });
    await world.drain(manager);
    expect(warnings).toEqual([]);
    const [gain, ...others] = await world.gainsOf('s1');
    expect(others).toEqual([]);
    expect(gain).toMatchObject({ type: 'GainAchieved', data: { rule: 'shift', periods: months(12, 7) } });
  });

  it('records nothing on a closed spiral', async () => {
    await world.measured('s1', SHIFT_UP);
    await world.append('s1', SpiralClosed.create({ spiralId: 's1', outcome: 'abandoned', learning: 'Moved on.' }), '2005-08-01T09:00:00.000Z');
    await world.drain(await world.manager());
    expect(await world.gainsOf('s1')).toEqual([]);
  });

  it('withdraws a gain the chart does not show (the team claimed it), citing the latest point, then records the chart\'s', async () => {
    const points = await world.measured('s1', [50, 50, 60, 50, 50, 50, 50]);
    // The team recorded a gain of its own; the chart shows no astronomical point on 2005-01, but one on 2005-03.
    await world.append('s1', GainAchieved.create({ spiralId: 's1', rule: 'astronomical', periods: [monthOf(12)] }), '2005-08-01T09:00:00.000Z');
    await world.drain(await world.manager());
    expect(await summary(world, 's1')).toEqual([
      { type: 'GainAchieved', spiralId: 's1', rule: 'astronomical', periods: [monthOf(12)] },
      { type: 'GainWithdrawn', spiralId: 's1', withdrawn: 'achieved', rule: 'astronomical', periods: [monthOf(12)], undoneBy: 'MeasurementRecorded', undoingPeriod: monthOf(18), standing: 'none' },
      { type: 'GainAchieved', spiralId: 's1', rule: 'astronomical', periods: [monthOf(14)] },
    ]);
    expect((await world.gainsOf('s1'))[1]?.causationId).toBe(points.at(-1)?.eventId);
  });

  it('logs and skips a refusal by a domain rule, and moves on', async () => {
    await world.measured('s1', SHIFT_UP);
    const warnings: unknown[] = [];
    const refuse: SendSpiralCommand = () => Promise.reject(new RuleViolated('spiral_closed', 'spiral s1 is closed'));
    const manager = await world.manager({ warn: (message) => warnings.push(message) }, () => refuse);
    await world.drain(manager);
    expect(warnings).toEqual([expect.objectContaining({ skipped: 'RecordGainAchieved', spiralId: 's1', reason: expect.stringMatching(/closed/) as string })]);
    expect(await manager.eventsBehind()).toBe(0);
  });
});
