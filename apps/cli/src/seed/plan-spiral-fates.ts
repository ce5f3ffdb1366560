import { adoptionInstant, adoptionWindow } from './adoption-curve';
import { addDays, HISTORY_END, HISTORY_START, monthOf, startOfMonth, type Instant } from './calendar';
import { afterAdoption, furtherTarget, levelAt, roundTo, steadySeries, type ChangePattern } from './measurement-series';
import type { PracticeTimeline } from './plan-national';
import type { Random } from './prng';
import { MEASURES, type MeasureKey } from './reference/measure-library';
import type { SeedProfile } from './seed-size';
import type { SeedTeam } from './seed-structure';
import type { SeededOutcome, SpiralTimeline } from './spiral-timeline';
import type { SeedContext } from './story';

type Fate = 'recognition' | 'knowing' | 'decision' | 'adopt';
const FATES: readonly (readonly [Fate, number])[] = [['recognition', 5], ['knowing', 5], ['decision', 6], ['adopt', 84]];
const PATTERNS: readonly (readonly [ChangePattern, number])[] = [['improve', 65], ['noChange', 20], ['driftBack', 15]];
const LATEST_CLOSE = addDays(HISTORY_END, -14);

const DAY_MS = 86_400_000;
const days = (random: Random, from: Instant, min: number, max: number) => addDays(from, random.int(min, Math.floor(max)));
/** An instant between `from` and `to`, whole days apart from `from`. */
const between = (random: Random, from: Instant, to: Instant) => days(random, from, 0, Math.max(0, (to - from) / DAY_MS));

/** A team's spirals: 0 to 3 on distinct measures, at staggered dates; a superseded one gets a child. */
export function planTeamSpirals(context: SeedContext, random: Random, profile: SeedProfile, team: SeedTeam, practices: readonly PracticeTimeline[]): SpiralTimeline[] {
  const count = random.weighted(profile.spiralsPerTeam.map((weight, n) => [n, weight] as const));
  const measures = random.sample(team.kind.measures, count);
  const spirals: SpiralTimeline[] = [];
  measures.forEach((measureKey, index) => {
    const spiral = rootSpiral(context, random.fork(index), team, `${team.key}/spiral-${index + 1}`, measureKey, practices);
    spirals.push(spiral);
    if (spiral.outcome === 'superseded') spirals.push(childSpiral(context, random.fork(`${index}-child`), spiral));
  });
  return spirals;
}

/** A practice on the measure that the team could still adopt, chosen by its appeal; or none (a local option). */
function choosePractice(random: Random, measureKey: MeasureKey, practices: readonly PracticeTimeline[]): PracticeTimeline | undefined {
  const open = practices.filter((practice) => practice.template.measure === measureKey && adoptionWindow(practice) !== undefined);
  if (open.length === 0 || random.chance(0.25)) return undefined;
  return random.weighted(open.map((practice) => [practice, practice.template.appeal] as const));
}

function rootSpiral(context: SeedContext, random: Random, team: SeedTeam, key: string, measureKey: MeasureKey, practices: readonly PracticeTimeline[]): SpiralTimeline {
  const template = MEASURES[measureKey];
  const level = random.between(...template.baseline);
  const target = roundTo(random.between(...template.target), template.decimals);
  const base = {
    key,
    spiralId: context.entityId(team.actor, key, 'recognise'),
    team,
    template,
    baseline: roundTo(level, template.decimals),
    target,
    series: steadySeries(random.fork('series'), template, level, target),
  };
  const earliest = Math.max(addDays(team.registeredAt, 3), addDays(HISTORY_START, 30));
  const fate = random.weighted(FATES);
  if (fate !== 'adopt') return stalledSpiral(random, base, earliest, fate);
  const practice = choosePractice(random, measureKey, practices);
  const drawn = practice === undefined ? undefined : adoptionInstant(random, practice);
  const adoptedAt0 = drawn ?? between(random, addDays(earliest, 90), addDays(HISTORY_END, -180));
  // Steps are planned back from the adoption, then pushed forward if that put them before the team existed.
  const optionsAt0 = Math.max(addDays(adoptedAt0, -random.int(5, 35)), practice?.publishedAt === undefined ? 0 : addDays(practice.publishedAt, 1));
  const knowledgeAt0 = addDays(optionsAt0, -random.int(10, 50));
  const recognisedAt = Math.max(addDays(knowledgeAt0, -random.int(7, 60)), earliest);
  const knowledgeAt = Math.max(knowledgeAt0, addDays(recognisedAt, 1));
  const optionsAt = Math.max(optionsAt0, addDays(knowledgeAt, 1));
  const adoptedAt = Math.max(adoptedAt0, addDays(optionsAt, 1));
  const pattern = random.weighted(PATTERNS);
  const { series, driftFrom } = afterAdoption(random.fork('change'), base.series, target, monthOf(adoptedAt), pattern);
  // Baselines of 12 to 24 points as a rule, a few shorter (SPEC: fewer than 12 give trial limits).
  const wantedBaseline = random.chance(0.9) ? random.int(12, 24) : random.int(8, 11);
  const historyMonths = Math.max(0, wantedBaseline - (monthOf(adoptedAt) - monthOf(recognisedAt) + 1));
  const ending = closing(random, pattern, adoptedAt, driftFrom === undefined ? undefined : startOfMonth(driftFrom));
  return {
    ...base, ...(practice === undefined || drawn === undefined ? {} : { practice }), series, recognisedAt, historyMonths,
    knowledgeAt, optionsAt, adoptedAt, pattern, ...ending, recordUntil: ending.closedAt ?? HISTORY_END,
  };
}

