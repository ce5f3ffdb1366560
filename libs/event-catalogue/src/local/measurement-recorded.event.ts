import { defineEvent, type EventOf } from '../define-event';
import { IsCalendarDate } from '../validation/date-rules';
import { IsFiniteNumber, IsIdentifier } from '../validation/field-rules';

/**
 * One point of the spiral's measure: an aggregate figure for a period (a rate, a count, a median),
 * never a patient's record. One event per point, so the SPC chart and its signals cite points.
 */
export class MeasurementRecordedData {
  @IsIdentifier()
  spiralId!: string;

  /** The point's own date; "after adoption" compares it with the adoption's occurredAt. */
  @IsCalendarDate()
  period!: string;

  @IsFiniteNumber()
  value!: number;
}

export const MeasurementRecorded = defineEvent('MeasurementRecorded', 'local', MeasurementRecordedData);
export type MeasurementRecorded = EventOf<typeof MeasurementRecorded>;
