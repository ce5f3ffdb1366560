import { defineEvent, type EventOf } from '../define-event';
import { GainSignalData } from './gain-signal';

/**
 * Step 5 of the spiral, signalled by SPC: twelve consecutive points after the gain, all on the
 * improved side of the baseline centre line, none a special-cause concern.
 */
export class GainSustainedData extends GainSignalData {}

export const GainSustained = defineEvent('GainSustained', 'local', GainSustainedData);
export type GainSustained = EventOf<typeof GainSustained>;
