import { Inject, Injectable } from '@nestjs/common';
import {
  organisationFactsFrom,
  practiceFactsFrom,
  streamIds,
  teamFactsFrom,
  type EventEnvelope,
  type OrganisationFacts,
  type PracticeFacts,
  type TeamFacts,
} from '@spiral/event-catalogue';
import { EVENT_STORE, type EventStore } from '@spiral/ports';
import { LRUCache } from 'lru-cache';

/** Streams whose facts are kept once found; a health service has some tens of thousands of teams. */
const FIXED_FACTS_HELD = 50_000;

/**
 * The facts a decision needs from another aggregate or context, read from its published events
 * (the catalogue), never from its internals. Undefined when none exists.
 */
@Injectable()
export class PublishedFactsReader {
  /**
   * A team's and an organisation's facts are fixed by the first event that records them, and stored
   * events never change, so once found they are kept: every RecogniseNeed read its team's whole
   * stream again (about 5 % of the request thread under the commands bench, profiled). Absence is
   * never kept, since the team may be registered by the next command.
   */
  private readonly fixed = new LRUCache<string, TeamFacts | OrganisationFacts>({ max: FIXED_FACTS_HELD });

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The region the organisation belongs to, fixed by the first fact that named it. */
  organisation(orgCode: string): Promise<OrganisationFacts | undefined> {
    return this.fixedFacts(streamIds.organisation(orgCode), organisationFactsFrom);
  }

  /** The team's organisation and region, fixed by its registration. */
  team(teamId: string): Promise<TeamFacts | undefined> {
    return this.fixedFacts(streamIds.team(teamId), teamFactsFrom);
  }

  /** The practice as the catalogue stood at `asOf` (an adoption entered late is judged then). */
  async practice(practiceId: string, asOf?: string): Promise<PracticeFacts | undefined> {
    return practiceFactsFrom(await this.store.readStream(streamIds.practice(practiceId)), asOf);
  }

  private async fixedFacts<T extends TeamFacts | OrganisationFacts>(streamId: string, factsFrom: (events: readonly EventEnvelope[]) => T | undefined): Promise<T | undefined> {
    const known = this.fixed.get(streamId) as T | undefined;
    if (known !== undefined) return known;
    const facts = factsFrom(await this.store.readStream(streamId));
    if (facts !== undefined) this.fixed.set(streamId, Object.freeze(facts));
    return facts;
  }
}
