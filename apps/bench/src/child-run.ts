import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildRun {
  readonly stdout: string;
  readonly seconds: number;
  readonly peakRssBytes: number;
}

/** The compiled `spiral` CLI, next to this app in dist/. */
export const CLI_MAIN = join(__dirname, '..', '..', 'cli', 'src', 'main.js');

/**
 * Runs a node script in a child process and measures it from outside: wall time and peak RSS (read
 * by a preload at exit), so the figures are the child's own and not the bench's. Its output
 * lines are passed on as progress.
 */
export async function runMeasured(script: string, args: readonly string[], onLine?: (line: string) => void): Promise<ChildRun> {
  const folder = mkdtempSync(join(tmpdir(), 'spiral-bench-rss-'));
  const rssFile = join(folder, 'rss');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', join(__dirname, 'peak-rss.preload.js'), script, ...args], {
      env: { ...process.env, SPIRAL_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const show = (text: string) => {
      for (const line of text.split('\n')) if (line.trim() !== '') onLine?.(line.trim());
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      show(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      show(chunk.toString('utf8'));
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}: ${stderr.slice(-500)}`);
    return { stdout, seconds, peakRssBytes: Number(readFileSync(rssFile, 'utf8')) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
