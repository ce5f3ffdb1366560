import type { NetworkKind } from '@spiral/event-catalogue';

/** What the application layer knows of a team that joins; undefined when none exists. */
export interface JoiningTeam {
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
}

export interface FormNetwork {
  readonly type: 'FormNetwork';
  readonly networkId: string;
  readonly shaCode: string;
  readonly name: string;
  readonly kind: NetworkKind;
  readonly purpose: string;
}

export interface JoinNetwork {
  readonly type: 'JoinNetwork';
  readonly networkId: string;
  /** The team asked for, kept beside `team` so a missing one can be named. */
  readonly teamId: string;
  readonly team: JoiningTeam | undefined;
}

export type NetworkCommand = FormNetwork | JoinNetwork;
