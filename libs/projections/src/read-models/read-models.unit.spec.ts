import { EnvelopeBuilder } from '../testing';
import { GainAchieved, GainSustained, GainWithdrawn, NeedRecognised, SpiralClosed } from '@spiral/event-catalogue';
import { adoptionsOf, withAdopter } from './adopters';
import { combinedPenetration, penetrationOf, withLiveTeamChange, withRegisteredTeam } from './area-penetration';
import { isNewFor, ownEntry } from './document-session';
import { foldSpiralEvent } from './spiral-summary';
import { withLiveSpiralChange } from './team-index';

const entry = (spiralId: string, at: string) => ({ spiralId, orgCode: 'RX1', shaCode: 'Q01', at });

describe('adopters', () => {
  it('keeps each team’s earliest adoption whatever the order they arrive in', () => {
    const later = withAdopter({}, 't1', entry('s2', '2004-05-01T00:00:00.000Z'))!;
    const earlier = withAdopter(later, 't1', entry('s1', '2004-03-01T00:00:00.000Z'))!;
    expect(earlier.t1!.spiralId).toBe('s1');
    expect(withAdopter(earlier, 't1', entry('s3', '2004-04-01T00:00:00.000Z'))).toBeUndefined();
    // Same instant: the smaller spiral id, so both orders agree.
    expect(withAdopter(earlier, 't1', entry('s0', '2004-03-01T00:00:00.000Z'))!.t1!.spiralId).toBe('s0');
  });

  it('lists adoptions in order of adoption', () => {
    const adopters = { b: entry('s2', '2004-02-01T00:00:00.000Z'), a: entry('s1', '2004-03-01T00:00:00.000Z') };
    expect(adoptionsOf(adopters).map((adoption) => adoption.teamId)).toEqual(['b', 'a']);
  });

  it('treats an id such as "constructor" as any other key', () => {
    expect(ownEntry({}, 'constructor')).toBeUndefined();
    expect(withAdopter({}, 'constructor', entry('s1', '2004-03-01T00:00:00.000Z'))).toEqual({ constructor: entry('s1', '2004-03-01T00:00:00.000Z') });
  });
});

describe('area penetration', () => {
  it('counts an organisation with a live spiral when one of its teams has one', () => {
    let area = withRegisteredTeam(withRegisteredTeam(withRegisteredTeam({}, 'RX1'), 'RX1'), 'RX2');
    area = withLiveTeamChange(area, 'RX1', 1);
    expect(penetrationOf(area)).toEqual({
      teams: { withLiveSpiral: 1, registered: 3, share: 1 / 3 },
      organisations: { withLiveSpiral: 1, registered: 2, share: 0.5 },
    });
    expect(combinedPenetration([penetrationOf(area), penetrationOf({})]).teams).toEqual({ withLiveSpiral: 1, registered: 3, share: 1 / 3 });
    expect(penetrationOf({}).teams.share).toBeNull();
  });

  it('moves a team in and out of having a live spiral only on its first and last', () => {
    const where = { teamId: 't1', orgCode: 'RX1', shaCode: 'Q01' };
    const first = withLiveSpiralChange(undefined, where, 1);
    const second = withLiveSpiralChange(first.team, where, 1);
    const closed = withLiveSpiralChange(second.team, where, -1);
    const last = withLiveSpiralChange(closed.team, where, -1);
    expect([first.teamDelta, second.teamDelta, closed.teamDelta, last.teamDelta]).toEqual([1, 0, 0, -1]);
    expect(first.team).toEqual({ ...where, revision: -1, registered: false, registeredAt: null, liveSpirals: 1 });
  });
});

describe('spiral summary', () => {
  const builder = new EnvelopeBuilder();
  const measure = { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' as const };
  const need = NeedRecognised.create({ spiralId: 's1', teamId: 't1', orgCode: 'RX1', shaCode: 'Q01', title: 'T', measure, baseline: 72, target: 45, trigger: { kind: 'staffVoice' }, gap: 'G' });
  const recognised = builder.append('spiral-s1', need);
  const closed = builder.append('spiral-s1', SpiralClosed.create({ spiralId: 's1', outcome: 'abandoned', learning: 'L' }));

  it('starts at recognition and closes, keeping the last activity and the stream revision', () => {
    const summary = foldSpiralEvent(foldSpiralEvent(undefined, recognised), closed)!;
    expect(summary).toMatchObject({ step: 'closed', live: false, revision: 1, recognisedAt: recognised.occurredAt, lastEventAt: closed.occurredAt });
    expect(isNewFor(summary, closed)).toBe(false);
  });

  it('cannot place an event before the need it follows', () => {
    expect(foldSpiralEvent(undefined, closed)).toBeUndefined();
  });

  it('takes back a withdrawn gain: a sustained one leaves its episode achieved, an achieved one goes, back to the change step', () => {
    const gains = new EnvelopeBuilder();
    const periods = ['2005-03-01'];
    const undone = { undoneBy: 'MeasurementRecorded', undoingPeriod: '2005-02-01' } as const;
    const events = [
      gains.append('spiral-s1', need),
      gains.append('spiral-s1', GainAchieved.create({ spiralId: 's1', rule: 'shift', periods })),
      gains.append('spiral-s1', GainSustained.create({ spiralId: 's1', rule: 'sustained12', periods })),
      gains.append('spiral-s1', GainWithdrawn.create({ spiralId: 's1', withdrawn: 'sustained', rule: 'sustained12', periods, ...undone, standing: 'achieved' })),
    ];
    const achievedOnly = events.reduce(foldSpiralEvent, undefined)!;
    expect(achievedOnly).toMatchObject({ step: 'sustainability', gains: [{ achievedAt: events[1]!.occurredAt, sustainedAt: null, lostAt: null }] });
    const withdrawn = gains.append('spiral-s1', GainWithdrawn.create({ spiralId: 's1', withdrawn: 'achieved', rule: 'shift', periods, ...undone, standing: 'none' }));
    expect(foldSpiralEvent(achievedOnly, withdrawn)).toMatchObject({ step: 'change', gains: [] });
  });
});
