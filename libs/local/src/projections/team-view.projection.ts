import type { Projection } from '@spiral/projections';
import { localEventOf, localEventTypes, type LocalEvent } from './local-event';
import { updateDocument } from './source-revisions';
import { SPIRAL_OWNERS, spiralOwnerOf } from './spiral-owners';
import { TEAMS, type TeamView } from './team-view';
import { teamViewAfter } from './team-view-updates';

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
  version: 1,
  collections: [TEAMS, SPIRAL_OWNERS],
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
    const owner = await spiralOwnerOf(views, event);
    const teamId = teamIdOf(event, owner?.teamId);
    if (teamId === undefined) return;
    await updateDocument<TeamView>(views, TEAMS, teamId, envelope, (current) => teamViewAfter(current, event, envelope.occurredAt, owner));
  },
};
