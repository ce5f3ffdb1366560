import { randomUUID } from 'node:crypto';
import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

const PROTOCOL = 'SpiralWholeGroup';
const VERSION = 0;

/**
 * Spreads whole consumer groups over a process's peers instead of each group's partitions: every
 * partition of a group goes to one member, and the groups a process consumes go to the members in
 * turn. A projection's apply takes a lease (ProjectionLeases) so members of one group never write
 * its documents at once; with its partitions split, two projector processes took turns on every
 * projection's lease and each emptied its document cache whenever the other had written (1, 2 and
 * 3 processes: 242, 144 and 216 events/s, docs/scaling.md). Whole, each projection is applied by
 * one process at a time, the lease is uncontended outside rebalances, and the projections run in
 * parallel across processes. A member that leaves (or dies: its session times out) hands its
 * groups to the others at the rebalance; the lease still guards the hand-over.
 *
 * The members of a group are ordered by a key of their process, the same in every group, and a
 * group's rank is the order in which its process started consuming it (every projector starts the
 * same projections in the same order), so group r goes to process r mod n in every group.
 */
export class KafkaGroupSpread {
  /** This process's place among its peers: random, compared only with theirs. */
  private readonly processKey = randomUUID();
  private started = 0;

  /** The assigner of the next group this process consumes. */
  nextGroup(): PartitionAssigner {
    const rank = this.started++;
    const userData = Buffer.from(this.processKey);
    return ({ cluster }) => ({
      name: PROTOCOL,
      version: VERSION,
      protocol: ({ topics }) => ({ name: PROTOCOL, metadata: AssignerProtocol.MemberMetadata.encode({ version: VERSION, topics, userData }) }),
      assign: ({ members, topics }) => {
        const keyed = members.map(({ memberId, memberMetadata }) => ({ memberId, key: AssignerProtocol.MemberMetadata.decode(memberMetadata)?.userData.toString() ?? memberId }));
        keyed.sort((a, b) => (a.key === b.key ? (a.memberId < b.memberId ? -1 : 1) : a.key < b.key ? -1 : 1));
        const owner = keyed[rank % keyed.length]?.memberId;
        const whole = Object.fromEntries(topics.map((topic) => [topic, cluster.findTopicPartitionMetadata(topic).map(({ partitionId }) => partitionId)]));
        return Promise.resolve(
          keyed.map(({ memberId }) => ({
            memberId,
            memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: VERSION, assignment: memberId === owner ? whole : {}, userData: Buffer.alloc(0) }),
          })),
        );
      },
    });
  }
}
