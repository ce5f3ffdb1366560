/** The `spiral seed --size` values (apps/cli seed-size.ts; an app imports no other): xlarge is issue #7's 1,000,000 events. */
export const HISTORY_SIZES = ['small', 'default', 'large', 'xlarge'] as const;
export type HistorySize = (typeof HISTORY_SIZES)[number];

/** How much each benchmark does: `quick` fits a CI job (a minute or two), `full` is for the docs. */
export interface BenchPlan {
  readonly mode: 'quick' | 'full';
  /** Runs of each measurement; figures are the median with min and max. */
  readonly runs: number;
  readonly append: { readonly events: number; readonly appenders: number };
  /** rates: open-loop rates as shares of the saturation throughput. */
  readonly commands: { readonly rates: readonly number[]; readonly connections: number; readonly durationMs: number };
  /** Seed sizes whose histories are replayed and queried (cost growth compares them). */
  readonly histories: readonly HistorySize[];
  /** Fewer replay runs for the histories named: a rebuild of xlarge alone takes some ten minutes. */
  readonly replayRuns: Partial<Record<HistorySize, number>>;
  readonly queryDurationMs: number;
  /** The seed replayed while health checks and commands are sent at these rates (per second). */
  readonly interference: { readonly history: HistorySize; readonly healthPerSecond: number; readonly commandsPerSecond: number };
  /**
   * runs: the distributed phases wait on Kafka consumer groups, so they get their own count.
   * relayEvents: the relay's own history; at its 20,000 events/s target a run of 1,000 would last 50 ms.
   * appendEvents: per round of the append path and of the raw INSERT; at 1,000 a round lasted some
   * 100 ms, too short to time steadily.
   */
  readonly distributed: { readonly runs: number; readonly events: number; readonly appendEvents: number; readonly relayEvents: number; readonly lagRate: number; readonly lagDurationMs: number };
}

export const BENCH_PLANS: Readonly<Record<BenchPlan['mode'], BenchPlan>> = {
  quick: {
    mode: 'quick',
    runs: 3,
    append: { events: 5_000, appenders: 64 },
    commands: { rates: [0.5], connections: 32, durationMs: 3_000 },
    histories: ['small'],
    replayRuns: {},
    queryDurationMs: 2_000,
    interference: { history: 'small', healthPerSecond: 20, commandsPerSecond: 20 },
    // The lag is measured at the rate (#15: p99 < 500 ms at 200 events/s).
    distributed: { runs: 1, events: 1_000, appendEvents: 5_000, relayEvents: 10_000, lagRate: 200, lagDurationMs: 15_000 },
  },
  full: {
    mode: 'full',
    runs: 3,
    // As many appenders as the raw ceiling's transaction has rows: a group holds one append per appender.
    append: { events: 50_000, appenders: 1_000 },
    commands: { rates: [0.25, 0.5, 0.75], connections: 64, durationMs: 10_000 },
    // large (≈ 3× default) and xlarge (≈ 1,000,000 events) are added with --histories when their seeds
    // can be afforded (see docs/benchmarks.md).
    histories: ['small', 'default'],
    replayRuns: { xlarge: 1 },
    queryDurationMs: 5_000,
    interference: { history: 'default', healthPerSecond: 20, commandsPerSecond: 50 },
    distributed: { runs: 1, events: 2_000, appendEvents: 20_000, relayEvents: 40_000, lagRate: 200, lagDurationMs: 30_000 },
  },
};

export const BENCHMARKS = ['append', 'commands', 'replay', 'queries', 'interference', 'distributed'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];
