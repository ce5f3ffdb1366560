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
export { GainsProcessManagerHost, LOCAL_PROCESS_MANAGERS, type LocalProcessManagersOptions } from './process-managers/gains-process-manager.host';
export { GainsProcessManager, GAINS_PROCESS_MANAGER, type SendSpiralCommand } from './process-managers/gains.process-manager';
export { SPC_ACTOR } from './process-managers/gain-commands';
