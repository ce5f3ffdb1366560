import { isNewFor } from '@spiral/projections';
import type { EventEnvelope, RegionEvent } from '@spiral/event-catalogue';
import type { RegionDocument } from './region-document';

/** The region after one event of its own stream; undefined when the event was applied already. */
export function withRegionEvent(region: RegionDocument, envelope: EventEnvelope): RegionDocument | undefined {
  if (!isNewFor(region, envelope)) return undefined;
  const next = { ...region, revision: envelope.streamRevision };
  const event = { type: envelope.type, data: envelope.data } as RegionEvent;
  switch (event.type) {
    case 'RegionalPrioritySet': {
      const { priorityId, measure, rationale, until } = event.data;
      const priority = { priorityId, measure: { name: measure.name, unit: measure.unit, improvement: measure.improvement }, rationale, until: until ?? null, setAt: envelope.occurredAt };
      return { ...next, priorities: [...region.priorities, priority] };
    }
    case 'SupportProvided':
      return {
        ...next,
        support: { ...region.support, [event.data.kind]: region.support[event.data.kind] + 1 },
        supportGiven: [...(region.supportGiven ?? []), { kind: event.data.kind, at: envelope.occurredAt }],
      };
    case 'SpreadStrategyLaunched': {
      const { strategyId, practiceId, organisations, approach } = event.data;
      const strategy = { strategyId, practiceId, organisations: [...organisations], approach, launchedAt: envelope.occurredAt };
      return { ...next, spreadStrategies: [...region.spreadStrategies, strategy] };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
