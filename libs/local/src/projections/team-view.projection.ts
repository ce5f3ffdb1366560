import type { Projection } from '@spiral/projections';
import { localEventOf, localEventTypes, type LocalEvent } from './local-event';
import { updateDocument } from './source-revisions';
import { spiralOwnerOf, spiralOwnersOf } from './spiral-owners';
import { TEAMS, type TeamView } from './team-view';
import { teamViewAfter } from './team-view-updates';

const OWNERS = spiralOwnersOf('team');

/** The team whose document an event changes: its own stream names it, a spiral's owner does otherwise. */
function teamIdOf(event: LocalEvent, ownerTeamId: string | undefined): string | undefined {
  return 'teamId' in event.data && !('spiralId' in event.data) ? event.data.teamId : ownerTeamId;
}

/**
 * The local view of one team (collection `teams`, id = team id): its facts, its spirals and the step
 * each is at, change cycles, sustainability assessments with their scores and the team's mean and
 * spread over time, gains, capabilities and support received.
 */
export const teamViewProjection: Projection = {
  name: 'local-team-view',
  // v2: its own owners collection (v1 shared `spiral-owners` with the other local view).
  version: 2,
  collections: [TEAMS, OWNERS],
  eventTypes: localEventTypes(
    'TeamRegistered',
    'MemberCapabilityRecorded',
    'TeamSupportReceived',
    'NeedRecognised',
    'KnowledgePulled',
    'OptionsAppraised',
    'OptionAdopted',
    'ChangeSupportSecured',
    'ChangeCycleCompleted',
    'MeasurementRecorded',
    'SustainabilityAssessed',
    'GainAchieved',
    'GainSustained',
    'GainLost',
    'SpiralClosed',
  ),
  async apply(envelope, views) {
    const event = localEventOf(envelope);
    const owner = await spiralOwnerOf(views, OWNERS, event);
    const teamId = teamIdOf(event, owner?.teamId);
    if (teamId === undefined) return;
    await updateDocument<TeamView>(views, TEAMS, teamId, envelope, (current) => teamViewAfter(current, event, envelope.occurredAt, owner));
  },
};
