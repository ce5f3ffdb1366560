// Statistics: pure, hand-checked, each citing its source.
export * from './statistics/descriptive';
export * from './statistics/coefficient-of-variation';
export * from './statistics/relative-improvement';
export * from './statistics/kaplan-meier';
export * from './statistics/adopter-categories';
export * from './statistics/nelder-mead';
export * from './statistics/bass-diffusion';
export * from './time/calendar';
export * from './time/as-of-stretch';
// Figures the regional and national views derive at query time from their stored documents.
export * from './figures/cumulative-spread';
export * from './figures/gain-sustainability';
export * from './figures/measure-impact';
export * from './figures/time-to-adopt';
// Read-model pieces both the regional and the national projection are built from.
export * from './read-models/document-session';
export * from './read-models/spiral-summary';
export * from './read-models/spiral-timeline';
export * from './read-models/summary-as-of';
export * from './read-models/team-index';
export * from './read-models/spiral-index';
export * from './read-models/area-penetration';
export * from './read-models/adopters';
// Change stamps: view readers hold what they derived until a projection's views change.
export * from './read-models/change-stamp';
export * from './read-models/stamped-cache';
