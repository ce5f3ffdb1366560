import { SqliteViewStore } from '@spiral/adapters-embedded';
import { TeamRegistered, type EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EngineHealth, EventFeed, EventStore } from '@spiral/ports';
import { parkedEventsIn } from './replay-parked';
import { ProjectionRunner } from './projection-runner';
import { storedCollection, type Projection } from './projection';
import { EnvelopeBuilder } from './testing';

const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

/** Counts teams per organisation, and throws on the organisations in `poison`, after writing. */
function teamsPerOrganisation(poison: ReadonlySet<string>): Projection {
  return {
    name: 'teams-per-organisation',
    version: 1,
    collections: ['organisations'],
    eventTypes: new Set(['TeamRegistered']),
    async apply(event, views) {
      const { orgCode } = event.data as { orgCode: string };
      const current = await views.get<{ teams: number }>('organisations', orgCode);
      views.put('organisations', orgCode, { orgCode, teams: (current?.teams ?? 0) + 1 });
      // Written before the throw: the runner must leave none of it in the views.
      if (poison.has(orgCode)) throw new Error(`cannot count ${orgCode}`);
    },
  };
}

function teams(...orgCodes: string[]): EventEnvelope[] {
  const build = new EnvelopeBuilder();
  return orgCodes.map((orgCode, index) => build.append(`team-${index}`, TeamRegistered.create({ teamId: `${index}`, name: `Team ${index}`, orgCode, shaCode: 'Q01' })));
}

async function deliver(runner: ProjectionRunner, batch: readonly EventEnvelope[], times: number): Promise<number> {
  let failures = 0;
  for (let delivery = 0; delivery < times; delivery++) await runner.apply(batch).catch(() => (failures += 1));
  return failures;
}

describe('ProjectionRunner parking poison events', () => {
  let views: SqliteViewStore;
  beforeEach(async () => {
    views = await SqliteViewStore.openFile(':memory:');
  });
  afterEach(() => views.close());
  const runnerOf = (projection: Projection, parkAfterAttempts = 3) =>
    new ProjectionRunner(projection, {} as EventFeed, views, {} as EventStore, clock, 500, { parkAfterAttempts });
  const organisations = (projection: Projection) => views.find(storedCollection(projection, 'organisations'));

  it('fails the batch until the event has failed often enough, then parks it with its error and applies the rest', async () => {
    const projection = teamsPerOrganisation(new Set(['BAD']));
    const runner = runnerOf(projection);
    const batch = teams('RX1', 'BAD', 'RY2', 'RX1');
    expect(await deliver(runner, batch, 2)).toBe(2);
    expect(await organisations(projection)).toEqual([]);

    expect(await deliver(runner, batch, 1)).toBe(0);
    expect(await organisations(projection)).toEqual([
      { orgCode: 'RX1', teams: 2 },
      { orgCode: 'RY2', teams: 1 },
    ]);
    expect(await views.checkpoint(runner.key)).toBe(4);
    expect(await parkedEventsIn(views, projection)).toEqual([
      expect.objectContaining({ eventId: batch[1]?.eventId, streamId: 'team-1', globalPosition: 2, type: 'TeamRegistered', error: 'cannot count BAD', attempts: 3, event: batch[1] }),
    ]);
  });

  it('counts nothing while the view store does not answer, so an outage parks no healthy event', async () => {
    const projection = teamsPerOrganisation(new Set(['BAD']));
    const down: EngineHealth = { engine: 'sqlite', ok: false };
    jest.spyOn(views, 'health').mockResolvedValue(down);
    const runner = runnerOf(projection, 2);
    expect(await deliver(runner, teams('BAD'), 5)).toBe(5);
    expect(await parkedEventsIn(views, projection)).toEqual([]);
  });

  it('replays parked events once fixed: applied, removed from the dead letters, the checkpoint unmoved', async () => {
    const broken = teamsPerOrganisation(new Set(['BAD']));
    const batch = teams('RX1', 'BAD', 'BAD');
    await deliver(runnerOf(broken, 1), batch, 2);
    expect(await parkedEventsIn(views, broken)).toHaveLength(2);

    const stillBroken = await runnerOf(broken).replayParked([batch[1]?.eventId ?? '']);
    expect(stillBroken).toEqual({ replayed: [], stillFailing: [{ eventId: batch[1]?.eventId, error: 'cannot count BAD' }] });
    expect((await parkedEventsIn(views, broken))[0]).toMatchObject({ attempts: 2 });

    const fixed = runnerOf(teamsPerOrganisation(new Set()));
    expect(await fixed.replayParked()).toEqual({ replayed: [batch[1]?.eventId, batch[2]?.eventId], stillFailing: [] });
    expect(await parkedEventsIn(views, broken)).toEqual([]);
    expect(await organisations(broken)).toEqual([
      { orgCode: 'BAD', teams: 2 },
      { orgCode: 'RX1', teams: 1 },
    ]);
    expect(await views.checkpoint(fixed.key)).toBe(3);
  });
});
