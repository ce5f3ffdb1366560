import type { FieldTestEvent, FieldTestVerdict } from '@spiral/event-catalogue';

export interface KnownFieldTest {
  readonly status: 'running' | 'concluded';
  readonly fieldTestId: string;
  readonly practiceId: string;
  readonly sites: readonly string[];
  /** Sites that have reported, in the order they did (at most one report each). */
  readonly reportedSites: readonly string[];
  /** Null while running. */
  readonly verdict: FieldTestVerdict | null;
  readonly effectSize: number | null;
}

export type FieldTestState = { readonly status: 'unstarted' } | KnownFieldTest;

export const initialFieldTestState: FieldTestState = { status: 'unstarted' };

export function evolveFieldTest(state: FieldTestState, event: FieldTestEvent): FieldTestState {
  if (event.type === 'FieldTestStarted') {
    const { fieldTestId, practiceId, sites } = event.data;
    return { status: 'running', fieldTestId, practiceId, sites, reportedSites: [], verdict: null, effectSize: null };
  }
  // Later facts cannot be stored before the start (the decider refuses them); skip them if met.
  if (state.status === 'unstarted') return state;
  switch (event.type) {
    case 'FieldTestSiteReported':
      return { ...state, reportedSites: [...state.reportedSites, event.data.site] };
    case 'FieldTestConcluded':
      return { ...state, status: 'concluded', verdict: event.data.verdict, effectSize: event.data.effectSize };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
