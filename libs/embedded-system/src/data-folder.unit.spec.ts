import { statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDataFolder } from './data-folder';
import { ConfigError } from './embedded-config';

describe('prepareDataFolder, before the stores are opened', () => {
  let parent: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'spiral-prepare-'));
  });

  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing folder and the folders above it', () => {
    const dataDir = join(parent, 'a', 'b', 'data');
    prepareDataFolder(dataDir);
    expect(statSync(dataDir).isDirectory()).toBe(true);
  });

  it('takes a folder that exists as it is', () => {
    expect(() => prepareDataFolder(parent)).not.toThrow();
  });

  it('refuses a file, saying so and what to set', async () => {
    const file = join(parent, 'data');
    await writeFile(file, 'not a folder');
    expect(() => prepareDataFolder(file)).toThrow(new ConfigError(`the data folder ${file} is a file, not a folder: set SPIRAL_DATA_DIR (or --data-dir) to a folder`));
  });

  it('refuses a folder that cannot be made under a file, naming the cause', async () => {
    const file = join(parent, 'data');
    await writeFile(file, 'not a folder');
    expect(() => prepareDataFolder(join(file, 'below'))).toThrow(/^the data folder .*below cannot be created \(ENOTDIR.*\): set SPIRAL_DATA_DIR/);
  });

  // procfs is Linux's: elsewhere there is no such folder to try.
  (process.platform === 'linux' ? it : it.skip)('answers at once where the system refuses without a reason it can mend (procfs answers ENOENT under a parent that exists)', () => {
    const started = performance.now();
    expect(() => prepareDataFolder('/proc/spiral-data')).toThrow(/^the data folder \/proc\/spiral-data cannot be created \(ENOENT/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
