import type { Projection } from '@spiral/projections';
import { organisationViewProjection } from './organisation-view.projection';
import { spiralViewProjection } from './spiral-view.projection';
import { teamViewProjection } from './team-view.projection';

export { ORGANISATION_SPIRALS, ORGANISATIONS, organisationViewOf, type OrganisationView } from './organisation-view';
export { organisationViewProjection } from './organisation-view.projection';
export { chartOf } from './spiral-series';
export { SPIRALS, spiralViewProjection, type SpiralView } from './spiral-view.projection';
export { TEAM_SPIRALS, TEAMS, teamViewOf, type TeamView } from './team-view';
export { teamViewProjection } from './team-view.projection';

/** The read models of the local level, built from the event feed. */
export const localProjections: readonly Projection[] = [spiralViewProjection, teamViewProjection, organisationViewProjection];
