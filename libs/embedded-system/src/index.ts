export * from './embedded-config';
export * from './embedded.module';
export * from './start-embedded';
