import type { Projection } from '@spiral/projections';
import { localEventOf, localEventTypes, type LocalEvent } from './local-event';
import { updateDocument } from '@spiral/projections';
import { spiralOwnerOf, spiralOwnersOf } from './spiral-owners';
import { TEAM_SPIRALS, TEAMS, type StoredTeam, type StoredTeamSpiral } from './team-view';
import { teamAfterOwnEvent, teamAfterSpiralEvent, teamSpiralAfter } from './team-view-updates';

const OWNERS = spiralOwnersOf('team');

/** The team an event of the team's own stream names; undefined for a spiral's events. */
function ownTeamIdOf(event: LocalEvent): string | undefined {
  return 'teamId' in event.data && !('spiralId' in event.data) ? event.data.teamId : undefined;
}

/**
 * The local view of one team: its document (collection `teams`, id = team id) with its facts,
 * change cycles, sustainability assessments with their scores and the team's mean and spread over
 * time, gains, capabilities and support received, and one document per spiral (`team-spirals`)
 * with the step it is at; GET /teams/:id/view puts them together (teamViewOf).
 */
export const teamViewProjection: Projection = {
  name: 'local-team-view',
  // v2: its own owners collection (v1 shared `spiral-owners` with the other local view).
  // v3: spirals in documents of their own: the team's document grew with every spiral (and every
  // spiral stream's revision), and each point rewrote all of it.
  // v4: the team's gains, cycles and assessments in the order of when, then which spiral: in
  // arrival order they differed between a feed ordered per stream and the global order.
  version: 4,
  collections: [TEAMS, TEAM_SPIRALS, OWNERS],
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
    'GainWithdrawn',
    'SpiralClosed',
  ),
  async apply(envelope, views) {
    const event = localEventOf(envelope);
    const teamId = ownTeamIdOf(event);
    if (teamId !== undefined) {
      await updateDocument<StoredTeam>(views, TEAMS, teamId, envelope, (current) => teamAfterOwnEvent(current, event, envelope.occurredAt));
      return;
    }
    const owner = await spiralOwnerOf(views, OWNERS, event);
    if (owner === undefined) return;
    // The spiral's document says whether the event was applied already; the team's follows it in
    // the same commit, so its lists and figures take each event once too.
    const changed = await updateDocument<StoredTeamSpiral>(views, TEAM_SPIRALS, owner.id, envelope, (current) =>
      teamSpiralAfter(current, event, envelope.occurredAt),
    );
    if (changed === undefined) return;
    const current = await views.get<StoredTeam>(TEAMS, owner.teamId);
    const next = teamAfterSpiralEvent(current, owner, changed, event, envelope.occurredAt);
    if (next !== current) views.put(TEAMS, owner.teamId, next);
  },
};
