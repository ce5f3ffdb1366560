import 'reflect-metadata';
import { Command } from 'commander';
import { commandLatency } from './command-latency.bench';

// `npm run bench`: prints figures; benchmarks never fail on a slow machine.
new Command('bench')
  .option('--commands <n>', 'commands sent one after another', '2000')
  .action(async (options: { commands: string }) => {
    const figures = await commandLatency(Number(options.commands));
    console.log(`durable single-command latency over HTTP (${figures.count} commands, one client):`);
    console.log(`  p50 ${figures.p50.toFixed(2)} ms  p99 ${figures.p99.toFixed(2)} ms  max ${figures.max.toFixed(2)} ms  ${figures.perSecond.toFixed(0)} commands/s`);
  })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
