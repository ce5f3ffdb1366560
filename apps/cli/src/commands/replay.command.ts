import { describeAsOf, EXPORT_FORMATS, formatOfFile, parseAsOf, type AsOf, type ExportFormat } from '@spiral/replay';
import { Command, InvalidArgumentError, Option } from 'commander';
import { eventProgressFor } from '../replay/event-progress';
import { historyFolderOf } from './data-folder';
import { outFileOf } from './out-file';
import { replayToFile } from '../replay/run-replay';

function asOfArgument(text: string): AsOf {
  try {
    return parseAsOf(text);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

const HELP = `
As of a time, the replay keeps the events that occurred by then (occurredAt), history entered
later included; as of position:N, the events stored up to global position N. The views are built
in a temporary SQLite file of their own: the live views are never touched, and the server may
keep running.

Examples:
  $ spiral replay --view national-view --as-of 2005-03-31 --out national-2005-03.json
  $ spiral replay --view all --as-of position:50000 --out views.csv`;

/** `spiral replay`: a view (or all) rebuilt as of a moment into an isolated copy, exported to a file. */
export function replayCommand(): Command {
  return new Command('replay')
    .description('rebuild a view as of a moment (a time or position:N) into an isolated copy and export it to JSON or CSV')
    .requiredOption('--view <name>', 'the view to replay (local-spiral-view, local-team-view, local-organisation-view, regional-view, national-view) or all')
    .requiredOption('--as-of <moment>', 'an ISO 8601 time (a bare date is the end of that day) or position:N', asOfArgument)
    .requiredOption('--out <file>', 'where to write the views: .csv for CSV, else JSON')
    .addOption(new Option('--format <format>', 'the output format (default: from the file name)').choices(EXPORT_FORMATS))
    .option('--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)')
    .addHelpText('after', HELP)
    .action(async (options: { view: string; asOf: AsOf; out: string; format?: ExportFormat; dataDir?: string }) => {
      const dataDir = historyFolderOf(options.dataDir);
      const out = outFileOf(options.out);
      const progress = eventProgressFor(process.stderr, 'replaying');
      progress.pass(`${options.view} as of ${describeAsOf(options.asOf)}`);
      const figures = await replayToFile({ dataDir, view: options.view, asOf: options.asOf, out, format: options.format ?? formatOfFile(out), progress: (done, total) => progress.update(done, total) });
      progress.stop();
      process.stdout.write(
        `replayed ${figures.projections.join(', ')} as of ${figures.asOf}: ${figures.eventsApplied} of ${figures.eventsRead} events read ` +
          `in ${figures.seconds.toFixed(1)} s (${figures.eventsPerSecond.toFixed(0)} events/s), written to ${out}\n`,
      );
    });
}
