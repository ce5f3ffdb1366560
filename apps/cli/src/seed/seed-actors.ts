import type { Actor } from '@spiral/event-catalogue';

/**
 * The people the seeded history is written by, built as the verified token would build them
 * (SPEC "Access"): one user per organisation, one per region, one for the national organisation.
 * Their ids say they are the seeder's, so an auditor never mistakes them for real users.
 */
export function localActor(orgCode: string, shaCode: string): Actor {
  return { id: `seed-local-${orgCode}`, role: 'local', org: orgCode, region: shaCode };
}

export function regionalActor(shaCode: string): Actor {
  return { id: `seed-regional-${shaCode}`, role: 'regional', org: null, region: shaCode };
}

export const NATIONAL_ACTOR: Actor = { id: 'seed-national', role: 'national', org: null, region: null };
