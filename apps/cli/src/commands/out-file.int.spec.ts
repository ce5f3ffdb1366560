import { SqliteEventStore } from '@spiral/adapters-embedded';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCommand } from './evaluate.command';
import { replayCommand } from './replay.command';

/** The CLI's commands that write their answer to --out, each with the arguments it needs besides it. */
const WRITING_COMMANDS: readonly (readonly string[])[] = [
  ['replay', '--view', 'all', '--as-of', '2020-01-01'],
  ['evaluate', '--as-of', '2020-01-01'],
];

function spiral(): Command {
  return new Command('spiral').exitOverride().addCommand(replayCommand()).addCommand(evaluateCommand());
}

describe('a command that writes its answer to --out, given a place it cannot write', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'spiral-out-file-'));
    await (await SqliteEventStore.open(dataDir)).close();
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(WRITING_COMMANDS.map((args) => [args[0], args]))('%s refuses a file in a folder that does not exist before it reads anything', async (_name, args) => {
    const out = join(dataDir, 'no-such-folder', 'answer.json');
    await expect(spiral().parseAsync(['node', 'spiral', ...args, '--out', out, '--data-dir', dataDir])).rejects.toThrow(
      `cannot write ${out}: the folder ${join(dataDir, 'no-such-folder')} does not exist (give --out a file in an existing folder)`,
    );
    expect(existsSync(join(dataDir, 'no-such-folder'))).toBe(false);
  });

  it.each(WRITING_COMMANDS.map((args) => [args[0], args]))('%s refuses a path that is a folder', async (_name, args) => {
    const out = join(dataDir, 'a-folder');
    await mkdir(out, { recursive: true });
    await expect(spiral().parseAsync(['node', 'spiral', ...args, '--out', out, '--data-dir', dataDir])).rejects.toThrow(`cannot write ${out}: it is a folder (give --out a file name)`);
  });
});
