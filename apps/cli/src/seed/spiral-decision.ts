import type { Trigger } from '@spiral/event-catalogue';
import type { AdoptOption, AppraiseOptions, PullKnowledge } from '@spiral/local';
import type { Instant } from './calendar';
import type { PracticeTimeline, PriorityTimeline } from './plan-national';
import type { Random } from './prng';
import { ADAPTATIONS, DECIDERS, LOCAL_OPTIONS, OUTSIDE_SOURCES, PATIENT_PERSPECTIVES, STAKEHOLDERS, TRIGGER_REFERENCES } from './reference/spiral-texts';
import type { SpiralTimeline } from './spiral-timeline';

/** What the rest of the seeded service offers a spiral's early steps: the catalogue, priorities, peers. */
export interface SpiralSurroundings {
  readonly practices: readonly PracticeTimeline[];
  readonly regionalPriorities: ReadonlyMap<string, readonly PriorityTimeline[]>;
  readonly nationalPriorities: readonly PriorityTimeline[];
  /** Other teams' spirals on the same measure that had adopted something by `at`, nearest first. */
  readonly peersOf: (spiral: SpiralTimeline, at: Instant, random: Random) => readonly string[];
}

type Option = AppraiseOptions['options'][number];

/** What the catalogue offered at a moment: published and not yet retired. */
function offered(practices: readonly PracticeTimeline[], at: Instant): PracticeTimeline[] {
  return practices.filter(({ publishedAt, retiredAt }) => publishedAt !== undefined && publishedAt < at && (retiredAt === undefined || retiredAt > at));
}

const onMeasure = (spiral: SpiralTimeline, practices: readonly PracticeTimeline[]) => practices.filter(({ template }) => template.measure === spiral.template.key);

/** A measure's name inside a sentence: "discharges before noon", but "A&E attendances …" as written. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The innovation adopted, a priority of the region or the nation, or the team's own voices. */
export function triggerOf(random: Random, spiral: SpiralTimeline, around: SpiralSurroundings): Trigger {
  const at = spiral.recognisedAt;
  if (spiral.parent !== undefined) return { kind: 'localAnalysis', ref: `Results of spiral ${spiral.parent.spiralId}` };
  const published = spiral.practice?.publishedAt;
  if (spiral.practice !== undefined && published !== undefined && published < at && random.chance(0.35)) return { kind: 'innovation', ref: spiral.practice.practiceId };
  const matches = ({ measureKey, setAt }: PriorityTimeline) => measureKey === spiral.template.key && setAt < at;
  const regional = (around.regionalPriorities.get(spiral.team.shaCode) ?? []).find(matches);
  if (regional !== undefined && random.chance(0.6)) return { kind: 'regionalPriority', ref: regional.priorityId };
  const national = around.nationalPriorities.find(matches);
  if (national !== undefined && random.chance(0.5)) return { kind: 'nationalPriority', ref: national.priorityId };
  const kind = random.pick(['localAnalysis', 'patientVoice', 'staffVoice'] as const);
  return { kind, ref: TRIGGER_REFERENCES[kind](new Date(at).getUTCFullYear()) };
}

export function gapOf(spiral: SpiralTimeline): string {
  const { unit, name } = spiral.template.measure;
  return `${name} runs at about ${spiral.baseline} ${unit} here; ${spiral.target} ${unit} is within reach, as other teams show.`;
}

export function knowledgeOf(random: Random, spiral: SpiralTimeline, at: Instant, around: SpiralSurroundings): Omit<PullKnowledge, 'type' | 'spiralId'> {
  const catalogue = offered(around.practices, at);
  const relevant = onMeasure(spiral, catalogue).slice(0, 3);
  // Teams browse the catalogue beyond their own measure now and then.
  const browsed = random.chance(0.3) ? random.sample(catalogue.filter((practice) => !relevant.includes(practice)), 1) : [];
  return {
    practiceIds: [...relevant, ...browsed].map(({ practiceId }) => practiceId),
    peerSpiralIds: [...around.peersOf(spiral, at, random)],
    sources: random.sample(OUTSIDE_SOURCES, random.int(0, 2)),
    question: `Which changes have improved ${inSentence(spiral.template.measure.name)} elsewhere, and what did they need?`,
  };
}

const practiceOption = ({ template, practiceId }: PracticeTimeline): Option => ({
  optionId: `practice-${template.key}`,
  summary: `${template.title}: ${template.summary}`,
  practiceId,
});

/** The options weighed, the one to adopt first among them when the spiral adopts. */
export function optionsOf(random: Random, spiral: SpiralTimeline, at: Instant, around: SpiralSurroundings): Option[] {
  const catalogue = onMeasure(spiral, offered(around.practices, at)).filter(({ practiceId }) => practiceId !== spiral.practice?.practiceId);
  const locals = random.sample(LOCAL_OPTIONS, 3);
  if (spiral.practice !== undefined) {
    return [practiceOption(spiral.practice), ...catalogue.slice(0, 1).map(practiceOption), ...locals.slice(0, random.int(1, 2))];
  }
  if (spiral.adoptedAt !== undefined) {
    // A local option is adopted: our own redesign or audit and feedback, never just "more staff".
    const adopted = locals.find(({ optionId }) => optionId !== 'extra-capacity') ?? LOCAL_OPTIONS[0];
    const others = locals.filter((option) => option !== adopted).slice(0, random.int(0, 1));
    return [adopted, ...others, ...catalogue.slice(0, random.int(0, 1)).map(practiceOption)];
  }
  return [...catalogue.slice(0, 2).map(practiceOption), ...locals.slice(0, random.int(1, 2))];
}

export function adoptionOf(random: Random, spiral: SpiralTimeline): Omit<AdoptOption, 'type' | 'spiralId' | 'optionId'> {
  const rationale =
    spiral.practice !== undefined
      ? 'The catalogue practice has the evidence, and peers we learned from made it work with staff like ours.'
      : 'A change our own staff designed fits how this unit works; nothing in the catalogue suited us yet.';
  const adaptations = random.chance(0.5) ? { adaptations: random.pick(ADAPTATIONS) } : {};
  return {
    rationale,
    decidedBy: [...random.pick(DECIDERS)],
    stakeholders: random.sample(STAKEHOLDERS, random.int(1, 3)),
    patientPerspective: random.pick(PATIENT_PERSPECTIVES),
    ...adaptations,
  };
}
