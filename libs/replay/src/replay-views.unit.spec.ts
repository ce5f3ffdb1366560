import { SqliteViewStore } from '@spiral/adapters-embedded';
import { TeamRegistered, TeamSupportReceived, type EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore, ReadAllOptions } from '@spiral/ports';
import type { Projection } from '@spiral/projections';
import { EnvelopeBuilder, projectInBatches, viewContents } from '@spiral/projections/testing';
import { includesEvent, parseAsOf } from './as-of';
import { replayViews, selectProjections } from './replay-views';

/** Counts teams and support per organisation: one read-modify-write document per organisation. */
const perOrganisation: Projection = {
  name: 'per-organisation',
  version: 3,
  collections: ['organisations'],
  eventTypes: new Set(['TeamRegistered', 'TeamSupportReceived']),
  async apply(event, views) {
    const orgCode = event.type === 'TeamRegistered' ? (event.data as { orgCode: string }).orgCode : 'support';
    const current = await views.get<{ events: number; teams: string[] }>('organisations', orgCode);
    views.put('organisations', orgCode, { orgCode, events: (current?.events ?? 0) + 1, teams: [...(current?.teams ?? []), event.streamId] });
  },
};

/** Recorded in this order; the fourth is history entered late: recorded last, occurring in March. */
function history(): EventEnvelope[] {
  const build = new EnvelopeBuilder();
  const team = (n: number, orgCode: string) => TeamRegistered.create({ teamId: `${n}`, name: `Team ${n}`, orgCode, shaCode: 'Q01' });
  return [
    build.append('team-1', team(1, 'RX1'), { occurredAt: '2004-01-10T09:00:00.000Z' }),
    build.append('team-2', team(2, 'RY2'), { occurredAt: '2004-02-10T09:00:00.000Z' }),
    build.append('team-1', TeamSupportReceived.create({ teamId: '1', kind: 'advice', description: 'advice' }), { occurredAt: '2004-06-01T09:00:00.000Z' }),
    build.append('team-3', team(3, 'RX1'), { occurredAt: '2004-03-01T09:00:00.000Z' }),
  ];
}

/** Just what a replay needs of an event store: a paged read in global order. */
function storeOf(events: readonly EventEnvelope[]): EventStore {
  const unused = (): never => {
    throw new Error('a replay only reads the store');
  };
  return {
    headPosition: () => Promise.resolve(events.at(-1)?.globalPosition ?? 0),
    readAll(options: ReadAllOptions = {}) {
      const read = events.filter((event) => event.globalPosition > (options.after ?? 0) && event.globalPosition <= (options.upTo ?? Infinity));
      return (async function* () {
        for (const event of read) yield await Promise.resolve(event);
      })();
    },
    append: unused,
    readStream: unused,
    subscribeToAll: unused,
    health: unused,
    close: () => Promise.resolve(),
  };
}

describe('as of a moment', () => {
  it('reads a bare date as the end of that day, a time as given, and position:N as a position', () => {
    expect(parseAsOf('2004-06-30')).toEqual({ kind: 'time', at: '2004-06-30T23:59:59.999Z' });
    expect(parseAsOf('2004-06-30T12:00:00+01:00')).toEqual({ kind: 'time', at: '2004-06-30T11:00:00.000Z' });
    expect(parseAsOf('position:42')).toEqual({ kind: 'position', position: 42 });
  });

  it.each(['yesterday', '2004-02-30', '2004-06-30T12:00', 'position:-1', 'position:x', 'position:', 'position:0x10', 'position:1e3', 'position: 5', 'position:99999999999999999999'])('refuses %s', (text) => {
    expect(() => parseAsOf(text)).toThrow(/neither an ISO 8601 time/);
  });

  it('keeps events by occurredAt, late entries included, and by position otherwise', () => {
    const events = history();
    expect(events.filter(includesEvent(parseAsOf('2004-03-31'))).map((e) => e.globalPosition)).toEqual([1, 2, 4]);
    expect(events.filter(includesEvent(parseAsOf('position:3'))).map((e) => e.globalPosition)).toEqual([1, 2, 3]);
  });
});

describe('replayViews', () => {
  it('builds in its own store the view the runner builds from only the events as of the moment', async () => {
    const events = history();
    const target = await SqliteViewStore.openFile(':memory:');
    const figures = await replayViews({ store: storeOf(events), projections: [perOrganisation], target, asOf: parseAsOf('2004-03-31'), pageSize: 2 });
    const expected = await projectInBatches(perOrganisation, [events.filter((event) => event.occurredAt <= '2004-03-31T23:59:59.999Z')]);
    expect(await viewContents(perOrganisation, target)).toEqual(await viewContents(perOrganisation, expected));
    expect(await viewContents(perOrganisation, target)).toEqual({
      organisations: [
        { orgCode: 'RX1', events: 2, teams: ['team-1', 'team-3'] },
        { orgCode: 'RY2', events: 1, teams: ['team-2'] },
      ],
    });
    expect(figures).toMatchObject({ eventsRead: 4, eventsApplied: 3, lastPosition: 4, lastOccurredAt: '2004-03-01T09:00:00.000Z', projections: ['per-organisation_v3'] });
  });

  it('refuses a target that already holds the view: a replay never writes over a live store', async () => {
    const live = await projectInBatches(perOrganisation, [history()]);
    await expect(replayViews({ store: storeOf(history()), projections: [perOrganisation], target: live, asOf: parseAsOf('position:2') })).rejects.toThrow(/fresh, isolated store/);
  });

  it('selects a view by name and names the known views for an unknown one', () => {
    expect(selectProjections([perOrganisation], 'per-organisation')).toEqual([perOrganisation]);
    expect(() => selectProjections([perOrganisation], 'nope')).toThrow('no view named "nope"; the views are: all, per-organisation');
  });
});
