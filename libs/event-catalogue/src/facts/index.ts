export * from './practice-facts';
export * from './team-facts';
export * from './spiral-steps';
