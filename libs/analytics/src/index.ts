// Statistics: pure, hand-checked, each citing its source.
export * from './statistics/descriptive';
export * from './statistics/coefficient-of-variation';
export * from './statistics/relative-improvement';
export * from './statistics/kaplan-meier';
export * from './statistics/adopter-categories';
export * from './statistics/nelder-mead';
export * from './statistics/bass-diffusion';
export * from './time/calendar';
export * from './time/instant';
export * from './time/as-of-stretch';
// Figures the regional and national views derive at query time from their stored documents.
export * from './figures/cumulative-spread';
export * from './figures/gain-sustainability';
export * from './figures/measure-impact';
export * from './figures/time-to-adopt';
