import type { Measure, RegionEvent } from '@spiral/event-catalogue';

export interface RegionalPriority {
  readonly priorityId: string;
  readonly measure: Measure;
  readonly until: string | undefined;
}

export interface SpreadStrategy {
  readonly strategyId: string;
  readonly practiceId: string;
  readonly organisations: readonly string[];
}

/**
 * A region's stream has no "created" event: the first fact starts it, so the state is one shape,
 * empty until then (`shaCode` null).
 */
export interface RegionState {
  readonly shaCode: string | null;
  readonly priorities: ReadonlyMap<string, RegionalPriority>;
  readonly supportIds: ReadonlySet<string>;
  readonly strategies: ReadonlyMap<string, SpreadStrategy>;
}

export const initialRegionState: RegionState = {
  shaCode: null,
  priorities: new Map(),
  supportIds: new Set(),
  strategies: new Map(),
};

export function evolveRegion(state: RegionState, event: RegionEvent): RegionState {
  const shaCode = event.data.shaCode;
  switch (event.type) {
    case 'RegionalPrioritySet': {
      const { priorityId, measure, until } = event.data;
      return { ...state, shaCode, priorities: new Map(state.priorities).set(priorityId, { priorityId, measure, until }) };
    }
    case 'SupportProvided': {
      return { ...state, shaCode, supportIds: new Set(state.supportIds).add(event.data.supportId) };
    }
    case 'SpreadStrategyLaunched': {
      const { strategyId, practiceId, organisations } = event.data;
      return {
        ...state,
        shaCode,
        strategies: new Map(state.strategies).set(strategyId, { strategyId, practiceId, organisations }),
      };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
