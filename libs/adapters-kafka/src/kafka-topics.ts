import { eventDefinitionOf, type BoundedContext, type EventEnvelope } from '@spiral/event-catalogue';

const CONTEXTS: readonly BoundedContext[] = ['local', 'regional', 'national'];

/**
 * How events map to topics:
 * - 'per-context' (the default): `<prefix>.local`, `.regional`, `.national`, by the event type's
 *   context in the catalogue, each with several partitions, so each context scales on its own and a
 *   group spreads over members. Order holds per stream only: messages are keyed by stream id and
 *   every stream belongs to one context (each context's index lists its streams' event unions).
 * - 'single': one topic, `<prefix>.events`, with one partition. The relay publishes in global
 *   order, so every consumer sees the store's global order: what a consumer that keeps a single
 *   global checkpoint needs. One member per group does the work.
 */
export type KafkaTopicLayout = 'per-context' | 'single';

export class KafkaTopics {
  constructor(
    readonly prefix: string,
    readonly layout: KafkaTopicLayout = 'per-context',
  ) {
    if (!/^[A-Za-z0-9._-]+$/.test(prefix)) throw new RangeError(`topic prefix ${JSON.stringify(prefix)} has characters Kafka refuses`);
  }

  /** Every event topic, in a fixed order. */
  all(): string[] {
    return this.layout === 'single' ? [this.single()] : CONTEXTS.map((context) => this.ofContext(context));
  }

  ofContext(context: BoundedContext): string {
    return this.layout === 'single' ? this.single() : `${this.prefix}.${context}`;
  }

  /**
   * The topic of an event. A type missing from the catalogue is refused rather than guessed: types
   * are never renamed or removed (old versions are upcast), so it is a wiring mistake.
   */
  of(event: Pick<EventEnvelope, 'type' | 'eventId'>): string {
    const definition = eventDefinitionOf(event.type);
    if (definition === undefined) {
      throw new Error(`event ${event.eventId} has type ${event.type}, which is not in the event catalogue: no topic for it`);
    }
    return this.ofContext(definition.context);
  }

  /** Partitions of a topic this layout creates: one keeps the single topic in order. */
  partitions(configured: number): number {
    return this.layout === 'single' ? 1 : configured;
  }

  /** Where a consumer parks an event its handler keeps failing on. */
  deadLetterOf(topic: string): string {
    return `${topic}.dlq`;
  }

  private single(): string {
    return `${this.prefix}.events`;
  }
}
