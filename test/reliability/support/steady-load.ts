import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore } from '@spiral/ports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Appends a prepared history to the store at a steady rate, one event per append (as commands
 * arrive one at a time), each at its due time since the start, catching up if an append was slow.
 * Remembers when each event was stored, so a suite can ask which was the first stored after a moment.
 */
export class SteadyLoad {
  private readonly storedAt: number[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly history: readonly EventEnvelope[],
  ) {}

  get appended(): number {
    return this.storedAt.length;
  }

  /** The events stored so far, in order. */
  storedEvents(): readonly EventEnvelope[] {
    return this.history.slice(0, this.storedAt.length);
  }

  /** Where in the history the first event stored at or after `time` (ms since the epoch) that `accept`s is; -1 if none yet. */
  firstStoredAfter(time: number, accept: (event: EventEnvelope) => boolean): number {
    return this.storedAt.findIndex((at, index) => at >= time && accept(this.history[index] as EventEnvelope));
  }

  /** Appends at `perSecond` while `goOn()` says so and the history lasts; the seconds it ran. */
  async run(perSecond: number, goOn: () => boolean): Promise<number> {
    const started = Date.now();
    while (goOn()) {
      const next = this.storedAt.length;
      const event = this.history[next];
      // Out of prepared events: the suite's checks then say what did not happen in time.
      if (event === undefined) break;
      const due = started + (next * 1000) / perSecond;
      if (Date.now() < due) {
        await sleep(Math.min(20, due - Date.now()));
        continue;
      }
      const { eventId, type, schemaVersion, data, occurredAt, actor, correlationId, causationId } = event;
      const pending = { eventId, type, schemaVersion, data, occurredAt, actor, correlationId, causationId };
      await this.store.append(event.streamId, [pending], event.streamRevision === 0 ? 'no_stream' : event.streamRevision - 1);
      this.storedAt.push(Date.now());
    }
    return (Date.now() - started) / 1000;
  }
}
