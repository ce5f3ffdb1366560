import { withKeyedEntry } from '@spiral/projections';
import { sustainabilityScore } from '../domain/sustainability/sustainability-score';
import { dateOf, type LocalEvent } from './local-event';
import type { SpiralOwner } from './spiral-owners';
import { gainOf, gainsWithdrawn, newSpiralProgress, progressAfter } from './spiral-progress';
import {
  capabilitiesSection,
  cyclesSection,
  emptyTeam,
  supportSection,
  sustainabilitySection,
  withSpiralChanged,
  type StoredTeam,
  type StoredTeamSpiral,
} from './team-view';

function newTeamSpiral(event: Extract<LocalEvent, { type: 'NeedRecognised' }>, occurredAt: string): StoredTeamSpiral {
  const { spiralId, teamId, title, measure } = event.data;
  const counts = { measurements: 0, changeSupport: 0, cycles: 0, assessments: 0 };
  return { spiralId, teamId, title, measure: measure.name, ...newSpiralProgress, ...counts, recognisedAt: occurredAt, revisions: {} };
}

type Counts = { -readonly [K in 'measurements' | 'changeSupport' | 'cycles' | 'assessments']: StoredTeamSpiral[K] };

/**
 * One spiral's summary after one of its events: its progress and the counts of what it recorded.
 * progressAfter answers a copy of its own, so a count is set on it rather than copied again on
 * every point (the two copies were 8 % of an xlarge rebuild's CPU, profiled).
 */
function progressedSpiral(spiral: StoredTeamSpiral, event: LocalEvent, occurredAt: string): StoredTeamSpiral {
  const next = progressAfter(spiral, event, occurredAt);
  const counts: Counts = next;
  if (event.type === 'MeasurementRecorded') counts.measurements += 1;
  else if (event.type === 'ChangeSupportSecured') counts.changeSupport += 1;
  else if (event.type === 'ChangeCycleCompleted') counts.cycles = event.data.cycleNumber;
  else if (event.type === 'SustainabilityAssessed') counts.assessments += 1;
  return next;
}

/** A spiral's document after one of its events. */
export function teamSpiralAfter(current: StoredTeamSpiral | undefined, event: LocalEvent, occurredAt: string): StoredTeamSpiral | undefined {
  if (event.type === 'NeedRecognised') return current ?? newTeamSpiral(event, occurredAt);
  return current && progressedSpiral(current, event, occurredAt);
}

const byWhenThenSpiral = (entry: { readonly occurredAt: string; readonly spiralId: string }) => [entry.occurredAt, entry.spiralId];

/**
 * A list of the team's document, to extend in place: the document is the view session's
 * (ViewSession), and the view's type reads its lists as readonly only for the view's readers.
 */
const owned = <T>(list: readonly T[]): T[] => list as T[];

/** The team's list with one more entry at its end, in place (see owned). */
function withEntry<T>(list: readonly T[], entry: T): T[] {
  const extended = owned(list);
  extended.push(entry);
  return extended;
}

/**
 * The team-wide lists a spiral event adds to: change cycles, assessments with their scores, gains.
 * Each is fed by all the team's spirals, so it is kept in the order of when, then which spiral
 * (withKeyedEntry), the same however the feed interleaved the spirals' streams.
 */
function withSpiralRecords(team: StoredTeam, spiralId: string, event: LocalEvent, occurredAt: string): StoredTeam {
  const withdrawn = gainsWithdrawn(team.gains.recorded, event, (recorded) => recorded.spiralId === spiralId);
  if (withdrawn !== undefined) return { ...team, gains: { ...team.gains, recorded: withdrawn } };
  const gain = gainOf(event, occurredAt);
  if (gain !== undefined) return { ...team, gains: { ...team.gains, recorded: withKeyedEntry(owned(team.gains.recorded), { spiralId, ...gain }, byWhenThenSpiral) } };
  if (event.type === 'ChangeCycleCompleted') {
    const { cycleNumber, decision } = event.data;
    return { ...team, changeCycles: cyclesSection(withKeyedEntry(owned(team.changeCycles.cycles), { spiralId, cycleNumber, decision, occurredAt }, byWhenThenSpiral)) };
  }
  if (event.type === 'SustainabilityAssessed') {
    const factors = { ...event.data.factors };
    const assessment = { spiralId, assessedBy: event.data.assessedBy, date: dateOf(occurredAt), factors, score: sustainabilityScore(factors) };
    return { ...team, sustainability: sustainabilitySection(withKeyedEntry(owned(team.sustainability.assessments), assessment, (entry) => [entry.date, entry.spiralId])) };
  }
  return team;
}

/**
 * The team's document after an event of one of its spirals changed that spiral from `before` to
 * `after`: the same document when nothing the team keeps changed (a point, mostly), so it is not
 * written again.
 */
export function teamAfterSpiralEvent(
  current: StoredTeam | undefined,
  owner: SpiralOwner,
  { before, after }: { readonly before: StoredTeamSpiral | undefined; readonly after: StoredTeamSpiral },
  event: LocalEvent,
  occurredAt: string,
): StoredTeam {
  const team = current ?? emptyTeam(owner.teamId, owner.orgCode, owner.shaCode);
  // progressAfter keeps the gains object unless a gain event changed it.
  const progressed = before === undefined || before.step !== after.step || before.gains !== after.gains || before.gainStatus !== after.gainStatus;
  return withSpiralRecords(progressed ? withSpiralChanged(team, before, after) : team, owner.id, event, occurredAt);
}

/** The team's document after an event of its own stream (registration, a capability, support). */
export function teamAfterOwnEvent(current: StoredTeam | undefined, event: LocalEvent, occurredAt: string): StoredTeam | undefined {
  if (event.type === 'TeamRegistered') {
    const { teamId, name, orgCode, shaCode, specialty } = event.data;
    return { ...(current ?? emptyTeam(teamId, orgCode, shaCode)), name, orgCode, shaCode, specialty: specialty ?? null };
  }
  if (event.type === 'MemberCapabilityRecorded') {
    const { memberRole, capability, level } = event.data;
    return current && { ...current, capabilities: capabilitiesSection(withEntry(current.capabilities.recorded, { memberRole, capability, level, occurredAt })) };
  }
  if (event.type === 'TeamSupportReceived') {
    const { kind, description, fromShaCode } = event.data;
    const entry = { kind, description, fromShaCode: fromShaCode ?? null, occurredAt };
    return current && { ...current, supportReceived: supportSection(withEntry(current.supportReceived.received, entry)) };
  }
  return undefined;
}
