import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsCalendarDate } from '../validation/date-rules';
import { GainSignalData } from './gain-signal';

/** The gain facts a withdrawal can take back: each of the three SPC gain events. */
export const WITHDRAWN_GAIN_KINDS = ['achieved', 'sustained', 'lost'] as const;
export type WithdrawnGainKind = (typeof WITHDRAWN_GAIN_KINDS)[number];

/** Where a spiral's gains stand: the kind of its latest gain still recorded, or none. */
export const GAIN_STANDINGS = ['none', ...WITHDRAWN_GAIN_KINDS] as const;
export type GainStanding = (typeof GAIN_STANDINGS)[number];

/** What can undo a gain: a point entered late, or a rebase confirmed within the baseline. */
export const GAIN_UNDOING_EVENTS = ['MeasurementRecorded', 'RebaseConfirmed'] as const;
export type GainUndoingEvent = (typeof GAIN_UNDOING_EVENTS)[number];

/**
 * SPC no longer shows a gain the spiral recorded (SPEC "The recorded gains always agree with the
 * chart"): a point whose period falls inside the series already judged (history entered late)
 * removed the signal the gain rested on. The event names the gain it takes back by its kind, rule
 * and periods, exactly as its GainAchieved/GainSustained/GainLost cited them, and the event that
 * undid it by its type and period (the late point's period, or the rebase's first period).
 * Withdrawals take back the latest gains first, so a spiral's gains net of withdrawals always read
 * as a sequence the chart shows. Recorded by the gains process manager, never claimed.
 */
export class GainWithdrawnData extends GainSignalData {
  @IsIn(WITHDRAWN_GAIN_KINDS)
  withdrawn!: WithdrawnGainKind;

  @IsIn(GAIN_UNDOING_EVENTS)
  undoneBy!: GainUndoingEvent;

  @IsCalendarDate()
  undoingPeriod!: string;

  /**
   * The kind of the latest gain still recorded once this one is withdrawn, `none` when none is: the
   * spiral's gain status from here on, carried so every view follows it without the gains' history.
   */
  @IsIn(GAIN_STANDINGS)
  standing!: GainStanding;
}

export const GainWithdrawn = defineEvent('GainWithdrawn', 'local', GainWithdrawnData);
export type GainWithdrawn = EventOf<typeof GainWithdrawn>;
