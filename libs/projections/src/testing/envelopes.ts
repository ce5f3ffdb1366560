import { computeEventHash, eventDefinitionOf, type Actor, type DomainEvent, type EventEnvelope } from '@spiral/event-catalogue';

const systemActor: Actor = { id: 'spec', role: 'national', org: null, region: null };

/**
 * Builds stored envelopes for projection specs from domain events, as the store would: revisions
 * per stream, global positions in order, hashes chained. Times default to one day apart.
 */
export class EnvelopeBuilder {
  private position = 0;
  private readonly streams = new Map<string, { revision: number; hash: string | null }>();
  private day = Date.parse('2004-01-01T09:00:00.000Z');

  append(streamId: string, event: DomainEvent, options: { occurredAt?: string; actor?: Actor } = {}): EventEnvelope {
    const stream = this.streams.get(streamId) ?? { revision: -1, hash: null };
    this.day += 86_400_000;
    const occurredAt = options.occurredAt ?? new Date(this.day).toISOString();
    const unhashed = {
      eventId: `${streamId}-${stream.revision + 1}`,
      type: event.type,
      schemaVersion: eventDefinitionOf(event.type)?.schemaVersion ?? 1,
      data: event.data,
      occurredAt,
      recordedAt: occurredAt,
      actor: options.actor ?? systemActor,
      correlationId: 'spec',
      causationId: 'spec',
      streamId,
      streamRevision: stream.revision + 1,
      previousHash: stream.hash,
    };
    const hash = computeEventHash(unhashed);
    this.streams.set(streamId, { revision: stream.revision + 1, hash });
    this.position += 1;
    return { ...unhashed, globalPosition: this.position, hash };
  }
}
