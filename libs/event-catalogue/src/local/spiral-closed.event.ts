import { IsIn } from 'class-validator';
import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier, IsProse } from '../validation/field-rules';

/** How a spiral ended; `superseded` when a child spiral takes its turn on. */
export const SPIRAL_OUTCOMES = ['sustained', 'notSustained', 'abandoned', 'superseded'] as const;
export type SpiralOutcome = (typeof SPIRAL_OUTCOMES)[number];

/** The spiral ends; nothing more is recorded on it. A new turn is a child spiral naming it. */
export class SpiralClosedData {
  @IsIdentifier()
  spiralId!: string;

  @IsIn(SPIRAL_OUTCOMES)
  outcome!: SpiralOutcome;

  @IsProse(4000)
  learning!: string;
}

export const SpiralClosed = defineEvent('SpiralClosed', 'local', SpiralClosedData);
export type SpiralClosed = EventOf<typeof SpiralClosed>;
