import type { Actor, DomainEvent } from '@spiral/event-catalogue';
import type { DecisionContext, Decider } from '../decider';
import type { DomainError } from '../domain-errors';

/** A fixed moment and actor, so specs read as facts rather than set-up. */
export const SPEC_NOW = '2005-06-01T12:00:00.000Z';

export function actorOf(role: Actor['role'], org: string | null = 'RX1', region: string | null = 'Q01'): Actor {
  return { id: `${role}-user`, role, org, region };
}

/**
 * Decider specs as given events / when command / then events or a named error, with no mocks
 * (after Emmett's DeciderSpecification).
 */
export function deciderSpec<TCommand, TEvent extends DomainEvent, TState>(decider: Decider<TCommand, TEvent, TState>) {
  return {
    given(events: readonly TEvent[]) {
      return {
        when(command: TCommand, context: Partial<DecisionContext> = {}) {
          const state = events.reduce(
            (current, event, revision) => decider.evolve(current, event, { occurredAt: SPEC_NOW, streamRevision: revision }),
            decider.initialState,
          );
          const run = () =>
            decider.decide(command, state, {
              actor: actorOf('local'),
              occurredAt: SPEC_NOW,
              now: SPEC_NOW,
              ...context,
            });
          return {
            then(expected: readonly TEvent[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorClass: abstract new (...args: never[]) => DomainError, code?: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (code !== undefined) expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
