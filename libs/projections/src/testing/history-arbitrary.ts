import type { EventEnvelope } from '@spiral/event-catalogue';
import fc from 'fast-check';
import { HistoryBuilder } from './history-builder';

const DAY = 86_400_000;
const START = Date.parse('2004-01-01T00:00:00.000Z');
const at = (day: number) => new Date(START + day * DAY).toISOString();
const PRACTICES = ['p-a', 'p-b', 'p-c'];
const ORGS = ['RX1', 'RX2', 'RY1', 'RZ1'];

/** How far one random spiral gets, and when; days are offsets, so stream order follows. */
const spiralPlan = fc.record({
  team: fc.nat({ max: 7 }),
  startDay: fc.integer({ min: 10, max: 300 }),
  gaps: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 8, maxLength: 8 }),
  depth: fc.integer({ min: 0, max: 6 }),
  practice: fc.option(fc.constantFrom(...PRACTICES), { nil: undefined }),
  points: fc.array(fc.integer({ min: 20, max: 90 }), { maxLength: 6 }),
  cycles: fc.array(fc.constantFrom('adopt', 'adapt', 'abandon' as const), { maxLength: 2 }),
  assessments: fc.array(fc.constantFrom('a', 'b', 'c', 'd' as const), { maxLength: 2 }),
  closes: fc.boolean(),
});

/**
 * A random but valid history: eight teams in four organisations of three regions, three
 * practices (one retired), random spirals that go some way through their steps, change cycles,
 * assessments, gains, closures, and regional facts; stored in time order as the store would number it.
 */
export const historyArbitrary: fc.Arbitrary<EventEnvelope[]> = fc
  .record({ spirals: fc.array(spiralPlan, { minLength: 1, maxLength: 12 }), supportDays: fc.array(fc.nat({ max: 400 }), { maxLength: 4 }) })
  .map(({ spirals, supportDays }) => {
    const history = new HistoryBuilder();
    history.practice('p-a', { proposedAt: at(0), publishedAt: at(1) }).practice('p-b', { proposedAt: at(0), publishedAt: at(2), retiredAt: at(500) }).practice('p-c', { proposedAt: at(0), publishedAt: at(3) });
    history.fieldTest('ft-a', 'p-a', ['RX1'], at(1), { verdict: 'effective', effectSize: 0.4, at: at(5) });
    const teams = Array.from({ length: 8 }, (_, i) => history.team(`t${i}`, ORGS[i % 4]!, ['Q01', 'Q01', 'Q02', 'Q03'][i % 4]!, at(4)));
    history.network('Q01', 'n1', at(5), [{ team: teams[0]!, at: at(6) }]);
    supportDays.forEach((day, i) => history.support('Q01', `su-${i}`, 't0', i % 2 === 0 ? 'advice' : 'resources', at(6 + day)));
    spirals.forEach((plan, i) => {
      let day = plan.startDay;
      const next = (step: number) => at((day += plan.gaps[step]!));
      const story = history.spiral(`s${i}`, teams[plan.team]!, at(day));
      if (plan.depth >= 1) story.pull(next(0));
      if (plan.depth >= 2) story.appraise(next(1), plan.practice);
      if (plan.depth >= 3) story.adopt(next(2));
      if (plan.depth >= 3) story.measure(next(3), plan.points.map((value, k) => [at(plan.startDay - 40 + k * 20).slice(0, 10), value] as const));
      // On the measuring day: the team's lists then get entries of several spirals at one instant.
      if (plan.depth >= 3) plan.cycles.forEach((decision, k) => story.cycle(k + 1, decision, at(day)));
      if (plan.depth >= 3) plan.assessments.forEach((level, k) => story.assess(`assessor ${k}`, level, at(day)));
      if (plan.depth >= 4) story.gain('achieved', next(4));
      if (plan.depth >= 5) story.gain('sustained', next(5));
      if (plan.depth >= 6) story.gain('lost', next(6));
      if (plan.closes) story.close(next(7));
    });
    return history.build();
  });

/** Cut points that split a history into consecutive batches. */
export function batchesOf(events: readonly EventEnvelope[], cuts: readonly number[]): EventEnvelope[][] {
  const points = [...new Set(cuts.map((cut) => cut % (events.length + 1)))].sort((a, b) => a - b);
  const batches: EventEnvelope[][] = [];
  let from = 0;
  for (const point of [...points, events.length]) {
    if (point > from) batches.push(events.slice(from, point));
    from = Math.max(from, point);
  }
  return batches;
}

/**
 * The history with some events delivered again later (at least once delivery): each chosen event
 * reappears after a random number of further events, never before its first delivery.
 */
export function withRedeliveries(events: readonly EventEnvelope[], picks: readonly (readonly [index: number, delay: number])[]): EventEnvelope[] {
  const delivered = [...events];
  for (const [index, delay] of picks) {
    const original = events[index % events.length]!;
    const position = delivered.indexOf(original);
    delivered.splice(Math.min(delivered.length, position + 1 + delay), 0, original);
  }
  return delivered;
}
