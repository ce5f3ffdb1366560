import fc from 'fast-check';
import { withKeyedEntry } from './keyed-list';

interface Entry {
  readonly at: string;
  readonly stream: string;
  readonly n: number;
}

const keyOf = (entry: Entry) => [entry.at, entry.stream];

/** Streams of entries, each stream's in its own order; few instants, so entries of several streams share one. */
const streams = fc.array(fc.array(fc.constantFrom('2024-01-01', '2024-01-02', '2024-01-03'), { maxLength: 5 }), { minLength: 1, maxLength: 4 }).map((perStream) =>
  perStream.map((instants, s) => instants.map((at, n): Entry => ({ at, stream: `s${s}`, n }))),
);

/** One interleaving of the streams that keeps each stream's order, as a feed ordered per stream delivers them. */
function interleaved(perStream: readonly Entry[][], picks: readonly number[]): Entry[] {
  const queues = perStream.map((entries) => [...entries]);
  const out: Entry[] = [];
  for (let pick = 0; queues.some((queue) => queue.length > 0); pick += 1) {
    const open = queues.filter((queue) => queue.length > 0);
    out.push(open[(picks[pick] ?? 0) % open.length]!.shift()!);
  }
  return out;
}

const listed = (entries: readonly Entry[]) => entries.reduce<Entry[]>((list, entry) => withKeyedEntry(list, entry, keyOf), []);

describe('withKeyedEntry', () => {
  it('lists the same entries in the same order whatever the interleaving of their streams (property)', () => {
    fc.assert(
      fc.property(streams, fc.array(fc.nat()), fc.array(fc.nat()), (perStream, one, other) => {
        expect(listed(interleaved(perStream, one))).toEqual(listed(interleaved(perStream, other)));
      }),
    );
  });

  it('orders by when, then by stream, keeping one stream\'s entries of one instant in that stream\'s order', () => {
    const entries: Entry[] = [
      { at: '2024-01-02', stream: 's1', n: 0 },
      { at: '2024-01-02', stream: 's0', n: 0 },
      { at: '2024-01-01', stream: 's1', n: 1 },
      { at: '2024-01-02', stream: 's0', n: 1 },
    ];
    expect(listed(entries).map(({ stream, n }) => `${stream}.${n}`)).toEqual(['s1.1', 's0.0', 's0.1', 's1.0']);
  });
});
