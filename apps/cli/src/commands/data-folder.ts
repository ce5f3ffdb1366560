import { embeddedConfigFrom } from '@spiral/embedded-system';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The data folder a command is given (`--data-dir`), or the environment's (SPIRAL_DATA_DIR, else ./data). */
export function dataFolderOf(option: string | undefined): string {
  return option ? resolve(option) : embeddedConfigFrom(process.env).dataDir;
}

/**
 * The data folder of a command that reads its history (rebuild, replay, evaluate, trace, verify,
 * dead letters). One without an event store is refused before anything opens it: opening it would
 * create an empty store there, and a mistyped `--data-dir` would then be answered from nothing.
 */
export function historyFolderOf(option: string | undefined): string {
  const dataDir = dataFolderOf(option);
  if (!existsSync(join(dataDir, 'events.sqlite'))) {
    throw new Error(`no event store in ${dataDir} (events.sqlite is missing): give the data folder with --data-dir or SPIRAL_DATA_DIR, or seed one with 'spiral seed'`);
  }
  return dataDir;
}
