import type { TeamEvent } from '@spiral/event-catalogue';

export type TeamState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly teamId: string;
      readonly orgCode: string;
      readonly shaCode: string;
    };

export const initialTeamState: TeamState = { status: 'unregistered' };

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamRegistered':
      return {
        status: 'registered',
        teamId: event.data.teamId,
        orgCode: event.data.orgCode,
        shaCode: event.data.shaCode,
      };
    // Capabilities and support change no decision; the local view keeps them.
    case 'MemberCapabilityRecorded':
    case 'TeamSupportReceived':
      return state;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
