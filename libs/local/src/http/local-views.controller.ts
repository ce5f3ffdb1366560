import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@spiral/event-catalogue';
import { assertMayRead, CurrentActor, IdParams } from '@spiral/http';
import {
  ORGANISATION_SPIRALS,
  ORGANISATIONS,
  organisationViewOf,
  type OrganisationView,
  type StoredOrganisation,
  type StoredOrganisationSpiral,
} from '../projections/organisation-view';
import { organisationViewProjection } from '../projections/organisation-view.projection';
import { TEAM_SPIRALS, TEAMS, teamViewOf, type StoredTeam, type StoredTeamSpiral, type TeamView } from '../projections/team-view';
import { teamViewProjection } from '../projections/team-view.projection';
import { OrganisationCodeParams } from './organisation-code-params';
import { StoredViews } from './stored-views';

/**
 * The local views (SPEC "Views"): a team's and an organisation's, as the projections stored them.
 * Every role may ask; SPEC "Access" then limits a team's users to their organisation and a region to
 * its area (403, logged).
 */
@ApiTags('local')
@Controller()
export class LocalViewsController {
  constructor(private readonly views: StoredViews) {}

  @Get('teams/:id/view')
  async team(@Param() { id }: IdParams, @CurrentActor() actor: Actor): Promise<TeamView> {
    const team = await this.views.get<StoredTeam>(teamViewProjection, TEAMS, id, 'team view');
    assertMayRead(actor, { shaCode: team.shaCode, orgCode: team.orgCode }, `the view of team ${id}`);
    return teamViewOf(team, await this.views.list<StoredTeamSpiral>(teamViewProjection, TEAM_SPIRALS, { teamId: id }));
  }

  @Get('organisations/:code/view')
  async organisation(@Param() { code }: OrganisationCodeParams, @CurrentActor() actor: Actor): Promise<OrganisationView> {
    const organisation = await this.views.get<StoredOrganisation>(organisationViewProjection, ORGANISATIONS, code, 'organisation view');
    assertMayRead(actor, { shaCode: organisation.shaCode, orgCode: organisation.id }, `the view of organisation ${code}`);
    const spirals = await this.views.list<StoredOrganisationSpiral>(organisationViewProjection, ORGANISATION_SPIRALS, { orgCode: code });
    return organisationViewOf(organisation, spirals);
  }
}
