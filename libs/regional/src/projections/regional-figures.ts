import { cumulativeSpread, daysBetween, isAtOrBefore, shareOf, spreadTotals } from '@spiral/analytics';
import { adoptionsOf, ownEntry, type SpiralSummary } from '@spiral/projections';
import { SPIRAL_STEPS } from '@spiral/event-catalogue';
import type { GainCounts, RegionDocument } from './region-document';
import type { Funnel, PracticeAdoption, SpreadStrategyView, StalledSpiral, SustainedRate } from './regional-view';

export function funnelOf(funnels: readonly RegionDocument['funnel'][]): Funnel {
  const counts = Object.fromEntries(SPIRAL_STEPS.map((step) => [step, funnels.reduce((sum, funnel) => sum + funnel[step], 0)]));
  return { ...(counts as RegionDocument['funnel']), total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

export function sustainedRateOf(gains: readonly GainCounts[]): SustainedRate {
  const sum = (pick: (counts: GainCounts) => number) => gains.reduce((total, counts) => total + pick(counts), 0);
  const [achieved, sustained, lost] = [sum((g) => g.achieved), sum((g) => g.sustained), sum((g) => g.lost)];
  return { achieved, sustained, lost, rate: shareOf(sustained, achieved).share };
}

/** The region's adopters of a practice by asOf: adoptions dated later are not yet. */
function adoptionsBy(region: RegionDocument, practiceId: string, asOf: string) {
  return adoptionsOf(ownEntry(region.adoption, practiceId) ?? {}).filter((adoption) => isAtOrBefore(adoption.at, asOf));
}

export function adoptionCurves(region: RegionDocument, asOf: string): PracticeAdoption[] {
  return Object.keys(region.adoption)
    .sort()
    .map((practiceId) => {
      const adoptions = adoptionsBy(region, practiceId, asOf);
      const { teams, organisations } = spreadTotals(adoptions);
      const byMonth = cumulativeSpread(adoptions).map((point) => ({ month: point.month, teams: point.teams, organisations: point.organisations }));
      return { practiceId, teams, organisations, byMonth };
    })
    .filter((curve) => curve.teams > 0);
}

/**
 * SPEC "Views": stalled spirals have had no event for a set time. A spiral live at the view's
 * moment is stalled when its latest event is `stalledDays` or more days before that moment; the
 * longest stalled first, each named by its need's title and its team's name.
 */
export function stalledSpirals(live: readonly SpiralSummary[], moment: string, stalledDays: number, teamNames: ReadonlyMap<string, string>): StalledSpiral[] {
  return live
    .filter((spiral) => isAtOrBefore(spiral.lastEventAt, moment) && daysBetween(spiral.lastEventAt, moment) >= stalledDays)
    .map((spiral) => ({ spiral, lastEventMs: Date.parse(spiral.lastEventAt) })) // parsed once, not per comparison
    .sort((a, b) => a.lastEventMs - b.lastEventMs || (a.spiral.spiralId < b.spiral.spiralId ? -1 : 1))
    .map(({ spiral: { spiralId, title, teamId, orgCode, step, lastEventAt } }) => ({
      spiralId,
      title: title ?? null,
      teamId,
      teamName: teamNames.get(teamId) ?? null,
      orgCode,
      step,
      lastEventAt,
      daysSinceLastEvent: Math.floor(daysBetween(lastEventAt, moment)),
    }));
}

/** How far each strategy has reached: its named organisations with an adopting team by asOf. */
export function strategiesWithReach(region: RegionDocument, asOf: string): SpreadStrategyView[] {
  return region.spreadStrategies
    .filter((strategy) => isAtOrBefore(strategy.launchedAt, asOf))
    .map((strategy) => {
      const adopting = new Set(adoptionsBy(region, strategy.practiceId, asOf).map((adoption) => adoption.orgCode));
      const reached = strategy.organisations.filter((orgCode) => adopting.has(orgCode)).length;
      const named = strategy.organisations.length;
      return { ...strategy, reach: { named, adopting: reached, share: shareOf(reached, named).share } };
    });
}
