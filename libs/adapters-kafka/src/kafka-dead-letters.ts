import type { KafkaMessage, Producer } from 'kafkajs';
import { describeError } from './kafka-feed-settings';

/** Where one parked message came from and why, written into its dead-letter headers. */
export interface ParkedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly group: string;
  readonly attempts: number;
  readonly error: unknown;
}

/**
 * Parks poison messages on `<topic>.dlq`: the original key, value and headers, plus the error,
 * the group that gave up, the attempts and the source offset, so an operator can fix the cause and
 * replay them. The event store still holds every event, so a rebuild also recovers them.
 */
export class KafkaDeadLetters {
  constructor(
    private readonly producer: Producer,
    private readonly ensureTopic: (topic: string) => Promise<void>,
    private readonly deadLetterOf: (topic: string) => string,
  ) {}

  async park(parked: ParkedMessage): Promise<string> {
    const topic = this.deadLetterOf(parked.topic);
    await this.ensureTopic(topic);
    const { key, value, headers } = parked.message;
    await this.producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key,
          value,
          headers: {
            ...headers,
            'dlq.error': describeError(parked.error).slice(0, 4_000),
            'dlq.group': parked.group,
            'dlq.attempts': String(parked.attempts),
            'dlq.source': `${parked.topic}/${parked.partition}@${parked.message.offset}`,
            'dlq.parkedAt': new Date().toISOString(),
          },
        },
      ],
    });
    return topic;
  }
}
