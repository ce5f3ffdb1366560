import type { Actor, DomainEvent } from '@spiral/event-catalogue';

/** What a decision may know besides the command and the state: who asks, and when. */
export interface DecisionContext {
  readonly actor: Actor;
  /** When the fact happens in the health service (already checked against the stream). */
  readonly occurredAt: string;
  /** The store's clock, passed in so deciders stay pure and tests fix it. */
  readonly now: string;
}

/** What evolve may know of an event besides its payload. */
export interface EventContext {
  readonly occurredAt: string;
  readonly streamRevision: number;
}

/**
 * One aggregate's behaviour as pure functions (after Jérémie Chassaing's Decider pattern):
 * decide turns a command and the current state into new events or throws a DomainError;
 * evolve folds one event into the state. No I/O, no clock, no framework.
 */
export interface Decider<TCommand, TEvent extends DomainEvent, TState> {
  readonly initialState: TState;
  decide(command: TCommand, state: TState, context: DecisionContext): TEvent[];
  evolve(state: TState, event: TEvent, context: EventContext): TState;
}
