import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Message, TopicMessages } from 'kafkajs';
import { toMessage } from './kafka-envelope-codec';

/**
 * Bytes of messages in one produce request at most: under the broker's default limit on one record
 * batch (message.max.bytes, 1 MiB), which a request's share of one partition must not pass,
 * whatever the keys' partitioning. Past it the broker refuses the whole request (MESSAGE_TOO_LARGE)
 * and a publish retried as it was would never pass: the relay would stop for good.
 */
export const MAX_REQUEST_BYTES = 900_000;
/** A record's framing (lengths, offsets, attributes) and its two header names, over key and value. */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * The events as produce requests of at most MAX_REQUEST_BYTES each, in publish order: sent one
 * after the other, a stream's events keep their order. An event larger than the limit on its own is
 * a request of its own (the broker says why it refuses it).
 */
export function produceRequests(events: readonly EventEnvelope[], topicOf: (event: EventEnvelope) => string): TopicMessages[][] {
  const requests: TopicMessages[][] = [];
  let byTopic = new Map<string, Message[]>();
  let bytes = 0;
  const close = () => {
    if (byTopic.size > 0) requests.push([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    byTopic = new Map();
    bytes = 0;
  };
  for (const event of events) {
    const topic = topicOf(event);
    const message = toMessage(event);
    const size = Buffer.byteLength(message.value as string) + Buffer.byteLength(event.streamId) + event.type.length + event.eventId.length + RECORD_OVERHEAD_BYTES;
    if (bytes + size > MAX_REQUEST_BYTES) close();
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
    bytes += size;
  }
  close();
  return requests;
}
