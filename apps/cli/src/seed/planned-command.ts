import type { CommandEnvelope } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import type { SpiralCommand, TeamCommand } from '@spiral/local';
import type { FieldTestRequest, NationalPrioritiesCommand, PracticeCommand } from '@spiral/national';
import type { NetworkRequest, RegionRequest } from '@spiral/regional';
import type { Instant } from './calendar';

/**
 * What a caller sends for each aggregate, exactly as the HTTP controllers send it on the CommandBus:
 * facts from other streams (a spiral's team, an adopted practice's status) are left for the handler
 * to load, so every invariant is checked as it would be for a request.
 */
export interface CommandsByKind {
  readonly team: TeamCommand;
  readonly spiral: SpiralCommand;
  readonly region: RegionRequest;
  readonly network: NetworkRequest;
  readonly practice: PracticeCommand;
  readonly fieldTest: FieldTestRequest;
  readonly nationalPriorities: NationalPrioritiesCommand;
}
export type AggregateKind = keyof CommandsByKind;

/** One command of the seeded history: where it goes, when it happened, and its envelope. */
export interface PlannedFor<K extends AggregateKind> {
  readonly kind: K;
  readonly aggregateId: string;
  readonly streamId: string;
  readonly at: Instant;
  /** Order of planning; breaks ties between equal instants so a story keeps its order. */
  readonly sequence: number;
  readonly envelope: CommandEnvelope<CommandsByKind[K]> & { readonly occurredAt: string; readonly idempotencyKey: string };
}

export type PlannedCommand = { [K in AggregateKind]: PlannedFor<K> }[AggregateKind];

export function streamIdOf(kind: AggregateKind, aggregateId: string): string {
  switch (kind) {
    case 'team':
      return streamIds.team(aggregateId);
    case 'spiral':
      return streamIds.spiral(aggregateId);
    case 'region':
      return streamIds.region(aggregateId);
    case 'network':
      return streamIds.network(aggregateId);
    case 'practice':
      return streamIds.practice(aggregateId);
    case 'fieldTest':
      return streamIds.fieldTest(aggregateId);
    case 'nationalPriorities':
      return streamIds.nationalPriorities();
    default: {
      const unexpected: never = kind;
      return unexpected;
    }
  }
}

/** The history in the order it happened: by occurredAt, then by the order it was planned. */
export function inTimeOrder(commands: readonly PlannedCommand[]): PlannedCommand[] {
  return [...commands].sort((a, b) => a.at - b.at || a.sequence - b.sequence);
}
