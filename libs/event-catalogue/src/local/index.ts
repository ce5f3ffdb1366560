import type { EventDefinition } from '../define-event';
import { NeedRecognised } from './need-recognised.event';
import { TeamRegistered } from './team-registered.event';

export * from './need-recognised.event';
export * from './team-registered.event';

/** Events of a team's stream. */
export type TeamEvent = TeamRegistered;

/** Events of a spiral's stream, in the order of the five steps. */
export type SpiralEvent = NeedRecognised;

export const localEvents: readonly EventDefinition[] = [TeamRegistered, NeedRecognised];
