export * from './postgres-url';
