import {
  FieldTestConcluded,
  FieldTestSiteReported,
  FieldTestStarted,
  NetworkFormed,
  NetworkJoined,
  PracticeProposed,
  PracticePublished,
  PracticeRetired,
  PracticeRevised,
  RegionalPrioritySet,
  SpreadStrategyLaunched,
  streamIds,
  SupportProvided,
  TeamRegistered,
  type DomainEvent,
  type EventEnvelope,
  type EvidenceLevel,
  type FieldTestVerdict,
  type SupportKind,
} from '@spiral/event-catalogue';
import { EnvelopeBuilder } from './envelopes';
import { SpiralStory, type TeamRef } from './spiral-story';

export const DOOR_TO_NEEDLE = { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' } as const;

/**
 * Histories for the regional and national projection specs, written as facts with their times in
 * any order and stored in time order (ties in the order written), as the store would number them:
 * revisions per stream, global positions, chained hashes.
 */
export class HistoryBuilder {
  private readonly facts: { at: string; streamId: string; event: DomainEvent }[] = [];

  add(streamId: string, event: DomainEvent, at: string): this {
    this.facts.push({ at: new Date(Date.parse(at)).toISOString(), streamId, event });
    return this;
  }

  build(): EventEnvelope[] {
    const envelopes = new EnvelopeBuilder();
    const ordered = this.facts.map((fact, index) => ({ ...fact, index })).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.index - b.index);
    return ordered.map((fact) => envelopes.append(fact.streamId, fact.event, { occurredAt: fact.at }));
  }

  team(teamId: string, orgCode: string, shaCode: string, at: string): TeamRef {
    this.add(streamIds.team(teamId), TeamRegistered.create({ teamId, name: `Team ${teamId}`, orgCode, shaCode }), at);
    return { teamId, orgCode, shaCode };
  }

  spiral(spiralId: string, team: TeamRef, at: string, baseline = 72): SpiralStory {
    return new SpiralStory(this, spiralId, team, baseline).recognise(at);
  }

  practice(practiceId: string, times: { proposedAt: string; publishedAt?: string; retiredAt?: string }, targetMeasures: string[] = [DOOR_TO_NEEDLE.name]): this {
    const stream = streamIds.practice(practiceId);
    const proposed = { practiceId, title: `Practice ${practiceId}`, summary: 'What it does.', origin: 'nhsTeam' as const, originDetail: 'A ward', targetMeasures };
    this.add(stream, PracticeProposed.create(proposed), times.proposedAt);
    if (times.publishedAt) this.add(stream, PracticePublished.create({ practiceId, version: 1, evidenceLevel: 'observational', summary: 'Published.' }), times.publishedAt);
    if (times.retiredAt) this.add(stream, PracticeRetired.create({ practiceId, reason: 'Superseded.' }), times.retiredAt);
    return this;
  }

  revise(practiceId: string, version: number, evidenceLevel: EvidenceLevel, at: string): this {
    return this.add(streamIds.practice(practiceId), PracticeRevised.create({ practiceId, version, evidenceLevel, changes: `Version ${version}.` }), at);
  }

  fieldTest(fieldTestId: string, practiceId: string, sites: string[], at: string, outcome?: { verdict: FieldTestVerdict; effectSize: number; at: string }): this {
    const stream = streamIds.fieldTest(fieldTestId);
    this.add(stream, FieldTestStarted.create({ fieldTestId, practiceId, sites, protocol: 'Stepped wedge.' }), at);
    for (const site of sites) this.add(stream, FieldTestSiteReported.create({ fieldTestId, site, measure: DOOR_TO_NEEDLE.name, baselineValue: 70, resultValue: 50 }), at);
    if (outcome) this.add(stream, FieldTestConcluded.create({ fieldTestId, practiceId, verdict: outcome.verdict, effectSize: outcome.effectSize, effectScale: 'protocol', summary: 'Done.' }), outcome.at);
    return this;
  }

  priority(shaCode: string, priorityId: string, at: string, until?: string): this {
    const data = { shaCode, priorityId, measure: { ...DOOR_TO_NEEDLE }, rationale: 'Time is brain.', ...(until ? { until } : {}) };
    return this.add(streamIds.region(shaCode), RegionalPrioritySet.create(data), at);
  }

  support(shaCode: string, supportId: string, teamId: string, kind: SupportKind, at: string): this {
    return this.add(streamIds.region(shaCode), SupportProvided.create({ shaCode, supportId, teamId, kind, description: 'Help.' }), at);
  }

  strategy(shaCode: string, strategyId: string, practiceId: string, organisations: string[], at: string): this {
    return this.add(streamIds.region(shaCode), SpreadStrategyLaunched.create({ shaCode, strategyId, practiceId, organisations, approach: 'Visits.' }), at);
  }

  network(shaCode: string, networkId: string, at: string, members: { team: TeamRef; at: string }[] = []): this {
    const stream = streamIds.network(networkId);
    this.add(stream, NetworkFormed.create({ networkId, shaCode, name: `Network ${networkId}`, kind: 'communityOfPractice', purpose: 'Share.' }), at);
    for (const { team, at: joinedAt } of members) this.add(stream, NetworkJoined.create({ networkId, teamId: team.teamId, orgCode: team.orgCode }), joinedAt);
    return this;
  }
}
