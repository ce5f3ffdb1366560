export * from './engine-under-test';
