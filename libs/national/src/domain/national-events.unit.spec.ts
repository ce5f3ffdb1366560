import type { DecisionContext, Decider } from '@spiral/decider';
import { SPEC_NOW } from '@spiral/decider/testing';
import { nationalEvents, validateEvent, type DomainEvent } from '@spiral/event-catalogue';
import { fieldTestDecider } from './field-test/field-test.decider';
import { nationalPrioritiesDecider } from './national-priorities/national-priorities.decider';
import { practiceDecider } from './practice/practice.decider';
import * as example from './testing/national-examples';

const context: DecisionContext = { actor: example.nationalUser, occurredAt: SPEC_NOW, now: SPEC_NOW };

/** Decides a command on the state its given events fold to, as handleCommand does. */
function decided<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, given: readonly E[], command: C): E[] {
  const state = given.reduce(
    (current, event, streamRevision) => decider.evolve(current, event, { occurredAt: SPEC_NOW, streamRevision }),
    decider.initialState,
  );
  return decider.decide(command, state, context);
}

/** Every fact the national deciders produce on their happy paths. */
const produced: DomainEvent[] = [
  ...decided(practiceDecider, [], example.propose),
  ...decided(practiceDecider, [example.proposed], example.publish),
  ...decided(practiceDecider, [example.proposed, example.publishedV1], example.revise),
  ...decided(practiceDecider, [example.proposed, example.publishedV1], example.retire),
  ...decided(fieldTestDecider, [], example.startTest),
  ...decided(fieldTestDecider, [example.testStarted], example.reportSite),
  ...decided(fieldTestDecider, [example.testStarted, example.siteReported], example.concludeTest),
  ...decided(nationalPrioritiesDecider, [], example.setNationalPriority),
];

describe('national events produced by the deciders', () => {
  it.each(produced.map((event) => [event.type, event] as const))('%s passes its published schema', (_type, event) => {
    expect(validateEvent(event)).toEqual([]);
  });

  it('covers every national event in the catalogue', () => {
    const types = new Set(produced.map((event) => event.type));
    expect(nationalEvents.filter((definition) => !types.has(definition.type))).toEqual([]);
  });

  it('refuses what the schemas rule out', () => {
    const fields = (event: DomainEvent) => validateEvent(event).map((problem) => problem.field);
    const started = example.testStarted;
    expect(fields({ ...started, data: { ...started.data, sites: [] } })).toContain('sites');
    expect(fields({ ...started, data: { ...started.data, sites: ['RX1', 'RX1'] } })).toContain('sites');
    expect(fields({ ...started, data: { ...started.data, sites: ['RX1\u0000'] } })).toContain('sites');
    expect(fields({ ...example.publishedV1, data: { ...example.publishedV1.data, version: 0 } })).toContain('version');
    expect(fields({ ...example.proposed, data: { ...example.proposed.data, targetMeasures: [] } })).toContain('targetMeasures');
  });
});
