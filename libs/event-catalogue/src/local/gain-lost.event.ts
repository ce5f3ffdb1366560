import { defineEvent, type EventOf } from '../define-event';
import { GainSignalData } from './gain-signal';

/**
 * Step 5 of the spiral, signalled by SPC: after a gain, a shift of seven points back across the
 * baseline centre line, or an astronomical point in the concern direction.
 */
export class GainLostData extends GainSignalData {}

export const GainLost = defineEvent('GainLost', 'local', GainLostData);
export type GainLost = EventOf<typeof GainLost>;
