import type { SpiralSummary } from '@spiral/analytics';
import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';
import { regionalView } from './regional-view.assemble';
import type { RegionalView } from './regional-view';
import { regionalViewProjection } from './regional-view.projection';

/**
 * Reads the stored regional view: a handful of documents per request (the region, every region
 * for the comparison, its live spirals, its networks), never a replay.
 */
export class RegionalViewReader {
  constructor(private readonly views: ViewStore) {}

  private collection(name: string): string {
    return storedCollection(regionalViewProjection, name);
  }

  /** The region's view, or undefined when Spiral knows nothing of the SHA. */
  async read(shaCode: string, options: { readonly asOf: string; readonly stalledDays: number }): Promise<RegionalView | undefined> {
    const region = await this.views.get<RegionDocument>(this.collection(C.regions), shaCode);
    if (region === undefined) return undefined;
    const [regions, liveSpirals, networks] = await Promise.all([
      this.views.find<RegionDocument>(this.collection(C.regions)),
      this.views.find<SpiralSummary>(this.collection(C.spirals), { shaCode, live: true }),
      this.views.find<NetworkDocument>(this.collection(C.networks), { shaCode }),
    ]);
    return regionalView({ region, regions, liveSpirals, networks }, options);
  }
}
