import { comparedInstants, stretchOf } from '@spiral/analytics';
import { CHANGE_STAMP_ID, mayHoldViewsOf, StampedCache, type ChangeStamp, type SpiralSummary, type StampedSnapshot, type TeamIndex } from '@spiral/projections';
import type { ViewStore } from '@spiral/ports';
import { storedCollection } from '@spiral/projections';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';
import { regionalDocumentsAsOf, regionsAsOf, type RegionalDocuments } from './regional-as-of';
import { adoptionFiguresAt, regionComparison, regionalViewOf, type AdoptionFigures, type RegionalViewOptions } from './regional-view.assemble';
import type { RegionalView } from './regional-view';
import { regionalViewProjection } from './regional-view.projection';

/** The instants the adoption figures compare asOf with: adoptions and strategy launches. */
function adoptionInstants(region: RegionDocument): number[] {
  const adoptions = Object.values(region.adoption).flatMap((adopters) => Object.values(adopters).map((adopter) => adopter.at));
  return comparedInstants([...adoptions, ...region.spreadStrategies.map((strategy) => strategy.launchedAt)]);
}

/** What a request asks of the regional view: a moment or none, and the clock's now to fall back on. */
export interface RegionalViewQueryOptions {
  readonly asOf?: string;
  readonly now: string;
  readonly stalledDays: number;
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

  /**
   * The region's view at `asOf`, or, without one, at the latest event the view holds (now when it
   * holds none); undefined when Spiral knows nothing of the SHA.
   */
  async read(shaCode: string, query: RegionalViewQueryOptions): Promise<RegionalView | undefined> {
    const snapshot = await this.cache.snapshot();
    if (query.asOf !== undefined) return this.readAsOf(snapshot, shaCode, { asOf: query.asOf, asOfFrom: 'query', stalledDays: query.stalledDays });
    const latest = await snapshot.part('latest-event', () => this.latestEventAt());
    const options: RegionalViewOptions = { asOf: latest ?? query.now, asOfFrom: latest !== undefined ? 'latestEvent' : 'now', stalledDays: query.stalledDays };
    const { regions, comparison } = await snapshot.part('regions', async () => {
      const documents = await this.views.find<RegionDocument>(this.collection(C.regions));
      return { regions: documents, comparison: regionComparison(documents) };
    });
    const region = regions.find((candidate) => candidate.shaCode === shaCode);
    if (region === undefined) return undefined;
    const [liveSpirals, networks, teamNames, adoptionFigures] = await Promise.all([
      snapshot.part(`live-spirals:${shaCode}`, () => this.views.find<SpiralSummary>(this.collection(C.spirals), { shaCode, live: true })),
      snapshot.part(`networks:${shaCode}`, () => this.views.find<NetworkDocument>(this.collection(C.networks), { shaCode })),
      snapshot.part(`team-names:${shaCode}`, () => this.teamNames(shaCode)),
      this.adoptionFigures(snapshot, region, options.asOf),
    ]);
    return regionalViewOf({ region, comparison, adoptionFigures, liveSpirals, networks, teamNames }, options);
  }

  /**
   * Every figure as it stood at the moment asked for (issue 17 item 3): the documents' timelines
   * read up to it (regionalDocumentsAsOf), then the same assembly as the view of now. Consistent
   * with a replay up to the moment, which folds only the events up to it.
   */
  private async readAsOf(snapshot: StampedSnapshot, shaCode: string, options: RegionalViewOptions): Promise<RegionalView | undefined> {
    const documents = await snapshot.part('documents', () => this.documents());
    const atMoment = await snapshot.part(`regions-as-of:${options.asOf}`, () => Promise.resolve(regionsAsOf(documents, options.asOf)));
    const asOf = regionalDocumentsAsOf(documents, shaCode, options.asOf, atMoment);
    const region = asOf.regions.find((candidate) => candidate.shaCode === shaCode);
    if (region === undefined) return undefined;
    const adoptionFigures = await this.adoptionFigures(snapshot, region, options.asOf);
    return regionalViewOf({ region, comparison: regionComparison(asOf.regions), adoptionFigures, liveSpirals: asOf.liveSpirals, networks: asOf.networks, teamNames: asOf.teamNames }, options);
  }

  private async documents(): Promise<RegionalDocuments> {
    const [regions, spirals, teams, networks] = await Promise.all([
      this.views.find<RegionDocument>(this.collection(C.regions)),
      this.views.find<SpiralSummary>(this.collection(C.spirals)),
      this.views.find<TeamIndex>(this.collection(C.teams)),
      this.views.find<NetworkDocument>(this.collection(C.networks)),
    ]);
    return { regions, spirals, teams, networks };
  }

  /**
   * The latest occurredAt of any spiral's events the view holds: the moment a view asked for no
   * moment is judged at. One document, found by the store's own sort (ISO instants sort as time).
   */
  private async latestEventAt(): Promise<string | undefined> {
    const [latest] = await this.views.find<SpiralSummary>(this.collection(C.spirals), undefined, { sortBy: 'lastEventAt', descending: true, limit: 1 });
    return latest?.lastEventAt;
  }

  private async teamNames(shaCode: string): Promise<Map<string, string>> {
    const teams = await this.views.find<TeamIndex>(this.collection(C.teams), { shaCode });
    return new Map(teams.flatMap((team) => (team.name === undefined ? [] : [[team.teamId, team.name] as const])));
  }

  private async adoptionFigures(snapshot: StampedSnapshot, region: RegionDocument, asOf: string): Promise<AdoptionFigures> {
    const instants = await snapshot.part(`instants:${region.shaCode}`, () => Promise.resolve(adoptionInstants(region)));
    const stretch = stretchOf(instants, asOf);
    const figures = () => Promise.resolve(adoptionFiguresAt(region, asOf));
    return stretch === undefined ? figures() : snapshot.part(`adoption:${region.shaCode}:${stretch}`, figures);
  }
}
