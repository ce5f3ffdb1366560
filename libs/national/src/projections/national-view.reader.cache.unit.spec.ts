import { addCalendarMonths, isAtOrBefore } from '@spiral/analytics';
import { datedHistoryArbitrary, sampleHealthService } from '@spiral/projections/testing';
import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Clock, EventFeed, EventStore } from '@spiral/ports';
import { ProjectionRunner, storedCollection } from '@spiral/projections';
import { projectInBatches } from '@spiral/projections/testing';
import fc from 'fast-check';
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

/**
 * What a replay as of the moment shows (issue 17 item 3): the projection of only the events that
 * happened by then (a prefix of every stream, in recorded order, as `spiral replay` applies them),
 * every figure computed from those documents as they stand.
 */
async function replayedView(events: readonly EventEnvelope[], asOf: string) {
  const views = await projectInBatches(nationalViewProjection, [events.filter((event) => isAtOrBefore(event.occurredAt, asOf))]);
  try {
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
  } finally {
    await views.close();
  }
}

/** Each instant of the history, a millisecond either side, and the gain horizons after each: every stretch's edges. */
function momentsOf(events: readonly EventEnvelope[]): string[] {
  const instants = events.flatMap((event) => [event.occurredAt, addCalendarMonths(event.occurredAt, 6), addCalendarMonths(event.occurredAt, 12)]);
  const moments = instants.flatMap((at) => [-1, 0, 1].map((ms) => new Date(Date.parse(at) + ms).toISOString()));
  return [...new Set([...moments, '2001-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'])].sort();
}

const clock: Clock = { now: () => '2006-07-01T00:00:00.000Z' };

describe('the national view as of a moment, read through the change stamp', () => {
  it('answers every figure as a replay up to the moment shows it, at every moment, before and after more events change the view', async () => {
    const events = sampleHealthService();
    const half = Math.floor(events.length / 2);
    const views = await projectInBatches(nationalViewProjection, [events.slice(0, half)]);
    const reader = new NationalViewReader(views);
    const moments = momentsOf(events);
    for (const asOf of moments) expect(JSON.stringify(await reader.read(asOf))).toBe(JSON.stringify(await replayedView(events.slice(0, half), asOf)));
    await new ProjectionRunner(nationalViewProjection, {} as EventFeed, views, {} as EventStore, clock).apply(events.slice(half));
    // Read twice: the first read after the change loads it, the second is served from what it holds.
    for (const asOf of [...moments, ...moments]) expect(JSON.stringify(await reader.read(asOf))).toBe(JSON.stringify(await replayedView(events, asOf)));
    // The moments see different catalogue facts and variation (the property is not met by a view that never changes).
    const seen = new Set<string>();
    for (const asOf of moments) {
      const view = await reader.read(asOf);
      seen.add(JSON.stringify([view.practices.map((p) => [p.status, p.version, p.evidenceLevel, p.impact.spirals]), view.variation]));
    }
    expect(seen.size).toBeGreaterThan(5);
    await views.close();
  }, 300_000);

  it('answers the text of the view read as of the moment, the last answer held only while the view stands', async () => {
    const events = sampleHealthService();
    const half = Math.floor(events.length / 2);
    const views = await projectInBatches(nationalViewProjection, [events.slice(0, half)]);
    const reader = new NationalViewReader(views);
    const asOf = '2030-01-01T00:00:00.000Z';
    const before = await reader.readText(asOf);
    expect(before).toBe(JSON.stringify(await replayedView(events.slice(0, half), asOf)));
    expect(await reader.readText(asOf)).toBe(before);
    expect(await reader.readText('2001-01-01T00:00:00.000Z')).toBe(JSON.stringify(await replayedView(events.slice(0, half), '2001-01-01T00:00:00.000Z')));
    await new ProjectionRunner(nationalViewProjection, {} as EventFeed, views, {} as EventStore, clock).apply(events.slice(half));
    const after = await reader.readText(asOf);
    expect(after).toBe(JSON.stringify(await replayedView(events, asOf)));
    expect(after).not.toBe(before);
    await views.close();
  }, 300_000);

  it('answers as a replay does at moments of generated histories: revisions, retirements, late points and withdrawn gains (property)', async () => {
    await fc.assert(
      fc.asyncProperty(datedHistoryArbitrary, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (events, picks) => {
        const views = await projectInBatches(nationalViewProjection, [events]);
        const reader = new NationalViewReader(views);
        const moments = momentsOf(events);
        for (const pick of picks) {
          const asOf = moments[pick % moments.length]!;
          expect(JSON.stringify(await reader.read(asOf))).toBe(JSON.stringify(await replayedView(events, asOf)));
        }
        await views.close();
      }),
      { numRuns: 40 },
    );
  }, 300_000);

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
