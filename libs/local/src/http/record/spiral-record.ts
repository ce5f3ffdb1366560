import type {
  ChangeCycleCompletedData,
  ChangeSupportSecuredData,
  EventEnvelope,
  KnowledgePulledData,
  OptionAdoptedData,
  SpiralClosedData,
  SpiralEvent,
  SustainabilityAssessedData,
} from '@spiral/event-catalogue';

/** One fact of a spiral's record: what was said, when it happened and at which revision it was stored. */
export type RecordEntry<TData> = Omit<TData, 'spiralId'> & { readonly occurredAt: string; readonly revision: number };

export type KnowledgeEntry = RecordEntry<KnowledgePulledData>;
export type SupportEntry = RecordEntry<ChangeSupportSecuredData>;
export type CycleEntry = RecordEntry<ChangeCycleCompletedData>;
export type AssessmentEntry = RecordEntry<SustainabilityAssessedData>;
export type AdoptionEntry = RecordEntry<OptionAdoptedData>;
export type ClosingEntry = RecordEntry<SpiralClosedData>;

/**
 * Everything a team said in its spiral's steps (SPEC "The spiral"), folded from the spiral's own
 * stream on read: GET /spirals/:id reads that stream anyway for its revision and access, and the
 * texts (up to 4,000 characters a field) would otherwise be copied into a view document rewritten
 * on every point. The lists only grow, so an index into one stays a valid cursor.
 */
export interface SpiralRecord {
  readonly knowledge: readonly KnowledgeEntry[];
  readonly support: readonly SupportEntry[];
  readonly cycles: readonly CycleEntry[];
  readonly assessments: readonly AssessmentEntry[];
  /** The latest adoption with its rationale, who decided, stakeholders, patient perspective and adaptations. */
  readonly adoption: AdoptionEntry | null;
  /** The closing outcome and what was learned; null while the spiral is open. */
  readonly closing: ClosingEntry | null;
}

function entryOf<TData extends { readonly spiralId: string }>(data: TData, envelope: EventEnvelope): RecordEntry<TData> {
  const { spiralId: _spiralId, ...said } = data;
  return { ...said, occurredAt: envelope.occurredAt, revision: envelope.streamRevision };
}

export function spiralRecordOf(events: readonly EventEnvelope[]): SpiralRecord {
  const record = { knowledge: [] as KnowledgeEntry[], support: [] as SupportEntry[], cycles: [] as CycleEntry[], assessments: [] as AssessmentEntry[] };
  let adoption: AdoptionEntry | null = null;
  let closing: ClosingEntry | null = null;
  for (const envelope of events) {
    // Stored events passed their schema on append, as foldHistory also relies on.
    const event = { type: envelope.type, data: envelope.data } as SpiralEvent;
    if (event.type === 'KnowledgePulled') record.knowledge.push(entryOf(event.data, envelope));
    else if (event.type === 'ChangeSupportSecured') record.support.push(entryOf(event.data, envelope));
    else if (event.type === 'ChangeCycleCompleted') record.cycles.push(entryOf(event.data, envelope));
    else if (event.type === 'SustainabilityAssessed') record.assessments.push(entryOf(event.data, envelope));
    else if (event.type === 'OptionAdopted') adoption = entryOf(event.data, envelope);
    else if (event.type === 'SpiralClosed') closing = entryOf(event.data, envelope);
  }
  return { ...record, adoption, closing };
}
