import { InvalidInput, NotFound, RuleViolated } from '@spiral/decider';
import { KnowledgePulled, OptionAdopted, OptionsAppraised, type AppraisedOption } from '@spiral/event-catalogue';
import type { AdoptOption, AppraiseOptions, KnownPractice, PullKnowledge } from '../spiral.commands';
import type { RecognisedSpiral } from '../spiral.state';

function assertNotAdopted(spiral: RecognisedSpiral, what: string): void {
  if (spiral.adoption !== undefined) {
    throw new RuleViolated(
      'already_adopted',
      `spiral ${spiral.spiralId} has adopted option ${spiral.adoption.optionId}, so it cannot ${what}; a new turn is a child spiral`,
    );
  }
}

/** Step 2: a team may learn more at any point before it adopts. */
export function pullKnowledge(command: PullKnowledge, spiral: RecognisedSpiral): KnowledgePulled[] {
  assertNotAdopted(spiral, 'pull knowledge for its decision');
  return [
    KnowledgePulled.create({
      spiralId: spiral.spiralId,
      practiceIds: [...command.practiceIds],
      peerSpiralIds: [...command.peerSpiralIds],
      sources: [...command.sources],
      question: command.question,
    }),
  ];
}

/** Step 3: options are weighed on what the team learned; a new appraisal replaces the last. */
export function appraiseOptions(command: AppraiseOptions, spiral: RecognisedSpiral): OptionsAppraised[] {
  assertNotAdopted(spiral, 'appraise options');
  if (spiral.step === 'recognition') {
    const why = `spiral ${spiral.spiralId} has pulled no knowledge to appraise options on`;
    throw new RuleViolated('knowledge_not_pulled', why);
  }
  const seen = new Set<string>();
  command.options.forEach(({ optionId }, index) => {
    if (seen.has(optionId)) {
      throw new InvalidInput([{ field: `options.${index}.optionId`, reason: `option ${optionId} appears twice` }]);
    }
    seen.add(optionId);
  });
  const options: AppraisedOption[] = command.options.map(({ optionId, summary, practiceId }) => ({
    optionId,
    summary,
    ...(practiceId === undefined ? {} : { practiceId }),
  }));
  return [OptionsAppraised.create({ spiralId: spiral.spiralId, options })];
}

/**
 * The catalogue practice an adopted option applies must be published and not retired as the catalogue
 * stood at the decision; its version is kept so the audit shows what the team adopted.
 */
function publishedPractice(practiceId: string, practice: KnownPractice | undefined): KnownPractice {
  if (practice === undefined || practice.practiceId !== practiceId) throw new NotFound('practice', practiceId);
  if (practice.status === 'retired') {
    throw new RuleViolated('practice_retired', `practice ${practiceId} is retired from the catalogue`);
  }
  if (practice.status === 'proposed') {
    throw new RuleViolated('practice_not_published', `practice ${practiceId} is not published in the catalogue`);
  }
  return practice;
}

/** Step 3: the one option adopted; only one per spiral. */
export function adoptOption(command: AdoptOption, spiral: RecognisedSpiral): OptionAdopted[] {
  assertNotAdopted(spiral, 'adopt another option');
  const option = spiral.options.find(({ optionId }) => optionId === command.optionId);
  if (spiral.step !== 'decision' || option === undefined) {
    throw new RuleViolated('option_not_appraised', `option ${command.optionId} is not among the options appraised`);
  }
  const practice = option.practiceId === undefined ? undefined : publishedPractice(option.practiceId, command.practice);
  return [
    OptionAdopted.create({
      spiralId: spiral.spiralId,
      optionId: option.optionId,
      ...(practice === undefined ? {} : { practiceId: practice.practiceId }),
      ...(practice?.version === undefined ? {} : { practiceVersion: practice.version }),
      rationale: command.rationale,
      decidedBy: [...command.decidedBy],
      stakeholders: [...command.stakeholders],
      patientPerspective: command.patientPerspective,
      ...(command.adaptations === undefined ? {} : { adaptations: command.adaptations }),
    }),
  ];
}
