import { SqliteViewStore } from '@spiral/adapters-embedded';
import { TeamRegistered, TeamSupportReceived, type EventEnvelope } from '@spiral/event-catalogue';
import { systemClock, type EventFeed, type EventStore } from '@spiral/ports';
import { appliedRevisionsOf } from './applied-events';
import { ProjectionRunner } from './projection-runner';
import { storedCollection, type Projection } from './projection';
import { EnvelopeBuilder, projectInBatches, viewContents } from './testing';

/** Counts teams per organisation: a read-modify-write on one document per organisation. */
const teamsPerOrganisation: Projection = {
  name: 'teams-per-organisation',
  version: 2,
  collections: ['organisations'],
  eventTypes: new Set(['TeamRegistered', 'TeamSupportReceived']),
  async apply(event, views) {
    const { orgCode } = event.data as { orgCode?: string };
    const key = orgCode ?? 'support';
    const current = await views.get<{ teams: number }>('organisations', key);
    views.put('organisations', key, { orgCode: key, teams: (current?.teams ?? 0) + 1 });
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

describe('ProjectionRunner on a feed ordered per stream (Kafka)', () => {
  it('applies interleaved batches of different streams once each, whatever their global order', async () => {
    const build = new EnvelopeBuilder();
    const registered = (n: number, orgCode: string) => TeamRegistered.create({ teamId: `${n}`, name: `Team ${n}`, orgCode, shaCode: 'Q01' });
    const support = (n: number) => TeamSupportReceived.create({ teamId: `${n}`, kind: 'advice', description: 'advice' });
    const a0 = build.append('team-a', registered(1, 'RX1'));
    const b0 = build.append('team-b', registered(2, 'RY2'));
    const a1 = build.append('team-a', support(1));
    const b1 = build.append('team-b', support(2));
    const views = await SqliteViewStore.openFile(':memory:');
    const perStreamFeed = { ordering: 'per-stream' } as EventFeed;
    const runner = new ProjectionRunner(teamsPerOrganisation, perStreamFeed, views, {} as EventStore, systemClock);
    // Partition B runs ahead of partition A, then both redeliver what they had sent.
    for (const batch of [[b0, b1], [a0], [b1], [a0, a1], [a1]]) await runner.apply(batch);
    const stored = await views.find(storedCollection(teamsPerOrganisation, 'organisations'));
    expect(stored).toEqual([
      { orgCode: 'RX1', teams: 1 },
      { orgCode: 'RY2', teams: 1 },
      { orgCode: 'support', teams: 2 },
    ]);
  });
});

describe('ProjectionRunner on a feed ordered per stream, for events it does not apply', () => {
  const registrationsOnly: Projection = { ...teamsPerOrganisation, name: 'registrations-only', eventTypes: new Set(['TeamRegistered']) };
  const build = new EnvelopeBuilder();
  const registered = build.append('team-a', TeamRegistered.create({ teamId: '1', name: 'Team 1', orgCode: 'RX1', shaCode: 'Q01' }));
  const support = [1, 2].map((n) => build.append(`team-${n}`, TeamSupportReceived.create({ teamId: `${n}`, kind: 'advice', description: 'advice' })));

  it('moves its checkpoint past them without keeping their revisions', async () => {
    const views = await SqliteViewStore.openFile(':memory:');
    const runner = new ProjectionRunner(registrationsOnly, { ordering: 'per-stream' } as EventFeed, views, {} as EventStore, systemClock);
    await runner.apply(support);
    expect(await views.checkpoint('registrations-only_v2')).toBe(3);
    expect(await views.find(storedCollection(registrationsOnly, appliedRevisionsOf(registrationsOnly)))).toEqual([]);
  });

  it('still applies each event it does apply once, when batches mixing both come again', async () => {
    const views = await SqliteViewStore.openFile(':memory:');
    const runner = new ProjectionRunner(registrationsOnly, { ordering: 'per-stream' } as EventFeed, views, {} as EventStore, systemClock);
    for (const batch of [[registered, ...support], support, [registered], [...support, registered]]) await runner.apply(batch);
    expect(await views.find(storedCollection(registrationsOnly, 'organisations'))).toEqual([{ orgCode: 'RX1', teams: 1 }]);
    expect(await views.find(storedCollection(registrationsOnly, appliedRevisionsOf(registrationsOnly)))).toHaveLength(1);
    expect(await views.checkpoint('registrations-only_v2')).toBe(3);
  });
});

describe('two projections on one view store and a per-stream feed', () => {
  it('keep their progress apart, so neither skips what the other applied', async () => {
    const build = new EnvelopeBuilder();
    const event = build.append('team-a', TeamRegistered.create({ teamId: '1', name: 'Team 1', orgCode: 'RX1', shaCode: 'Q01' }));
    const views = await SqliteViewStore.openFile(':memory:');
    const perStreamFeed = { ordering: 'per-stream' } as EventFeed;
    const other: Projection = { ...teamsPerOrganisation, name: 'another-view', collections: ['others'], apply: (_, session) => Promise.resolve(session.put('others', 'seen', { seen: true })) };
    for (const projection of [teamsPerOrganisation, other]) {
      await new ProjectionRunner(projection, perStreamFeed, views, {} as EventStore, systemClock).apply([event]);
    }
    expect(await views.get(storedCollection(teamsPerOrganisation, 'organisations'), 'RX1')).toEqual({ orgCode: 'RX1', teams: 1 });
    expect(await views.get(storedCollection(other, 'others'), 'seen')).toEqual({ seen: true });
  });
});
