import type { EventDefinition } from '../define-event';
import { NetworkFormed } from './network-formed.event';
import { NetworkJoined } from './network-joined.event';
import { RegionalPrioritySet } from './regional-priority-set.event';
import { SpreadStrategyLaunched } from './spread-strategy-launched.event';
import { SupportProvided } from './support-provided.event';

export * from './network-formed.event';
export * from './network-joined.event';
export * from './regional-priority-set.event';
export * from './spread-strategy-launched.event';
export * from './support-provided.event';
export * from '../values/org-codes';

/** Events of a region's stream (`region-<sha>`); its first fact, whichever it is, starts it. */
export type RegionEvent = RegionalPrioritySet | SupportProvided | SpreadStrategyLaunched;

/** Events of a network's stream (`network-<id>`). */
export type NetworkEvent = NetworkFormed | NetworkJoined;

export const regionalEvents: readonly EventDefinition[] = [
  RegionalPrioritySet,
  SupportProvided,
  SpreadStrategyLaunched,
  NetworkFormed,
  NetworkJoined,
];
