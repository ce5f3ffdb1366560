import type { EventDefinition } from '../define-event';
import { ChangeCycleCompleted } from './change-cycle-completed.event';
import { ChangeSupportSecured } from './change-support-secured.event';
import { GainAchieved } from './gain-achieved.event';
import { GainLost } from './gain-lost.event';
import { GainSustained } from './gain-sustained.event';
import { GainWithdrawn } from './gain-withdrawn.event';
import { KnowledgePulled } from './knowledge-pulled.event';
import { MeasurementRecorded } from './measurement-recorded.event';
import { MemberCapabilityRecorded } from './member-capability-recorded.event';
import { NeedRecognised } from './need-recognised.event';
import { OptionAdopted } from './option-adopted.event';
import { OrganisationRegistered } from './organisation-registered.event';
import { OptionsAppraised } from './options-appraised.event';
import { RebaseConfirmed } from './rebase-confirmed.event';
import { SpiralClosed } from './spiral-closed.event';
import { SustainabilityAssessed } from './sustainability-assessed.event';
import { TeamRegistered } from './team-registered.event';
import { TeamSupportReceived } from './team-support-received.event';

export * from './change-cycle-completed.event';
export * from './change-support-secured.event';
export * from './gain-achieved.event';
export * from './gain-lost.event';
export * from './gain-signal';
export * from './gain-sustained.event';
export * from './gain-withdrawn.event';
export * from './knowledge-pulled.event';
export * from './measurement-recorded.event';
export * from './member-capability-recorded.event';
export * from './need-recognised.event';
export * from './option-adopted.event';
export * from './organisation-registered.event';
export * from './options-appraised.event';
export * from './rebase-confirmed.event';
export * from './spiral-closed.event';
export * from './sustainability-assessed.event';
export * from './team-registered.event';
export * from './team-support-received.event';
// Value types the local payloads introduced; re-exported here because the package index lists only
// each context's index besides measure and trigger.
export * from '../values/gain-rules';
export * from '../values/spiral-step';
export * from '../values/sustainability-factors';

/** Events of a team's stream. */
export type TeamEvent = TeamRegistered | MemberCapabilityRecorded | TeamSupportReceived;

/** Events of an organisation's stream: the one that fixed its region. */
export type OrganisationEvent = OrganisationRegistered;

/** Events of a spiral's stream, in the order of the five steps. */
export type SpiralEvent =
  | NeedRecognised
  | KnowledgePulled
  | OptionsAppraised
  | OptionAdopted
  | ChangeSupportSecured
  | ChangeCycleCompleted
  | MeasurementRecorded
  | RebaseConfirmed
  | SustainabilityAssessed
  | GainAchieved
  | GainSustained
  | GainLost
  | GainWithdrawn
  | SpiralClosed;

export const localEvents: readonly EventDefinition[] = [
  OrganisationRegistered,
  TeamRegistered,
  MemberCapabilityRecorded,
  TeamSupportReceived,
  NeedRecognised,
  KnowledgePulled,
  OptionsAppraised,
  OptionAdopted,
  ChangeSupportSecured,
  ChangeCycleCompleted,
  MeasurementRecorded,
  RebaseConfirmed,
  SustainabilityAssessed,
  GainAchieved,
  GainSustained,
  GainLost,
  GainWithdrawn,
  SpiralClosed,
];
