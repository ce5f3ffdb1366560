import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore, ReadAllOptions } from '@spiral/ports';

/** How often a read reports: often enough that a bar moves within a second, rarely enough to cost nothing. */
const REPORT_EVERY = 1_000;

/**
 * The store, with every read of the whole history reporting the events read so far of its upper
 * bound. A replay applied the history a page (then 25,000 events) at a time and reported after each,
 * so its bar sat at 0 % until the first page was read and applied (13 s on a busy machine); counting
 * as the events come in moves it whatever the page. `onReadStarted` says a new pass began.
 */
export function withReadsReported(
  store: EventStore,
  onRead: (read: number, upTo: number) => void,
  onReadStarted: () => void = () => undefined,
): EventStore {
  async function* reported(options: ReadAllOptions | undefined): AsyncIterable<EventEnvelope> {
    onReadStarted();
    const upTo = options?.upTo ?? (await store.headPosition());
    let read = 0;
    for await (const event of store.readAll(options)) {
      read += 1;
      if (read % REPORT_EVERY === 0) onRead(read, upTo);
      yield event;
    }
  }
  return new Proxy(store, {
    get(target, property) {
      if (property === 'readAll') return (options?: ReadAllOptions) => reported(options);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
