import type { ViewStoreHarness } from './harness';
import { commitCases } from './view-store-commit.cases';
import { documentCases, findCases } from './view-store-documents.cases';

export type ViewStoreFactory = () => Promise<ViewStoreHarness>;

/**
 * What every ViewStore adapter must do, observably. Tests name their collections and projections
 * uniquely, so the suite also runs on a shared database (MongoDB).
 */
export function viewStoreContract(name: string, makeStore: ViewStoreFactory): void {
  describe(`ViewStore contract: ${name}`, () => {
    let current: ViewStoreHarness | undefined;
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const harness = (): ViewStoreHarness => {
      if (current === undefined) throw new Error('the view store harness is not open');
      return current;
    };

    describe('documents', () => documentCases(harness));
    describe('finding', () => findCases(harness));
    describe('commits and checkpoints', () => commitCases(harness));
  });
}
