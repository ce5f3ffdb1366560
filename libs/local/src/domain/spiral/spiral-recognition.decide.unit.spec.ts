import { AccessDenied, AlreadyExists, NotFound, RuleViolated } from '@spiral/decider';
import { actorOf, deciderSpec } from '@spiral/decider/testing';
import { NeedRecognised } from '@spiral/event-catalogue';
import type { SpiralCommand } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import { history, needRecognised, recogniseNeed, SPIRAL_ID } from './spiral.test-fixtures';

const spec = deciderSpec(spiralDecider);

describe('spiral decider: RecogniseNeed', () => {
  it('starts a spiral for the team, copying its organisation and region', () => {
    spec.given([]).when(recogniseNeed).then([needRecognised]);
  });

  it('names the parent spiral of a new turn', () => {
    spec
      .given([])
      .when({ ...recogniseNeed, parentSpiralId: 'spiral-0', parentSpiral: { spiralId: 'spiral-0', orgCode: 'RX1' } })
      .then([NeedRecognised.create({ ...needRecognised.data, parentSpiralId: 'spiral-0' })]);
  });

  it('refuses a spiral recognised twice', () => {
    spec.given([needRecognised]).when(recogniseNeed).thenThrows(AlreadyExists);
  });

  it('refuses a team that is not registered', () => {
    spec.given([]).when({ ...recogniseNeed, team: undefined }).thenThrows(NotFound);
  });

  it('refuses a user of another organisation, and every role but local', () => {
    spec.given([]).when(recogniseNeed, { actor: actorOf('local', 'RY9') }).thenThrows(AccessDenied);
    for (const role of ['regional', 'national', 'analyst', 'auditor'] as const) {
      spec.given([]).when(recogniseNeed, { actor: actorOf(role) }).thenThrows(AccessDenied);
    }
  });

  it('refuses a parent spiral that does not exist', () => {
    spec.given([]).when({ ...recogniseNeed, parentSpiralId: 'spiral-0', parentSpiral: undefined }).thenThrows(NotFound);
  });

  it('refuses a parent spiral of another organisation', () => {
    spec
      .given([])
      .when({ ...recogniseNeed, parentSpiralId: 'spiral-0', parentSpiral: { spiralId: 'spiral-0', orgCode: 'RY9' } })
      .thenThrows(RuleViolated, 'parent_spiral_of_other_organisation');
  });
});

/** One valid-looking command of each kind after the first, to check the rules they all share. */
const laterCommands: SpiralCommand[] = [
  { type: 'PullKnowledge', spiralId: SPIRAL_ID, practiceIds: [], peerSpiralIds: [], sources: ['a'], question: 'q' },
  { type: 'AppraiseOptions', spiralId: SPIRAL_ID, options: [{ optionId: 'o', summary: 's' }] },
  {
    type: 'AdoptOption',
    spiralId: SPIRAL_ID,
    optionId: 'o',
    rationale: 'r',
    decidedBy: ['x'],
    stakeholders: [],
    patientPerspective: 'p',
  },
  { type: 'SecureChangeSupport', spiralId: SPIRAL_ID, resources: [], improvementTeam: [], sponsor: 's' },
  {
    type: 'CompleteChangeCycle',
    spiralId: SPIRAL_ID,
    plan: 'p',
    prediction: 'p',
    observed: 'o',
    learning: 'l',
    decision: 'adopt',
  },
  { type: 'RecordMeasurements', spiralId: SPIRAL_ID, points: [{ period: '2005-01-01', value: 1 }] },
  { type: 'ConfirmRebase', spiralId: SPIRAL_ID, fromPeriod: '2005-01-01', reason: 'r', chart: undefined },
  { type: 'AssessSustainability', spiralId: SPIRAL_ID, assessedBy: 'team', factors: { adaptability: 'a' } },
  { type: 'RecordGainAchieved', spiralId: SPIRAL_ID, rule: 'shift', periods: ['2005-01-01'] },
  { type: 'RecordGainSustained', spiralId: SPIRAL_ID, rule: 'sustained12', periods: ['2005-01-01'] },
  { type: 'RecordGainLost', spiralId: SPIRAL_ID, rule: 'shift', periods: ['2005-01-01'] },
  { type: 'CloseSpiral', spiralId: SPIRAL_ID, outcome: 'abandoned', learning: 'l' },
];

describe.each(laterCommands.map((command) => [command.type, command] as const))(
  'spiral decider: %s on a spiral that cannot take it',
  (_type, command) => {
    it('refuses a spiral whose need was never recognised', () => {
      spec.given([]).when(command).thenThrows(NotFound);
    });

    it('refuses a closed spiral', () => {
      spec.given(history.closed).when(command).thenThrows(RuleViolated, 'spiral_closed');
    });

    it('refuses a local user of another organisation, and analysts and auditors', () => {
      spec.given(history.change).when(command, { actor: actorOf('local', 'RY9') }).thenThrows(AccessDenied);
      spec.given(history.change).when(command, { actor: actorOf('analyst') }).thenThrows(AccessDenied);
      spec.given(history.change).when(command, { actor: actorOf('auditor') }).thenThrows(AccessDenied);
    });

    it('refuses regional and national users; the system actor only for gains the SPC process manager records', () => {
      spec.given(history.change).when(command, { actor: actorOf('regional', null) }).thenThrows(AccessDenied);
      spec.given(history.change).when(command, { actor: actorOf('national', null, null) }).thenThrows(AccessDenied);
      if (!command.type.startsWith('RecordGain')) {
        spec.given(history.change).when(command, { actor: actorOf('system', null, null) }).thenThrows(AccessDenied);
      }
    });
  },
);
