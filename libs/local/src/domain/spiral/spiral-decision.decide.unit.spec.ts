import { InvalidInput, NotFound, RuleViolated } from '@spiral/decider';
import { deciderSpec } from '@spiral/decider/testing';
import { KnowledgePulled, OptionAdopted, OptionsAppraised } from '@spiral/event-catalogue';
import type { AppraiseOptions, PullKnowledge } from './spiral.commands';
import { spiralDecider } from './spiral.decider';
import { adoptOption, history, optionAdopted, optionsAppraised, SPIRAL_ID } from './spiral.test-fixtures';

const spec = deciderSpec(spiralDecider);

const pull: PullKnowledge = {
  type: 'PullKnowledge',
  spiralId: SPIRAL_ID,
  practiceIds: ['practice-1'],
  peerSpiralIds: ['spiral-9'],
  sources: ['Helsinki model, Neurology 2012'],
  question: 'How do others bring the time down?',
};
const pulled = KnowledgePulled.create({
  spiralId: SPIRAL_ID,
  practiceIds: ['practice-1'],
  peerSpiralIds: ['spiral-9'],
  sources: ['Helsinki model, Neurology 2012'],
  question: 'How do others bring the time down?',
});
const appraise: AppraiseOptions = { type: 'AppraiseOptions', spiralId: SPIRAL_ID, options: optionsAppraised.data.options };

describe('spiral decider: PullKnowledge', () => {
  it('records knowledge at recognition, while knowing and while deciding', () => {
    spec.given(history.recognition).when(pull).then([pulled]);
    spec.given(history.knowing).when(pull).then([pulled]);
    spec.given(history.decision).when(pull).then([pulled]);
  });

  it('refuses knowledge for a decision already taken', () => {
    spec.given(history.change).when(pull).thenThrows(RuleViolated, 'already_adopted');
  });
});

describe('spiral decider: AppraiseOptions', () => {
  it('records the options once knowledge is pulled, and again to replace them', () => {
    spec.given(history.knowing).when(appraise).then([optionsAppraised]);
    spec.given(history.decision).when(appraise).then([optionsAppraised]);
  });

  it('refuses options before any knowledge is pulled', () => {
    spec.given(history.recognition).when(appraise).thenThrows(RuleViolated, 'knowledge_not_pulled');
  });

  it('refuses options after adoption', () => {
    spec.given(history.change).when(appraise).thenThrows(RuleViolated, 'already_adopted');
  });

  it('refuses two options with one id', () => {
    const twice = { ...appraise, options: [{ optionId: 'o', summary: 'a' }, { optionId: 'o', summary: 'b' }] };
    spec.given(history.knowing).when(twice).thenThrows(InvalidInput);
  });
});

describe('spiral decider: AdoptOption', () => {
  it('adopts an appraised option, keeping the practice version known at the decision', () => {
    spec.given(history.decision).when(adoptOption).then([optionAdopted]);
  });

  it('adopts an option that applies no practice, with local adaptations', () => {
    const { practice: _practice, ...rest } = adoptOption;
    const { practiceId: _id, practiceVersion: _version, ...data } = optionAdopted.data;
    spec
      .given(history.decision)
      .when({ ...rest, optionId: 'opt-2', adaptations: 'Weekend cover by the registrar.' })
      .then([OptionAdopted.create({ ...data, optionId: 'opt-2', adaptations: 'Weekend cover by the registrar.' })]);
  });

  it('refuses an option that was not appraised, or before any appraisal', () => {
    const unknown = { ...adoptOption, optionId: 'opt-9' };
    spec.given(history.decision).when(unknown).thenThrows(RuleViolated, 'option_not_appraised');
    spec.given(history.knowing).when(adoptOption).thenThrows(RuleViolated, 'option_not_appraised');
  });

  it('refuses a practice not yet published', () => {
    const practice = { practiceId: 'practice-1', status: 'proposed' } as const;
    spec.given(history.decision).when({ ...adoptOption, practice }).thenThrows(RuleViolated, 'practice_not_published');
  });

  it('refuses a retired practice', () => {
    const practice = { practiceId: 'practice-1', status: 'retired', version: 3 } as const;
    spec.given(history.decision).when({ ...adoptOption, practice }).thenThrows(RuleViolated, 'practice_retired');
  });

  it('refuses a practice the catalogue does not hold', () => {
    spec.given(history.decision).when({ ...adoptOption, practice: undefined }).thenThrows(NotFound);
  });

  it('refuses a second adoption: a new turn is a child spiral', () => {
    spec.given(history.change).when(adoptOption).thenThrows(RuleViolated, 'already_adopted');
  });

  it('keeps an earlier appraisal replaced by a later one out of reach', () => {
    const replaced = OptionsAppraised.create({ spiralId: SPIRAL_ID, options: [{ optionId: 'opt-3', summary: 'Other' }] });
    spec
      .given([...history.decision, replaced])
      .when(adoptOption)
      .thenThrows(RuleViolated, 'option_not_appraised');
  });
});
