export * from './domain/region/region.commands';
export * from './domain/region/region.state';
export * from './domain/region/region.decider';
export * from './domain/network/network.commands';
export * from './domain/network/network.state';
export * from './domain/network/network.decider';
export * from './regional.module';
// The bus messages and what a caller sends in them, for callers that drive the regional write path
// without HTTP (the seeder).
export { ExecuteRegionCommand, type RegionRequest } from './application/region.command-handler';
export { ExecuteNetworkCommand, type JoinNetworkInRegion, type NetworkRequest } from './application/network.command-handler';
export * from './projections';
