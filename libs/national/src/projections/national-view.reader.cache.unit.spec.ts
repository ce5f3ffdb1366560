import { addCalendarMonths } from '@spiral/analytics';
import { sampleHealthService } from '@spiral/projections/testing';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore, ViewStore } from '@spiral/ports';
import { ProjectionRunner, storedCollection } from '@spiral/projections';
import { projectInBatches } from '@spiral/projections/testing';
import type { FieldTestDocument } from './field-test-document';
import { NATIONAL_COLLECTIONS as C } from './national-collections';
import type { NationalRegionDocument } from './national-region-document';
import { NationalViewReader } from './national-view.reader';
import { nationalViewProjection } from './national-view.projection';
import { practicesOf } from './practice';
import type { PracticeDocument } from './practice-document';
import type { PracticeSpiralDocument } from './practice-spiral-document';
import { practiceFigures } from './practice-figures';
import { regionalVariation, teamsRegisteredBy } from './regional-variation';

/** The view as the reader computed it before it held anything: every figure from the documents at asOf. */
async function computedAfresh(views: ViewStore, asOf: string) {
  const find = <T extends Record<string, unknown>>(name: string) => views.find<T>(storedCollection(nationalViewProjection, name));
  const practices = practicesOf(await find<PracticeDocument>(C.practices), await find<PracticeSpiralDocument>(C.practiceSpirals));
  const [fieldTests, regions] = [await find<FieldTestDocument>(C.fieldTests), await find<NationalRegionDocument>(C.regions)];
  const teamsRegistered = teamsRegisteredBy(regions, asOf);
  return {
    asOf,
    teamsRegistered,
    practices: practices.filter((practice) => practice.status !== 'unknown').map((practice) => practiceFigures(practice, { asOf, teamsRegistered, fieldTests })),
    variation: regionalVariation(regions),
  };
}

/** Each instant of the history, a millisecond either side, and the gain horizons after each: every stretch's edges. */
function momentsOf(events: readonly EventEnvelope[]): string[] {
  const instants = events.flatMap((event) => [event.occurredAt, addCalendarMonths(event.occurredAt, 6), addCalendarMonths(event.occurredAt, 12)]);
  const moments = instants.flatMap((at) => [-1, 0, 1].map((ms) => new Date(Date.parse(at) + ms).toISOString()));
  return [...new Set([...moments, '2001-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'])].sort();
}

const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

describe('the national view read through the change stamp', () => {
  it('answers at every moment exactly as computed afresh, before and after more events change the view', async () => {
    const events = sampleHealthService();
    const half = Math.floor(events.length / 2);
    const views = await projectInBatches(nationalViewProjection, [events.slice(0, half)]);
    const reader = new NationalViewReader(views);
    const moments = momentsOf(events);
    for (const asOf of moments) expect(JSON.stringify(await reader.read(asOf))).toBe(JSON.stringify(await computedAfresh(views, asOf)));
    await new ProjectionRunner(nationalViewProjection, {} as EventFeed, views, {} as EventStore, clock).apply(events.slice(half));
    // Read twice: the first read after the change loads it, the second is served from what it holds.
    for (const asOf of [...moments, ...moments]) expect(JSON.stringify(await reader.read(asOf))).toBe(JSON.stringify(await computedAfresh(views, asOf)));
    await views.close();
  });

  it('spreads a practice as it stands after a change', async () => {
    const events = sampleHealthService();
    const views = await projectInBatches(nationalViewProjection, [events.slice(0, 10)]);
    const reader = new NationalViewReader(views);
    const before = await reader.spread('p-nurse-led', { asOf: '2030-01-01T00:00:00.000Z' });
    await new ProjectionRunner(nationalViewProjection, {} as EventFeed, views, {} as EventStore, clock).apply(events.slice(10));
    const after = await reader.spread('p-nurse-led', { asOf: '2030-01-01T00:00:00.000Z' });
    expect(after?.totals).toEqual({ teams: 4, organisations: 3, regions: 2 });
    expect(after).not.toEqual(before);
    await views.close();
  });
});
