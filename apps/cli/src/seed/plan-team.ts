import { CAPABILITY_LEVELS, type CapabilityLevel } from '@spiral/event-catalogue';
import { addDays, duringWorkingHours, HISTORY_END } from './calendar';
import type { Random } from './prng';
import { CAPABILITIES, MEMBER_ROLES } from './reference/team-kinds';
import type { SeedTeam } from './seed-structure';
import { Story, type SeedContext } from './story';

// Most members are new to improvement work; few lead it (SPEC "Leadership development").
const LEVEL_WEIGHTS: Readonly<Record<CapabilityLevel, number>> = { awareness: 3, practitioner: 3, expert: 1.5, leader: 0.7 };

/** A team registers, then records its members' improvement capabilities as they grow. */
export function planTeam(context: SeedContext, random: Random, team: SeedTeam): Story {
  const story = new Story(context, team.key);
  const { teamId, name, orgCode, shaCode, kind, actor } = team;
  story.add('team', teamId, team.registeredAt, 'register', actor, { type: 'RegisterTeam', teamId, name, orgCode, shaCode, specialty: kind.specialty });
  const recordedAt = Array.from({ length: random.int(0, 2) }, () => addDays(team.registeredAt, random.int(14, 700)))
    .filter((at) => at < addDays(HISTORY_END, -1))
    .sort((a, b) => a - b);
  recordedAt.forEach((at, index) => {
    story.add('team', teamId, duringWorkingHours(at, random.int(0, 599)), `capability-${index + 1}`, actor, {
      type: 'RecordMemberCapability',
      teamId,
      memberRole: random.pick(MEMBER_ROLES),
      capability: random.pick(CAPABILITIES),
      level: random.weighted(CAPABILITY_LEVELS.map((level) => [level, LEVEL_WEIGHTS[level]] as const)),
    });
  });
  return story;
}
