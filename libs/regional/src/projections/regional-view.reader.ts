import { comparedInstants, stretchOf } from '@spiral/analytics';
import { CHANGE_STAMP_ID, mayHoldViewsOf, StampedCache, type ChangeStamp, type SpiralSummary, type StampedSnapshot } from '@spiral/projections';
import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';
import { adoptionFiguresAt, regionComparison, regionalViewOf, type AdoptionFigures, type RegionalViewOptions } from './regional-view.assemble';
import type { RegionalView } from './regional-view';
import { regionalViewProjection } from './regional-view.projection';

/** The instants the adoption figures compare asOf with: adoptions and strategy launches. */
function adoptionInstants(region: RegionDocument): number[] {
  const adoptions = Object.values(region.adoption).flatMap((adopters) => Object.values(adopters).map((adopter) => adopter.at));
  return comparedInstants([...adoptions, ...region.spreadStrategies.map((strategy) => strategy.launchedAt)]);
}

/**
 * Reads the stored regional view: a handful of documents per request (the region, every region
 * for the comparison, its live spirals, its networks), never a replay. While the projection's
 * change stamp stands, the documents are held, with the comparison and the adoption figures of
 * each stretch of time between the instants they compare asOf with; stalled spirals, networks and
 * priorities are judged at asOf on every read.
 */
export class RegionalViewReader {
  private readonly cache: StampedCache;

  constructor(private readonly views: ViewStore) {
    this.cache = new StampedCache(() => (mayHoldViewsOf(views) ? views.get<ChangeStamp>(this.collection(C.changes), CHANGE_STAMP_ID) : Promise.resolve(undefined)));
  }

  private collection(name: string): string {
    return storedCollection(regionalViewProjection, name);
  }

  /** The region's view, or undefined when Spiral knows nothing of the SHA. */
  async read(shaCode: string, options: RegionalViewOptions): Promise<RegionalView | undefined> {
    const snapshot = await this.cache.snapshot();
    const { regions, comparison } = await snapshot.part('regions', async () => {
      const documents = await this.views.find<RegionDocument>(this.collection(C.regions));
      return { regions: documents, comparison: regionComparison(documents) };
    });
    const region = regions.find((candidate) => candidate.shaCode === shaCode);
    if (region === undefined) return undefined;
    const [liveSpirals, networks, adoptionFigures] = await Promise.all([
      snapshot.part(`live-spirals:${shaCode}`, () => this.views.find<SpiralSummary>(this.collection(C.spirals), { shaCode, live: true })),
      snapshot.part(`networks:${shaCode}`, () => this.views.find<NetworkDocument>(this.collection(C.networks), { shaCode })),
      this.adoptionFigures(snapshot, region, options.asOf),
    ]);
    return regionalViewOf({ region, comparison, adoptionFigures, liveSpirals, networks }, options);
  }

  private async adoptionFigures(snapshot: StampedSnapshot, region: RegionDocument, asOf: string): Promise<AdoptionFigures> {
    const instants = await snapshot.part(`instants:${region.shaCode}`, () => Promise.resolve(adoptionInstants(region)));
    const stretch = stretchOf(instants, asOf);
    const figures = () => Promise.resolve(adoptionFiguresAt(region, asOf));
    return stretch === undefined ? figures() : snapshot.part(`adoption:${region.shaCode}:${stretch}`, figures);
  }
}
