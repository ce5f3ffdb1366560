import { withLiveTeamChange, withRegisteredTeam, type AreaOrganisations } from '@spiral/projections';

/** One SHA as the national view needs it: penetration counts for geographical variation. */
export type NationalRegionDocument = {
  shaCode: string;
  organisations: AreaOrganisations;
  /** When each of its teams registered, in time order whatever order the teams' streams arrive in (Kafka). */
  registrations: string[];
};

export function emptyNationalRegion(shaCode: string): NationalRegionDocument {
  return { shaCode, organisations: {}, registrations: [] };
}

export function withRegistration(region: NationalRegionDocument, orgCode: string, at: string): NationalRegionDocument {
  return { ...region, organisations: withRegisteredTeam(region.organisations, orgCode), registrations: [...region.registrations, at].sort() };
}

export function withLiveTeam(region: NationalRegionDocument, orgCode: string, teamDelta: number): NationalRegionDocument {
  return { ...region, organisations: withLiveTeamChange(region.organisations, orgCode, teamDelta) };
}
