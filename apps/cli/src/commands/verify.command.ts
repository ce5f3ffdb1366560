import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { recordVerification, runVerification, type VerifyReport } from '@spiral/audit';
import { Command } from 'commander';
import { eventProgressFor } from '../replay/event-progress';
import { historyFolderOf } from './data-folder';

/** The exit status when the store was read but a chain is broken (1 is for failing to read it at all). */
export const BROKEN_CHAIN_EXIT_CODE = 2;

const HELP = `
Reads every event exactly as stored (older schema versions included, never upcast), recomputes
each stream's SHA-256 hash chain and lists every event altered, removed, unlinked or reordered,
with its stream and revision. The server may keep running; the result is recorded beside the
views, where the audit page shows it. Exit status: 0 when every chain is
intact, ${BROKEN_CHAIN_EXIT_CODE} when something is broken, 1 when the store cannot be read.

Examples:
  $ spiral verify
  $ spiral verify --data-dir /srv/spiral --json > verify.json`;

export function describeReport(report: VerifyReport, seconds: number): string {
  const rate = seconds > 0 ? Math.round(report.events / seconds) : report.events;
  const summary = `${report.ok ? 'intact' : 'BROKEN'}: ${report.events} events in ${report.streams} streams verified in ${seconds.toFixed(1)} s (${rate} events/s)`;
  const lines = report.breaks.map((found) => `  ${found.streamId} revision ${found.revision}: ${found.reason} (${found.detail})`);
  return [summary, ...(lines.length > 0 ? [`${lines.length} breaks:`, ...lines] : [])].join('\n') + '\n';
}

/** The audit page shows the last verification, whoever ran it: this one is recorded in the data folder's views. */
async function recordBeside(dataDir: string, verification: Parameters<typeof recordVerification>[1]): Promise<void> {
  const views = await SqliteViewStore.open(dataDir);
  try {
    await recordVerification(views, verification);
  } finally {
    await views.close();
  }
}

/** `spiral verify`: recompute every hash chain of the embedded store. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description("recompute every stream's hash chain and report each altered, removed or reordered event")
    .option('--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)')
    .option('--json', 'print the report as JSON ({ok, streams, events, breaks[]})')
    .addHelpText('after', HELP)
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const dataDir = historyFolderOf(options.dataDir);
      const store = await SqliteEventStore.open(dataDir);
      const progress = eventProgressFor(process.stderr, 'verifying');
      const startedAt = performance.now();
      try {
        const verification = await runVerification(store, (position, head) => progress.update(Math.min(position, head), head));
        progress.stop();
        const seconds = (performance.now() - startedAt) / 1000;
        const { report } = verification;
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report, seconds));
        if (!report.ok) process.exitCode = BROKEN_CHAIN_EXIT_CODE;
        await recordBeside(dataDir, verification);
      } finally {
        await store.close();
      }
    });
}
