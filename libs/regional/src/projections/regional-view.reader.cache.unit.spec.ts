import { type SpiralSummary } from '@spiral/projections';
import { sampleHealthService } from '@spiral/projections/testing';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore, ViewStore } from '@spiral/ports';
import { ProjectionRunner, storedCollection } from '@spiral/projections';
import { projectInBatches } from '@spiral/projections/testing';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';
import { regionalView } from './regional-view.assemble';
import { RegionalViewReader } from './regional-view.reader';
import { regionalViewProjection } from './regional-view.projection';

const options = (asOf: string) => ({ asOf, stalledDays: 30 });

/** The view as the reader computed it before it held anything: every figure from the documents at asOf. */
async function computedAfresh(views: ViewStore, shaCode: string, asOf: string) {
  const collection = (name: string) => storedCollection(regionalViewProjection, name);
  const region = await views.get<RegionDocument>(collection(C.regions), shaCode);
  if (region === undefined) return undefined;
  const regions = await views.find<RegionDocument>(collection(C.regions));
  const liveSpirals = await views.find<SpiralSummary>(collection(C.spirals), { shaCode, live: true });
  const networks = await views.find<NetworkDocument>(collection(C.networks), { shaCode });
  return regionalView({ region, regions, liveSpirals, networks }, options(asOf));
}

/** Each instant of the history and a millisecond either side: every stretch's edges. */
function momentsOf(events: readonly EventEnvelope[]): string[] {
  const moments = events.flatMap((event) => [-1, 0, 1].map((ms) => new Date(Date.parse(event.occurredAt) + ms).toISOString()));
  return [...new Set([...moments, '2001-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'])].sort();
}

const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

describe('the regional view read through the change stamp', () => {
  it('answers at every moment exactly as computed afresh, before and after more events change the view', async () => {
    const events = sampleHealthService();
    const half = Math.floor(events.length / 2);
    const views = await projectInBatches(regionalViewProjection, [events.slice(0, half)]);
    const reader = new RegionalViewReader(views);
    const moments = momentsOf(events);
    const readsMatch = async (rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        for (const shaCode of ['Q01', 'Q02', 'Q99']) {
          for (const asOf of moments) {
            expect(JSON.stringify(await reader.read(shaCode, options(asOf)))).toBe(JSON.stringify(await computedAfresh(views, shaCode, asOf)));
          }
        }
      }
    };
    await readsMatch(1);
    await new ProjectionRunner(regionalViewProjection, {} as EventFeed, views, {} as EventStore, clock).apply(events.slice(half));
    // Twice: the first reads after the change load it, the second are served from what the reader holds.
    await readsMatch(2);
    await views.close();
  });
});
