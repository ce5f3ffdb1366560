import type { DecisionContext, Decider } from '@spiral/decider';
import { actorOf, SPEC_NOW } from '@spiral/decider/testing';
import { localEvents, validateEvent, type DomainEvent } from '@spiral/event-catalogue';
import { organisationDecider, type RegisterOrganisation } from '../organisation/organisation.decider';
import { teamDecider } from '../team/team.decider';
import type { TeamCommand } from '../team/team.commands';
import type { SpiralCommand } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import type { SpiralState } from './spiral.state';
import { adoptOption, optionsAppraised, recogniseNeed, SPIRAL_ID } from './spiral.test-fixtures';

const team: DecisionContext = { actor: actorOf('local'), occurredAt: SPEC_NOW, now: SPEC_NOW };
const system: DecisionContext = { ...team, actor: actorOf('system', null, null) };
const periods = ['2005-01-01', '2005-02-01'];

/** One whole spiral, every command once or more, as a team and the SPC process manager would send them. */
const spiralLife: [SpiralCommand, DecisionContext][] = [
  [{ ...recogniseNeed, parentSpiralId: 'spiral-0', parentSpiral: { spiralId: 'spiral-0', orgCode: 'RX1' } }, team],
  [{ type: 'RecordMeasurements', spiralId: SPIRAL_ID, points: [{ period: '2005-01-01', value: 72.5 }] }, team],
  [
    { type: 'PullKnowledge', spiralId: SPIRAL_ID, practiceIds: [], peerSpiralIds: [], sources: [], question: 'Why?\nHow?' },
    team,
  ],
  [{ type: 'AppraiseOptions', spiralId: SPIRAL_ID, options: optionsAppraised.data.options }, team],
  [{ ...adoptOption, adaptations: 'Weekend cover\tby the registrar.' }, team],
  [
    {
      type: 'SecureChangeSupport',
      spiralId: SPIRAL_ID,
      resources: [],
      improvementTeam: [{ role: 'stroke nurse', skills: [] }],
      sponsor: 'Medical Director',
    },
    team,
  ],
  [
    {
      type: 'CompleteChangeCycle',
      spiralId: SPIRAL_ID,
      plan: 'p',
      prediction: 'p',
      observed: 'o',
      learning: 'l',
      decision: 'abandon',
    },
    team,
  ],
  [{ type: 'RecordMeasurements', spiralId: SPIRAL_ID, points: [{ period: '2005-02-01', value: -0.25 }] }, team],
  [{ type: 'RecordGainAchieved', spiralId: SPIRAL_ID, rule: 'twoInThree', periods }, system],
  [{ type: 'RecordGainSustained', spiralId: SPIRAL_ID, rule: 'sustained12', periods }, system],
  [{ type: 'RecordGainLost', spiralId: SPIRAL_ID, rule: 'shift', periods }, system],
  [{ type: 'WithdrawGain', spiralId: SPIRAL_ID, withdrawn: 'lost', periods, undoneBy: 'MeasurementRecorded', undoingPeriod: '2005-01-01' }, system],
  [{ type: 'ConfirmRebase', spiralId: SPIRAL_ID, fromPeriod: '2005-02-01', reason: 'Pathway changed.', chart: { suggestedFromPeriod: '2005-02-01', pointsForLimits: 12 } }, team],
  [
    {
      type: 'AssessSustainability',
      spiralId: SPIRAL_ID,
      assessedBy: 'improvement team',
      factors: { benefitsBeyondHelpingPatients: 'a', infrastructureForSustainability: 'd' },
    },
    team,
  ],
  [{ type: 'CloseSpiral', spiralId: SPIRAL_ID, outcome: 'notSustained', learning: 'Crews changed.' }, team],
];

const teamLife: [TeamCommand, DecisionContext][] = [
  [{ type: 'RegisterTeam', teamId: 'team-1', name: 'Stroke unit', orgCode: 'RX1', shaCode: 'Q01' }, team],
  [
    { type: 'RecordMemberCapability', teamId: 'team-1', memberRole: 'staff nurse', capability: 'SPC', level: 'expert' },
    team,
  ],
  [
    { type: 'RecordTeamSupport', teamId: 'team-1', kind: 'airCover', description: 'Backing for a trial.' },
    { ...team, actor: actorOf('regional', null) },
  ],
];

const organisationLife: [RegisterOrganisation, DecisionContext][] = [[{ type: 'RegisterOrganisation', orgCode: 'RX1', shaCode: 'Q01' }, team]];

function live<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly [C, DecisionContext][],
): E[] {
  const produced: E[] = [];
  commands.reduce((state, [command, context]) => {
    const events = decider.decide(command, state, context);
    produced.push(...events);
    return events.reduce(
      (next, event) => decider.evolve(next, event, { occurredAt: SPEC_NOW, streamRevision: produced.length }),
      state,
    );
  }, decider.initialState);
  return produced;
}

describe('events the local deciders produce', () => {
  const produced: DomainEvent[] = [...live(organisationDecider, organisationLife), ...live(teamDecider, teamLife), ...live(spiralDecider, spiralLife)];

  it('cover every local event type', () => {
    const types = new Set(produced.map((event) => event.type));
    expect([...types].sort()).toEqual(localEvents.map((definition) => definition.type).sort());
  });

  it.each(produced.map((event) => [event.type, event] as const))('%s passes its published schema', (_type, event) => {
    expect(validateEvent(event)).toEqual([]);
  });

  it('would be refused at append when a command carries what the schema refuses', () => {
    const state: SpiralState = spiralDecider.initialState;
    const events = spiralDecider.decide({ ...recogniseNeed, title: 'Door\u0007bell' }, state, team);
    expect(events.map((event) => validateEvent(event))).toEqual([
      [{ field: 'title', reason: 'title must not contain control characters' }],
    ]);
  });
});
