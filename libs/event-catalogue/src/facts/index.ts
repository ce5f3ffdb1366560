export * from './organisation-facts';
export * from './practice-facts';
export * from './team-facts';
export * from './spiral-steps';
