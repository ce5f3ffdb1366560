import { pendingEvent } from '@spiral/ports/testing';
import { chainBatch } from './kurrentdb-batch';
import { envelopeToStored, NotASpiralEvent, numberToPosition, positionToNumber, recordedToEnvelope, type RecordedParts } from './kurrentdb-envelope';

/** What the client would hand back for an event written from these parts, at a position. */
function recorded(parts: ReturnType<typeof envelopeToStored>, streamId: string, revision: number, position: bigint): RecordedParts {
  // The server stores JSON: what comes back is the parsed text of what was sent.
  const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return { id: parts.id, type: parts.type, streamId, revision: BigInt(revision), data: roundTrip(parts.data), metadata: roundTrip(parts.metadata), commitPosition: position };
}

describe('envelope ↔ KurrentDB event', () => {
  const [first, second] = chainBatch('spiral-1', [pendingEvent(), pendingEvent({ type: 'NeedRecognised', schemaVersion: 3 })], undefined, '2006-01-02T03:04:05.678Z');

  it('round-trips every envelope field, the hash chain included', () => {
    for (const [index, event] of [first, second].entries()) {
      if (event === undefined) throw new Error('no event');
      const position = 1_000n + BigInt(index);
      const back = recordedToEnvelope(recorded(envelopeToStored(event), event.streamId, event.streamRevision, position));
      expect(back).toEqual({ ...event, globalPosition: Number(position) });
    }
  });

  it('writes only string metadata, with the correlation names the server indexes, and no previousHash on a first event', () => {
    const metadata = envelopeToStored(first as NonNullable<typeof first>).metadata;
    expect(Object.values(metadata).every((value) => typeof value === 'string')).toBe(true);
    expect(metadata).toMatchObject({ $correlationId: first?.correlationId, $causationId: first?.causationId, schemaVersion: '1' });
    expect(metadata).not.toHaveProperty('previousHash');
    expect(envelopeToStored(second as NonNullable<typeof second>).metadata.previousHash).toBe(first?.hash);
  });

  it("refuses an event without Spiral's metadata as NotASpiralEvent", () => {
    const foreign: RecordedParts = { id: 'x', type: 'OrderPlaced', streamId: 'order-1', revision: 0n, data: {}, metadata: { $correlationId: 'c' }, commitPosition: 5n };
    expect(() => recordedToEnvelope(foreign)).toThrow(NotASpiralEvent);
    expect(() => recordedToEnvelope({ ...foreign, metadata: undefined })).toThrow(NotASpiralEvent);
    expect(() => recordedToEnvelope({ ...foreign, metadata: new Uint8Array([1]) })).toThrow(NotASpiralEvent);
  });
});

describe('commit positions as numbers', () => {
  it('keeps positions up to 2^53 - 1 exact', () => {
    expect(positionToNumber(0n, 'e')).toBe(0);
    expect(positionToNumber(BigInt(Number.MAX_SAFE_INTEGER), 'e')).toBe(Number.MAX_SAFE_INTEGER);
    expect(numberToPosition(Number.MAX_SAFE_INTEGER)).toEqual({ commit: 9007199254740991n, prepare: 9007199254740991n });
  });

  it('refuses a position beyond 2^53 rather than rounding it', () => {
    expect(() => positionToNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'e')).toThrow(RangeError);
  });

  it('refuses the missing positions of servers before 22.6', () => {
    expect(() => positionToNumber(undefined, 'e')).toThrow(/22\.6/);
    expect(() => positionToNumber(0xffff_ffff_ffff_ffffn, 'e')).toThrow(/22\.6/);
    expect(() => positionToNumber(-1n, 'e')).toThrow(/22\.6/);
  });
});
