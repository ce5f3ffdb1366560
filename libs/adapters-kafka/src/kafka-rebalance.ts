import { KafkaJSProtocolError } from 'kafkajs';

/** Commit errors that mean this member no longer owns the partition (Kafka protocol error names). */
const REBALANCED: ReadonlySet<string> = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS', 'FENCED_INSTANCE_ID']);

/**
 * The protocol error's name when `error` says a rebalance took the partition from this member,
 * unwrapping kafkajs's retry wrappers; undefined for any other error.
 */
export function rebalanceRefusal(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError ?? cause.cause) {
    if (cause instanceof KafkaJSProtocolError) return REBALANCED.has(cause.type) ? cause.type : undefined;
  }
  return undefined;
}
