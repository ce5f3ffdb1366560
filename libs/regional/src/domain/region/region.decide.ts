import { AlreadyExists, NotFound, RuleViolated, type DecisionContext } from '@spiral/decider';
import {
  RegionalPrioritySet,
  SpreadStrategyLaunched,
  SupportProvided,
  type RegionEvent,
} from '@spiral/event-catalogue';
import { assertUntilNotBeforeSet } from '../priority-period';
import { assertRegionalActorOf } from '../regional-access';
import type { LaunchSpreadStrategy, ProvideSupport, RegionCommand, SetRegionalPriority } from './region.commands';
import type { RegionState } from './region.state';

function setPriority(command: SetRegionalPriority, state: RegionState, context: DecisionContext): RegionEvent[] {
  if (state.priorities.has(command.priorityId)) throw new AlreadyExists('regional priority', command.priorityId);
  assertUntilNotBeforeSet(command.until, context.occurredAt);
  // Built field by field so nothing but the published payload reaches the event.
  const { shaCode, priorityId, measure, rationale, until } = command;
  return [
    RegionalPrioritySet.create({
      shaCode,
      priorityId,
      measure: { name: measure.name, unit: measure.unit, improvement: measure.improvement },
      rationale,
      ...(until === undefined ? {} : { until }),
    }),
  ];
}

function provideSupport(command: ProvideSupport, state: RegionState): RegionEvent[] {
  if (state.supportIds.has(command.supportId)) throw new AlreadyExists('support', command.supportId);
  const { team } = command;
  if (team === undefined) throw new NotFound('team', command.teamId);
  // A region supports its own teams; another region's team is that region's to support.
  if (team.shaCode !== command.shaCode) {
    throw new RuleViolated('team_outside_region', `team ${team.teamId} belongs to ${team.shaCode}, not ${command.shaCode}`);
  }
  const { shaCode, supportId, kind, description } = command;
  return [SupportProvided.create({ shaCode, supportId, teamId: team.teamId, kind, description })];
}

function launchSpreadStrategy(command: LaunchSpreadStrategy, state: RegionState): RegionEvent[] {
  if (state.strategies.has(command.strategyId)) throw new AlreadyExists('spread strategy', command.strategyId);
  const { practice } = command;
  if (practice === undefined) throw new NotFound('practice', command.practiceId);
  // Only what the catalogue currently offers is spread: not a mere proposal, not a retired practice.
  if (practice.status === 'retired') {
    throw new RuleViolated('practice_retired', `practice ${practice.practiceId} is retired and cannot be spread`);
  }
  if (practice.status === 'proposed') {
    throw new RuleViolated('practice_not_published', `practice ${practice.practiceId} is not published yet`);
  }
  assertOrganisationsOfRegion(command);
  const { shaCode, strategyId, organisations, approach } = command;
  return [
    SpreadStrategyLaunched.create({
      shaCode,
      strategyId,
      practiceId: practice.practiceId,
      organisations: [...organisations],
      approach,
    }),
  ];
}

/** A region spreads within itself: every organisation a strategy names must exist and belong to it. */
function assertOrganisationsOfRegion(command: LaunchSpreadStrategy): void {
  const unknown = command.organisations.filter((code) => command.organisationRegions[code] === undefined);
  const elsewhere = command.organisations.filter((code) => ![undefined, command.shaCode].includes(command.organisationRegions[code]));
  if (unknown.length === 0 && elsewhere.length === 0) return;
  const reasons = [
    ...(unknown.length > 0 ? [`no team is registered in ${unknown.join(', ')}`] : []),
    ...elsewhere.map((code) => `${code} belongs to region ${command.organisationRegions[code]}`),
  ];
  throw new RuleViolated('organisations_outside_region', `a spread strategy of ${command.shaCode} names only its own organisations: ${reasons.join('; ')}`);
}

export function decideRegion(command: RegionCommand, state: RegionState, context: DecisionContext): RegionEvent[] {
  // Every fact of a region's stream is that region's own to write.
  assertRegionalActorOf(context.actor, command.shaCode, 'write the facts of this region');
  switch (command.type) {
    case 'SetRegionalPriority':
      return setPriority(command, state, context);
    case 'ProvideSupport':
      return provideSupport(command, state);
    case 'LaunchSpreadStrategy':
      return launchSpreadStrategy(command, state);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
