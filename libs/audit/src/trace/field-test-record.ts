import type { EffectScale, EventEnvelope, FieldTestConcluded, FieldTestStarted, FieldTestVerdict } from '@spiral/event-catalogue';

/** A field test of a practice as the whole history knows it now. */
export interface FieldTestRecord {
  readonly fieldTestId: string;
  readonly practiceId: string;
  readonly startedAt: string;
  readonly conclusion?: {
    readonly verdict: FieldTestVerdict;
    readonly effectSize: number;
    readonly effectScale: EffectScale;
    readonly concludedAt: string;
    /** When Spiral stored the verdict: later than concludedAt when it was entered late. */
    readonly recordedAt: string;
  };
}

/**
 * Folds the field-test events of one practice (FieldTestStarted and FieldTestConcluded carry its
 * id) into one record per field test, in the order they started.
 */
export function fieldTestRecordsFrom(events: readonly EventEnvelope[]): FieldTestRecord[] {
  const records = new Map<string, FieldTestRecord>();
  for (const envelope of events) {
    const event = { type: envelope.type, data: envelope.data } as FieldTestStarted | FieldTestConcluded;
    if (event.type === 'FieldTestStarted') {
      const { fieldTestId, practiceId } = event.data;
      records.set(fieldTestId, { fieldTestId, practiceId, startedAt: envelope.occurredAt, ...records.get(fieldTestId) });
    } else if (event.type === 'FieldTestConcluded') {
      const { fieldTestId, practiceId, verdict, effectSize, effectScale } = event.data;
      const started = records.get(fieldTestId) ?? { fieldTestId, practiceId, startedAt: envelope.occurredAt };
      const conclusion = { verdict, effectSize, effectScale, concludedAt: envelope.occurredAt, recordedAt: envelope.recordedAt };
      records.set(fieldTestId, { ...started, conclusion });
    }
  }
  return [...records.values()];
}
