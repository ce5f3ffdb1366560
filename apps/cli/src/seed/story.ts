import { eventIdFor, newEntityId, requestFingerprint } from '@spiral/command-handling';
import type { Actor } from '@spiral/event-catalogue';
import { v5 as uuidV5 } from 'uuid';
import { iso, type Instant } from './calendar';
import { streamIdOf, type AggregateKind, type CommandsByKind, type PlannedCommand } from './planned-command';
import type { SeedSize } from './seed-size';

// The seeder's own namespace for story correlation ids (RFC 9562 UUIDv5), apart from the write path's.
const SEED_NAMESPACE = '3b0f6a52-8f0e-4c1d-9a7e-5d2c61e0b7a4';

/** What every story of one seed run shares: the flags that name its ids, and the planning order. */
export class SeedContext {
  private sequence = 0;

  constructor(
    readonly size: SeedSize,
    readonly randomSeed: number,
  ) {}

  nextSequence(): number {
    return this.sequence++;
  }

  /**
   * Every seeded command carries an idempotency key made of the flags and its place in the story,
   * so a second run with the same flags finds each of its events already stored and writes nothing.
   */
  idempotencyKey(story: string, step: string): string {
    return `seed:${this.size}:${this.randomSeed}:${story}:${step}`;
  }

  /** The id the HTTP API would give the thing a step creates, sent by `actor` with the step's key. */
  entityId(actor: Actor, story: string, step: string): string {
    return newEntityId(actor, this.idempotencyKey(story, step));
  }
}

/**
 * One seeded story (a team, a spiral, a practice, a region's network): its commands share a
 * correlation id, each is caused by the story's previous command, and they happen in time order.
 */
export class Story {
  readonly correlationId: string;
  readonly commands: PlannedCommand[] = [];
  private lastAt = Number.NEGATIVE_INFINITY;
  private lastEventId: string | undefined;

  constructor(
    private readonly context: SeedContext,
    readonly name: string,
  ) {
    this.correlationId = uuidV5(`${context.size}|${context.randomSeed}|${name}`, SEED_NAMESPACE);
  }

  entityId(actor: Actor, step: string): string {
    return this.context.entityId(actor, this.name, step);
  }

  /**
   * Adds the step's command. A step planned at or before the story's previous one moves to a minute
   * after it: SPEC "Events" wants no fact before the last fact of its stream, and a story's steps
   * happen one after another.
   */
  add<K extends AggregateKind>(kind: K, aggregateId: string, at: Instant, step: string, actor: Actor, command: CommandsByKind[K]): Instant {
    const when = at > this.lastAt ? at : this.lastAt + 60_000;
    const idempotencyKey = this.context.idempotencyKey(this.name, step);
    // Fixed here, before the handler adds the facts it loads, as the HTTP layer fixes it per request.
    const fingerprint = requestFingerprint(command, iso(when));
    const planned = {
      kind,
      aggregateId,
      streamId: streamIdOf(kind, aggregateId),
      at: when,
      sequence: this.context.nextSequence(),
      envelope: {
        command,
        actor,
        correlationId: this.correlationId,
        causationId: this.lastEventId ?? this.correlationId,
        idempotencyKey,
        fingerprint,
        occurredAt: iso(when),
      },
    };
    // `kind` and `command` are tied by K, which TypeScript cannot carry into the union by itself.
    this.commands.push(planned as unknown as PlannedCommand);
    this.lastAt = when;
    this.lastEventId = eventIdFor({ actor, idempotencyKey, fingerprint }, 0);
    return when;
  }
}
