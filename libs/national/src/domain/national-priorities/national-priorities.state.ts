import type { Measure, NationalPriorityEvent } from '@spiral/event-catalogue';

export interface NationalPriority {
  readonly priorityId: string;
  readonly measure: Measure;
  readonly until: string | undefined;
}

/** The one national priorities stream: every priority ever set, by id. */
export interface NationalPrioritiesState {
  readonly priorities: ReadonlyMap<string, NationalPriority>;
}

export const initialNationalPrioritiesState: NationalPrioritiesState = { priorities: new Map() };

export function evolveNationalPriorities(
  state: NationalPrioritiesState,
  event: NationalPriorityEvent,
): NationalPrioritiesState {
  switch (event.type) {
    case 'NationalPrioritySet': {
      const { priorityId, measure, until } = event.data;
      return { priorities: new Map(state.priorities).set(priorityId, { priorityId, measure, until }) };
    }
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}
