import { defineEvent, type EventOf } from '../define-event';
import { Priority } from '../values/priority';

/** The national organisation set a priority on a measure. */
export class NationalPrioritySetData extends Priority {}

export const NationalPrioritySet = defineEvent('NationalPrioritySet', 'national', NationalPrioritySetData);
export type NationalPrioritySet = EventOf<typeof NationalPrioritySet>;
