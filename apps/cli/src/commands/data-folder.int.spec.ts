import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadLettersCommand } from './dead-letters.command';
import { evaluateCommand } from './evaluate.command';
import { rebuildViewsCommand } from './rebuild-views.command';
import { replayCommand } from './replay.command';
import { traceCommand } from './trace.command';
import { verifyCommand } from './verify.command';

/** The CLI's commands that read a data folder's history, each with the arguments it needs besides the folder. */
const READING_COMMANDS: readonly (readonly string[])[] = [
  ['rebuild-views'],
  ['replay', '--view', 'all', '--as-of', '2020-01-01', '--out', 'views.json'],
  ['evaluate', '--as-of', '2020-01-01'],
  ['trace', '--spiral', 'S1'],
  ['verify'],
  ['dead-letters', 'list'],
  ['dead-letters', 'replay'],
];

function spiral(): Command {
  return new Command('spiral')
    .exitOverride()
    .addCommand(rebuildViewsCommand())
    .addCommand(replayCommand())
    .addCommand(evaluateCommand())
    .addCommand(traceCommand())
    .addCommand(verifyCommand())
    .addCommand(deadLettersCommand());
}

describe('a command that reads history, given a data folder without an event store', () => {
  let parent: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'spiral-data-folder-'));
  });

  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it.each(READING_COMMANDS.map((args) => [args.join(' '), args]))('%s refuses it, saying which folder and what to do, and creates nothing there', async (_name, args) => {
    const missing = join(parent, 'mistyped');
    await expect(spiral().parseAsync(['node', 'spiral', ...args, '--data-dir', missing])).rejects.toThrow(
      `no event store in ${missing} (events.sqlite is missing): give the data folder with --data-dir or SPIRAL_DATA_DIR, or seed one with 'spiral seed'`,
    );
    expect(existsSync(missing)).toBe(false);
  });
});
