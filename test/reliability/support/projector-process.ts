import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ProjectorProcessConfig } from './projector-main';

const REGISTER = join(__dirname, '..', '..', '..', 'tools', 'register-typescript.js');
const MAIN = join(__dirname, 'projector-main.ts');

/** One line the projector wrote: a batch it starts, a commit, its start, or that it is current. */
export type ProjectorLine =
  | { readonly batch: string; readonly size: number; readonly first: number; readonly last: number }
  | { readonly committed: string; readonly position: number }
  | { readonly started: number; readonly projections: number; readonly head: number }
  | { readonly caughtUp: number };

/**
 * The parent's side of projector-main.ts: starts it, follows its lines, kills it with SIGKILL
 * and starts it again on the same stores. Counts every event handed to a batch across its lives.
 */
export class ProjectorProcess {
  eventsDelivered = 0;
  /** Projections (by key) with a batch handed over and not committed yet: a kill now lands inside it. */
  readonly batchesInFlight = new Set<string>();
  private child: ChildProcess | undefined;
  private listeners: ((line: ProjectorLine) => void)[] = [];
  private stderr = '';

  constructor(private readonly config: ProjectorProcessConfig) {}

  start(): void {
    this.batchesInFlight.clear();
    const child = spawn(process.execPath, ['-r', REGISTER, MAIN], {
      env: { ...process.env, RELIABILITY_PROJECTOR: JSON.stringify(this.config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) if (text.startsWith('{')) this.hear(JSON.parse(text) as ProjectorLine);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4_000);
    });
    this.child = child;
  }

  /** Resolves on the first line that satisfies the check; fails when the process exits or time runs out. */
  until<T extends ProjectorLine>(check: (line: ProjectorLine) => line is T, timeoutMs: number): Promise<T>;
  until(check: (line: ProjectorLine) => boolean, timeoutMs: number): Promise<ProjectorLine>;
  until(check: (line: ProjectorLine) => boolean, timeoutMs: number): Promise<ProjectorLine> {
    const child = this.child;
    return new Promise((resolve, reject) => {
      const done = (finish: () => void) => {
        clearTimeout(timer);
        child?.off('exit', exited);
        this.listeners = this.listeners.filter((listener) => listener !== hear);
        finish();
      };
      const hear = (line: ProjectorLine) => {
        if (check(line)) done(() => resolve(line));
      };
      const exited = (code: number | null) => done(() => reject(new Error(`the projector exited (${code}) first: ${this.stderr.slice(-4_000)}`)));
      const timer = setTimeout(() => done(() => reject(new Error(`no such line from the projector in ${timeoutMs} ms: ${this.stderr.slice(-1_000)}`))), timeoutMs);
      this.listeners.push(hear);
      child?.once('exit', exited);
    });
  }

  /** kill -9: nothing runs after it, whatever the process was doing. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  private hear(line: ProjectorLine): void {
    if ('batch' in line) {
      this.eventsDelivered += line.size;
      this.batchesInFlight.add(line.batch);
    }
    if ('committed' in line) this.batchesInFlight.delete(line.committed);
    for (const listener of [...this.listeners]) listener(line);
  }
}

export const isBatch = (line: ProjectorLine): line is Extract<ProjectorLine, { batch: string }> => 'batch' in line;
export const isCommit = (line: ProjectorLine): line is Extract<ProjectorLine, { committed: string }> => 'committed' in line;
export const isCaughtUp = (line: ProjectorLine): line is Extract<ProjectorLine, { caughtUp: number }> => 'caughtUp' in line;
export const isStarted = (line: ProjectorLine): line is Extract<ProjectorLine, { started: number }> => 'started' in line;
