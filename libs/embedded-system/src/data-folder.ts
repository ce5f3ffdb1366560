import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './embedded-config';

/**
 * Makes sure the data folder can hold the stores before anything opens them: created when missing,
 * a folder, writable. Refused with what is wrong and what to do, instead of a raw error from deep in
 * the start-up, or none at all: Node's recursive mkdir never returns where the system answers
 * ENOENT under a parent that exists (`/proc`), so the folders are made one level at a time.
 */
export function prepareDataFolder(dataDir: string): void {
  const missing: string[] = [];
  for (let folder = dataDir; !existsSync(folder); folder = dirname(folder)) missing.unshift(folder);
  try {
    for (const folder of missing) mkdirSync(folder);
  } catch (error) {
    throw new ConfigError(`the data folder ${dataDir} cannot be created (${(error as Error).message}): set SPIRAL_DATA_DIR (or --data-dir) to a folder this user may write`);
  }
  if (!statSync(dataDir).isDirectory()) throw new ConfigError(`the data folder ${dataDir} is a file, not a folder: set SPIRAL_DATA_DIR (or --data-dir) to a folder`);
  try {
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new ConfigError(`the data folder ${dataDir} is not writable by this user: set SPIRAL_DATA_DIR (or --data-dir) to a folder this user may write`);
  }
}
