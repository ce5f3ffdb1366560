import type { DecisionContext } from '@spiral/decider';
import { SPEC_NOW } from '@spiral/decider/testing';
import { regionalEvents, validateEvent, type DomainEvent } from '@spiral/event-catalogue';
import { networkDecider } from './network/network.decider';
import { regionDecider } from './region/region.decider';
import {
  formNetwork,
  strategyLaunched,
  joinNetwork,
  launchStrategy,
  networkFormed,
  provideSupport,
  regionalUser,
  setPriority,
  teamUser,
} from './testing/regional-examples';

const contextOf = (actor: DecisionContext['actor']): DecisionContext => ({ actor, occurredAt: SPEC_NOW, now: SPEC_NOW });
const atRevision0 = { occurredAt: SPEC_NOW, streamRevision: 0 };

/** Every fact the regional deciders produce on their happy paths, as handleCommand would validate it. */
const produced: DomainEvent[] = [
  ...regionDecider.decide(setPriority, regionDecider.initialState, contextOf(regionalUser)),
  ...regionDecider.decide(provideSupport, regionDecider.initialState, contextOf(regionalUser)),
  ...regionDecider.decide(launchStrategy, regionDecider.initialState, contextOf(regionalUser)),
  ...networkDecider.decide(formNetwork, networkDecider.initialState, contextOf(regionalUser)),
  ...networkDecider.decide(
    joinNetwork,
    networkDecider.evolve(networkDecider.initialState, networkFormed, atRevision0),
    contextOf(teamUser),
  ),
];

describe('regional events produced by the deciders', () => {
  it.each(produced.map((event) => [event.type, event] as const))('%s passes its published schema', (_type, event) => {
    expect(validateEvent(event)).toEqual([]);
  });

  it('covers every regional event in the catalogue', () => {
    const types = new Set(produced.map((event) => event.type));
    expect(regionalEvents.filter((definition) => !types.has(definition.type))).toEqual([]);
  });

  it('refuses what the schemas rule out', () => {
    const fields = (event: DomainEvent) => validateEvent(event).map((problem) => problem.field);
    const launched = strategyLaunched;
    expect(fields({ ...launched, data: { ...launched.data, organisations: [] } })).toContain('organisations');
    expect(fields({ ...launched, data: { ...launched.data, organisations: ['RX1', 'RX1'] } })).toContain('organisations');
    expect(fields({ ...launched, data: { ...launched.data, organisations: ['RX 1'] } })).toContain('organisations');
    expect(fields({ ...launched, data: { ...launched.data, extra: 1 } })).toContain('extra');
  });
});
