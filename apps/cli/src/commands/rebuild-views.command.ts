import { REBUILD_HEAP_MB, REBUILD_THREADS, rebuildViewsInThreads } from '@spiral/embedded-system';
import { Command } from 'commander';
import { historyFolderOf } from './data-folder';
import { wholeNumberOption } from './whole-number-option';

/** `spiral rebuild-views`: every view rebuilt from the whole history, with progress and figures. */
export function rebuildViewsCommand(): Command {
  return new Command('rebuild-views')
    .description('drop and rebuild every view of the embedded data folder from the whole history (stop the server first)')
    .option('--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)')
    .option('--heap-mb <megabytes>', `the rebuild's heap cap, in MB, shared by its threads (default ${REBUILD_HEAP_MB})`, wholeNumberOption(64, 1_000_000, 'of megabytes'))
    .option('--threads <count>', `threads, each rebuilding its share of the projections (default ${REBUILD_THREADS}, one per core)`, wholeNumberOption(1, 64, 'of threads'))
    .action(async (options: { dataDir?: string; heapMb?: number; threads?: number }) => {
      const dataDir = historyFolderOf(options.dataDir);
      let lastShown = 0;
      const figures = await rebuildViewsInThreads(dataDir, (events, head) => {
        if (events - lastShown >= 20_000 || events === head) {
          lastShown = events;
          process.stderr.write(`rebuilt ${events} of ${head} events\n`);
        }
      }, { ...(options.heapMb === undefined ? {} : { heapMb: options.heapMb }), ...(options.threads === undefined ? {} : { threads: options.threads }) });
      process.stdout.write(
        `rebuilt ${figures.projections.length} projections (${figures.projections.join(', ')}) from ${figures.events} events ` +
          `in ${figures.seconds.toFixed(1)} s: ${figures.eventsPerSecond.toFixed(0)} events/s\n`,
      );
    });
}
