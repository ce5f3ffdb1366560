import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The file a command writes its answer to (`--out`), checked before the work that fills it: a
 * replay or an evaluation of a long history runs for minutes, and a folder that does not exist, is
 * not writable, or a path that is a folder, would otherwise fail only once all of it was done.
 */
export function outFileOf(option: string): string {
  const out = resolve(option);
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`cannot write ${out}: the folder ${folder} does not exist (give --out a file in an existing folder)`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new Error(`cannot write ${out}: it is a folder (give --out a file name)`);
  try {
    accessSync(existsSync(out) ? out : folder, constants.W_OK);
  } catch {
    throw new Error(`cannot write ${out}: ${existsSync(out) ? 'the file' : `the folder ${folder}`} is not writable by this user`);
  }
  return out;
}
