import type { EventEnvelope } from '../envelope/event-envelope';

/** What every context may rely on about an organisation: the one region it belongs to. */
export interface OrganisationFacts {
  readonly orgCode: string;
  readonly shaCode: string;
}

/** Read from the organisation's stream (its OrganisationRegistered); undefined when no fact has named it. */
export function organisationFactsFrom(events: readonly EventEnvelope[]): OrganisationFacts | undefined {
  const first = events.find((event) => event.type === 'OrganisationRegistered');
  if (first === undefined) return undefined;
  const data = first.data as { orgCode: string; shaCode: string };
  return { orgCode: data.orgCode, shaCode: data.shaCode };
}
