import { projectionSpec } from '@spiral/projections/testing';
import { gainFigures, spiralsByStep } from './local-figures';
import { localHistory } from './local-history.test-fixtures';
import { ORGANISATION_SPIRALS, ORGANISATIONS, organisationViewOf, type StoredOrganisation, type StoredOrganisationSpiral } from './organisation-view';
import { organisationViewProjection } from './organisation-view.projection';

const spec = projectionSpec(organisationViewProjection);

const rx1Spirals = [
  { spiralId: 'spiral-1', teamId: 'team-1', step: 'sustainability', adoptedAt: '2004-12-15T09:00:00.000Z', gains: { achieved: 1, sustained: 1, lost: 0 }, gainStatus: 'sustained' },
  { spiralId: 'spiral-2', teamId: 'team-1', step: 'closed', adoptedAt: null, gains: { achieved: 0, sustained: 0, lost: 0 }, gainStatus: 'none' },
  { spiralId: 'spiral-3', teamId: 'team-2', step: 'decision', adoptedAt: null, gains: { achieved: 0, sustained: 0, lost: 0 }, gainStatus: 'none' },
] as const;

const rx1Figures = {
  totals: { teams: 2, spirals: 3, live: 2 },
  spiralsByStep: { recognition: 0, knowing: 0, decision: 1, change: 0, sustainability: 1, closed: 1 },
  gains: { events: { achieved: 1, sustained: 1, lost: 0 }, spiralsAchieved: 1, spiralsHolding: 1, sustained: { count: 1, of: 1, share: 1 } },
};

const rx1Teams = [
  { teamId: 'team-1', name: 'Stroke unit', specialty: 'stroke' },
  { teamId: 'team-2', name: 'Diabetes clinic', specialty: null },
];

describe('the organisation view', () => {
  it("keeps the organisation's teams and the figures over its spirals in its own document", async () => {
    await spec.given(localHistory()).then(ORGANISATIONS, 'RX1', {
      id: 'RX1',
      shaCode: 'Q01',
      teams: rx1Teams,
      ...rx1Figures,
      revisions: { 'team-team-1': 0, 'team-team-2': 0 },
    });
  });

  it('keeps each spiral in a document of its own, with the revision of its stream', async () => {
    await spec.given(localHistory()).then(ORGANISATION_SPIRALS, 'spiral-2', { ...rx1Spirals[1], orgCode: 'RX1', revisions: { 'spiral-spiral-2': 2 } });
  });

  it('answers its teams, its spirals in id order and its figures, which are those of its spirals', async () => {
    const contents = await spec.given(localHistory()).view();
    const organisation = contents[ORGANISATIONS]?.find((document) => document['id'] === 'RX1') as StoredOrganisation;
    const spirals = (contents[ORGANISATION_SPIRALS] as StoredOrganisationSpiral[]).filter((spiral) => spiral.orgCode === 'RX1').reverse();
    const view = organisationViewOf(organisation, spirals);
    expect(view).toEqual({ id: 'RX1', shaCode: 'Q01', teams: rx1Teams, spirals: rx1Spirals, ...rx1Figures });
    expect({ spiralsByStep: view.spiralsByStep, gains: view.gains }).toEqual({ spiralsByStep: spiralsByStep(view.spirals), gains: gainFigures(view.spirals) });
  });

  it('keeps another organisation apart', async () => {
    const contents = await spec.given(localHistory()).view();
    expect(contents[ORGANISATIONS]?.map((document) => [document['id'], document['totals']])).toEqual([
      ['RX1', { teams: 2, spirals: 3, live: 2 }],
      ['RY9', { teams: 1, spirals: 1, live: 1 }],
    ]);
  });
});
