import { KafkaTopics } from '@spiral/adapters-kafka';
import { uniqueName } from '@spiral/ports/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { MongoClient } from 'mongodb';

export const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
export const MONGO_ADDRESS = MONGO_URL.replace(/^mongodb:\/\/([^@/]*@)?/, '').split(/[/?,]/)[0] ?? '127.0.0.1:27017';

/** Uniquely named topics and database for one suite, and how to see and remove them. */
export class KafkaWorld {
  readonly topicPrefix = uniqueName('reliability');
  readonly database = uniqueName('spiral_reliability');
  private constructor(
    readonly brokers: readonly string[],
    readonly admin: Admin,
  ) {}

  static async open(brokers: readonly string[]): Promise<KafkaWorld> {
    const admin = new Kafka({ brokers: [...brokers], logLevel: logLevel.NOTHING, clientId: 'spiral-reliability-admin' }).admin();
    await admin.connect();
    return new KafkaWorld(brokers, admin);
  }

  get topics(): string[] {
    return new KafkaTopics(this.topicPrefix).all();
  }

  /** Messages the groups have not committed yet, summed over every group, topic and partition. */
  async uncommitted(groups: readonly string[]): Promise<number> {
    const ends = new Map<string, number>();
    for (const topic of this.topics) {
      for (const { partition, high } of await this.admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${partition}`, Number(high));
    }
    let behind = 0;
    for (const groupId of groups) {
      for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId, topics: this.topics })) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(`${topic}/${partition}`) ?? 0;
          behind += end - Math.max(0, Number(offset));
        }
      }
    }
    return behind;
  }

  /** Waits until every group has committed everything published, polling; the seconds it took. */
  async drained(groups: readonly string[], timeoutMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const behind = await this.uncommitted(groups);
      if (behind === 0) return (Date.now() - started) / 1000;
      if (Date.now() - started > timeoutMs) throw new Error(`consumer groups still ${behind} messages behind after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async close(): Promise<void> {
    const topics = (await this.admin.listTopics()).filter((topic) => topic.startsWith(`${this.topicPrefix}.`));
    if (topics.length > 0) await this.admin.deleteTopics({ topics });
    await this.admin.disconnect();
    const mongo = new MongoClient(MONGO_URL);
    try {
      await mongo.db(this.database).dropDatabase();
    } finally {
      await mongo.close();
    }
  }
}
