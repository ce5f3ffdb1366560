// The engine checks moved to @spiral/ports/testing (every networked adapter's int spec uses them).
export { describeWithEngine, isReachable, type EngineUnderTest } from '@spiral/ports/testing';
export * from './kafka-brokers';
