import type { EventDefinition } from '../define-event';

export const regionalEvents: readonly EventDefinition[] = [];
