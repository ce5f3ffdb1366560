import type {
  AppraisedOption,
  EventEnvelope,
  KnowledgePulledData,
  NeedRecognisedData,
  OptionAdoptedData,
  SpiralEvent,
} from '@spiral/event-catalogue';
import type { PracticeAsOf } from './practice-as-of';
import { tracedEvent, type TracedEvent } from './traced-event';
import type { TracedSpiral } from './traced-spiral';

/** A cause of a decision: the event that recorded it and what it said. */
export interface Cause<TData> {
  readonly eventId: string;
  readonly revision: number;
  readonly occurredAt: string;
  readonly data: TData;
}

/** One adoption decision with its chain of causes (SPEC "Audit view"). */
export interface AdoptionDecision {
  readonly spiralId: string;
  readonly adoption: TracedEvent & { readonly data: OptionAdoptedData };
  /** The need the spiral recognised. */
  readonly need?: Cause<NeedRecognisedData>;
  /** Every knowledge pull before the decision, oldest first. */
  readonly knowledge: readonly Cause<KnowledgePulledData>[];
  /** The options the adopted one was chosen from: the latest appraisal before the decision. */
  readonly chosenFrom?: Cause<{ readonly options: readonly AppraisedOption[] }>;
}

/**
 * An adoption decision, whose spiral and team it was (by name), and, when it applies a catalogue
 * practice, that practice as it stood then.
 */
export interface AdoptionTrace extends AdoptionDecision {
  readonly spiral?: TracedSpiral;
  readonly practiceAtDecision?: PracticeAsOf;
}

function causeOf<TData>(envelope: EventEnvelope, data: TData): Cause<TData> {
  return { eventId: envelope.eventId, revision: envelope.streamRevision, occurredAt: envelope.occurredAt, data };
}

/** The adoption decisions of one spiral's stream (in revision order), each with what preceded it. */
export function adoptionDecisionsOf(spiralId: string, events: readonly EventEnvelope[]): AdoptionDecision[] {
  const decisions: AdoptionDecision[] = [];
  let need: Cause<NeedRecognisedData> | undefined;
  let chosenFrom: Cause<{ options: AppraisedOption[] }> | undefined;
  const knowledge: Cause<KnowledgePulledData>[] = [];
  for (const envelope of events) {
    const event = { type: envelope.type, data: envelope.data } as SpiralEvent;
    // Only the steps before a decision are its causes; every other event of the spiral passes by.
    if (event.type === 'NeedRecognised') need = causeOf(envelope, event.data);
    else if (event.type === 'KnowledgePulled') knowledge.push(causeOf(envelope, event.data));
    else if (event.type === 'OptionsAppraised') chosenFrom = causeOf(envelope, { options: event.data.options });
    else if (event.type === 'OptionAdopted') {
      decisions.push({
        spiralId,
        adoption: { ...tracedEvent(envelope), data: event.data },
        ...(need === undefined ? {} : { need }),
        knowledge: [...knowledge],
        ...(chosenFrom === undefined ? {} : { chosenFrom }),
      });
    }
  }
  return decisions;
}
