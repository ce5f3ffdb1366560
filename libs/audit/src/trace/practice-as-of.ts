import { practiceFactsFrom, type EvidenceLevel, type EventEnvelope, type PracticeStatus } from '@spiral/event-catalogue';
import type { FieldTestRecord } from './field-test-record';
import { isAtOrBefore } from './traced-event';

/** A field test as it stood at a moment: running, or concluded with the verdict known by then. */
export type FieldTestAsOf =
  | { readonly fieldTestId: string; readonly startedAt: string; readonly status: 'running' }
  | ({ readonly fieldTestId: string; readonly startedAt: string; readonly status: 'concluded' } & NonNullable<FieldTestRecord['conclusion']>);

/** What the catalogue said about a practice at a moment (SPEC "Audit view"). */
export interface PracticeAsOf {
  readonly practiceId: string;
  readonly asOf: string;
  /** False when the practice had not even been proposed by then. */
  readonly known: boolean;
  /** The title it was proposed under, once known. */
  readonly title?: string;
  readonly status?: PracticeStatus;
  readonly publishedVersion?: number;
  readonly evidenceLevel?: EvidenceLevel;
  readonly retired: boolean;
  /** Field tests started by then; a verdict only when it was concluded by then. */
  readonly fieldTests: readonly FieldTestAsOf[];
}

/**
 * Folds the practice's own stream and its field tests up to `asOf` (by occurredAt), so an adoption
 * is judged on what the team could have known then, not on what is known now.
 */
export function practiceAsOf(
  practiceId: string,
  practiceEvents: readonly EventEnvelope[],
  fieldTests: readonly FieldTestRecord[],
  asOf: string,
): PracticeAsOf {
  const facts = practiceFactsFrom(practiceEvents, asOf);
  const proposed = facts === undefined ? undefined : practiceEvents.find((event) => event.type === 'PracticeProposed');
  const tests = fieldTests.filter((test) => isAtOrBefore(test.startedAt, asOf)).map((test) => fieldTestAsOf(test, asOf));
  return {
    practiceId,
    asOf,
    known: facts !== undefined,
    ...(proposed === undefined ? {} : { title: (proposed.data as { title: string }).title }),
    ...(facts?.status === undefined ? {} : { status: facts.status }),
    ...(facts?.version === undefined ? {} : { publishedVersion: facts.version }),
    ...(facts?.evidenceLevel === undefined ? {} : { evidenceLevel: facts.evidenceLevel }),
    retired: facts?.status === 'retired',
    fieldTests: tests,
  };
}

function fieldTestAsOf(test: FieldTestRecord, asOf: string): FieldTestAsOf {
  const { fieldTestId, startedAt, conclusion } = test;
  if (conclusion === undefined || !isAtOrBefore(conclusion.concludedAt, asOf)) return { fieldTestId, startedAt, status: 'running' };
  return { fieldTestId, startedAt, status: 'concluded', ...conclusion };
}
