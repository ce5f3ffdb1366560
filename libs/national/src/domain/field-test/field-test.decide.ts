import { AlreadyExists, NotFound, RuleViolated, type DecisionContext } from '@spiral/decider';
import {
  FieldTestConcluded,
  FieldTestSiteReported,
  FieldTestStarted,
  type FieldTestEvent,
} from '@spiral/event-catalogue';
import { assertNationalActor } from '../national-access';
import type { ConcludeFieldTest, FieldTestCommand, ReportFieldTestSite, StartFieldTest } from './field-test.commands';
import type { FieldTestState, KnownFieldTest } from './field-test.state';

function start(command: StartFieldTest, state: FieldTestState): FieldTestEvent[] {
  if (state.status !== 'unstarted') throw new AlreadyExists('field test', command.fieldTestId);
  const { practice } = command;
  if (practice === undefined) throw new NotFound('practice', command.practiceId);
  // A proposal may be tested before it is published; a retired practice is no longer worth testing.
  if (practice.status === 'retired') {
    throw new RuleViolated('practice_retired', `practice ${practice.practiceId} is retired and cannot be field-tested`);
  }
  const { fieldTestId, sites, protocol } = command;
  return [FieldTestStarted.create({ fieldTestId, practiceId: practice.practiceId, sites: [...sites], protocol })];
}

function running(state: FieldTestState, fieldTestId: string): KnownFieldTest {
  if (state.status === 'unstarted') throw new NotFound('field test', fieldTestId);
  if (state.status !== 'running') {
    throw new RuleViolated('field_test_not_running', `field test ${fieldTestId} has concluded`);
  }
  return state;
}

function report(command: ReportFieldTestSite, state: FieldTestState): FieldTestEvent[] {
  const test = running(state, command.fieldTestId);
  if (!test.sites.includes(command.site)) {
    throw new RuleViolated('site_not_listed', `${command.site} is not a site of field test ${test.fieldTestId}`);
  }
  if (test.reportedSites.includes(command.site)) {
    throw new RuleViolated('site_already_reported', `${command.site} has already reported for field test ${test.fieldTestId}`);
  }
  const { site, measure, baselineValue, resultValue, notes } = command;
  return [
    FieldTestSiteReported.create({
      fieldTestId: test.fieldTestId,
      site,
      measure,
      baselineValue,
      resultValue,
      ...(notes === undefined ? {} : { notes }),
    }),
  ];
}

/** A verdict rests on results: at least one site must have reported. */
function conclude(command: ConcludeFieldTest, state: FieldTestState): FieldTestEvent[] {
  const test = running(state, command.fieldTestId);
  if (test.reportedSites.length === 0) {
    throw new RuleViolated('no_site_results', `no site of field test ${test.fieldTestId} has reported yet`);
  }
  const { verdict, effectSize, summary } = command;
  const effectScale = command.effectScale ?? 'protocol';
  return [FieldTestConcluded.create({ fieldTestId: test.fieldTestId, practiceId: test.practiceId, verdict, effectSize, effectScale, summary })];
}

export function decideFieldTest(command: FieldTestCommand, state: FieldTestState, context: DecisionContext): FieldTestEvent[] {
  assertNationalActor(context.actor, 'write the facts of a field test');
  switch (command.type) {
    case 'StartFieldTest':
      return start(command, state);
    case 'ReportFieldTestSite':
      return report(command, state);
    case 'ConcludeFieldTest':
      return conclude(command, state);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
