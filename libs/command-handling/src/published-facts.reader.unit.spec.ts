import { streamIds, type EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';
import { PublishedFactsReader } from './published-facts.reader';

/** Only what the reader uses of a store: each stream's events, and how often each was read. */
class StreamsRead {
  readonly streams = new Map<string, EventEnvelope[]>();
  readonly reads: string[] = [];

  record(streamId: string, type: string, data: object): void {
    const events = this.streams.get(streamId) ?? [];
    events.push({ streamId, streamRevision: events.length, type, data } as EventEnvelope);
    this.streams.set(streamId, events);
  }

  asStore(): EventStore {
    return {
      readStream: (streamId: string) => {
        this.reads.push(streamId);
        return Promise.resolve([...(this.streams.get(streamId) ?? [])]);
      },
    } as unknown as EventStore;
  }
}

describe('PublishedFactsReader', () => {
  const team = { teamId: 'team-1', orgCode: 'RX1', shaCode: 'Q01' };

  it("reads a team's stream once: its facts are fixed by its registration", async () => {
    const store = new StreamsRead();
    store.record(streamIds.team('team-1'), 'TeamRegistered', { ...team, name: 'Ward 7' });
    const reader = new PublishedFactsReader(store.asStore());

    await expect(reader.team('team-1')).resolves.toEqual(team);
    store.record(streamIds.team('team-1'), 'MemberCapabilityRecorded', { teamId: 'team-1' });
    await expect(reader.team('team-1')).resolves.toEqual(team);

    expect(store.reads).toEqual([streamIds.team('team-1')]);
  });

  it('reads again while a team or an organisation is unknown, and finds it once recorded', async () => {
    const store = new StreamsRead();
    const reader = new PublishedFactsReader(store.asStore());

    await expect(reader.team('team-1')).resolves.toBeUndefined();
    await expect(reader.organisation('RX1')).resolves.toBeUndefined();
    store.record(streamIds.team('team-1'), 'TeamRegistered', { ...team, name: 'Ward 7' });
    store.record(streamIds.organisation('RX1'), 'OrganisationRegistered', { orgCode: 'RX1', shaCode: 'Q01' });

    await expect(reader.team('team-1')).resolves.toEqual(team);
    await expect(reader.organisation('RX1')).resolves.toEqual({ orgCode: 'RX1', shaCode: 'Q01' });
    await expect(reader.organisation('RX1')).resolves.toEqual({ orgCode: 'RX1', shaCode: 'Q01' });
    expect(store.reads.filter((streamId) => streamId === streamIds.organisation('RX1'))).toHaveLength(2);
  });

  it("reads a practice's stream every time: its facts change with its revisions", async () => {
    const store = new StreamsRead();
    const reader = new PublishedFactsReader(store.asStore());

    await reader.practice('practice-1');
    await reader.practice('practice-1');

    expect(store.reads).toEqual([streamIds.practice('practice-1'), streamIds.practice('practice-1')]);
  });
});
