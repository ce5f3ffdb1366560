import { AccessDenied, AlreadyExists, InvalidInput, NotFound, RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { RegionalPrioritySet } from '@spiral/event-catalogue';
import {
  launchStrategy,
  otherRegionUser,
  prioritySet,
  provideSupport,
  regionalUser,
  setPriority,
  strategyLaunched,
  supportProvided,
  teamUser,
} from '../testing/regional-examples';
import { regionDecider } from './region.decider';

const spec = deciderSpec(regionDecider);
const asRegion = { actor: regionalUser };

describe('region decider: SetRegionalPriority', () => {
  it('sets a priority as the region’s first fact', () => {
    spec.given([]).when(setPriority, asRegion).then([prioritySet]);
  });

  it('sets an open-ended priority', () => {
    const { until: _until, ...openEnded } = setPriority;
    const { until: _setUntil, ...openData } = prioritySet.data;
    spec.given([supportProvided]).when(openEnded, asRegion).then([RegionalPrioritySet.create(openData)]);
  });

  it('refuses a priority id used before in the region', () => {
    spec.given([prioritySet]).when(setPriority, asRegion).thenThrows(AlreadyExists);
  });

  it('refuses a priority that ends before the day it is set', () => {
    spec.given([]).when({ ...setPriority, until: '2005-05-31' }, asRegion).thenThrows(InvalidInput);
  });
});

describe('region decider: ProvideSupport', () => {
  it('records support to a team of the region', () => {
    spec.given([prioritySet]).when(provideSupport, asRegion).then([supportProvided]);
  });

  it('refuses a team that does not exist', () => {
    spec.given([]).when({ ...provideSupport, team: undefined }, asRegion).thenThrows(NotFound);
  });

  it('refuses a team of another region', () => {
    spec
      .given([])
      .when({ ...provideSupport, team: { teamId: 'team-1', shaCode: 'Q02' } }, asRegion)
      .thenThrows(RuleViolated, 'team_outside_region');
  });

  it('refuses a support id used before', () => {
    spec.given([supportProvided]).when(provideSupport, asRegion).thenThrows(AlreadyExists);
  });
});

describe('region decider: LaunchSpreadStrategy', () => {
  it('launches a strategy for a published practice', () => {
    spec.given([]).when(launchStrategy, asRegion).then([strategyLaunched]);
  });

  it('refuses a practice that does not exist', () => {
    spec.given([]).when({ ...launchStrategy, practice: undefined }, asRegion).thenThrows(NotFound);
  });

  it('refuses a practice only proposed', () => {
    spec
      .given([])
      .when({ ...launchStrategy, practice: { practiceId: 'practice-1', status: 'proposed' } }, asRegion)
      .thenThrows(RuleViolated, 'practice_not_published');
  });

  it('refuses a retired practice', () => {
    spec
      .given([])
      .when({ ...launchStrategy, practice: { practiceId: 'practice-1', status: 'retired' } }, asRegion)
      .thenThrows(RuleViolated, 'practice_retired');
  });

  it('refuses organisations of another region and codes no fact has named, naming each', () => {
    spec
      .given([])
      .when({ ...launchStrategy, organisations: ['RX1', 'RZ5', 'NOPE'], organisationRegions: { RX1: 'Q01', RZ5: 'Q02', NOPE: undefined } }, asRegion)
      .thenThrows(RuleViolated, 'organisations_outside_region');
  });

  it('refuses a strategy id used before', () => {
    spec.given([strategyLaunched]).when(launchStrategy, asRegion).thenThrows(AlreadyExists);
  });
});

describe('region decider: access', () => {
  const commands = [setPriority, provideSupport, launchStrategy];

  it.each(commands.map((command) => [command.type, command] as const))(
    'refuses %s by a regional user of another region',
    (_type, command) => {
      spec.given([]).when(command, { actor: otherRegionUser }).thenThrows(AccessDenied);
    },
  );

  it.each(['local', 'national', 'analyst', 'auditor'] as const)('refuses every regional fact to a %s user', (role) => {
    const actor = role === 'local' ? teamUser : actorOf(role, null, 'Q01');
    for (const command of commands) spec.given([]).when(command, { actor }).thenThrows(AccessDenied);
  });
});
