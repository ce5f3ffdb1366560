import type { EventDefinition } from './define-event';
import type { DomainEvent } from './envelope/domain-event';
import { localEvents } from './local';
import { nationalEvents } from './national';
import { regionalEvents } from './regional';
import { validatePayload, type FieldProblem } from './validation/validate-payload';

/** Every published event type of the three contexts: the one list readers and writers share. */
export const eventCatalogue: readonly EventDefinition[] = [...localEvents, ...regionalEvents, ...nationalEvents];

const byType = new Map(eventCatalogue.map((definition) => [definition.type, definition]));
if (byType.size !== eventCatalogue.length) throw new Error('two event definitions share a type name');

export function eventDefinitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}

/** Checks an event a decider produced against its published schema before anything is stored. */
export function validateEvent(event: DomainEvent): FieldProblem[] {
  const definition = byType.get(event.type);
  if (!definition) return [{ field: 'type', reason: `${event.type} is not in the event catalogue` }];
  return validatePayload(definition.payload, event.data);
}
