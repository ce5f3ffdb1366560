import { AlreadyExists, type DecisionContext } from '@spiral/decider';
import { NationalPrioritySet, type NationalPriorityEvent } from '@spiral/event-catalogue';
import { assertNationalActor } from '../national-access';
import { assertUntilNotBeforeSet } from '../priority-period';
import type { NationalPrioritiesCommand } from './national-priorities.commands';
import type { NationalPrioritiesState } from './national-priorities.state';

export function decideNationalPriorities(
  command: NationalPrioritiesCommand,
  state: NationalPrioritiesState,
  context: DecisionContext,
): NationalPriorityEvent[] {
  assertNationalActor(context.actor, 'set national priorities');
  switch (command.type) {
    case 'SetNationalPriority': {
      if (state.priorities.has(command.priorityId)) throw new AlreadyExists('national priority', command.priorityId);
      assertUntilNotBeforeSet(command.until, context.occurredAt);
      // Built field by field so nothing but the published payload reaches the event.
      const { priorityId, measure, rationale, until } = command;
      return [
        NationalPrioritySet.create({
          priorityId,
          measure: { name: measure.name, unit: measure.unit, improvement: measure.improvement },
          rationale,
          ...(until === undefined ? {} : { until }),
        }),
      ];
    }
    default: {
      const unexpected: never = command.type;
      return unexpected;
    }
  }
}
