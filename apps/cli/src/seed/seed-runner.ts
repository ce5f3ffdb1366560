import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SqliteEventStore } from '@spiral/adapters-embedded';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { AggregateCommand, CommandResult } from '@spiral/command-handling';
import { EmbeddedModule, type EmbeddedConfig } from '@spiral/embedded-system';
import { GainsProcessManagerHost, LOCAL_PROCESS_MANAGERS, type LocalProcessManagersOptions } from '@spiral/local';
import { SPIRAL_STEPS, type SpiralStep } from '@spiral/event-catalogue';
import { EVENT_STORE, VIEW_STORE, type EventStore, type ViewStore } from '@spiral/ports';
import { RegionalViewReader } from '@spiral/regional';
import { applyHistory, Projections } from '@spiral/projections';
import { messageFor } from './bus-message';
import { mayMoveChart } from './chart-commands';
import type { PlannedCommand } from './planned-command';
import { buildSeedPlan, planFigures, type PlanFigures, type SeedPlan, type SeedPlanOptions } from './seed-plan';
import { silentProgress, type SeedProgress } from './seed-progress';

/** The plan without its commands: they are let go one by one as they are written (≈ 400 MB at xlarge), before the views catch up. */
export type SeedPlanOutline = Omit<SeedPlan, 'commands'>;

export interface SeedRunOptions extends SeedPlanOptions {
  /** The embedded system's configuration; its data folder is where the history goes. */
  readonly config: EmbeddedConfig;
  readonly progress?: SeedProgress;
  /**
   * Sync every command's append as a server does (default false: bulk import, see below). A seed
   * that stops half-way is simply run again: its commands are idempotent.
   */
  readonly durableEachCommand?: boolean;
}

export interface SeedRunResult {
  readonly plan: SeedPlanOutline;
  readonly figures: PlanFigures;
  /** New events only: a command found already stored (a re-run) adds none. */
  readonly eventsStored: number;
  readonly commandsReplayed: number;
  /** Gains the SPC process manager recorded from the seeded measurements (also in eventsStored). */
  readonly gainsRecorded: number;
  /**
   * Spirals by step as the views show them once caught up (the national funnel every regional view
   * compares itself with): the plan's final steps, moved on by the gains SPC recorded (a gain
   * achieved takes a spiral from change to sustainability), and any history the folder held before.
   */
  readonly spiralsByStep: Readonly<Record<SpiralStep, number>>;
  readonly headBefore: number;
  readonly headAfter: number;
  readonly seconds: number;
  /** Where the time went: planning, writing through the command layer, the views catching up. */
  readonly phaseSeconds: { readonly plan: number; readonly write: number; readonly views: number };
}

const PROGRESS_EVERY = 100;
/** How long the views may take to settle on anything stored after that catch-up. */
const VIEWS_CATCH_UP_MS = 60_000;
/**
 * Events the store keeps parsed while the seed writes (SqliteEventStore.cacheStreamsForBulkImport):
 * the whole default history (98,534), and at xlarge the streams of the spirals running at once.
 */
const STREAM_CACHE_EVENTS = 250_000;

/**
 * The gains process manager does not follow the feed while seeding: it would race the seeding loop
 * into a spiral's stream and date its gains by when it caught up. The seeder asks it instead to settle
 * each spiral right after each write that can move its chart (see chart-commands.ts), so every gain
 * SPC shows is recorded in time order, dated by the point that fired it and before the seed's later
 * steps (a close) on that spiral.
 */
const GAINS_SETTLED_BY_THE_SEEDER: LocalProcessManagersOptions = { gains: false };

@Global()
@Module({ providers: [{ provide: LOCAL_PROCESS_MANAGERS, useValue: GAINS_SETTLED_BY_THE_SEEDER }], exports: [LOCAL_PROCESS_MANAGERS] })
class SeedingOptionsModule {}

/** The embedded system as `spiral start` composes it, with the seeding options above and no logging. */
function seedingModule(config: EmbeddedConfig): DynamicModule {
  return { module: SeedingOptionsModule, imports: [EmbeddedModule.forRoot({ ...config, logLevel: 'silent' }, 'this-thread')] };
}

/**
 * Writes the planned history through the command layer: the embedded system's own modules in an
 * application context (no HTTP), each command on the CommandBus to the handler a request would
 * reach, so the handlers load their facts and the deciders check every invariant. One at a time, in
 * time order, so each command sees the history before it.
 */
