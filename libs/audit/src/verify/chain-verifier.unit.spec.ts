import { chainEvents, computeEventHash, type EventEnvelope, type PendingEvent } from '@spiral/event-catalogue';
import { ChainVerifier } from './chain-verifier';

const actor = { id: 'u1', role: 'local', org: 'S01-O01', region: 'S01' } as const;

function pending(index: number): PendingEvent {
  const eventId = `e-${index}`;
  return { eventId, type: 'MeasurementRecorded', schemaVersion: 1, data: { index }, occurredAt: '2004-01-01T00:00:00.000Z', actor, correlationId: eventId, causationId: eventId };
}

/** A stream of `count` chained events with global positions from `firstPosition`. */
function stream(streamId: string, count: number, firstPosition = 1): EventEnvelope[] {
  const batch = Array.from({ length: count }, (_, index) => pending(firstPosition + index));
  return chainEvents(streamId, batch, undefined, '2004-01-02T00:00:00.000Z').map((event, index) => ({ ...event, globalPosition: firstPosition + index }));
}

function verify(events: readonly EventEnvelope[]) {
  const verifier = new ChainVerifier();
  for (const event of events) verifier.add(event);
  return verifier.finish();
}

const reasons = (events: readonly EventEnvelope[]) => verify(events).breaks.map(({ streamId, revision, reason }) => ({ streamId, revision, reason }));

describe('ChainVerifier', () => {
  it('passes intact chains and counts streams and events', () => {
    expect(verify([...stream('spiral-a', 4), ...stream('spiral-b', 3, 5)])).toEqual({ ok: true, streams: 2, events: 7, breaks: [] });
  });

  it('reports an altered payload at its own revision only', () => {
    const events = stream('spiral-a', 4);
    events[2] = { ...events[2]!, data: { index: 99 } };
    expect(reasons(events)).toEqual([{ streamId: 'spiral-a', revision: 2, reason: 'altered' }]);
  });

  it('reports an altered envelope field (the actor, the time) as altered', () => {
    const events = stream('spiral-a', 3);
    events[1] = { ...events[1]!, occurredAt: '2003-01-01T00:00:00.000Z' };
    expect(reasons(events)).toEqual([{ streamId: 'spiral-a', revision: 1, reason: 'altered' }]);
  });

  it('reports a removed event at the revision that is missing', () => {
    const events = stream('spiral-a', 4);
    expect(reasons([events[0]!, events[2]!, events[3]!])).toEqual([{ streamId: 'spiral-a', revision: 1, reason: 'removed' }]);
  });

  it('reports the first event of a stream removed', () => {
    const events = stream('spiral-a', 2);
    expect(reasons([events[1]!])).toEqual([{ streamId: 'spiral-a', revision: 0, reason: 'removed' }]);
  });

  it('reports an event stored after a later revision of its stream as reordered', () => {
    const [first, second, third, fourth] = stream('spiral-a', 4);
    expect(reasons([first!, third!, second!, fourth!])).toEqual([{ streamId: 'spiral-a', revision: 1, reason: 'reordered' }]);
  });

  it('reports swapped revision numbers as altered at both', () => {
    const events = stream('spiral-a', 3);
    const swapped = [events[0]!, { ...events[2]!, streamRevision: 1 }, { ...events[1]!, streamRevision: 2 }];
    expect(reasons(swapped)).toEqual([
      { streamId: 'spiral-a', revision: 1, reason: 'altered' },
      { streamId: 'spiral-a', revision: 2, reason: 'altered' },
    ]);
  });

  it('reports a rewritten and rehashed event where the next one no longer links to it', () => {
    const events = stream('spiral-a', 3);
    const forged = { ...events[1]!, data: { index: 42 } };
    events[1] = { ...forged, hash: computeEventHash(forged) };
    expect(reasons(events)).toEqual([{ streamId: 'spiral-a', revision: 2, reason: 'unlinked' }]);
  });

  it('keeps streams apart when their events interleave', () => {
    const a = stream('spiral-a', 3, 1);
    const b = stream('spiral-b', 3, 4);
    const interleaved = [a[0]!, b[0]!, a[1]!, b[1]!, b[2]!, a[2]!];
    expect(verify(interleaved).ok).toBe(true);
    expect(reasons([a[0]!, b[0]!, b[2]!, a[1]!, a[2]!])).toEqual([{ streamId: 'spiral-b', revision: 1, reason: 'removed' }]);
  });
});
