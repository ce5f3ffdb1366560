export * from './domain/team/team.commands';
export * from './domain/team/team.state';
export * from './domain/team/team.decider';
export * from './domain/spiral/spiral.commands';
export * from './domain/spiral/spiral.state';
export * from './domain/spiral/spiral.decider';
export * from './local.module';
// The bus messages, for callers that drive the local write path without HTTP (the seeder, the SPC process manager).
export { ExecuteSpiralCommand } from './application/spiral.command-handler';
export { ExecuteTeamCommand } from './application/team.command-handler';
export * from './projections';
