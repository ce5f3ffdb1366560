import { AccessDenied, AlreadyExists, NotFound, RuleViolated } from '@spiral/decider';
import { deciderSpec } from '@spiral/decider/testing';
import { PracticePublished, PracticeRevised } from '@spiral/event-catalogue';
import {
  nationalUser,
  notNational,
  propose,
  proposed,
  publish,
  publishedV1,
  retire,
  retired,
  revise,
  revisedV2,
} from '../testing/national-examples';
import { practiceDecider } from './practice.decider';

const spec = deciderSpec(practiceDecider);
const asNational = { actor: nationalUser };

describe('practice decider: ProposePractice', () => {
  it('proposes a new practice', () => {
    spec.given([]).when(propose, asNational).then([proposed]);
  });

  it('refuses a practice proposed twice', () => {
    spec.given([proposed]).when(propose, asNational).thenThrows(AlreadyExists);
  });
});

describe('practice decider: PublishPractice', () => {
  it('publishes a proposal as version 1', () => {
    spec.given([proposed]).when(publish, asNational).then([publishedV1]);
  });

  it('publishes again as the next version', () => {
    spec
      .given([proposed, publishedV1, revisedV2])
      .when({ ...publish, evidenceLevel: 'trialEvidence' }, asNational)
      .then([PracticePublished.create({ ...publishedV1.data, version: 3, evidenceLevel: 'trialEvidence' })]);
  });

  it('refuses a practice never proposed', () => {
    spec.given([]).when(publish, asNational).thenThrows(NotFound);
  });

  it('refuses a retired practice', () => {
    spec.given([proposed, publishedV1, retired]).when(publish, asNational).thenThrows(RuleViolated, 'practice_retired');
  });
});

describe('practice decider: RevisePractice', () => {
  it('revises a published practice as the next version', () => {
    spec.given([proposed, publishedV1]).when(revise, asNational).then([revisedV2]);
  });

  it('keeps the evidence level when the revision does not name one', () => {
    const { evidenceLevel: _level, ...sameEvidence } = revise;
    spec
      .given([proposed, publishedV1])
      .when(sameEvidence, asNational)
      .then([PracticeRevised.create({ ...revisedV2.data, evidenceLevel: 'observational' })]);
  });

  it('refuses a practice never proposed', () => {
    spec.given([]).when(revise, asNational).thenThrows(NotFound);
  });

  it('refuses a practice not yet published', () => {
    spec.given([proposed]).when(revise, asNational).thenThrows(RuleViolated, 'practice_not_published');
  });

  it('refuses a retired practice', () => {
    spec.given([proposed, publishedV1, retired]).when(revise, asNational).thenThrows(RuleViolated, 'practice_retired');
  });
});

describe('practice decider: RetirePractice', () => {
  it('retires a published practice', () => {
    spec.given([proposed, publishedV1]).when(retire, asNational).then([retired]);
  });

  it('retires a proposal that was never published', () => {
    spec.given([proposed]).when(retire, asNational).then([retired]);
  });

  it('refuses a practice never proposed', () => {
    spec.given([]).when(retire, asNational).thenThrows(NotFound);
  });

  it('retires a practice only once', () => {
    spec.given([proposed, retired]).when(retire, asNational).thenThrows(RuleViolated, 'practice_retired');
  });
});

describe('practice decider: access', () => {
  it.each(notNational.map((actor) => [actor.role, actor] as const))('refuses every practice fact to a %s user', (_role, actor) => {
    spec.given([]).when(propose, { actor }).thenThrows(AccessDenied);
    spec.given([proposed]).when(publish, { actor }).thenThrows(AccessDenied);
    spec.given([proposed, publishedV1]).when(revise, { actor }).thenThrows(AccessDenied);
    spec.given([proposed]).when(retire, { actor }).thenThrows(AccessDenied);
  });
});

describe('practice state', () => {
  it('exposes status, version, evidence level and first publication', () => {
    const history = [proposed, publishedV1, revisedV2, retired];
    const state = history.reduce(
      (current, event, streamRevision) =>
        practiceDecider.evolve(current, event, { occurredAt: `2005-0${streamRevision + 1}-01T00:00:00.000Z`, streamRevision }),
      practiceDecider.initialState,
    );
    expect(state).toMatchObject({ status: 'retired', version: 2, evidenceLevel: 'fieldTested', firstPublishedAt: '2005-02-01T00:00:00.000Z' });
  });
});
