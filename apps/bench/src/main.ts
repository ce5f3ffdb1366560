import 'reflect-metadata';
import { Command, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CostGrowth } from './cost-growth';
import { BENCH_PLANS, BENCHMARKS, HISTORY_SIZES, type BenchmarkName, type HistorySize } from './bench-plan';
import { writeBenchmarksPage } from './benchmarks-page';
import type { Figure } from './figures';
import { describeMachine } from './machine';
import { textTable } from './report';
import { SUITES } from './suites';

interface BenchOptions {
  readonly full?: boolean;
  readonly quick?: boolean;
  readonly only?: BenchmarkName[];
  readonly cacheDir: string;
  readonly write?: boolean;
  readonly histories?: HistorySize[];
}

const say = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

// `npm run bench`: prints figures and writes docs/benchmarks.md; benchmarks never fail on a slow machine.
new Command('bench')
  .description('measure Spiral against the machine’s own ceiling; figures are medians of several runs with min and max')
  .option('--quick', 'a CI-sized run, a minute or two (the default)')
  .option('--full', 'the full run for docs/benchmarks.md (long: seeds the large history once)')
  .addOption(new Option('--only <names...>', 'run only these benchmarks').choices(BENCHMARKS))
  .addOption(new Option('--histories <sizes...>', 'seed sizes to replay and query, up to xlarge (1,000,000 events); default: quick small, full small default').choices(HISTORY_SIZES))
  .option('--cache-dir <dir>', 'where seeded histories are kept between runs', join(tmpdir(), 'spiral-bench-cache'))
  .option('--write', 'write docs/benchmarks.md (a full run of every benchmark writes it unless --no-write)')
  .option('--no-write', 'do not write docs/benchmarks.md')
  .action(async (options: BenchOptions) => {
    const chosen = BENCH_PLANS[options.full ? 'full' : 'quick'];
    const plan = options.histories ? { ...chosen, histories: options.histories } : chosen;
    mkdirSync(options.cacheDir, { recursive: true });
    const started = performance.now();
    const figures: Figure[] = [];
    const growth = new CostGrowth();
    for (const name of options.only ?? BENCHMARKS) {
      try {
        figures.push(...(await SUITES[name]({ plan, growth, cacheDir: options.cacheDir, say })));
      } catch (error) {
        // A benchmark that cannot run says why and the others go on: figures, not a verdict.
        say(`${name}: could not run: ${error instanceof Error ? error.message : String(error)}`);
        figures.push({ benchmark: name, name: `could not run: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`, unit: '', runs: [] });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(textTable(figures));
    const growthTable = growth.markdown();
    if (growthTable !== '') console.log(`\ncost growth (medians by history size):\n${growthTable}`);
    // A full run of some benchmarks only would replace the page's table with a part of it.
    const write = options.write ?? (plan.mode === 'full' && options.only === undefined);
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
    if (write) say(`wrote ${writeBenchmarksPage(figures, growthTable, describeMachine(), command, seconds)}`);
  })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
