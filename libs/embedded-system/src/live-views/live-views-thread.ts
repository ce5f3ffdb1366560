import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SqliteEventStore } from '@spiral/adapters-embedded';
import type { CommandResult } from '@spiral/command-handling';
import { DomainError } from '@spiral/decider';
import { ExecuteSpiralCommand } from '@spiral/local';
import { CLOCK, EVENT_STORE, VIEW_STORE, type Clock, type EventStore, type ViewStore } from '@spiral/ports';
import { ActiveViewStore, PROJECTIONS, projectionKey, projectionStatus, untilCaughtUp, type Projection, type ProjectionStatus } from '@spiral/projections';
import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Subscription } from 'rxjs';
import { LiveViewsFeed } from './live-views-feed';
import { AppendSignal, type CommandOutcome, type FromLiveViews, type LiveViewsWorkerData, type ToLiveViews } from './live-views-protocol';
import { startWorker, THREAD_READS, type ThreadReads } from '@spiral/jobs';

export const LIVE_VIEWS_DATA_DIR = Symbol('LiveViewsDataDir');

const WORKER_MODULE = join(__dirname, `live-views.worker${extname(__filename)}`);
/** After a crash the thread is started again after this, doubling while it keeps crashing within a minute. */
const RESTART_DELAY_MS = { first: 500, max: 30_000, calmAfter: 60_000 } as const;
/** A stop waits this long for the batches in flight, then ends the thread. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * The server's side of its live views (live-views.worker.ts): the projections and the gains process
 * manager run in a worker thread, so a command's latency no longer includes the views' work. This
 * starts the thread and waits until it projects, tells it of each commit, answers its requests (gain
 * commands through this thread's write path, blue/green routing of this thread's readers), restarts
 * it after a crash (logged, with the views catching up from their checkpoints), and stops it before
 * the engines close. It stands for Projections: statuses come from the checkpoints the thread commits.
 */
