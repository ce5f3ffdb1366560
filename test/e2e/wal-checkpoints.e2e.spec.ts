import { WalCheckpointsThread } from '@spiral/embedded-system';
import { EmbeddedHarness } from './support/embedded-harness';
import { registerTeam } from './support/local-spirals';

/**
 * The server's writer leaves the event store's WAL checkpoints to a thread of their own, so no
 * request waits behind a checkpoint's syncs (WalCheckpointsThread, SqliteWalCheckpoints).
 */
describe("the event store's WAL checkpointed in a thread of its own", () => {
  let harness: EmbeddedHarness;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
  });
  afterAll(() => harness.stop());

  it('checkpoints what the commands wrote', async () => {
    const thread = harness.resolve(WalCheckpointsThread);
    const before = thread.checkpointsRun;
    await registerTeam(harness);
    const deadline = Date.now() + 10_000;
    while (thread.checkpointsRun === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(thread.checkpointsRun).toBeGreaterThan(before);
  });
});
