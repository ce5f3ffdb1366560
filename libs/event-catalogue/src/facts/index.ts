export * from './practice-facts';
export * from './team-facts';
