import 'reflect-metadata';
import { Logger, type LoggerService } from '@nestjs/common';
import { InProcessEventFeed, SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import type { CommandResult } from '@spiral/command-handling';
import { RuleViolated } from '@spiral/decider';
import { GainsProcessManager, GAINS_PROCESS_MANAGER, type ExecuteSpiralCommand } from '@spiral/local';
import { systemClock } from '@spiral/ports';
import { BlueGreenSwitch, ProjectionRunner, projectionKey, type ReaderRouting } from '@spiral/projections';
import { Subject } from 'rxjs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { EMBEDDED_PROJECTIONS } from '../embedded-projections';
import { AppendSignal, type CommandOutcome, type FromLiveViews, type LiveViewsWorkerData, type LogLevel, type ToLiveViews } from './live-views-protocol';
import { PendingReplies } from './pending-replies';

/**
 * The embedded system's live views, in a worker thread of their own: every projection runner and
 * the gains process manager, on their own SQLite connections to the event and view files, fed by
 * the store's subscription as in one process. The server tells the thread after each commit
 * ('appended'); gains go back to the server's write path as commands; blue/green asks the server
 * to route its readers. See LiveViewsThread for the server's side.
 */
async function runLiveViews(port: MessagePort, { dataDir, appendSignal }: LiveViewsWorkerData): Promise<void> {
  const signal = new AppendSignal(appendSignal);
  const send = (message: FromLiveViews) => port.postMessage(message);
  Logger.overrideLogger(new ServerLog(send));
  const appended = new Subject<number>();
  const replies = new PendingReplies<CommandOutcome | undefined>();
  // What to stop, in the order things were started; a stop asked mid-start stops what has started.
  const started: { stop(): Promise<void> }[] = [];
  port.on('message', (message: ToLiveViews) => {
    if (message.kind === 'appended') appended.next(signal.lower());
    else if (message.kind === 'reply') replies.reply(message.id, message.outcome);
    else void stopInReverse(started).finally(() => port.close());
  });

  const store = await SqliteEventStore.open(dataDir, { appendedElsewhere: appended });
  started.push({ stop: () => store.close() });
  const views = await SqliteViewStore.open(dataDir);
  started.push({ stop: () => views.close() });
  const feed = new InProcessEventFeed(store);
  started.push({ stop: () => feed.close() });
  const routing: ReaderRouting = {
    route: (projection, servingVersion) => replies.request((id) => send({ kind: 'route', id, projection: projection.name, servingVersion })).then(() => undefined),
    unroute: (projection) => replies.request((id) => send({ kind: 'unroute', id, projection })).then(() => undefined),
  };
  const blueGreen = new BlueGreenSwitch(views, store, systemClock, routing);
  const runners = EMBEDDED_PROJECTIONS.map((projection) => new ProjectionRunner(projection, feed, views, store, systemClock));
  const gains = new GainsProcessManager({ feed, views, store }, (command) => viaServer(replies, send, command));
  for (const runner of runners) {
    await blueGreen.prepare(runner);
    started.push(runner);
    await runner.start();
  }
  started.push(gains);
  await gains.start();
  send({ kind: 'ready', groups: [...EMBEDDED_PROJECTIONS.map(projectionKey), GAINS_PROCESS_MANAGER] });
}

/** Stops the gains manager first (its batch in flight may still send commands), then the runners, then the connections. */
async function stopInReverse(started: readonly { stop(): Promise<void> }[]): Promise<void> {
  for (const one of [...started].reverse()) await one.stop();
}

/** A gain command through the server's write path; a domain refusal comes back as one, so the manager skips it. */
async function viaServer(replies: PendingReplies<CommandOutcome | undefined>, send: (message: FromLiveViews) => void, command: ExecuteSpiralCommand): Promise<CommandResult> {
  const outcome = await replies.request((id) => send({ kind: 'command', id, spiralId: command.aggregateId, envelope: command.envelope }));
  if (outcome === undefined) throw new Error('the server answered a gain command with nothing');
  if (outcome.ok) return outcome.result;
  throw outcome.domain ? new RuleViolated(outcome.code, outcome.message) : new Error(outcome.message);
}

/** Nest's Logger in this thread writes to the server's log (its level, its format), with the logger's context. */
class ServerLog implements LoggerService {
  constructor(private readonly send: (message: FromLiveViews) => void) {}

  log = (message: unknown, ...rest: unknown[]) => this.write('log', message, rest);
  error = (message: unknown, ...rest: unknown[]) => this.write('error', message, rest);
  warn = (message: unknown, ...rest: unknown[]) => this.write('warn', message, rest);
  debug = (message: unknown, ...rest: unknown[]) => this.write('debug', message, rest);
  verbose = (message: unknown, ...rest: unknown[]) => this.write('verbose', message, rest);
  fatal = (message: unknown, ...rest: unknown[]) => this.write('fatal', message, rest);

  private write(level: LogLevel, message: unknown, rest: readonly unknown[]): void {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : 'LiveViews';
    const line = message instanceof Error ? (message.stack ?? message.message) : message;
    try {
      this.send({ kind: 'log', level, context, message: line });
    } catch {
      // A value that cannot cross threads (a function inside) is logged as text rather than lost.
      this.send({ kind: 'log', level, context, message: String(line) });
    }
  }
}

// A failed start rejects unhandled, which ends the thread with its error: the server logs it and restarts the thread.
if (parentPort !== null) void runLiveViews(parentPort, workerData as LiveViewsWorkerData);
