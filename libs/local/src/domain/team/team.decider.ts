import type { Decider } from '@spiral/decider';
import type { TeamEvent } from '@spiral/event-catalogue';
import type { TeamCommand } from './team.commands';
import { decideTeam } from './team.decide';
import { evolveTeam, initialTeamState, type TeamState } from './team.state';

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  decide: decideTeam,
  evolve: evolveTeam,
};
