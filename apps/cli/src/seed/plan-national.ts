import type { Measure } from '@spiral/event-catalogue';
import { duringWorkingHours, instant, type Instant } from './calendar';
import { planFieldTest } from './plan-field-test';
import type { Random } from './prng';
import { MEASURES, type MeasureKey } from './reference/measure-library';
import { PRACTICES, type PracticeTemplate } from './reference/practice-library';
import { TEAM_KINDS } from './reference/team-kinds';
import { NATIONAL_ACTOR } from './seed-actors';
import type { SeedSha } from './seed-structure';
import { Story, type SeedContext } from './story';

/** A practice as the rest of the plan needs it: its id and when the catalogue offered it. */
export interface PracticeTimeline {
  readonly template: PracticeTemplate;
  readonly practiceId: string;
  readonly proposedAt: Instant;
  /** First publication; undefined when never published. */
  readonly publishedAt?: Instant;
  readonly retiredAt?: Instant;
}

/** A priority a team may name as its trigger. */
export interface PriorityTimeline {
  readonly priorityId: string;
  readonly measureKey?: MeasureKey;
  readonly setAt: Instant;
}

export interface NationalPlan {
  readonly stories: readonly Story[];
  readonly practices: readonly PracticeTimeline[];
  readonly priorities: readonly PriorityTimeline[];
}

interface NationalPriorityScript {
  readonly on: string;
  readonly measure: Measure;
  readonly measureKey?: MeasureKey;
  readonly rationale: string;
  readonly until?: string;
}

const NATIONAL_PRIORITIES: readonly NationalPriorityScript[] = [
  { on: '2002-04-16', measureKey: 'fourHours', measure: MEASURES.fourHours.measure, until: '2005-03-31', rationale: 'The NHS Plan: no one should wait more than four hours in A&E from arrival to admission, transfer or discharge, by the end of 2004.' },
  { on: '2002-09-03', measureKey: 'doorToNeedle', measure: MEASURES.doorToNeedle.measure, rationale: 'The National Service Framework for Older People asks for specialised stroke services; thrombolysis must come within the hour.' },
  { on: '2003-06-10', measureKey: 'thirdAppointment', measure: MEASURES.thirdAppointment.measure, until: '2006-03-31', rationale: 'Every patient should be able to see a GP within two working days.' },
  { on: '2004-11-02', measure: { name: 'MRSA bloodstream infections', unit: 'cases per month', improvement: 'decrease' }, rationale: 'Halve MRSA bloodstream infections by 2008.' },
  { on: '2004-12-07', measureKey: 'handHygiene', measure: MEASURES.handHygiene.measure, rationale: 'Healthcare-associated infection is a national priority, and clean hands are the first defence.' },
];

/** The national organisation's three roles: innovation, field testing, sharing; and its priorities. */
export function planNational(context: SeedContext, random: Random, shas: readonly SeedSha[]): NationalPlan {
  const acuteSites = shas.flatMap((sha) => sha.organisations.filter(({ kind }) => kind === 'acute').map(({ code }) => code));
  const practices = PRACTICES.map((template) => planPractice(context, random.fork(template.key), template, acuteSites));
  const priorityStory = new Story(context, 'national/priorities');
  const priorities = NATIONAL_PRIORITIES.map((script, index): PriorityTimeline => {
    const step = `priority-${index + 1}`;
    const priorityId = priorityStory.entityId(NATIONAL_ACTOR, step);
    const { measure, rationale, until } = script;
    const setAt = priorityStory.add('nationalPriorities', 'national-priorities', duringWorkingHours(instant(script.on), random.int(0, 599)), step, NATIONAL_ACTOR, {
      type: 'SetNationalPriority',
      priorityId,
      measure,
      rationale,
      ...(until === undefined ? {} : { until }),
    });
    return { priorityId, setAt, ...(script.measureKey === undefined ? {} : { measureKey: script.measureKey }) };
  });
  return {
    stories: [priorityStory, ...practices.map(({ story }) => story)],
    practices: practices.map(({ timeline }) => timeline),
    priorities,
  };
}

/** A practice is for the specialties whose teams work on its measure (reference/team-kinds.ts). */
function specialtiesWorkingOn(measure: MeasureKey): string[] {
  const kinds = Object.values(TEAM_KINDS).flat();
  return [...new Set(kinds.filter((kind) => kind.measures.includes(measure)).map((kind) => kind.specialty))].sort();
}

function planPractice(
  context: SeedContext,
  random: Random,
  template: PracticeTemplate,
  acuteSites: readonly string[],
): { story: Story; timeline: PracticeTimeline } {
  const story = new Story(context, `practice/${template.key}`);
  const practiceId = story.entityId(NATIONAL_ACTOR, 'propose');
  const when = (on: string) => duringWorkingHours(instant(on), random.int(0, 599));
  const { title, summary, origin, originDetail } = template;
  const targetMeasures = [MEASURES[template.measure].measure.name];
  const specialties = specialtiesWorkingOn(template.measure);
  const proposedAt = story.add('practice', practiceId, when(template.proposedOn), 'propose', NATIONAL_ACTOR, {
    type: 'ProposePractice', practiceId, title, summary, origin, originDetail, targetMeasures, specialties,
  });
  let publishedAt: Instant | undefined;
  let retiredAt: Instant | undefined;
  template.acts.forEach((act, index) => {
    const step = `${act.act}-${index + 1}`;
    switch (act.act) {
      case 'publish': {
        const at = story.add('practice', practiceId, when(act.on), step, NATIONAL_ACTOR, {
          type: 'PublishPractice', practiceId, evidenceLevel: act.evidenceLevel, summary: act.summary,
        });
        publishedAt ??= at;
        break;
      }
      case 'revise':
        story.add('practice', practiceId, when(act.on), step, NATIONAL_ACTOR, {
          type: 'RevisePractice', practiceId, changes: act.changes, ...(act.evidenceLevel === undefined ? {} : { evidenceLevel: act.evidenceLevel }),
        });
        break;
      case 'retire':
        retiredAt = story.add('practice', practiceId, when(act.on), step, NATIONAL_ACTOR, { type: 'RetirePractice', practiceId, reason: act.reason });
        break;
      case 'fieldTest':
        planFieldTest(story, random.fork(step), step, practiceId, template, act, random.sample(acuteSites, act.sites), when(act.on));
        break;
      default: {
        const unexpected: never = act;
        return unexpected;
      }
    }
  });
  const published = publishedAt === undefined ? {} : { publishedAt };
  return { story, timeline: { template, practiceId, proposedAt, ...published, ...(retiredAt === undefined ? {} : { retiredAt }) } };
}
