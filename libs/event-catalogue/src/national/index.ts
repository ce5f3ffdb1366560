import type { EventDefinition } from '../define-event';

export const nationalEvents: readonly EventDefinition[] = [];
