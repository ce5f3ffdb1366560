import { AlreadyExists, NotFound, RuleViolated, type DecisionContext } from '@spiral/decider';
import {
  PracticeProposed,
  PracticePublished,
  PracticeRetired,
  PracticeRevised,
  type PracticeEvent,
} from '@spiral/event-catalogue';
import { assertNationalActor } from '../national-access';
import type { ProposePractice, PracticeCommand, PublishPractice, RetirePractice, RevisePractice } from './practice.commands';
import type { KnownPractice, PracticeState } from './practice.state';

function propose(command: ProposePractice, state: PracticeState): PracticeEvent[] {
  if (state.status !== 'unproposed') throw new AlreadyExists('practice', command.practiceId);
  const { practiceId, title, summary, origin, originDetail, targetMeasures, specialties } = command;
  return [
    PracticeProposed.create({
      practiceId, title, summary, origin, originDetail, targetMeasures: [...targetMeasures],
      ...(specialties === undefined ? {} : { specialties: [...specialties] }),
    }),
  ];
}

function known(state: PracticeState, practiceId: string): KnownPractice {
  if (state.status === 'unproposed') throw new NotFound('practice', practiceId);
  return state;
}

// A retired practice is closed for good: it is not published, revised or retired again.
function refuseRetired(practice: KnownPractice): void {
  if (practice.status === 'retired') {
    throw new RuleViolated('practice_retired', `practice ${practice.practiceId} is retired`);
  }
}

/** A proposal's first publication is version 1; publishing again (new evidence) makes the next one. */
function publish(command: PublishPractice, state: PracticeState): PracticeEvent[] {
  const practice = known(state, command.practiceId);
  refuseRetired(practice);
  const { evidenceLevel, summary } = command;
  return [PracticePublished.create({ practiceId: practice.practiceId, version: practice.version + 1, evidenceLevel, summary })];
}

function revise(command: RevisePractice, state: PracticeState): PracticeEvent[] {
  const practice = known(state, command.practiceId);
  refuseRetired(practice);
  if (practice.status !== 'published' || practice.evidenceLevel === null) {
    throw new RuleViolated('practice_not_published', `practice ${practice.practiceId} must be published before it is revised`);
  }
  return [
    PracticeRevised.create({
      practiceId: practice.practiceId,
      version: practice.version + 1,
      evidenceLevel: command.evidenceLevel ?? practice.evidenceLevel,
      changes: command.changes,
    }),
  ];
}

function retire(command: RetirePractice, state: PracticeState): PracticeEvent[] {
  const practice = known(state, command.practiceId);
  refuseRetired(practice);
  return [PracticeRetired.create({ practiceId: practice.practiceId, reason: command.reason })];
}

export function decidePractice(command: PracticeCommand, state: PracticeState, context: DecisionContext): PracticeEvent[] {
  assertNationalActor(context.actor, 'write the facts of the practice catalogue');
  switch (command.type) {
    case 'ProposePractice':
      return propose(command, state);
    case 'PublishPractice':
      return publish(command, state);
    case 'RevisePractice':
      return revise(command, state);
    case 'RetirePractice':
      return retire(command, state);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
