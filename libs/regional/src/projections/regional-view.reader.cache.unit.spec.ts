import { isAtOrBefore } from '@spiral/analytics';
import { type SpiralSummary, type TeamIndex } from '@spiral/projections';
import { datedHistoryArbitrary, sampleHealthService } from '@spiral/projections/testing';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore } from '@spiral/ports';
import { ProjectionRunner, storedCollection } from '@spiral/projections';
import { projectInBatches } from '@spiral/projections/testing';
import fc from 'fast-check';
import type { NetworkDocument } from './network-document';
import type { RegionDocument } from './region-document';
import { REGIONAL_COLLECTIONS as C } from './regional-collections';
import { regionalView } from './regional-view.assemble';
import { RegionalViewReader } from './regional-view.reader';
import { regionalViewProjection } from './regional-view.projection';

const options = (asOf: string) => ({ asOf, asOfFrom: 'query' as const, now: '2006-07-01T00:00:00.000Z', stalledDays: 30 });

/**
 * What a replay as of the moment shows (issue 17 item 3): the projection of only the events that
 * happened by then (a prefix of every stream, in recorded order, as `spiral replay` applies them),
 * assembled from the documents' stored counts.
 */
async function replayedView(events: readonly EventEnvelope[], shaCode: string, asOf: string) {
  const views = await projectInBatches(regionalViewProjection, [events.filter((event) => isAtOrBefore(event.occurredAt, asOf))]);
  try {
    const collection = (name: string) => storedCollection(regionalViewProjection, name);
    const region = await views.get<RegionDocument>(collection(C.regions), shaCode);
    if (region === undefined) return undefined;
    const regions = await views.find<RegionDocument>(collection(C.regions));
    const liveSpirals = await views.find<SpiralSummary>(collection(C.spirals), { shaCode, live: true });
    const networks = await views.find<NetworkDocument>(collection(C.networks), { shaCode });
    const teams = await views.find<TeamIndex>(collection(C.teams), { shaCode });
    const teamNames = new Map(teams.flatMap((team) => (team.name === undefined ? [] : [[team.teamId, team.name] as const])));
    return regionalView({ region, regions, liveSpirals, networks, teamNames }, options(asOf));
  } finally {
    await views.close();
  }
}

/** Each instant of the history and a millisecond either side: every stretch's edges. */
function momentsOf(events: readonly EventEnvelope[]): string[] {
  const moments = events.flatMap((event) => [-1, 0, 1].map((ms) => new Date(Date.parse(event.occurredAt) + ms).toISOString()));
  return [...new Set([...moments, '2001-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'])].sort();
}

const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

describe('the regional view as of a moment', () => {
  it('answers every figure as a replay up to the moment shows it, at every moment, before and after more events change the view', async () => {
    const events = sampleHealthService();
    const half = Math.floor(events.length / 2);
    const views = await projectInBatches(regionalViewProjection, [events.slice(0, half)]);
    const reader = new RegionalViewReader(views);
    const moments = momentsOf(events);
    const readsMatch = async (known: readonly EventEnvelope[], rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        for (const shaCode of ['Q01', 'Q02', 'Q99']) {
          for (const asOf of moments) {
            expect(JSON.stringify(await reader.read(shaCode, options(asOf)))).toBe(JSON.stringify(await replayedView(known, shaCode, asOf)));
          }
        }
      }
    };
    await readsMatch(events.slice(0, half), 1);
    await new ProjectionRunner(regionalViewProjection, {} as EventFeed, views, {} as EventStore, clock).apply(events.slice(half));
    // Twice: the first reads after the change load it, the second are served from what the reader holds.
    await readsMatch(events, 2);
    // The moments see different counts (the property is not met by a view that never changes).
    const totals = new Set<string>();
    for (const asOf of moments) {
      const view = await reader.read('Q01', options(asOf));
      if (view !== undefined) totals.add(JSON.stringify([view.funnel, view.penetration, view.sustainedRate, view.support.total, view.comparison.national.funnel.total]));
    }
    expect(totals.size).toBeGreaterThan(5);
    await views.close();
  }, 120_000);

  it('answers as a replay does at moments of generated histories, a gain withdrawn later still counted before (property)', async () => {
    await fc.assert(
      fc.asyncProperty(datedHistoryArbitrary, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (events, picks) => {
        const views = await projectInBatches(regionalViewProjection, [events]);
        const reader = new RegionalViewReader(views);
        const moments = momentsOf(events);
        for (const pick of picks) {
          const asOf = moments[pick % moments.length]!;
          for (const shaCode of ['Q01', 'Q02', 'Q03']) {
            expect(JSON.stringify(await reader.read(shaCode, options(asOf)))).toBe(JSON.stringify(await replayedView(events, shaCode, asOf)));
          }
        }
        await views.close();
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
