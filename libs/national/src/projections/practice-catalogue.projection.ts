import { updateDocument, type Projection } from '@spiral/projections';
import { emptyCatalogueEntry, withFieldTestFact, withPracticeFact, type CatalogueEntry } from './catalogue-entry';

export const CATALOGUE_PRACTICES = 'catalogue-practices';

const PRACTICE_FACTS = new Set(['PracticeProposed', 'PracticePublished', 'PracticeRevised', 'PracticeRetired']);

/**
 * The published catalogue every role reads (SPEC "Access"; GET /practices): per practice its
 * texts, specialties, evidence and field-test verdicts. A projection of its own rather than a
 * reader over the national view: the national view keeps figures, not the texts a team reads, and
 * this one is rewritten only by catalogue facts, never by the many spiral events. Both field-test
 * events carry the practice id, so each lands on its practice's document; a site's report adds
 * nothing a team reads here.
 */
export const practiceCatalogueProjection: Projection = {
  name: 'practice-catalogue',
  // v2: field tests started at the same instant listed by id, not by arrival (which differs per partition).
  version: 2,
  collections: [CATALOGUE_PRACTICES],
  eventTypes: new Set([...PRACTICE_FACTS, 'FieldTestStarted', 'FieldTestConcluded']),
  async apply(event, views) {
    const practiceId = (event.data as { practiceId: string }).practiceId;
    const change = PRACTICE_FACTS.has(event.type) ? withPracticeFact : withFieldTestFact;
    await updateDocument<CatalogueEntry>(views, CATALOGUE_PRACTICES, practiceId, emptyCatalogueEntry, (entry) => change(entry, event));
  },
};
