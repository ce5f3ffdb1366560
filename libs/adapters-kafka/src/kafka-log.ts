import type { LogEntry, logCreator } from 'kafkajs';
import type { FeedLogger } from './kafka-feed-settings';

/**
 * Broker answers kafkajs logs as errors although the client handles them as routine: every join,
 * leave or crash of a member makes each other member's heartbeats, syncs and commits answer these
 * until it has rejoined (kafkajs then rejoins, or the consumer hands the partition over), and a
 * topic another process created first answers the last two. A projector's log was 142 lines of
 * "Response Heartbeat" per restart of the other one, hiding what went wrong. Kafka protocol texts.
 */
const ROUTINE_ANSWERS: ReadonlySet<string> = new Set([
  'The group is rebalancing, so a rejoin is needed',
  'The coordinator is not aware of this member',
  'Specified group generation id is not valid',
  'The group member needs to have a valid member id before actually entering a consumer group',
  'Topic with this name already exists',
  // Its aggregate for the same, when processes create the topics at once; a real failure reaches
  // the caller as createTopics' error.
  'Topic creation errors',
]);

/** kafkajs's own line for the same routine: its runner rejoining after a refused heartbeat. */
const REJOINING = 'The group is rebalancing, re-joining';

/** True for kafkajs log entries that report membership routine, not a fault. */
export function isRoutine({ log }: Pick<LogEntry, 'log'>): boolean {
  const error = (log as { error?: unknown }).error;
  return log.message === REJOINING || (typeof error === 'string' && ROUTINE_ANSWERS.has(error));
}

/** kafkajs warnings and errors to the feed's logger, with the broker's answer, routine ones left out. */
export function kafkaLogCreator(logger: FeedLogger): logCreator {
  return () => (entry) => {
    if (isRoutine(entry)) return;
    const error = (entry.log as { error?: unknown }).error;
    logger.warn(`kafkajs ${entry.namespace}: ${entry.log.message}${typeof error === 'string' ? `: ${error}` : ''}`);
  };
}
