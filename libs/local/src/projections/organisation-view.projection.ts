import type { Projection } from '@spiral/projections';
import { localEventOf, localEventTypes, type LocalEvent } from './local-event';
import {
  emptyOrganisation,
  ORGANISATION_SPIRALS,
  ORGANISATIONS,
  withSpiralChanged,
  type StoredOrganisation,
  type StoredOrganisationSpiral,
} from './organisation-view';
import { updateDocument } from '@spiral/projections';
import { spiralOwnerOf, spiralOwnersOf, type SpiralOwner } from './spiral-owners';
import { newSpiralProgress, progressAfter } from './spiral-progress';

const OWNERS = spiralOwnersOf('organisation');

function withTeam(current: StoredOrganisation | undefined, event: Extract<LocalEvent, { type: 'TeamRegistered' }>): StoredOrganisation {
  const { teamId, name, orgCode, shaCode, specialty } = event.data;
  const organisation = current ?? emptyOrganisation(orgCode, shaCode);
  if (organisation.teams.some((team) => team.teamId === teamId)) return organisation;
  // Kept in id order: on a feed ordered per stream (Kafka) teams' streams arrive in any order, and
  // the view must not depend on it (found by the reliability suite, issue #6).
  const teams = [...organisation.teams, { teamId, name, specialty: specialty ?? null }].sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  return { ...organisation, teams, totals: { ...organisation.totals, teams: teams.length } };
}

function spiralAfter(current: StoredOrganisationSpiral | undefined, event: LocalEvent, occurredAt: string, owner: SpiralOwner): StoredOrganisationSpiral | undefined {
  if (event.type === 'NeedRecognised') return current ?? { spiralId: owner.id, teamId: owner.teamId, orgCode: owner.orgCode, ...newSpiralProgress, revisions: {} };
  return current && progressAfter(current, event, occurredAt);
}

/**
 * The local view of one organisation: its document (collection `organisations`, id = organisation
 * code) with its teams and figures, and one document per spiral (`organisation-spirals`); GET
 * /organisations/:code/view puts them together (organisationViewOf).
 */
export const organisationViewProjection: Projection = {
  name: 'local-organisation-view',
  // v2: its own owners collection (v1 shared `spiral-owners` with the other local view).
  // v3: spirals in documents of their own: the organisation's document grew with every spiral (and
  // every spiral stream's revision), and each of their events copied, counted and wrote all of it.
  version: 3,
  collections: [ORGANISATIONS, ORGANISATION_SPIRALS, OWNERS],
  eventTypes: localEventTypes(
    'TeamRegistered',
    'NeedRecognised',
    'KnowledgePulled',
    'OptionsAppraised',
    'OptionAdopted',
    'GainAchieved',
    'GainSustained',
    'GainLost',
    'GainWithdrawn',
    'SpiralClosed',
  ),
  async apply(envelope, views) {
    const event = localEventOf(envelope);
    if (event.type === 'TeamRegistered') {
      await updateDocument<StoredOrganisation>(views, ORGANISATIONS, event.data.orgCode, envelope, (current) => withTeam(current, event));
      return;
    }
    const owner = await spiralOwnerOf(views, OWNERS, event);
    if (owner === undefined) return;
    // The spiral's document says whether the event was applied already; the figures follow it, in
    // the same commit, so they count each event once too.
    const changed = await updateDocument<StoredOrganisationSpiral>(views, ORGANISATION_SPIRALS, owner.id, envelope, (current) =>
      spiralAfter(current, event, envelope.occurredAt, owner),
    );
    if (changed === undefined) return;
    const organisation = (await views.get<StoredOrganisation>(ORGANISATIONS, owner.orgCode)) ?? emptyOrganisation(owner.orgCode, owner.shaCode);
    views.put(ORGANISATIONS, owner.orgCode, withSpiralChanged(organisation, changed.before, changed.after));
  },
};
