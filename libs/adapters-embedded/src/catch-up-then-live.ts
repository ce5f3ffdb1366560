import type { EventEnvelope } from '@spiral/event-catalogue';
import { Observable } from 'rxjs';

export interface PagedEventSource {
  /** Up to `limit` events after a global position, in global order, as committed now. */
  readPage(after: number, limit: number): readonly EventEnvelope[];
  /** Ticks (whatever it carries) after every append readPage can see; completes when the store closes. */
  readonly appended: Observable<unknown>;
  readonly pageSize: number;
}

/**
 * Events after a position, then live ones. Catch-up and live delivery are one loop: every tick
 * of `appended` only wakes the subscriber, which reads the table from its own cursor. So the
 * hand-over from catch-up to live has no window in which an event is missed or seen twice, and a
 * subscriber that appends from inside `next` cannot reorder what others see.
 */
export function catchUpThenLive(source: PagedEventSource, after: number): Observable<EventEnvelope> {
  return new Observable<EventEnvelope>((subscriber) => {
    let cursor = after;
    let scheduled: NodeJS.Immediate | undefined;

    const drain = (): void => {
      scheduled = undefined;
      let page: readonly EventEnvelope[];
      try {
        page = source.readPage(cursor, source.pageSize);
      } catch (error) {
        subscriber.error(error);
        return;
      }
      for (const event of page) {
        if (subscriber.closed) return;
        cursor = event.globalPosition;
        subscriber.next(event);
      }
      // A full page means more may be waiting. The next page comes on a later turn of the event
      // loop, so a long catch-up neither blocks writers nor starves other subscribers.
      if (page.length === source.pageSize) schedule();
    };
    const schedule = (): void => {
      if (scheduled === undefined && !subscriber.closed) scheduled = setImmediate(drain);
    };

    const live = source.appended.subscribe({ next: schedule, complete: () => subscriber.complete() });
    schedule();
    return () => {
      live.unsubscribe();
      if (scheduled !== undefined) clearImmediate(scheduled);
    };
  });
}
