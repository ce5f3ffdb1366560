import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { streamIds, type EventEnvelope } from '@spiral/event-catalogue';
import { CLOCK, EVENT_STORE, type Clock, type EventStore } from '@spiral/ports';
import { adoptionDecisionsOf, type AdoptionDecision, type AdoptionTrace } from './trace/adoption-decisions';
import { fieldTestRecordsFrom, type FieldTestRecord } from './trace/field-test-record';
import { practiceAsOf, type PracticeAsOf } from './trace/practice-as-of';
import { scanPracticeRecords, type PracticeRecords } from './trace/practice-records.scan';
import { tracedEvent, type TracedEvent } from './trace/traced-event';
import { tracedSpiralOf, type TracedSpiral } from './trace/traced-spiral';

/** GET /audit/spirals/:id/trace. */
export interface SpiralTrace {
  readonly spiralId: string;
  readonly streamId: string;
  /** Its title and team by name. */
  readonly spiral?: TracedSpiral;
  readonly events: readonly TracedEvent[];
  readonly adoptions: readonly AdoptionTrace[];
}

/** GET /audit/practices/:id/adoptions. */
export interface PracticeAdoptions {
  readonly practiceId: string;
  readonly events: readonly TracedEvent[];
  readonly fieldTests: readonly FieldTestRecord[];
  /** The practice as the whole history knows it, to set beside what each adopter knew. */
  readonly now: PracticeAsOf;
  readonly adoptions: readonly AdoptionTrace[];
}

/** What the catalogue knows of one practice: its own stream and its field tests. */
interface PracticeHistory {
  readonly events: readonly EventEnvelope[];
  readonly fieldTests: readonly FieldTestRecord[];
}

/** The auditor's reads (SPEC "Analysts and auditors"), straight from the event store. */
@Injectable()
export class AuditReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async traceSpiral(spiralId: string): Promise<SpiralTrace> {
    const streamId = streamIds.spiral(spiralId);
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new NotFound('spiral', spiralId);
    const decisions = adoptionDecisionsOf(spiralId, events);
    const practiceIds = new Set(decisions.flatMap((decision) => decision.adoption.data.practiceId ?? []));
    const histories = await this.histories(await scanPracticeRecords(this.store, practiceIds));
    const spiral = await tracedSpiralOf(this.store, events);
    return {
      spiralId,
      streamId,
      ...(spiral === undefined ? {} : { spiral }),
      events: events.map(tracedEvent),
      adoptions: decisions.map((decision) => withPractice(decision, histories)),
    };
  }

  async practiceAdoptions(practiceId: string): Promise<PracticeAdoptions> {
    const records = await scanPracticeRecords(this.store, new Set([practiceId]));
    const histories = await this.histories(records);
    const history = histories.get(practiceId);
    if (history === undefined || history.events.length === 0) throw new NotFound('practice', practiceId);
    const adoptions: AdoptionTrace[] = [];
    const teamNames = new Map<string, string | null>();
    for (const spiralId of records.get(practiceId)?.adoptingSpirals ?? []) {
      const events = await this.store.readStream(streamIds.spiral(spiralId));
      const spiral = await tracedSpiralOf(this.store, events, teamNames);
      for (const decision of adoptionDecisionsOf(spiralId, events)) {
        if (decision.adoption.data.practiceId === practiceId) adoptions.push({ ...withPractice(decision, histories), ...(spiral === undefined ? {} : { spiral }) });
      }
    }
    adoptions.sort((a, b) => Date.parse(a.adoption.occurredAt) - Date.parse(b.adoption.occurredAt) || a.adoption.globalPosition - b.adoption.globalPosition);
    return {
      practiceId,
      events: history.events.map(tracedEvent),
      fieldTests: history.fieldTests,
      now: practiceAsOf(practiceId, history.events, history.fieldTests, this.clock.now()),
      adoptions,
    };
  }

  private async histories(records: ReadonlyMap<string, PracticeRecords>): Promise<Map<string, PracticeHistory>> {
    const histories = new Map<string, PracticeHistory>();
    for (const [practiceId, { fieldTestEvents }] of records) {
      const events = await this.store.readStream(streamIds.practice(practiceId));
      histories.set(practiceId, { events, fieldTests: fieldTestRecordsFrom(fieldTestEvents) });
    }
    return histories;
  }
}

function withPractice(decision: AdoptionDecision, histories: ReadonlyMap<string, PracticeHistory>): AdoptionTrace {
  const practiceId = decision.adoption.data.practiceId;
  const history = practiceId === undefined ? undefined : histories.get(practiceId);
  if (practiceId === undefined || history === undefined) return decision;
  return { ...decision, practiceAtDecision: practiceAsOf(practiceId, history.events, history.fieldTests, decision.adoption.occurredAt) };
}
