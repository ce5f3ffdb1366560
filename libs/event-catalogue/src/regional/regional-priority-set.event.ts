import { defineEvent, type EventOf } from '../define-event';
import { IsIdentifier } from '../validation/field-rules';
import { Priority } from '../values/priority';

/** A region set a priority on a measure. */
export class RegionalPrioritySetData extends Priority {
  @IsIdentifier()
  shaCode!: string;
}

export const RegionalPrioritySet = defineEvent('RegionalPrioritySet', 'regional', RegionalPrioritySetData);
export type RegionalPrioritySet = EventOf<typeof RegionalPrioritySet>;
