import { GainsProcessManagerHost } from '@spiral/local';
import type { EmbeddedHarness } from './embedded-harness';

/**
 * Resolves when the gains process manager and every projection have handled all that is stored, and
 * nothing new was stored meanwhile: the manager's gains are themselves events the views must apply.
 */
export async function settled(harness: EmbeddedHarness): Promise<void> {
  const gains = harness.resolve(GainsProcessManagerHost);
  for (let head = -1; head !== (await harness.eventStore.headPosition()); ) {
    head = await harness.eventStore.headPosition();
    await gains.caughtUp(60_000);
    await harness.viewsCaughtUp();
  }
}
