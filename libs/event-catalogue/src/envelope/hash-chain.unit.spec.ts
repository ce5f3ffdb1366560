import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { PendingEvent } from './event-envelope';
import { chainEvents, computeEventHash, sealEvents, type UnhashedEnvelope } from './hash-chain';

/** The hash as first written (canonicalize over the whole object, createHash): stored hashes came from it. */
function referenceHash(event: UnhashedEnvelope): string {
  const canonical = canonicalize({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
    previousHash: event.previousHash,
  });
  return createHash('sha256').update(String(canonical)).digest('hex');
}

const actor = { id: 'u-1', role: 'local', org: 'O1', region: 'R1' } as const;

function pending(eventId: string, data: object): PendingEvent {
  return { eventId, type: 'MeasurementRecorded', schemaVersion: 1, data, occurredAt: '2005-06-01T12:00:00.000Z', actor, correlationId: `c-${eventId}`, causationId: `k-${eventId}` };
}

const awkwardPayloads: object[] = [
  { spiralId: 's-1', period: '2005-01-01', value: 61, note: null },
  { z: 1, a: { y: [3, 2, 1], b: 'x' }, m: true, n: false },
  { text: 'quotes " and \\ backslash, tab\t, newline\n, \u0001 control, é, 😀, \u2028', empty: '' },
  { numbers: [0, -0, 1e21, 1e-7, 0.1 + 0.2, -123.456, Number.MAX_SAFE_INTEGER, 5e-324] },
  { '\u00e9': 1, e: 2, E: 3, '10': 4, '9': 5, '': 6, '\ud83d\ude00': 7, '\uffff': 8 },
  { skipped: undefined, kept: 'yes', nested: [undefined, { inner: undefined }] },
  { when: new Date('2005-06-01T12:00:00.000Z'), deep: [[[]], {}, [{ a: [] }]] },
];

describe('hash chain', () => {
  it('hashes exactly as the first implementation did, so stored hashes still verify', () => {
    const chained = chainEvents('spiral-1', awkwardPayloads.map((data, index) => pending(`e-${index}`, data)), undefined, '2005-06-02T00:00:00.000Z');
    for (const event of chained) expect(event.hash).toBe(referenceHash(event));
    expect(chained.map((event) => event.streamRevision)).toEqual(awkwardPayloads.map((_, index) => index));
  });

  it('hashes each actor as the first implementation did, whether seen before or not', () => {
    const actors = [actor, { id: 'n-1', role: 'national', org: null, region: null }, { region: 'R1', org: 'O1', role: 'local', id: 'u-1' }, actor] as const;
    const events = actors.map((who, index) => ({ ...pending(`a-${index}`, { index }), actor: who }));
    for (const event of chainEvents('spiral-1', events, undefined, '2005-06-02T00:00:00.000Z')) expect(event.hash).toBe(referenceHash(event));
  });

  it('chains each hash to the one before, after the given head', () => {
    const head = { streamRevision: 4, hash: 'a'.repeat(64) };
    const [first, second] = chainEvents('spiral-1', [pending('e-1', {}), pending('e-2', {})], head, '2005-06-02T00:00:00.000Z');
    expect(first).toMatchObject({ streamRevision: 5, previousHash: head.hash });
    expect(second).toMatchObject({ streamRevision: 6, previousHash: first?.hash });
  });

  it('verifies what a reader gets back: data and actor as after a JSON round trip', () => {
    const [event] = chainEvents('spiral-1', [pending('e-1', { skipped: undefined, when: new Date(0) })], undefined, '2005-06-02T00:00:00.000Z');
    expect(event?.data).toEqual({ when: '1970-01-01T00:00:00.000Z' });
    expect(event && computeEventHash(JSON.parse(JSON.stringify(event)) as UnhashedEnvelope)).toBe(event?.hash);
  });

  it('hands back the canonical text of data and actor (what the hash covers), which parses to the chained event', () => {
    const sealed = sealEvents('spiral-1', awkwardPayloads.map((data, index) => pending(`e-${index}`, data)), undefined, '2005-06-02T00:00:00.000Z');
    for (const { event, dataJson, actorJson } of sealed) {
      expect(dataJson).toBe(canonicalize(event.data));
      expect(actorJson).toBe(canonicalize(event.actor));
      expect(JSON.parse(dataJson)).toEqual(event.data);
      expect(JSON.parse(actorJson)).toEqual(event.actor);
    }
  });

  it('hashes an event read back from its stored text as it was sealed, and an older store\'s unsorted text too', () => {
    const sealed = sealEvents('spiral-1', awkwardPayloads.map((data, index) => pending(`e-${index}`, data)), undefined, '2005-06-02T00:00:00.000Z');
    for (const { event, dataJson, actorJson } of sealed) {
      const read = { ...event, data: JSON.parse(dataJson) as object, actor: JSON.parse(actorJson) as typeof actor };
      expect(computeEventHash(read)).toBe(event.hash);
      // Before canonical text was stored, data and actor were stored as JSON.stringify wrote them.
      const older = { ...event, data: JSON.parse(JSON.stringify(awkwardPayloads[event.streamRevision])) as object, actor: { role: 'local', id: 'u-1', region: 'R1', org: 'O1' } as unknown as typeof actor };
      expect(computeEventHash(older)).toBe(referenceHash(older));
      expect(computeEventHash(older)).toBe(event.hash);
    }
  });

  it('leaves out members that are undefined and refuses numbers JSON cannot hold, as canonicalize does', () => {
    const [event] = chainEvents('spiral-1', [pending('e-1', {})], undefined, '2005-06-02T00:00:00.000Z');
    const withoutCausation = { ...(event as UnhashedEnvelope), causationId: undefined as unknown as string };
    expect(computeEventHash(withoutCausation)).toBe(referenceHash(withoutCausation));
    expect(() => computeEventHash({ ...(event as UnhashedEnvelope), streamRevision: Number.NaN })).toThrow('NaN is not allowed');
  });

  it('hashes any JSON data as the first implementation did, stored in any member order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (data, reversed) => {
        const [event] = chainEvents('spiral-1', [pending('e-p', data)], undefined, '2005-06-02T00:00:00.000Z');
        if (event === undefined) return;
        expect(event.hash).toBe(referenceHash(event));
        // What a reader parses back, from the stored canonical text or from text in another order.
        const reorder = (value: unknown): unknown =>
          Array.isArray(value) ? value.map(reorder)
          : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reorder(inner)]))
          : value;
        const read = { ...event, data: (reversed ? reorder(event.data) : JSON.parse(JSON.stringify(event.data))) as object };
        expect(computeEventHash(read)).toBe(event.hash);
      }),
      { numRuns: 300 },
    );
  });
});