@Injectable()
export class LiveViewsThread implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveViews');
  private worker: Worker | undefined;
  private appendSignal = new AppendSignal();
  private running = false;
  private stopping = false;
  private paused = false;
  private started = false;
  private restarts = 0;
  private restartDelay: number = RESTART_DELAY_MS.first;
  private restartTimer: NodeJS.Timeout | undefined;
  private commits: Subscription | undefined;
  private groups: readonly string[] = [];
  readonly feed = new LiveViewsFeed(() => ({ running: this.running, detail: this.detail() }));

  constructor(
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VIEW_STORE) private readonly views: ViewStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LIVE_VIEWS_DATA_DIR) private readonly dataDir: string,
    private readonly commands: CommandBus,
    @Inject(THREAD_READS) private readonly reads: ThreadReads,
  ) {}

  /** The thread now running, if any (its id in logs; tests end it to see it restarted). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.store instanceof SqliteEventStore)) throw new Error('the live views worker thread follows the embedded SQLite event store only');
    this.commits = this.store.commits.subscribe((durableHead) => {
      if (this.appendSignal.raise(durableHead)) this.worker?.postMessage({ kind: 'appended' } satisfies ToLiveViews);
    });
    await this.launch();
    this.started = true;
    this.logger.log(`projecting ${this.groups.join(', ')} in worker thread ${this.worker?.threadId}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.commits?.unsubscribe();
    await this.end();
  }

  /**
   * Stops the thread until `resume`, for a rebuild that rewrites every view under it (commands are
   * still taken meanwhile, and /health says the live views are paused).
   */
  async pause(): Promise<void> {
    this.paused = true;
    clearTimeout(this.restartTimer);
    await this.end();
  }

  /** Starts the thread again after `pause`: the views catch up from their checkpoints. */
  async resume(): Promise<void> {
    this.paused = false;
    if (!this.stopping) await this.launch();
  }

  /** Asks the thread to stop after its batches in flight; ends it if it takes too long. */
  private async end(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ kind: 'stop' } satisfies ToLiveViews);
    const timeout = setTimeout(() => {
      this.logger.warn(`the live views' thread did not stop within ${STOP_TIMEOUT_MS} ms: ending it (the views resume from their checkpoints)`);
      void worker.terminate();
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timeout);
  }

  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.projections.map(async (projection) => {
        const key = projectionKey(projection);
        return projectionStatus(key, await this.views.checkpoint(key), this.running, this.store, this.clock);
      }),
    );
  }

  /** Resolves when every projection has applied everything stored up to now (tests, replays). */
  caughtUp(timeoutMs = 10_000): Promise<void> {
    return untilCaughtUp(() => this.statuses(), timeoutMs);
  }

  /** Starts the thread; resolves once it projects, rejects if it ends before. */
  private launch(): Promise<void> {
    // A fresh signal: a thread that died may have left the flag raised.
    this.appendSignal = new AppendSignal();
    const workerData: LiveViewsWorkerData = { dataDir: this.dataDir, appendSignal: this.appendSignal.shared };
    const worker = startWorker(WORKER_MODULE, { name: 'live-views', workerData });
    this.worker = worker;
    const launchedAt = Date.now();
    let failure: Error | undefined;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromLiveViews) => {
        if (message.kind !== 'ready') return void this.answer(worker, message);
        this.running = true;
        this.groups = message.groups;
        resolve();
      });
      worker.on('error', (error) => (failure = error));
      worker.on('exit', (code) => {
        this.running = false;
        if (this.worker === worker) this.worker = undefined;
        const why = `exit code ${code}${failure ? `: ${failure.stack ?? failure.message}` : ''}`;
        reject(new Error(`the live views' worker thread ended before it was ready (${why})`));
        if (!this.stopping && !this.paused && this.started) this.restartAfterCrash(why, Date.now() - launchedAt);
      });
    });
  }

  private restartAfterCrash(why: string, ranMs: number): void {
    this.restartDelay = ranMs > RESTART_DELAY_MS.calmAfter ? RESTART_DELAY_MS.first : Math.min(this.restartDelay * 2, RESTART_DELAY_MS.max);
    const delay = this.restartDelay;
    this.logger.error(`the live views' worker thread stopped unexpectedly (${why}); restarting it in ${delay} ms. Commands are still taken; the views catch up from their checkpoints once it runs.`);
    this.restartTimer = setTimeout(() => {
      this.launch().then(
        () => {
          this.restarts += 1;
          this.logger.warn(`the live views' worker thread is running again (restart ${this.restarts}): ${this.groups.join(', ')}`);
        },
        () => undefined, // its exit has already scheduled the next attempt
      );
    }, delay);
  }

  private answer(worker: Worker, message: Exclude<FromLiveViews, { kind: 'ready' }>): void {
    const reply = (outcome?: CommandOutcome) => {
      if (this.worker === worker) worker.postMessage({ kind: 'reply', id: message.kind === 'log' ? 0 : message.id, outcome } satisfies ToLiveViews);
    };
    switch (message.kind) {
      case 'log':
        return void new Logger(message.context)[message.level](message.message);
      case 'route':
        this.routing()?.route(this.projectionNamed(message.projection), message.servingVersion);
        return reply();
      case 'unroute':
        this.routing()?.unroute(message.projection);
        // The old generation is dropped once this is answered: the reads thread's reads in flight
        // may still be reading it (they follow the recorded switch themselves, RecordedGenerationViews).
        return void this.reads.settled().then(() => reply());
      case 'command':
        return void this.execute(new ExecuteSpiralCommand(message.spiralId, message.envelope)).then(reply);
    }
  }

  private async execute(command: ExecuteSpiralCommand): Promise<CommandOutcome> {
    try {
      return { ok: true, result: await this.commands.execute<ExecuteSpiralCommand, CommandResult>(command) };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, domain: true, code: error.code, message: error.message };
      return { ok: false, domain: false, code: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private routing() {
    return this.views instanceof ActiveViewStore ? this.views.routing : undefined;
  }

  private projectionNamed(name: string): Projection {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (projection === undefined) throw new Error(`the live views' thread routed an unknown projection ${name}`);
    return projection;
  }

  private detail(): string {
    const state = this.running ? `running (thread ${this.worker?.threadId})` : this.stopping ? 'stopped' : this.paused ? 'paused while the views are rebuilt' : 'not running: restarting';
    return `live views worker thread ${state}, restarted ${this.restarts} time(s); consumer groups: ${this.groups.join(', ')}`;
  }
}
