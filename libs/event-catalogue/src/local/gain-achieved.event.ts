import { defineEvent, type EventOf } from '../define-event';
import { GainSignalData } from './gain-signal';

/**
 * Step 5 of the spiral, signalled by SPC: the first special-cause improvement signal among the
 * points after adoption. Moves the spiral to its sustainability step.
 */
export class GainAchievedData extends GainSignalData {}

export const GainAchieved = defineEvent('GainAchieved', 'local', GainAchievedData);
export type GainAchieved = EventOf<typeof GainAchieved>;
