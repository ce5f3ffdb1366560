import { InvalidInput } from '@spiral/decider';
import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import type { CatalogueEntry, CatalogueFieldTest } from './catalogue-entry';
import { CATALOGUE_PRACTICES, practiceCatalogueProjection } from './practice-catalogue.projection';

export const CATALOGUE_STATUSES = ['proposed', 'published', 'retired'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

/** A practice as the catalogue answers it: its entry without the bookkeeping of revisions. */
export type CataloguePractice = Omit<CatalogueEntry, 'revision' | 'status' | 'fieldTests'> & {
  readonly status: CatalogueStatus;
  readonly fieldTests: readonly Omit<CatalogueFieldTest, 'revision'>[];
};

export interface CatalogueSearch {
  readonly q?: string;
  readonly specialty?: string;
  readonly status?: CatalogueStatus;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CataloguePage {
  readonly practices: readonly CataloguePractice[];
  /** How many practices match, over every page. */
  readonly total: number;
  /** Send as `cursor` for the next page; null on the last. */
  readonly nextCursor: string | null;
}

function answerOf(entry: CatalogueEntry & { status: CatalogueStatus }): CataloguePractice {
  const { revision: _revision, fieldTests, ...rest } = entry;
  return { ...rest, fieldTests: fieldTests.map(({ revision: _testRevision, ...test }) => test) };
}

function matches(entry: CatalogueEntry, { q, specialty, status }: CatalogueSearch): boolean {
  if (status !== undefined && entry.status !== status) return false;
  if (specialty !== undefined && !entry.specialties.some((named) => named.toLowerCase() === specialty.trim().toLowerCase())) return false;
  if (q === undefined) return true;
  const text = [entry.title, entry.summary, entry.evidence, entry.originDetail, ...entry.targetMeasures, ...entry.specialties].join('\n').toLowerCase();
  return q.toLowerCase().split(/\s+/).filter((word) => word !== '').every((word) => text.includes(word));
}

const byTitle = (a: CatalogueEntry, b: CatalogueEntry) => (a.title ?? '').localeCompare(b.title ?? '') || (a.practiceId < b.practiceId ? -1 : 1);

/**
 * Searches the stored catalogue (the practice-catalogue projection's documents). A catalogue holds
 * practices by the dozen or hundred, not by the thousand, so a search reads them all and filters
 * here; the order is by title, and a cursor names the last practice of the page before.
 */
export class PracticeCatalogueReader {
  constructor(private readonly views: ViewStore) {}

  private entries(): Promise<CatalogueEntry[]> {
    return this.views.find<CatalogueEntry>(storedCollection(practiceCatalogueProjection, CATALOGUE_PRACTICES));
  }

  async search(search: CatalogueSearch): Promise<CataloguePage> {
    const found = (await this.entries()).filter((entry): entry is CatalogueEntry & { status: CatalogueStatus } => entry.status !== 'unknown' && matches(entry, search)).sort(byTitle);
    const at = search.cursor === undefined ? -1 : found.findIndex((entry) => entry.practiceId === search.cursor);
    if (search.cursor !== undefined && at < 0) throw new InvalidInput([{ field: 'cursor', reason: 'must be the nextCursor of a page of this same search' }]);
    const after = at + 1;
    const page = found.slice(after, after + search.limit);
    const last = page.at(-1);
    return { practices: page.map(answerOf), total: found.length, nextCursor: after + search.limit < found.length && last !== undefined ? last.practiceId : null };
  }

  /** One practice of the catalogue; undefined until it is proposed. */
  async practice(practiceId: string): Promise<CataloguePractice | undefined> {
    const entry = await this.views.get<CatalogueEntry>(storedCollection(practiceCatalogueProjection, CATALOGUE_PRACTICES), practiceId);
    return entry === undefined || entry.status === 'unknown' ? undefined : answerOf(entry as CatalogueEntry & { status: CatalogueStatus });
  }
}
