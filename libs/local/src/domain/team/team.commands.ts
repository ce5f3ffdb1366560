import type { CapabilityLevel, OrganisationFacts, SupportKind } from '@spiral/event-catalogue';

/** What a team (or its organisation's users) may ask of the team aggregate. */
export interface RegisterTeam {
  readonly type: 'RegisterTeam';
  readonly teamId: string;
  readonly name: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly specialty?: string;
  /** The organisation's region as its stream fixed it, loaded by the handler (undefined for a new organisation). */
  readonly organisation?: OrganisationFacts;
}

/** Leadership development: a member's improvement capability, named by role, never by name. */
export interface RecordMemberCapability {
  readonly type: 'RecordMemberCapability';
  readonly teamId: string;
  readonly memberRole: string;
  readonly capability: string;
  readonly level: CapabilityLevel;
}

/** Local conditions: support the team received, recorded by the team or by the region that gave it. */
export interface RecordTeamSupport {
  readonly type: 'RecordTeamSupport';
  readonly teamId: string;
  /** Filled from the token when a regional user records it; a local user may name the region. */
  readonly fromShaCode?: string;
  readonly kind: SupportKind;
  readonly description: string;
}

export type TeamCommand = RegisterTeam | RecordMemberCapability | RecordTeamSupport;
