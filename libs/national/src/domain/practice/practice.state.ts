import type { EventContext } from '@spiral/decider';
import type { EvidenceLevel, PracticeEvent, PracticeOrigin, PracticeStatus } from '@spiral/event-catalogue';

export interface KnownPractice {
  readonly status: PracticeStatus;
  readonly practiceId: string;
  readonly title: string;
  readonly origin: PracticeOrigin;
  readonly targetMeasures: readonly string[];
  /** 0 until first published, then one more per publication or revision. */
  readonly version: number;
  /** As of the latest version; null until first published. */
  readonly evidenceLevel: EvidenceLevel | null;
  /** When it was first published (occurredAt), for time-to-adopt; null until then. */
  readonly firstPublishedAt: string | null;
}

export type PracticeState = { readonly status: 'unproposed' } | KnownPractice;

export const initialPracticeState: PracticeState = { status: 'unproposed' };

export function evolvePractice(state: PracticeState, event: PracticeEvent, context: EventContext): PracticeState {
  if (event.type === 'PracticeProposed') {
    const { practiceId, title, origin, targetMeasures } = event.data;
    return {
      status: 'proposed',
      practiceId,
      title,
      origin,
      targetMeasures,
      version: 0,
      evidenceLevel: null,
      firstPublishedAt: null,
    };
  }
  // Later facts cannot be stored before the proposal (the decider refuses them); skip them if met.
  if (state.status === 'unproposed') return state;
  switch (event.type) {
    case 'PracticePublished':
      return {
        ...state,
        status: 'published',
        version: event.data.version,
        evidenceLevel: event.data.evidenceLevel,
        firstPublishedAt: state.firstPublishedAt ?? context.occurredAt,
      };
    case 'PracticeRevised':
      return { ...state, version: event.data.version, evidenceLevel: event.data.evidenceLevel };
    case 'PracticeRetired':
      return { ...state, status: 'retired' };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
