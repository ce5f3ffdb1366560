import { embeddedConfigFrom, prepareDataFolder } from '@spiral/embedded-system';
import { Command, Option } from 'commander';
import { dataFolderOf } from './data-folder';
import { wholeNumberOption } from './whole-number-option';
import { progressFor } from '../seed/seed-progress';
import { runSeed } from '../seed/seed-runner';
import { DEFAULT_RANDOM_SEED, SEED_SIZES, type SeedSize } from '../seed/seed-size';
import { seedSummary } from '../seed/seed-summary';

const HELP = `
The 28 Strategic Health Authorities of England of 2002–2006 by their real names, with
organisations, clinical teams, spirals, practices, field tests, priorities, networks and monthly
measurements from 2002-04 to 2006-06. Everything but the SHA names is synthetic, and so are all
codes: SHAs S01..S28, organisations S01-O01.., teams and spirals with derived ids.

Every fact goes through the command layer (the same handlers and deciders as the HTTP API).
Gains are not planned: SPC decides them from the measurements, and its process manager records
them as the seed writes each spiral's points, dated by the point that fired them.

The same flags give the same history. Each command carries an idempotency key made of the size,
the random seed and its place in the story, so running seed again on the same data folder with
the same flags stores nothing twice. Other flags on the same folder add a second, separate history:
seed a fresh folder instead.

Examples:
  $ spiral seed                          # default size into SPIRAL_DATA_DIR or ./data
  $ spiral seed --size small --data-dir /tmp/spiral-demo
  $ spiral seed --size large --random-seed 7
  $ spiral seed --size xlarge --data-dir /tmp/spiral-1m   # issue #7's million events`;

/** `spiral seed`: commander wiring only; the planning and writing live in ../seed. */
export function seedCommand(): Command {
  return new Command('seed')
    .description('write a realistic synthetic health service (the 28 SHAs of 2002–2006, years of history) into the data folder')
    .addOption(new Option('--size <size>', 'how much history: small (a few SHAs, ~4,000 events, seconds), default (all 28, ~98,500 events, minutes), large (~313,000 events) and xlarge (~1,000,000 events, under ten minutes) for benchmarks').choices(SEED_SIZES).default('default'))
    .option('--random-seed <n>', 'seed of the random draws; the same seed gives the same history', wholeNumberOption(0, 0xffffffff), DEFAULT_RANDOM_SEED)
    .option('--data-dir <dir>', 'data folder of the embedded store (default: SPIRAL_DATA_DIR or ./data)')
    .addHelpText('after', HELP)
    .action(async (options: { size: SeedSize; randomSeed: number; dataDir?: string }) => {
      const environment = embeddedConfigFrom(process.env);
      const dataDir = dataFolderOf(options.dataDir);
      prepareDataFolder(dataDir);
      process.stdout.write(`Seeding synthetic history (size ${options.size}, random seed ${options.randomSeed}) into ${dataDir}\n`);
      const result = await runSeed({
        size: options.size,
        randomSeed: options.randomSeed,
        config: { ...environment, dataDir },
        progress: progressFor(process.stdout),
      });
      process.stdout.write(`${seedSummary(result, dataDir)}\n`);
    });
}
