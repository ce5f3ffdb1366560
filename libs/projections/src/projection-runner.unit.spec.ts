import { TeamRegistered, type EventEnvelope } from '@spiral/event-catalogue';
import { storedCollection, type Projection } from './projection';
import { EnvelopeBuilder, projectInBatches, viewContents } from './testing';

/** Counts teams per organisation: a read-modify-write on one document per organisation. */
const teamsPerOrganisation: Projection = {
  name: 'teams-per-organisation',
  version: 2,
  collections: ['organisations'],
  eventTypes: new Set(['TeamRegistered']),
  async apply(event, views) {
    const { orgCode } = event.data as { orgCode: string };
    const current = await views.get<{ teams: number }>('organisations', orgCode);
    views.put('organisations', orgCode, { orgCode, teams: (current?.teams ?? 0) + 1 });
  },
};

function history(): EventEnvelope[] {
  const build = new EnvelopeBuilder();
  return ['RX1', 'RX1', 'RY2', 'RX1'].map((orgCode, index) =>
    build.append(`team-${index}`, TeamRegistered.create({ teamId: `${index}`, name: `Team ${index}`, orgCode, shaCode: 'Q01' })),
  );
}

describe('ProjectionRunner', () => {
  it('reads its own writes within a batch and commits one document per key', async () => {
    const views = await projectInBatches(teamsPerOrganisation, [history()]);
    expect(await views.get(storedCollection(teamsPerOrganisation, 'organisations'), 'RX1')).toEqual({ orgCode: 'RX1', teams: 3 });
    expect(await views.checkpoint('teams-per-organisation_v2')).toBe(4);
  });

  it('changes nothing when a batch is delivered again', async () => {
    const events = history();
    const once = await projectInBatches(teamsPerOrganisation, [events]);
    const twice = await projectInBatches(teamsPerOrganisation, [events, events, events.slice(1, 3)]);
    expect(await viewContents(teamsPerOrganisation, twice)).toEqual(await viewContents(teamsPerOrganisation, once));
  });

  it('keeps each version in its own collections, so a new version builds beside the old', async () => {
    const views = await projectInBatches(teamsPerOrganisation, [history()]);
    expect(await views.find('organisations_v1')).toEqual([]);
    expect(await views.find('organisations_v2')).toHaveLength(2);
  });
});
