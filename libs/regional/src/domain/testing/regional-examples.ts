import { actorOf } from '@spiral/decider/testing';
import {
  NetworkFormed,
  NetworkJoined,
  RegionalPrioritySet,
  SpreadStrategyLaunched,
  SupportProvided,
} from '@spiral/event-catalogue';
import type { FormNetwork, JoinNetwork } from '../network/network.commands';
import type { LaunchSpreadStrategy, ProvideSupport, SetRegionalPriority } from '../region/region.commands';

/** Commands and the facts they should produce, shared by the decider specs and the schema spec. */
export const regionalUser = actorOf('regional', null, 'Q01');
export const otherRegionUser = actorOf('regional', null, 'Q02');
export const teamUser = actorOf('local', 'RX1', 'Q01');

export const setPriority: SetRegionalPriority = {
  type: 'SetRegionalPriority',
  shaCode: 'Q01',
  priorityId: 'door-to-needle',
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  rationale: 'Thrombolysis within the hour saves brain.',
  until: '2006-03-31',
};
export const prioritySet = RegionalPrioritySet.create({
  shaCode: 'Q01',
  priorityId: 'door-to-needle',
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  rationale: 'Thrombolysis within the hour saves brain.',
  until: '2006-03-31',
});

export const provideSupport: ProvideSupport = {
  type: 'ProvideSupport',
  shaCode: 'Q01',
  supportId: 'support-1',
  teamId: 'team-1',
  team: { teamId: 'team-1', shaCode: 'Q01' },
  kind: 'airCover',
  description: 'The region stands behind the nurse-led thrombolysis pilot.',
};
export const supportProvided = SupportProvided.create({
  shaCode: 'Q01',
  supportId: 'support-1',
  teamId: 'team-1',
  kind: 'airCover',
  description: 'The region stands behind the nurse-led thrombolysis pilot.',
});

export const launchStrategy: LaunchSpreadStrategy = {
  type: 'LaunchSpreadStrategy',
  shaCode: 'Q01',
  strategyId: 'spread-1',
  practiceId: 'practice-1',
  practice: { practiceId: 'practice-1', status: 'published' },
  organisations: ['RX1', 'RX2'],
  organisationRegions: { RX1: 'Q01', RX2: 'Q01' },
  approach: 'Facilitated visits from the first adopters.',
};
export const strategyLaunched = SpreadStrategyLaunched.create({
  shaCode: 'Q01',
  strategyId: 'spread-1',
  practiceId: 'practice-1',
  organisations: ['RX1', 'RX2'],
  approach: 'Facilitated visits from the first adopters.',
});

export const formNetwork: FormNetwork = {
  type: 'FormNetwork',
  networkId: 'stroke-net',
  shaCode: 'Q01',
  name: 'Stroke network',
  kind: 'communityOfPractice',
  purpose: 'Share what works in hyperacute stroke care.',
};
export const networkFormed = NetworkFormed.create({
  networkId: 'stroke-net',
  shaCode: 'Q01',
  name: 'Stroke network',
  kind: 'communityOfPractice',
  purpose: 'Share what works in hyperacute stroke care.',
});

export const joinNetwork: JoinNetwork = {
  type: 'JoinNetwork',
  networkId: 'stroke-net',
  teamId: 'team-1',
  team: { teamId: 'team-1', orgCode: 'RX1', shaCode: 'Q01' },
};
export const networkJoined = NetworkJoined.create({ networkId: 'stroke-net', teamId: 'team-1', orgCode: 'RX1' });
