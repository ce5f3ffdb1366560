export * from './history-builder';
export * from './spiral-story';
export * from './sample-health-service';
export * from './history-arbitrary';
export * from './view-invariants';
export * from './dated-history-arbitrary';
