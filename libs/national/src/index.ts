export * from './domain/practice/practice.commands';
export * from './domain/practice/practice.state';
export * from './domain/practice/practice.decider';
export * from './domain/field-test/field-test.commands';
export * from './domain/field-test/field-test.state';
export * from './domain/field-test/field-test.decider';
export * from './domain/national-priorities/national-priorities.commands';
export * from './domain/national-priorities/national-priorities.state';
export * from './domain/national-priorities/national-priorities.decider';
export * from './national.module';
// The bus messages and what a caller sends in them, for callers that drive the national write path
// without HTTP (the seeder).
export { ExecutePracticeCommand } from './application/practice.command-handler';
export { ExecuteFieldTestCommand, type FieldTestRequest } from './application/field-test.command-handler';
export { ExecuteNationalPrioritiesCommand } from './application/national-priorities.command-handler';
export * from './projections';
