import type { DomainEvent } from './envelope/domain-event';

export type BoundedContext = 'local' | 'regional' | 'national';

/**
 * One published event type: its name, the current schema version, the class-validator class of its
 * payload and the context that owns it. Types are never renamed; a changed payload gets a new
 * schema version and an upcaster for the old one.
 */
export interface EventDefinition<TType extends string = string, TData extends object = object> {
  readonly type: TType;
  readonly schemaVersion: number;
  readonly context: BoundedContext;
  readonly payload: new () => TData;
  /** Builds the event with its type, so deciders write `NeedRecognised.create({...})`. */
  create(data: TData): DomainEvent<TType, TData>;
}

export function defineEvent<TType extends string, TData extends object>(
  type: TType,
  context: BoundedContext,
  payload: new () => TData,
  schemaVersion = 1,
): EventDefinition<TType, TData> {
  return { type, schemaVersion, context, payload, create: (data) => ({ type, data }) };
}

/** The event type a definition describes: `type NeedRecognised = EventOf<typeof NeedRecognised>`. */
export type EventOf<D> = D extends EventDefinition<infer TType, infer TData> ? DomainEvent<TType, TData> : never;
