import { measureImpact, type MeasureImpact } from '@spiral/analytics';
import { indexSpiralEvent, updateDocument, setEntry, type ViewSession, type SpiralSummary } from '@spiral/projections';
import type { EventEnvelope, MeasurementRecorded } from '@spiral/event-catalogue';
import { NATIONAL_COLLECTIONS as C } from './national-collections';
import { emptyNationalRegion, withLiveTeam, type NationalRegionDocument } from './national-region-document';
import { adoptsNow, emptyPractice, withAdoptingSpiral, type PracticeDocument } from './practice-document';
import { impactOwnerOf, mayChangePracticeSpiral, practiceSpiralAfter, type PracticeSpiralDocument } from './practice-spiral-document';

/**
 * A spiral's points by period. Written only for events the spiral's summary accepted; it keeps the
 * revision of the last point too, so it reads as a fold of its stream like every other document.
 */
export type MeasuresDocument = { spiralId: string; revision: number; points: Record<string, number> };

async function recordPoint(views: ViewSession, event: EventEnvelope): Promise<MeasuresDocument> {
  const { spiralId, period, value } = (event as EventEnvelope<MeasurementRecorded>).data;
  const points = (await views.get<MeasuresDocument>(C.measures, spiralId))?.points ?? {};
  const next = { spiralId, revision: event.streamRevision, points: setEntry(points, period, value) };
  views.put(C.measures, spiralId, next);
  return next;
}

/** A spiral that adopted a practice and achieved a gain: what the adoption did to its measure. */
async function impactOf(views: ViewSession, spiral: SpiralSummary, measures: MeasuresDocument | undefined): Promise<MeasureImpact | undefined> {
  if (spiral.adoption === null || spiral.gains.length === 0) return undefined;
  const points = (measures ?? (await views.get<MeasuresDocument>(C.measures, spiral.spiralId)))?.points ?? {};
  return measureImpact({ points, adoptedAt: spiral.adoption.at, declaredBaseline: spiral.baseline, improvement: spiral.measure.improvement });
}

/**
 * A spiral event, nationally: the spiral's summary and its team's live count; its region's
 * penetration counts; its points; and, for a spiral that adopted a catalogue practice, the
 * practice's adopters and the spiral's own entry of gains and impact.
 */
export async function applyNationalSpiralEvent(views: ViewSession, event: EventEnvelope): Promise<void> {
  const change = await indexSpiralEvent(views, { spirals: C.spirals, teams: C.teams }, event);
  if (change === undefined) return;
  const { before, after, teamDelta } = change;
  if (teamDelta !== 0) {
    await updateDocument<NationalRegionDocument>(views, C.regions, after.shaCode, emptyNationalRegion, (region) => withLiveTeam(region, after.orgCode, teamDelta));
  }
  const measures = event.type === 'MeasurementRecorded' ? await recordPoint(views, event) : undefined;
  const practiceId = after.adoption?.practiceId;
  if (!practiceId) return;
  // Only what the event may change is read: most of an adopting spiral's events are its measurements.
  if (adoptsNow(before, after)) await updateDocument<PracticeDocument>(views, C.practices, practiceId, emptyPractice, (practice) => withAdoptingSpiral(practice, before, after));
  const measureChanged = event.type === 'MeasurementRecorded' || event.type === 'GainAchieved' || event.type === 'GainWithdrawn';
  const impact = measureChanged ? await impactOf(views, after, measures) : undefined;
  if (!mayChangePracticeSpiral(before, after, impact)) return;
  const noEntry = (spiralId: string): PracticeSpiralDocument => ({ spiralId, practiceId, owner: impactOwnerOf(after), gains: [], impact: null, history: [] });
  await updateDocument<PracticeSpiralDocument>(views, C.practiceSpirals, after.spiralId, noEntry, (entry) => practiceSpiralAfter(entry, before, after, impact, event.occurredAt));
}