export async function runSeed(options: SeedRunOptions): Promise<SeedRunResult> {
  const startedAt = Date.now();
  // The commands are held in `toWrite` only until written (see SeedPlanOutline).
  const toWrite = planSeed(options);
  const { plan, figures } = toWrite;
  const plannedAt = Date.now();
  const progress = options.progress ?? silentProgress;
  const app = await NestFactory.createApplicationContext(seedingModule(options.config), { logger: false });
  let bulk: { finish(): Promise<void> } | undefined;
  let streamCache: { finish(): void } | undefined;
  try {
    const bus = app.get(CommandBus);
    const store = app.get<EventStore>(EVENT_STORE);
    const gains = app.get(GainsProcessManagerHost).manager;
    // Bulk speed (profiled with --cpu-prof: ~2/3 of a seed went to view commits, each a durable
    // transaction for one or two events): the projections stop while the history is written and
    // catch up on it at the end.
    const projections = app.get(Projections);
    for (const runner of projections.runners) await runner.stop();
    // Bulk import: a serial seed otherwise waits for one fsync per command (most of its write time);
    // everything is synced once when the history is written.
    if (store instanceof SqliteEventStore && options.durableEachCommand !== true) bulk = store.relaxDurabilityForBulkImport();
    if (store instanceof SqliteEventStore) streamCache = store.cacheStreamsForBulkImport(STREAM_CACHE_EVENTS);
    const headBefore = await store.headPosition();
    let eventsStored = 0;
    let commandsReplayed = 0;
    let gainsRecorded = 0;
    progress.start(figures.commands);
    const writingAt = Date.now();
    // Sent last-first from a reversed copy, so each command is let go once written: the plan's
    // commands (≈ 400 MB at xlarge) shrink as the streams held (above) grow, and the collector no
    // longer walks what has been sent.
    const unsent = toWrite.commands.toReversed();
    toWrite.commands = [];
    let sent = 0;
    for (let planned = unsent.pop(); planned !== undefined; planned = unsent.pop()) {
      sent += 1;
      const result = await send(bus, planned);
      if (result.replayed) commandsReplayed += 1;
      else eventsStored += result.eventIds.length;
      if (mayMoveChart(planned)) {
        const recorded = await gains.settle(planned.aggregateId);
        gainsRecorded += recorded;
        eventsStored += recorded;
      }
      if (sent % PROGRESS_EVERY === 0 || sent === figures.commands) progress.update(sent, eventsStored);
    }
    streamCache?.finish();
    const headAfter = await store.headPosition();
    await gains.settledUpTo(headAfter);
    await bulk?.finish();
    const writtenAt = Date.now();
    // The views catch up on the whole seeded history as rebuild-views builds them, each document
    // held across the pages and written once per commit (the feed's catch-up commits every small
    // batch, each a read and a write of every view document it touches); then they follow the
    // feed again from where that left them.
    await applyHistory(store, projections.runners, { upTo: headAfter, progress: (read, upTo) => progress.viewsCatchingUp(read, upTo) });
    for (const runner of projections.runners) await runner.start();
    await projections.caughtUp(VIEWS_CATCH_UP_MS);
    const spiralsByStep = await stepsInTheViews(app.get<ViewStore>(VIEW_STORE), plan);
    const seconds = (from: number, to: number) => (to - from) / 1000;
    const phaseSeconds = { plan: seconds(startedAt, plannedAt), write: seconds(writingAt, writtenAt), views: seconds(writtenAt, Date.now()) };
    return { plan, figures, eventsStored, commandsReplayed, gainsRecorded, spiralsByStep, headBefore, headAfter, seconds: seconds(startedAt, Date.now()), phaseSeconds };
  } finally {
    progress.stop();
    streamCache?.finish();
    await bulk?.finish();
    await app.close();
  }
}

/** The national funnel, read as any regional view reads it, so the summary says what the pages will show. */
async function stepsInTheViews(views: ViewStore, plan: SeedPlanOutline): Promise<Record<SpiralStep, number>> {
  const firstSha = plan.shas[0]?.code;
  const view = firstSha === undefined ? undefined : await new RegionalViewReader(views).read(firstSha, { now: new Date().toISOString(), stalledDays: 0 });
  return Object.fromEntries(SPIRAL_STEPS.map((step) => [step, view?.comparison.national.funnel[step] ?? 0])) as Record<SpiralStep, number>;
}

function planSeed(options: SeedPlanOptions): { plan: SeedPlanOutline; figures: PlanFigures; commands: readonly PlannedCommand[] } {
  const { commands, ...plan } = buildSeedPlan(options);
  return { plan, figures: planFigures({ ...plan, commands }), commands };
}

/** A refusal here is a bug in the plan, so it names the command by its story and step. */
async function send(bus: CommandBus, planned: PlannedCommand): Promise<CommandResult> {
  try {
    return await bus.execute<AggregateCommand<unknown>, CommandResult>(messageFor(planned));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the seed stopped at ${planned.envelope.command.type} on ${planned.streamId} (${planned.envelope.idempotencyKey}): ${reason}`, { cause: error });
  }
}
