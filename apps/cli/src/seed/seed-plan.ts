import { SPIRAL_STEPS, type SpiralStep } from '@spiral/event-catalogue';
import type { Instant } from './calendar';
import { planNational, type PracticeTimeline } from './plan-national';
import { planRegion } from './plan-regional';
import { planSpiral } from './plan-spiral';
import { planTeamSpirals } from './plan-spiral-fates';
import { planTeam } from './plan-team';
import { inTimeOrder, type PlannedCommand } from './planned-command';
import { Random } from './prng';
import type { SpiralSurroundings } from './spiral-decision';
import { finalStepOf, type SpiralTimeline } from './spiral-timeline';
import { SEED_PROFILES, type SeedSize } from './seed-size';
import { buildStructure, teamsOf, type SeedSha } from './seed-structure';
import { SeedContext } from './story';

export interface SeedPlanOptions {
  readonly size: SeedSize;
  readonly randomSeed: number;
}

/** The whole seeded history, planned before anything is written: a pure function of the flags. */
export interface SeedPlan {
  readonly options: SeedPlanOptions;
  readonly shas: readonly SeedSha[];
  readonly practices: readonly PracticeTimeline[];
  readonly spirals: readonly SpiralTimeline[];
  /** Every command, in the order it happened (occurredAt, then planning order). */
  readonly commands: readonly PlannedCommand[];
}

/**
 * Plans from the top down, each level on what the one above it made available: who exists, the
 * national catalogue and priorities, each region's acts, each team, then every spiral's fate and
 * commands. Each part draws from its own named stream of chance (see prng.ts).
 */
export function buildSeedPlan(options: SeedPlanOptions): SeedPlan {
  const context = new SeedContext(options.size, options.randomSeed);
  const random = Random.seeded(options.randomSeed);
  const profile = SEED_PROFILES[options.size];
  const shas = buildStructure(context, profile, random.fork('structure'));
  const national = planNational(context, random.fork('national'), shas);
  const regions = shas.map((sha) => ({ sha, plan: planRegion(context, random.fork(`region/${sha.code}`), sha, national.practices) }));
  const teams = teamsOf(shas);
  const teamStories = teams.map((team) => planTeam(context, random.fork(`team/${team.key}`), team));
  const spirals = teams.flatMap((team) => planTeamSpirals(context, random.fork(`spirals/${team.key}`), profile, team, national.practices));
  const around: SpiralSurroundings = {
    practices: national.practices,
    regionalPriorities: new Map(regions.map(({ sha, plan }) => [sha.code, plan.priorities])),
    nationalPriorities: national.priorities,
    peersOf: peerFinder(spirals),
  };
  const spiralStories = spirals.map((spiral) => planSpiral(context, random.fork(`spiral/${spiral.key}`), spiral, around));
  const stories = [...national.stories, ...regions.flatMap(({ plan }) => plan.stories), ...teamStories, ...spiralStories];
  return { options, shas, practices: national.practices, spirals, commands: inTimeOrder(stories.flatMap(({ commands }) => commands)) };
}

const PEER_POOL = 6;

/**
 * Peers a team learns from (SPEC step 2): other teams' spirals on the same measure that had adopted
 * something by then, from the same region when there are any, the most recent first.
 */
function peerFinder(spirals: readonly SpiralTimeline[]): SpiralSurroundings['peersOf'] {
  const byMeasure = new Map<string, SpiralTimeline[]>();
  const byMeasureInRegion = new Map<string, SpiralTimeline[]>();
  for (const spiral of spirals) {
    if (spiral.adoptedAt === undefined) continue;
    push(byMeasure, spiral.template.key, spiral);
    push(byMeasureInRegion, `${spiral.template.key}|${spiral.team.shaCode}`, spiral);
  }
  const newestFirst = (a: SpiralTimeline, b: SpiralTimeline) => (b.adoptedAt ?? 0) - (a.adoptedAt ?? 0);
  byMeasure.forEach((list) => list.sort(newestFirst));
  byMeasureInRegion.forEach((list) => list.sort(newestFirst));
  return (spiral: SpiralTimeline, at: Instant, random: Random) => {
    // Newest first: the first few adopted before `at` by another team, from the same region when
    // there are any, else from other regions (each list found by binary search, so planning stays
    // linear in the spirals).
    const { shaCode, teamId } = spiral.team;
    const sameRegion = newestBefore(byMeasureInRegion.get(`${spiral.template.key}|${shaCode}`), at, (peer) => peer.team.teamId !== teamId);
    const pool = sameRegion.length > 0 ? sameRegion : newestBefore(byMeasure.get(spiral.template.key), at, (peer) => peer.team.shaCode !== shaCode);
    return random.sample(pool, random.int(0, 2)).map(({ spiralId }) => spiralId);
  };
}

function push(lists: Map<string, SpiralTimeline[]>, key: string, spiral: SpiralTimeline): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [spiral]);
  else list.push(spiral);
}

/** The first PEER_POOL adopters (sorted newest first) adopted strictly before `at` that `keep` accepts. */
function newestBefore(adopters: readonly SpiralTimeline[] = [], at: Instant, keep: (peer: SpiralTimeline) => boolean): SpiralTimeline[] {
  const found: SpiralTimeline[] = [];
  for (let index = firstAdoptedBefore(adopters, at); index < adopters.length && found.length < PEER_POOL; index++) {
    const peer = adopters[index];
    if (peer !== undefined && keep(peer)) found.push(peer);
  }
  return found;
}

/** In adopters sorted newest first, the index of the first adopted strictly before `at`. */
function firstAdoptedBefore(adopters: readonly SpiralTimeline[], at: Instant): number {
  let low = 0;
  let high = adopters.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((adopters[middle]?.adoptedAt ?? at) >= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What the plan holds, for the summary and the tests. */
export interface PlanFigures {
  readonly shas: number;
  readonly organisations: number;
  readonly teams: number;
  readonly spirals: number;
  readonly spiralsByStep: Readonly<Record<SpiralStep, number>>;
  readonly practicesProposed: number;
  readonly practicesPublished: number;
  readonly commands: number;
}

export function planFigures(plan: SeedPlan): PlanFigures {
  const spiralsByStep = Object.fromEntries(SPIRAL_STEPS.map((step) => [step, 0])) as Record<SpiralStep, number>;
  plan.spirals.forEach((spiral) => (spiralsByStep[finalStepOf(spiral)] += 1));
  return {
    shas: plan.shas.length,
    organisations: plan.shas.reduce((sum, sha) => sum + sha.organisations.length, 0),
    teams: teamsOf(plan.shas).length,
    spirals: plan.spirals.length,
    spiralsByStep,
    practicesProposed: plan.practices.length,
    practicesPublished: plan.practices.filter(({ publishedAt }) => publishedAt !== undefined).length,
    commands: plan.commands.length,
  };
}
