import { SUPPORT_KINDS } from '@spiral/event-catalogue';
import { addDays, duringWorkingHours, HISTORY_END, instant, isoDay, type Instant } from './calendar';
import type { PracticeTimeline, PriorityTimeline } from './plan-national';
import type { Random } from './prng';
import { MEASURE_KEYS, MEASURES } from './reference/measure-library';
import { NETWORK_TOPICS, REGIONAL_PRIORITY_RATIONALES, SPREAD_APPROACHES, SUPPORT_DESCRIPTIONS } from './reference/regional-texts';
import { regionalActor } from './seed-actors';
import type { SeedSha, SeedTeam } from './seed-structure';
import { Story, type SeedContext } from './story';

export interface RegionalPlan {
  readonly stories: readonly Story[];
  readonly priorities: readonly PriorityTimeline[];
}

const LAST_REGIONAL_ACT = addDays(HISTORY_END, -30);

/** An instant `days` after `from`, during working hours, and never past the region's last month. */
function dayAfter(random: Random, from: Instant, days: number): Instant {
  return duringWorkingHours(Math.min(addDays(from, days), LAST_REGIONAL_ACT), random.int(0, 599));
}

/** SPEC "Regional level": priorities, support to teams, networks that teams join, a spread strategy. */
export function planRegion(context: SeedContext, random: Random, sha: SeedSha, practices: readonly PracticeTimeline[]): RegionalPlan {
  const actor = regionalActor(sha.code);
  const teams = sha.organisations.flatMap(({ teams: ofOrganisation }) => ofOrganisation);
  const prioritiesStory = new Story(context, `${sha.code}/priorities`);
  const priorities = random.sample(MEASURE_KEYS, random.int(1, 2)).map((measureKey, index): PriorityTimeline => {
    const step = `priority-${index + 1}`;
    const priorityId = prioritiesStory.entityId(actor, step);
    const setAt = dayAfter(random, instant('2002-06-01'), random.int(0, 900));
    const until = random.chance(0.5) ? { until: isoDay(addDays(setAt, random.int(600, 1100))) } : {};
    const at = prioritiesStory.add('region', sha.code, setAt, step, actor, {
      type: 'SetRegionalPriority',
      shaCode: sha.code,
      priorityId,
      measure: MEASURES[measureKey].measure,
      rationale: random.pick(REGIONAL_PRIORITY_RATIONALES),
      ...until,
    });
    return { priorityId, measureKey, setAt: at };
  });
  return {
    stories: [
      prioritiesStory,
      ...planNetworks(context, random.fork('networks'), sha, teams),
      ...teams.filter(() => random.chance(0.2)).map((team) => planSupport(context, random.fork(team.key), sha, team)),
      ...planSpread(context, random.fork('spread'), sha, practices),
    ],
    priorities,
  };
}

function planNetworks(context: SeedContext, random: Random, sha: SeedSha, teams: readonly SeedTeam[]): Story[] {
  const actor = regionalActor(sha.code);
  return random.sample(NETWORK_TOPICS, random.int(1, 2)).map((topic, index) => {
    const story = new Story(context, `${sha.code}/network-${index + 1}`);
    const networkId = story.entityId(actor, 'form');
    const formedAt = story.add('network', networkId, dayAfter(random, instant('2002-07-01'), random.int(0, 450)), 'form', actor, {
      type: 'FormNetwork',
      networkId,
      shaCode: sha.code,
      name: `${sha.name} ${topic.suffix}`,
      kind: topic.kind,
      purpose: topic.purpose,
    });
    // Joining is a team's own pull (SPEC "Regional level"): the team's organisation sends it.
    const joins = teams
      .filter((team) => team.kind.measures.some((measure) => topic.measures.includes(measure)) && random.chance(0.55))
      .map((team) => ({ team, at: dayAfter(random, Math.max(formedAt, team.registeredAt), random.int(7, 240)) }))
      .sort((a, b) => a.at - b.at);
    for (const { team, at } of joins) {
      story.add('network', networkId, at, `join-${team.key}`, team.actor, { type: 'JoinNetwork', networkId, teamId: team.teamId, shaCode: sha.code });
    }
    return story;
  });
}

/** The region records the support it gave; the team records, as its local conditions, what it received. */
function planSupport(context: SeedContext, random: Random, sha: SeedSha, team: SeedTeam): Story {
  const actor = regionalActor(sha.code);
  const story = new Story(context, `${sha.code}/support/${team.key}`);
  const kind = random.pick(SUPPORT_KINDS);
  const description = random.pick(SUPPORT_DESCRIPTIONS[kind]);
  const givenAt = story.add('region', sha.code, dayAfter(random, team.registeredAt, random.int(30, 900)), 'provide', actor, {
    type: 'ProvideSupport',
    shaCode: sha.code,
    supportId: story.entityId(actor, 'provide'),
    teamId: team.teamId,
    kind,
    description,
  });
  story.add('team', team.teamId, dayAfter(random, givenAt, random.int(3, 21)), 'received', team.actor, {
    type: 'RecordTeamSupport',
    teamId: team.teamId,
    fromShaCode: sha.code,
    kind,
    description,
  });
  return story;
}

/** One strategy per region (two in a large one) for a practice the catalogue offered by mid-2005. */
function planSpread(context: SeedContext, random: Random, sha: SeedSha, practices: readonly PracticeTimeline[]): Story[] {
  const actor = regionalActor(sha.code);
  const offered = practices.filter(({ publishedAt }) => publishedAt !== undefined && publishedAt < instant('2005-06-01'));
  const chosen = random.sample(offered, sha.organisations.length >= 10 ? 2 : 1);
  return chosen.map((practice, index) => {
    const story = new Story(context, `${sha.code}/spread-${index + 1}`);
    const publishedAt = practice.publishedAt ?? LAST_REGIONAL_ACT;
    const latest = Math.min(practice.retiredAt ?? LAST_REGIONAL_ACT, LAST_REGIONAL_ACT);
    const launchAt = duringWorkingHours(Math.min(addDays(publishedAt, random.int(60, 270)), addDays(latest, -14)), random.int(0, 599));
    // Only organisations a team has named by then: the first fact naming one fixes its region, and a
    // strategy naming one no fact has named yet is refused.
    const named = sha.organisations.filter(({ teams }) => teams.some(({ registeredAt }) => registeredAt < launchAt));
    const relevant = named.filter(({ teams }) => teams.some(({ kind }) => kind.measures.includes(practice.template.measure)));
    const pool = relevant.length >= 2 ? relevant : named;
    story.add('region', sha.code, launchAt, 'launch', actor, {
      type: 'LaunchSpreadStrategy',
      shaCode: sha.code,
      strategyId: story.entityId(actor, 'launch'),
      practiceId: practice.practiceId,
      organisations: random.sample(pool, random.int(Math.min(2, pool.length), Math.min(6, pool.length))).map(({ code }) => code),
      approach: random.pick(SPREAD_APPROACHES),
    });
    return story;
  });
}
