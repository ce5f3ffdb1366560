import { stretchOf } from '@spiral/analytics';
import { CHANGE_STAMP_ID, mayHoldViewsOf, StampedCache, type ChangeStamp, type SpiralSummary, type StampedSnapshot, type TeamIndex } from '@spiral/projections';
import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import type { FieldTestDocument } from './field-test-document';
import { NATIONAL_COLLECTIONS as C } from './national-collections';
import type { NationalRegionDocument } from './national-region-document';
import type { NationalView, PracticeSpread } from './national-view';
import { judgedAt, nationalDocuments, nationalViewAt, type NationalDocuments } from './national-view.snapshot';
import { nationalViewProjection } from './national-view.projection';
import { practiceDocumentAsOf } from './practice-as-of';
import type { PracticeDocument } from './practice-document';
import type { PracticeSpiralDocument } from './practice-spiral-document';
import { practiceSpread } from './practice-spread';
import { teamsRegisteredBy } from './regional-variation';

/**
 * Reads the stored national view: the practice, adopting-spiral, field-test, region, spiral and
 * team documents (not the events), each read as it stood at asOf (practice-as-of.ts, regionsAsOf),
 * with KM, Rogers, Bass, impact, sustainability and variation derived at asOf.
 * While the projection's change stamp stands, the documents are held, and so are the figures
 * judged in each stretch of time between the instants they compare asOf with; only time to adopt,
 * which moves with asOf itself, is derived on every read.
 */
export class NationalViewReader {
  private readonly cache: StampedCache;
  private lastText: { readonly stamp: string; readonly asOf: string; readonly text: string } | undefined;

  constructor(private readonly views: ViewStore) {
    const stamp = storedCollection(nationalViewProjection, C.changes);
    this.cache = new StampedCache(() => (mayHoldViewsOf(views) ? views.get<ChangeStamp>(stamp, CHANGE_STAMP_ID) : Promise.resolve(undefined)));
  }

  private find<T extends Record<string, unknown>>(name: string): Promise<T[]> {
    return this.views.find<T>(storedCollection(nationalViewProjection, name));
  }

  private async documents(): Promise<NationalDocuments> {
    const [practices, practiceSpirals, fieldTests, regions, spirals, teams] = await Promise.all([
      this.find<PracticeDocument>(C.practices),
      this.find<PracticeSpiralDocument>(C.practiceSpirals),
      this.find<FieldTestDocument>(C.fieldTests),
      this.find<NationalRegionDocument>(C.regions),
      this.find<SpiralSummary>(C.spirals),
      this.find<TeamIndex>(C.teams),
    ]);
    return nationalDocuments({ practices, practiceSpirals, fieldTests, regions, spirals, teams });
  }

  async read(asOf: string): Promise<NationalView> {
    return this.readAt(await this.cache.snapshot(), asOf);
  }

  /**
   * The view as JSON text. The last answer is held while the stamp stands: a dashboard asks the same
   * moment again and again, and at the xlarge seed the text is over a megabyte, derived and written
   * in 12-15 ms on every read. Only the last: each answer is large, and moments asked are unbounded.
   */
  async readText(asOf: string): Promise<string> {
    const snapshot = await this.cache.snapshot();
    const held = this.lastText;
    if (held !== undefined && snapshot.stamp !== undefined && held.stamp === snapshot.stamp && held.asOf === asOf) return held.text;
    const text = JSON.stringify(await this.readAt(snapshot, asOf));
    this.lastText = snapshot.stamp === undefined ? undefined : { stamp: snapshot.stamp, asOf, text };
    return text;
  }

  private async readAt(snapshot: StampedSnapshot, asOf: string): Promise<NationalView> {
    const documents = await snapshot.part('documents', () => this.documents());
    const stretch = stretchOf(documents.instants, asOf);
    const judged = stretch === undefined ? judgedAt(documents, asOf) : await snapshot.part(`judged:${stretch}`, () => Promise.resolve(judgedAt(documents, asOf)));
    return nationalViewAt(judged, asOf);
  }

  /**
   * The latest occurredAt of any spiral's events the view holds: the moment a view asked for no
   * moment is judged at, so a history that ends in 2006 is read in 2006, not today. One document,
   * found by the store's own sort (ISO instants sort as time).
   */
  async latestEventAt(): Promise<string | undefined> {
    return (await this.cache.snapshot()).part('latest-event', async () => {
      const [latest] = await this.views.find<SpiralSummary>(storedCollection(nationalViewProjection, C.spirals), undefined, { sortBy: 'lastEventAt', descending: true, limit: 1 });
      return latest?.lastEventAt;
    });
  }

  /** Undefined for a practice the catalogue had not proposed by asOf. */
  async spread(practiceId: string, options: { readonly asOf: string; readonly onlyRegion?: string }): Promise<PracticeSpread | undefined> {
    const documents = await (await this.cache.snapshot()).part('documents', () => this.documents());
    const stored = documents.practices.find((candidate) => candidate.practiceId === practiceId);
    const practice = stored === undefined ? undefined : practiceDocumentAsOf(stored, options.asOf);
    if (practice === undefined || practice.status === 'unknown') return undefined;
    return practiceSpread(practice, { ...options, teamsRegistered: teamsRegisteredBy(documents.regions, options.asOf) });
  }
}
