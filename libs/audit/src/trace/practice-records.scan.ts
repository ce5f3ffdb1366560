import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';

/** What a practice's trace needs from other streams: its field tests' events and the spirals that adopted it. */
export interface PracticeRecords {
  readonly fieldTestEvents: EventEnvelope[];
  /** Spiral ids in the order of their first adoption of the practice. */
  readonly adoptingSpirals: Set<string>;
}

const SCAN_PAGE_SIZE = 2_000;
const FIELD_TEST_FACTS = new Set(['FieldTestStarted', 'FieldTestConcluded']);
const SCANNED_TYPES = [...FIELD_TEST_FACTS, 'OptionAdopted'];

/**
 * One pass over the store for the field tests of the given practices and the spirals that adopted
 * them. Field tests and adoptions live in their own streams and no stream lists them by practice,
 * so this is a scan of the store, for those three types only (the engine filters them), keeping
 * only the practices' own. The store is the authority: the answer is never behind the feed as a
 * view could be.
 */
export async function scanPracticeRecords(store: EventStore, practiceIds: ReadonlySet<string>): Promise<Map<string, PracticeRecords>> {
  const found = new Map<string, PracticeRecords>([...practiceIds].map((id) => [id, { fieldTestEvents: [], adoptingSpirals: new Set<string>() }]));
  if (found.size === 0) return found;
  for await (const event of store.readAll({ pageSize: SCAN_PAGE_SIZE, types: SCANNED_TYPES })) {
    const practiceId = (event.data as { practiceId?: unknown }).practiceId;
    const records = typeof practiceId === 'string' ? found.get(practiceId) : undefined;
    if (records === undefined) continue;
    if (FIELD_TEST_FACTS.has(event.type)) records.fieldTestEvents.push(event);
    if (event.type === 'OptionAdopted') {
      records.adoptingSpirals.add((event.data as { spiralId: string }).spiralId);
    }
  }
  return found;
}
