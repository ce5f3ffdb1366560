import { projectionSpec } from '@spiral/projections/testing';
import { localHistory } from './local-history.test-fixtures';
import { ORGANISATIONS, organisationViewProjection } from './organisation-view.projection';

const spec = projectionSpec(organisationViewProjection);

describe('the organisation view', () => {
  it('lists its teams, its spirals by step and its gains, with their counts', async () => {
    await spec.given(localHistory()).then(ORGANISATIONS, 'RX1', {
      id: 'RX1',
      shaCode: 'Q01',
      teams: [
        { teamId: 'team-1', name: 'Stroke unit', specialty: 'stroke' },
        { teamId: 'team-2', name: 'Diabetes clinic', specialty: null },
      ],
      spirals: [
        { spiralId: 'spiral-1', teamId: 'team-1', step: 'sustainability', adoptedAt: '2004-12-15T09:00:00.000Z', gains: { achieved: 1, sustained: 1, lost: 0 }, gainStatus: 'sustained' },
        { spiralId: 'spiral-2', teamId: 'team-1', step: 'closed', adoptedAt: null, gains: { achieved: 0, sustained: 0, lost: 0 }, gainStatus: 'none' },
        { spiralId: 'spiral-3', teamId: 'team-2', step: 'decision', adoptedAt: null, gains: { achieved: 0, sustained: 0, lost: 0 }, gainStatus: 'none' },
      ],
      totals: { teams: 2, spirals: 3, live: 2 },
      spiralsByStep: { recognition: 0, knowing: 0, decision: 1, change: 0, sustainability: 1, closed: 1 },
      gains: { events: { achieved: 1, sustained: 1, lost: 0 }, spiralsAchieved: 1, spiralsHolding: 1, sustained: { count: 1, of: 1, share: 1 } },
      revisions: {
        'team-team-1': 0,
        'team-team-2': 0,
        'spiral-spiral-1': 39,
        'spiral-spiral-2': 2,
        'spiral-spiral-3': 2,
      },
    });
  });

  it('keeps another organisation apart', async () => {
    const contents = await spec.given(localHistory()).view();
    expect(contents[ORGANISATIONS]?.map((document) => [document['id'], document['totals']])).toEqual([
      ['RX1', { teams: 2, spirals: 3, live: 2 }],
      ['RY9', { teams: 1, spirals: 1, live: 1 }],
    ]);
  });
});
