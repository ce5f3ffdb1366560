import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { murmur2, StreamPartitioner } from './kafka-stream-partitioner';

const metadata = (partitions: number) => Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, partitionErrorCode: 0, leader: 0, replicas: [0], isr: [0] }));

describe('StreamPartitioner', () => {
  it("puts every key in the partition kafkajs's DefaultPartitioner (the Java client's murmur2) puts it in", () => {
    const ours = StreamPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.uuid().map((id) => `team-${id}`)), fc.integer({ min: 1, max: 64 }), (key, partitions) => {
        const args = { topic: 'spiral.local', partitionMetadata: metadata(partitions), message: { key, value: '' } };
        expect(ours(args)).toBe(theirs(args));
      }),
      { numRuns: 2_000 },
    );
  });

  it('hashes as the Java client does (its published values), keys longer than its scratch buffer too', () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    expect(murmur2('21')).toBe(-973932308);
    expect(murmur2('foobar')).toBe(-790332482);
    expect(murmur2('a-little-bit-long-string')).toBe(-985981536);
    expect(murmur2('a-little-bit-longer-string')).toBe(-1486304829);
    expect(murmur2('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')).toBe(-58897971);
    expect(murmur2('abc'.repeat(500))).toBe(murmur2(Buffer.from('abc'.repeat(500))));
  });

  it('keeps a partition the message names, and spreads keyless messages as kafkajs does', () => {
    const ours = StreamPartitioner();
    expect(ours({ topic: 't', partitionMetadata: metadata(3), message: { key: 'a', partition: 2, value: '' } })).toBe(2);
    const keyless = new Set(Array.from({ length: 12 }, () => ours({ topic: 't', partitionMetadata: metadata(3), message: { value: '' } })));
    expect(keyless).toEqual(new Set([0, 1, 2]));
  });
});