type SpiralBase = Pick<SpiralTimeline, 'key' | 'spiralId' | 'team' | 'template' | 'baseline' | 'target' | 'series'>;

/** A spiral that stops at recognition, knowing or decision and goes quiet; a third are closed as abandoned later. */
function stalledSpiral(random: Random, base: SpiralBase, earliest: Instant, fate: Exclude<Fate, 'adopt'>): SpiralTimeline {
  const recognisedAt = between(random, earliest, addDays(HISTORY_END, -120));
  const knowledgeAt = fate === 'recognition' ? undefined : days(random, recognisedAt, 10, 60);
  const optionsAt = fate === 'decision' && knowledgeAt !== undefined ? days(random, knowledgeAt, 10, 50) : undefined;
  const stalledAt = optionsAt ?? knowledgeAt ?? recognisedAt;
  const closedAt = random.chance(0.35) ? days(random, stalledAt, 90, 270) : undefined;
  const closed = closedAt !== undefined && closedAt < LATEST_CLOSE ? { closedAt, outcome: 'abandoned' as const } : undefined;
  return {
    ...base,
    recognisedAt,
    historyMonths: random.int(6, 18),
    ...(knowledgeAt === undefined ? {} : { knowledgeAt }),
    ...(optionsAt === undefined ? {} : { optionsAt }),
    ...closed,
    // It stops sending data a few months after its last step, or when it is closed.
    recordUntil: Math.min(closed?.closedAt ?? HISTORY_END, days(random, stalledAt, 0, 120)),
  };
}

/** Some changes end: a drift back as not sustained, no change as abandoned, a few successes in a new turn. */
function closing(random: Random, pattern: ChangePattern, adoptedAt: Instant, driftFrom: Instant | undefined): { closedAt?: Instant; outcome?: SeededOutcome } {
  const planned = ((): { closedAt: Instant; outcome: SeededOutcome } | undefined => {
    if (pattern === 'driftBack' && driftFrom !== undefined && random.chance(0.6)) return { closedAt: days(random, driftFrom, 120, 240), outcome: 'notSustained' };
    if (pattern === 'noChange' && random.chance(0.5)) return { closedAt: days(random, adoptedAt, 180, 360), outcome: 'abandoned' };
    if (pattern === 'improve' && random.chance(0.1)) return { closedAt: days(random, adoptedAt, 365, 540), outcome: 'superseded' };
    return undefined;
  })();
  // A new turn needs time of its own before history ends.
  const latest = planned?.outcome === 'superseded' ? addDays(HISTORY_END, -240) : LATEST_CLOSE;
  return planned !== undefined && planned.closedAt < latest ? planned : {};
}

/** The next turn of a superseded spiral: the same measure from the level reached, a further target, a local option. */
function childSpiral(context: SeedContext, random: Random, parent: SpiralTimeline): SpiralTimeline {
  const key = `${parent.key}-turn-2`;
  const parentClosed = parent.closedAt ?? HISTORY_END;
  const recognisedAt = days(random, parentClosed, 3, 21);
  const level = levelAt(parent.series, monthOf(recognisedAt));
  const target = furtherTarget(random, parent.template, level);
  const knowledgeAt = days(random, recognisedAt, 7, 30);
  const optionsAt = days(random, knowledgeAt, 7, 30);
  const adoptedAt = days(random, optionsAt, 5, 30);
  const pattern = random.weighted(PATTERNS);
  const { series, driftFrom } = afterAdoption(random.fork('change'), parent.series, target, monthOf(adoptedAt), pattern);
  const ending = pattern === 'improve' ? {} : closing(random, pattern, adoptedAt, driftFrom === undefined ? undefined : startOfMonth(driftFrom));
  return {
    key, spiralId: context.entityId(parent.team.actor, key, 'recognise'), team: parent.team, template: parent.template,
    baseline: roundTo(level, parent.template.decimals), target, series, parent, recognisedAt,
    // The team brings the last year of the parent's data, the same values, as the new chart's baseline.
    historyMonths: Math.max(0, 15 - (monthOf(adoptedAt) - monthOf(recognisedAt) + 1)),
    knowledgeAt, optionsAt, adoptedAt, pattern, ...ending, recordUntil: ending.closedAt ?? HISTORY_END,
  };
}
