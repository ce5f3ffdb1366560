import { noGainFigures, spiralsByStep, withSpiralGains, withSpiralStep, type GainFigures, type StepCounts } from './local-figures';
import type { SourceRevisions } from '@spiral/projections';
import type { SpiralProgress } from './spiral-progress';

export type OrganisationSpiral = SpiralProgress & { readonly spiralId: string; readonly teamId: string };

/** GET /organisations/:code/view: an organisation's teams, its spirals by step, and its gains, each with its counts. */
export type OrganisationView = {
  readonly id: string;
  readonly shaCode: string;
  readonly teams: readonly { readonly teamId: string; readonly name: string; readonly specialty: string | null }[];
  /** In spiral id order. */
  readonly spirals: readonly OrganisationSpiral[];
  /** `live`: spirals not closed. */
  readonly totals: { readonly teams: number; readonly spirals: number; readonly live: number };
  readonly spiralsByStep: StepCounts;
  readonly gains: GainFigures;
};

export const ORGANISATIONS = 'organisations';
export const ORGANISATION_SPIRALS = 'organisation-spirals';

/**
 * The organisation's own document (collection `organisations`, id = organisation code): its teams
 * and the figures over its spirals. The spirals are documents of their own, so an event of one
 * spiral rewrites two small documents however many spirals the organisation has; the figures are
 * sums over spirals, updated by each spiral's difference.
 */
export type StoredOrganisation = Omit<OrganisationView, 'spirals'> & { readonly revisions: SourceRevisions };

/** One spiral of an organisation (collection `organisation-spirals`, id = spiral id). */
export type StoredOrganisationSpiral = OrganisationSpiral & { readonly orgCode: string; readonly revisions: SourceRevisions };

export function emptyOrganisation(id: string, shaCode: string): StoredOrganisation {
  return { id, shaCode, teams: [], totals: { teams: 0, spirals: 0, live: 0 }, spiralsByStep: spiralsByStep([]), gains: noGainFigures, revisions: {} };
}

/** The organisation's figures with one spiral counted in (`sign` 1) or taken out (-1). */
function withSpiral(organisation: StoredOrganisation, spiral: SpiralProgress, sign: 1 | -1): StoredOrganisation {
  const { totals } = organisation;
  return {
    ...organisation,
    totals: { ...totals, spirals: totals.spirals + sign, live: totals.live + (spiral.step === 'closed' ? 0 : sign) },
    spiralsByStep: withSpiralStep(organisation.spiralsByStep, spiral, sign),
    gains: withSpiralGains(organisation.gains, spiral, sign),
  };
}

/** The organisation's figures after one of its spirals changed from `before` (absent: new) to `after`. */
export function withSpiralChanged(organisation: StoredOrganisation, before: SpiralProgress | undefined, after: SpiralProgress): StoredOrganisation {
  return withSpiral(before === undefined ? organisation : withSpiral(organisation, before, -1), after, 1);
}

/** The view as GET answers it: the organisation's document with its spirals, in id order. */
export function organisationViewOf(organisation: StoredOrganisation, spirals: readonly StoredOrganisationSpiral[]): OrganisationView {
  const { revisions: _bookkeeping, ...view } = organisation;
  const listed = spirals
    .map(({ spiralId, teamId, step, adoptedAt, gains, gainStatus }) => ({ spiralId, teamId, step, adoptedAt, gains, gainStatus }))
    .sort((a, b) => (a.spiralId < b.spiralId ? -1 : a.spiralId > b.spiralId ? 1 : 0));
  return { ...view, spirals: listed };
}
