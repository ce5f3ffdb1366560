import { Inject, Injectable } from '@nestjs/common';
import {
  organisationFactsFrom,
  practiceFactsFrom,
  streamIds,
  teamFactsFrom,
  type OrganisationFacts,
  type PracticeFacts,
  type TeamFacts,
} from '@spiral/event-catalogue';
import { EVENT_STORE, type EventStore } from '@spiral/ports';

/**
 * The facts a decision needs from another aggregate or context, read from its published events
 * (the catalogue), never from its internals. Undefined when none exists.
 */
@Injectable()
export class PublishedFactsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The region the organisation belongs to, fixed by the first fact that named it. */
  async organisation(orgCode: string): Promise<OrganisationFacts | undefined> {
    return organisationFactsFrom(await this.store.readStream(streamIds.organisation(orgCode)));
  }

  async team(teamId: string): Promise<TeamFacts | undefined> {
    return teamFactsFrom(await this.store.readStream(streamIds.team(teamId)));
  }

  /** The practice as the catalogue stood at `asOf` (an adoption entered late is judged then). */
  async practice(practiceId: string, asOf?: string): Promise<PracticeFacts | undefined> {
    return practiceFactsFrom(await this.store.readStream(streamIds.practice(practiceId)), asOf);
  }
}
