import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RelayProcessConfig } from './relay-main';

const REGISTER = join(__dirname, '..', '..', '..', 'tools', 'register-typescript.js');
const MAIN = join(__dirname, 'relay-main.ts');

export interface RelayLife {
  /** 'SIGKILL' when it died at its crash point, 'current' when it reached the head and was stopped. */
  readonly ended: 'SIGKILL' | 'current';
  /** The last checkpoint it reported writing (0 for none). */
  readonly checkpoint: number;
  readonly seconds: number;
}

/**
 * Runs relay-main.ts once: until it kills itself at its crash point, or, without one, until its
 * checkpoint reaches `head` (then it is killed, as any later stop would be).
 */
export function runRelay(config: RelayProcessConfig, head: number, timeoutMs: number): Promise<RelayLife> {
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', REGISTER, MAIN], {
    env: { ...process.env, RELIABILITY_RELAY: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let checkpoint = 0;
  let current = false;
  let stderr = '';
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const said = line.startsWith('{') ? (JSON.parse(line) as { checkpoint?: number }) : {};
      if (said.checkpoint !== undefined) checkpoint = said.checkpoint;
      if (checkpoint >= head && !current) {
        current = true;
        child.kill('SIGKILL');
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2_000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      if (current) resolve({ ended: 'current', checkpoint, seconds });
      else if (signal === 'SIGKILL' && config.crash !== undefined && Date.now() - started < timeoutMs) resolve({ ended: 'SIGKILL', checkpoint, seconds });
      else reject(new Error(`the relay ended (${code ?? signal}) before its crash point or the head: ${stderr}`));
    });
  });
}
