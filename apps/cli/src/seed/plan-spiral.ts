import { SUSTAINABILITY_FACTORS, SUSTAINABILITY_LEVELS } from '@spiral/event-catalogue';
import type { SpiralCommand } from '@spiral/local';
import { addDays, duringWorkingHours, HISTORY_END, periodOf, type Instant } from './calendar';
import type { Random } from './prng';
import { MEMBER_ROLES, CAPABILITIES, SPONSORS } from './reference/team-kinds';
import { ASSESSORS, CLOSING_LEARNING, cycleText, RESOURCES, STALLED_LEARNING } from './reference/spiral-texts';
import { adoptionOf, gapOf, knowledgeOf, optionsOf, triggerOf, type SpiralSurroundings } from './spiral-decision';
import { measurementBatches, pointsOf } from './spiral-measurements';
import type { SpiralTimeline } from './spiral-timeline';
import { Story, type SeedContext } from './story';

interface Entry {
  readonly at: Instant;
  readonly step: string;
  readonly command: SpiralCommand;
}

/**
 * The commands of one spiral, from its timeline: each step at its moment during working hours, the
 * measurement returns between them, and nothing after the close. Gains are not seeded: an SPC process
 * manager decides them from these points later.
 */
export function planSpiral(context: SeedContext, random: Random, spiral: SpiralTimeline, around: SpiralSurroundings): Story {
  const { spiralId } = spiral;
  const work = (at: Instant) => duringWorkingHours(at, random.int(0, 599));
  const closeAt = spiral.closedAt === undefined ? undefined : work(spiral.closedAt);
  const stopAt = closeAt ?? addDays(HISTORY_END, -1);
  const entries: Entry[] = [];
  const add = (at: Instant, step: string, command: SpiralCommand) => {
    if (at < stopAt || step === 'close') entries.push({ at, step, command });
  };

  const recognisedAt = work(spiral.recognisedAt);
  const { measure } = spiral.template;
  add(recognisedAt, 'recognise', {
    type: 'RecogniseNeed', spiralId, teamId: spiral.team.teamId, team: undefined, title: spiral.template.title, measure,
    baseline: spiral.baseline, target: spiral.target, trigger: triggerOf(random, spiral, around), gap: gapOf(spiral),
    ...(spiral.parent === undefined ? {} : { parentSpiralId: spiral.parent.spiralId }),
  });
  if (spiral.knowledgeAt !== undefined) {
    const at = work(spiral.knowledgeAt);
    add(at, 'knowledge', { type: 'PullKnowledge', spiralId, ...knowledgeOf(random, spiral, at, around) });
  }
  const options = spiral.optionsAt === undefined ? [] : optionsOf(random, spiral, spiral.optionsAt, around);
  if (spiral.optionsAt !== undefined) add(work(spiral.optionsAt), 'options', { type: 'AppraiseOptions', spiralId, options });
  const adopted = options[0];
  if (spiral.adoptedAt !== undefined && adopted !== undefined) {
    const adoptedAt = work(spiral.adoptedAt);
    add(adoptedAt, 'adopt', { type: 'AdoptOption', spiralId, optionId: adopted.optionId, ...adoptionOf(random, spiral) });
    planChange(random, spiral, adoptedAt, add);
  }
  for (const batch of measurementBatches(random.fork('returns'), spiral)) {
    add(work(batch.at), `measurements-${periodOf(batch.months[0] ?? 0)}`, { type: 'RecordMeasurements', spiralId, points: pointsOf(spiral, batch) });
  }
  if (closeAt !== undefined && spiral.outcome !== undefined) {
    const learning = spiral.adoptedAt === undefined ? STALLED_LEARNING : CLOSING_LEARNING[spiral.outcome];
    add(closeAt, 'close', { type: 'CloseSpiral', spiralId, outcome: spiral.outcome, learning });
  }

  const story = new Story(context, spiral.key);
  entries
    .sort((a, b) => a.at - b.at)
    .forEach(({ at, step, command }) => story.add('spiral', spiralId, at, step, spiral.team.actor, command));
  return story;
}

/** Step 4 and 5: support, one to four change cycles, and sustainability assessments at 6 and 18 months. */
function planChange(random: Random, spiral: SpiralTimeline, adoptedAt: Instant, add: (at: Instant, step: string, command: SpiralCommand) => void): void {
  const { spiralId } = spiral;
  const supportAt = addDays(adoptedAt, random.int(3, 21));
  add(supportAt, 'support', {
    type: 'SecureChangeSupport',
    spiralId,
    resources: random.sample(RESOURCES, random.int(1, 2)),
    improvementTeam: random.sample(MEMBER_ROLES, random.int(2, 3)).map((role) => ({ role, skills: random.sample(CAPABILITIES, random.int(1, 2)) })),
    sponsor: random.pick(SPONSORS),
  });
  const cycles = random.int(1, 4);
  let cycleAt = supportAt;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    cycleAt = addDays(cycleAt, random.int(20, 56));
    const text = cycleText(spiral.template.measure.name, spiral.pattern ?? 'improve', cycle, cycle === cycles);
    add(cycleAt, `cycle-${cycle}`, { type: 'CompleteChangeCycle', spiralId, ...text });
  }
  for (const months of [6, 18]) {
    const factors = random.sample(SUSTAINABILITY_FACTORS, random.int(4, 10));
    add(addDays(adoptedAt, months * 30.44 + random.int(0, 20)), `sustainability-${months}`, {
      type: 'AssessSustainability',
      spiralId,
      assessedBy: random.pick(ASSESSORS),
      // Drawn evenly: the seeder makes no claim about which of the model's statements a team would pick.
      factors: Object.fromEntries(factors.map((factor) => [factor, random.pick(SUSTAINABILITY_LEVELS)])),
    });
  }
}
