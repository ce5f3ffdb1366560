import type { Projection } from '@spiral/projections';
import { localEventOf, localEventTypes, type LocalEvent } from './local-event';
import { gainFigures, spiralsByStep, type GainFigures, type StepCounts } from './local-figures';
import { updateDocument, type SourceRevisions } from './source-revisions';
import { spiralOwnerOf, spiralOwnersOf, type SpiralOwner } from './spiral-owners';
import { newSpiralProgress, progressAfter, type SpiralProgress } from './spiral-progress';

export type OrganisationSpiral = SpiralProgress & { readonly spiralId: string; readonly teamId: string };

/** GET /organisations/:code/view: an organisation's teams, its spirals by step, and its gains, each with its counts. */
export type OrganisationView = {
  readonly id: string;
  readonly shaCode: string;
  readonly teams: readonly { readonly teamId: string; readonly name: string; readonly specialty: string | null }[];
  readonly spirals: readonly OrganisationSpiral[];
  /** `live`: spirals not closed. */
  readonly totals: { readonly teams: number; readonly spirals: number; readonly live: number };
  readonly spiralsByStep: StepCounts;
  readonly gains: GainFigures;
  readonly revisions: SourceRevisions;
};

export const ORGANISATIONS = 'organisations';
const OWNERS = spiralOwnersOf('organisation');

type OrganisationFacts = Pick<OrganisationView, 'id' | 'shaCode' | 'teams' | 'spirals' | 'revisions'>;

function withFigures(facts: OrganisationFacts): OrganisationView {
  const live = facts.spirals.filter(({ step }) => step !== 'closed').length;
  return {
    ...facts,
    totals: { teams: facts.teams.length, spirals: facts.spirals.length, live },
    spiralsByStep: spiralsByStep(facts.spirals),
    gains: gainFigures(facts.spirals),
  };
}

function spiralsAfter(spirals: readonly OrganisationSpiral[], event: LocalEvent, occurredAt: string, owner: SpiralOwner): OrganisationSpiral[] {
  if (event.type === 'NeedRecognised') {
    const known = spirals.some(({ spiralId }) => spiralId === owner.id);
    // Kept in id order: on a feed ordered per stream (Kafka) teams' streams arrive in any order, and
    // the view must not depend on it (found by the reliability suite, issue #6).
    return known ? [...spirals] : byId([...spirals, { spiralId: owner.id, teamId: owner.teamId, ...newSpiralProgress }], 'spiralId');
  }
  return spirals.map((spiral) => (spiral.spiralId === owner.id ? progressAfter(spiral, event, occurredAt) : spiral));
}

export function organisationViewAfter(
  current: OrganisationView | undefined,
  event: LocalEvent,
  occurredAt: string,
  owner: SpiralOwner | undefined,
): OrganisationView | undefined {
  if (event.type === 'TeamRegistered') {
    const { teamId, name, orgCode, shaCode, specialty } = event.data;
    const facts = current ?? { id: orgCode, shaCode, teams: [], spirals: [], revisions: {} };
    const known = facts.teams.some((team) => team.teamId === teamId);
    return withFigures({ ...facts, teams: known ? facts.teams : byId([...facts.teams, { teamId, name, specialty: specialty ?? null }], 'teamId') });
  }
  if (owner === undefined) return undefined;
  const facts = current ?? { id: owner.orgCode, shaCode: owner.shaCode, teams: [], spirals: [], revisions: {} };
  return withFigures({ ...facts, spirals: spiralsAfter(facts.spirals, event, occurredAt, owner) });
}

/** The local view of one organisation (collection `organisations`, id = organisation code). */
export const organisationViewProjection: Projection = {
  name: 'local-organisation-view',
  // v2: its own owners collection (v1 shared `spiral-owners` with the other local view).
  version: 2,
  collections: [ORGANISATIONS, OWNERS],
  eventTypes: localEventTypes(
    'TeamRegistered',
    'NeedRecognised',
    'KnowledgePulled',
    'OptionsAppraised',
    'OptionAdopted',
    'GainAchieved',
    'GainSustained',
    'GainLost',
    'SpiralClosed',
  ),
  async apply(envelope, views) {
    const event = localEventOf(envelope);
    const owner = await spiralOwnerOf(views, OWNERS, event);
    const orgCode = event.type === 'TeamRegistered' ? event.data.orgCode : owner?.orgCode;
    if (orgCode === undefined) return;
    await updateDocument<OrganisationView>(views, ORGANISATIONS, orgCode, envelope, (current) =>
      organisationViewAfter(current, event, envelope.occurredAt, owner),
    );
  },
};

function byId<T, K extends keyof T>(items: T[], key: K): T[] {
  return items.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
}
