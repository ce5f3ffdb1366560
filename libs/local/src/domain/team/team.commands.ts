/** What a team (or its organisation's users) may ask of the team aggregate. */
export interface RegisterTeam {
  readonly type: 'RegisterTeam';
  readonly teamId: string;
  readonly name: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly specialty?: string;
}

export type TeamCommand = RegisterTeam;
