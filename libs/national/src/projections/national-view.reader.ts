import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import type { FieldTestDocument } from './field-test-document';
import { NATIONAL_COLLECTIONS as C } from './national-collections';
import type { NationalRegionDocument } from './national-region-document';
import type { NationalView, PracticeSpread } from './national-view';
import { nationalViewProjection } from './national-view.projection';
import type { PracticeDocument } from './practice-document';
import { practiceFigures } from './practice-figures';
import { practiceSpread } from './practice-spread';
import { regionalVariation, teamsRegisteredBy } from './regional-variation';

/**
 * Reads the stored national view: the practice, field-test and region documents (dozens, not the
 * events), with KM, Rogers, Bass, impact, sustainability and variation derived at asOf.
 */
export class NationalViewReader {
  constructor(private readonly views: ViewStore) {}

  private find<T extends Record<string, unknown>>(name: string): Promise<T[]> {
    return this.views.find<T>(storedCollection(nationalViewProjection, name));
  }

  async read(asOf: string): Promise<NationalView> {
    const [practices, fieldTests, regions] = await Promise.all([
      this.find<PracticeDocument>(C.practices),
      this.find<FieldTestDocument>(C.fieldTests),
      this.find<NationalRegionDocument>(C.regions),
    ]);
    const teamsRegistered = teamsRegisteredBy(regions, asOf);
    return {
      asOf,
      teamsRegistered,
      practices: practices
        .filter((practice) => practice.status !== 'unknown')
        .map((practice) => practiceFigures(practice, { asOf, teamsRegistered, fieldTests })),
      variation: regionalVariation(regions),
    };
  }

  /** Undefined for a practice the catalogue has not proposed. */
  async spread(practiceId: string, options: { readonly asOf: string; readonly onlyRegion?: string }): Promise<PracticeSpread | undefined> {
    const practice = await this.views.get<PracticeDocument>(storedCollection(nationalViewProjection, C.practices), practiceId);
    if (practice === undefined || practice.status === 'unknown') return undefined;
    const teamsRegistered = teamsRegisteredBy(await this.find<NationalRegionDocument>(C.regions), options.asOf);
    return practiceSpread(practice, { ...options, teamsRegistered });
  }
}
