import { embeddedConfigFrom, rebuildViews } from '@spiral/embedded-system';
import { Command } from 'commander';
import { resolve } from 'node:path';

/** `spiral rebuild-views`: every view rebuilt from the whole history, with progress and figures. */
export function rebuildViewsCommand(): Command {
  return new Command('rebuild-views')
    .description('drop and rebuild every view of the embedded data folder from the whole history (stop the server first)')
    .option('--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)')
    .action(async (options: { dataDir?: string }) => {
      const dataDir = options.dataDir ? resolve(options.dataDir) : embeddedConfigFrom(process.env).dataDir;
      let lastShown = 0;
      const figures = await rebuildViews(dataDir, (events, head) => {
        if (events - lastShown >= 20_000 || events === head) {
          lastShown = events;
          process.stderr.write(`rebuilt ${events} of ${head} events\n`);
        }
      });
      process.stdout.write(
        `rebuilt ${figures.projections.length} projections (${figures.projections.join(', ')}) from ${figures.events} events ` +
          `in ${figures.seconds.toFixed(1)} s: ${figures.eventsPerSecond.toFixed(0)} events/s\n`,
      );
    });
}
