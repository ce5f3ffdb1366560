export * from './domain/region/region.commands';
export * from './domain/region/region.state';
export * from './domain/region/region.decider';
export * from './domain/network/network.commands';
export * from './domain/network/network.state';
export * from './domain/network/network.decider';
