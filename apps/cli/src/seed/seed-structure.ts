import type { Actor } from '@spiral/event-catalogue';
import { addDays, duringWorkingHours, HISTORY_START, type Instant } from './calendar';
import type { Random } from './prng';
import { STRATEGIC_HEALTH_AUTHORITIES } from './reference/strategic-health-authorities';
import { TEAM_KINDS, type OrganisationKind, type TeamKind } from './reference/team-kinds';
import { localActor } from './seed-actors';
import type { SeedProfile } from './seed-size';
import type { SeedContext } from './story';

/** Who exists in the seeded health service. Codes are synthetic: `S01`, `S01-O07`, `S01-O07-T03`. */
export interface SeedSha {
  readonly code: string;
  readonly name: string;
  readonly organisations: readonly SeedOrganisation[];
}

export interface SeedOrganisation {
  readonly code: string;
  readonly shaCode: string;
  readonly kind: OrganisationKind;
  readonly teams: readonly SeedTeam[];
}

export interface SeedTeam {
  /** Names the team's story: `S01-O07-T03`. */
  readonly key: string;
  readonly teamId: string;
  readonly name: string;
  readonly kind: TeamKind;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly registeredAt: Instant;
  /** The organisation's user, who writes everything the team does. */
  readonly actor: Actor;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const shaCodeOf = (index: number) => `S${pad(index + 1)}`;

export function buildStructure(context: SeedContext, profile: SeedProfile, random: Random): SeedSha[] {
  return STRATEGIC_HEALTH_AUTHORITIES.slice(0, profile.shas).map((name, index) => {
    const code = shaCodeOf(index);
    const draw = random.fork(code);
    const count = draw.int(...profile.organisationsPerSha);
    const organisations = Array.from({ length: count }, (_, o) =>
      // The first two are acute trusts, so every region has hospitals to field-test and spread in.
      organisation(context, profile, draw.fork(o), `${code}-O${pad(o + 1)}`, code, o < 2 || draw.chance(0.45) ? 'acute' : 'primaryCare'),
    );
    return { code, name, organisations };
  });
}

function organisation(context: SeedContext, profile: SeedProfile, random: Random, code: string, shaCode: string, kind: OrganisationKind): SeedOrganisation {
  const actor = localActor(code, shaCode);
  const kinds = teamKinds(random, kind, random.int(...profile.teamsPerOrganisation));
  const seen = new Map<string, number>();
  const teams = kinds.map((teamKind, t): SeedTeam => {
    const key = `${code}-T${pad(t + 1)}`;
    const nth = (seen.get(teamKind.unit) ?? 0) + 1;
    seen.set(teamKind.unit, nth);
    return {
      key,
      teamId: context.entityId(actor, key, 'register'),
      name: `${teamKind.unit}${nth > 1 ? ` ${nth}` : ''} (${code})`,
      kind: teamKind,
      orgCode: code,
      shaCode,
      // Most teams joined in Spiral's first year; a few came later.
      registeredAt: duringWorkingHours(addDays(HISTORY_START, 7 + random.float() ** 2 * 540), random.int(0, 599)),
      actor,
    };
  });
  return { code, shaCode, kind, teams };
}

/** Distinct kinds first (a hospital has one stroke unit before it has two elderly care wards). */
function teamKinds(random: Random, kind: OrganisationKind, count: number): TeamKind[] {
  const all = TEAM_KINDS[kind];
  const distinct = random.sample(all, Math.min(count, all.length));
  const more = Array.from({ length: count - distinct.length }, () => random.pick(all));
  return [...distinct, ...more];
}

export function teamsOf(shas: readonly SeedSha[]): SeedTeam[] {
  return shas.flatMap((sha) => sha.organisations.flatMap((organisation) => organisation.teams));
}
