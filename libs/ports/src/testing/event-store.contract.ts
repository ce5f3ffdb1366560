import type { EventStoreHarness } from './harness';
import { appendCases } from './event-store-append.cases';
import { concurrencyCases, idempotencyCases } from './event-store-idempotency.cases';
import { hashChainCases, readAllCases } from './event-store-reads.cases';
import { subscribeCases } from './event-store-subscribe.cases';
import { durabilityCases } from './event-store-durability.cases';
import { typeFilterCases } from './event-store-types.cases';
import { upcastingCases } from './event-store-upcasting.cases';

export type EventStoreFactory = () => Promise<EventStoreHarness>;

/**
 * What every EventStore adapter must do, observably. Each test makes a fresh harness, names its
 * own streams uniquely and measures global positions from the head it found, so the suite also
 * runs on a shared server that holds other data (KurrentDB), as long as nothing else writes to it
 * while a test runs. Positions are compared, never assumed to be contiguous or to start at 1.
 */
export function eventStoreContract(name: string, makeStore: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStoreHarness | undefined;
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const harness = (): EventStoreHarness => {
      if (current === undefined) throw new Error('the event store harness is not open');
      return current;
    };

    describe('appending', () => appendCases(harness));
    describe('idempotent retries', () => idempotencyCases(harness));
    describe('concurrent writers', () => concurrencyCases(harness));
    describe('hash chain', () => hashChainCases(harness));
    describe('reading all', () => readAllCases(harness));
    describe('subscribing to all', () => subscribeCases(harness));
    describe('durability and health', () => durabilityCases(harness));
    describe('upcasting', () => upcastingCases(harness));
    describe('reading by type', () => typeFilterCases(harness));
  });
}
