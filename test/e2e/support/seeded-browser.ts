import { embeddedConfigFrom } from '@spiral/embedded-system';
import { launchChromium, listenLocally } from '@spiral/web/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runSeed } from '../../../apps/cli/src/seed/seed-runner';
import { DEFAULT_RANDOM_SEED } from '../../../apps/cli/src/seed/seed-size';
import { EmbeddedHarness } from './embedded-harness';

/** What the browser tests drive: the embedded system on a small seed, listening on loopback, and Chromium. */
export interface SeededSystemInBrowser {
  readonly harness: EmbeddedHarness;
  readonly baseUrl: string;
  readonly browser: Browser;
}

/** Seeds a fresh folder (size small), starts the system on it with its views current, and launches Chromium. */
export async function startSeededSystemInBrowser(prefix: string): Promise<SeededSystemInBrowser> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  await runSeed({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED, config: { ...embeddedConfigFrom({}), dataDir } });
  const harness = await EmbeddedHarness.start({ dataDir });
  await harness.viewsCaughtUp();
  return { harness, baseUrl: await listenLocally(harness), browser: await launchChromium() };
}

/** Closes the browser and stops the system (which removes its folder); either may be missing after a failed start. */
export async function stopSeededSystemInBrowser(browser: Browser | undefined, harness: EmbeddedHarness | undefined): Promise<void> {
  await browser?.close();
  await harness?.stop();
}
