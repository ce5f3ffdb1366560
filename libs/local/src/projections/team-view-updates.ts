import { sustainabilityScore } from '../domain/sustainability/sustainability-score';
import { dateOf, type LocalEvent } from './local-event';
import type { SpiralOwner } from './spiral-owners';
import { gainOf, newSpiralProgress, progressAfter } from './spiral-progress';
import {
  capabilitiesSection,
  cyclesSection,
  emptyTeamView,
  spiralsSection,
  supportSection,
  sustainabilitySection,
  type TeamSpiral,
  type TeamView,
} from './team-view';

function newTeamSpiral(event: Extract<LocalEvent, { type: 'NeedRecognised' }>): TeamSpiral {
  const { spiralId, title, measure } = event.data;
  return { spiralId, title, measure: measure.name, ...newSpiralProgress, measurements: 0, changeSupport: 0, cycles: 0, assessments: 0 };
}

/** One spiral's summary after one of its events: its progress and the counts of what it recorded. */
function teamSpiralAfter(spiral: TeamSpiral, event: LocalEvent, occurredAt: string): TeamSpiral {
  const next = progressAfter(spiral, event, occurredAt);
  if (event.type === 'MeasurementRecorded') return { ...next, measurements: next.measurements + 1 };
  if (event.type === 'ChangeSupportSecured') return { ...next, changeSupport: next.changeSupport + 1 };
  if (event.type === 'ChangeCycleCompleted') return { ...next, cycles: event.data.cycleNumber };
  if (event.type === 'SustainabilityAssessed') return { ...next, assessments: next.assessments + 1 };
  return next;
}

/** The team-wide lists a spiral event adds to: change cycles, assessments with their scores, gains. */
function withSpiralRecords(view: TeamView, spiralId: string, event: LocalEvent, occurredAt: string): TeamView {
  const gain = gainOf(event, occurredAt);
  if (gain !== undefined) return { ...view, gains: { ...view.gains, recorded: [...view.gains.recorded, { spiralId, ...gain }] } };
  if (event.type === 'ChangeCycleCompleted') {
    const { cycleNumber, decision } = event.data;
    return { ...view, changeCycles: cyclesSection([...view.changeCycles.cycles, { spiralId, cycleNumber, decision, occurredAt }]) };
  }
  if (event.type === 'SustainabilityAssessed') {
    const factors = { ...event.data.factors };
    const assessment = { spiralId, assessedBy: event.data.assessedBy, date: dateOf(occurredAt), factors, score: sustainabilityScore(factors) };
    return { ...view, sustainability: sustainabilitySection([...view.sustainability.assessments, assessment]) };
  }
  return view;
}

function spiralEventAfter(current: TeamView | undefined, event: LocalEvent, occurredAt: string, owner: SpiralOwner): TeamView {
  const view = current ?? emptyTeamView(owner.teamId, owner.orgCode, owner.shaCode);
  if (event.type === 'NeedRecognised') {
    const known = view.spirals.some(({ spiralId }) => spiralId === owner.id);
    return known ? view : { ...view, ...spiralsSection([...view.spirals, newTeamSpiral(event)], view.gains.recorded) };
  }
  const spirals = view.spirals.map((spiral) => (spiral.spiralId === owner.id ? teamSpiralAfter(spiral, event, occurredAt) : spiral));
  return withSpiralRecords({ ...view, ...spiralsSection(spirals, view.gains.recorded) }, owner.id, event, occurredAt);
}

/**
 * The team's view after one event of its own stream or of one of its spirals' (`owner` names the
 * spiral's team); undefined when the event says nothing about a team the view knows.
 */
export function teamViewAfter(current: TeamView | undefined, event: LocalEvent, occurredAt: string, owner: SpiralOwner | undefined): TeamView | undefined {
  if (event.type === 'TeamRegistered') {
    const { teamId, name, orgCode, shaCode, specialty } = event.data;
    return { ...(current ?? emptyTeamView(teamId, orgCode, shaCode)), name, orgCode, shaCode, specialty: specialty ?? null };
  }
  if (event.type === 'MemberCapabilityRecorded') {
    const { memberRole, capability, level } = event.data;
    return current && { ...current, capabilities: capabilitiesSection([...current.capabilities.recorded, { memberRole, capability, level, occurredAt }]) };
  }
  if (event.type === 'TeamSupportReceived') {
    const { kind, description, fromShaCode } = event.data;
    const entry = { kind, description, fromShaCode: fromShaCode ?? null, occurredAt };
    return current && { ...current, supportReceived: supportSection([...current.supportReceived.received, entry]) };
  }
  return owner === undefined ? undefined : spiralEventAfter(current, event, occurredAt, owner);
}
