import { computeEventHash } from '@spiral/event-catalogue';
import { PartialDuplicateAppend } from '@spiral/ports';
import { pendingEvent, pendingEvents } from '@spiral/ports/testing';
import { chainBatch, storedRepeats, validateBatch } from './kurrentdb-batch';

describe('a batch before it reaches KurrentDB', () => {
  it('refuses empty batches, repeated ids, ids that are not lower-case UUIDs and system stream names', () => {
    const [event] = pendingEvents(1);
    expect(() => validateBatch('s', [])).toThrow(RangeError);
    expect(() => validateBatch('s', [pendingEvent(), pendingEvent({ eventId: event?.eventId }), ...(event ? [event] : [])])).toThrow(/twice/);
    expect(() => validateBatch('s', [pendingEvent({ eventId: 'not-a-uuid' })])).toThrow(/UUID/);
    expect(() => validateBatch('s', [pendingEvent({ eventId: pendingEvent().eventId.toUpperCase() })])).toThrow(/lower-case/);
    expect(() => validateBatch('$stats', pendingEvents(1))).toThrow(/system stream/);
    expect(() => validateBatch('spiral-1', pendingEvents(3))).not.toThrow();
  });

  it('numbers after the head and chains each hash to the one before', () => {
    const head = { streamRevision: 4, hash: 'abc' };
    const chained = chainBatch('spiral-1', pendingEvents(3), head, '2006-01-01T00:00:00.000Z');
    expect(chained.map((event) => event.streamRevision)).toEqual([5, 6, 7]);
    expect(chained.map((event) => event.previousHash)).toEqual(['abc', chained[0]?.hash, chained[1]?.hash]);
    for (const event of chained) expect(event.hash).toBe(computeEventHash(event));
    expect(chainBatch('s', pendingEvents(1), undefined, '2006-01-01T00:00:00.000Z')[0]).toMatchObject({ streamRevision: 0, previousHash: null });
  });

  it('finds a retried batch among stored events, and refuses one that is partly stored', () => {
    const stored = chainBatch('s', pendingEvents(3), undefined, '2006-01-01T00:00:00.000Z');
    const asEnvelopes = stored.map((event, index) => ({ ...event, globalPosition: 100 + index }));
    const retry = stored.slice(1).map((event) => pendingEvent({ eventId: event.eventId }));
    expect(storedRepeats('s', asEnvelopes, retry).map((event) => event.streamRevision)).toEqual([1, 2]);
    expect(storedRepeats('s', asEnvelopes, pendingEvents(2))).toEqual([]);
    expect(() => storedRepeats('s', asEnvelopes, [...retry, pendingEvent()])).toThrow(PartialDuplicateAppend);
  });
});
