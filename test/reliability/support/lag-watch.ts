import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Projection } from '@spiral/projections';
import { storedCollection } from '@spiral/projections';
import type { ViewStore } from '@spiral/ports';
import type { SteadyLoad } from './steady-load';
import { tallied } from './tally-projection';

/** One broker restart: when the stop began, when the broker answered again, and when the first event stored after that was visible. */
export interface Outage {
  readonly stoppedAt: number;
  readonly upAt: number;
  event?: EventEnvelope;
  /** The tally of the event's stream once the event is counted. */
  needed?: number;
  visibleAt?: number;
}

/**
 * Samples, every `everyMs`, how far the tally view is behind the load (events stored and not yet
 * counted) and keeps the maximum; and for each outage, watches the first event stored after the
 * broker came back until the tally shows it (its stream's count passes its revision).
 */
export class LagWatch {
  maxLag = 0;
  readonly outages: Outage[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sampling = false;

  constructor(
    private readonly load: SteadyLoad,
    private readonly tally: Projection,
    private readonly views: ViewStore,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Events stored (of the types it counts) that the tally has not counted yet (negative if it counted some twice). */
  async lag(): Promise<number> {
    const counted = this.load.storedEvents().filter((event) => this.tally.eventTypes.has(event.type)).length;
    return counted - (await tallied(this.tally, this.views));
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const lag = await this.lag();
      this.maxLag = Math.max(this.maxLag, lag);
      if (process.env['RELIABILITY_TRACE']) process.stdout.write(`${new Date().toISOString()} stored ${this.load.appended} lag ${lag}\n`);
      for (const outage of this.outages) {
        if (outage.visibleAt !== undefined) continue;
        if (outage.event === undefined) this.pick(outage);
        if (outage.event !== undefined && (await this.counted(outage.event, outage.needed ?? 0))) outage.visibleAt = Date.now();
      }
    } finally {
      this.sampling = false;
    }
  }

  /** The first event the tally counts stored after the broker came back, and its stream's tally with it. */
  private pick(outage: Outage): void {
    const counts = (event: EventEnvelope) => this.tally.eventTypes.has(event.type);
    const index = this.load.firstStoredAfter(outage.upAt, counts);
    if (index === -1) return;
    const stored = this.load.storedEvents().slice(0, index + 1);
    outage.event = stored[index];
    outage.needed = stored.filter((event) => event.streamId === outage.event?.streamId && counts(event)).length;
  }

  private async counted(event: EventEnvelope, needed: number): Promise<boolean> {
    const tally = await this.views.get<{ events: number }>(storedCollection(this.tally, 'tallies'), event.streamId);
    return (tally?.events ?? 0) >= needed;
  }
}

/** Per stream, the events stored that the tally counts, against the tally: too few are lost, too many counted twice. */
export async function tallyAgainstStore(stored: readonly EventEnvelope[], tally: Projection, views: ViewStore): Promise<{ lost: number; twice: number }> {
  const expected = new Map<string, number>();
  for (const event of stored) if (tally.eventTypes.has(event.type)) expected.set(event.streamId, (expected.get(event.streamId) ?? 0) + 1);
  const tallies = new Map((await views.find<{ streamId: string; events: number }>(storedCollection(tally, 'tallies'))).map((row) => [row.streamId, row.events]));
  let lost = 0;
  let twice = 0;
  for (const [streamId, count] of expected) {
    const got = tallies.get(streamId) ?? 0;
    lost += Math.max(0, count - got);
    twice += Math.max(0, got - count);
  }
  return { lost, twice };
}
