import type { EventEnvelope } from '@spiral/event-catalogue';
import { Observable } from 'rxjs';

export interface AsyncPagedEventSource {
  /** Up to `limit` events after a global position, in global order, as committed now. */
  readPage(after: number, limit: number): Promise<readonly EventEnvelope[]>;
  /** Ticks when another append may have committed (a NOTIFY, a poll); completes when the store closes. */
  readonly appended: Observable<void>;
  readonly pageSize: number;
}

/**
 * Events after a position, then live ones, for an engine read asynchronously. As with SQLite's
 * catch-up, every tick only wakes one read loop that pages from its own cursor, so the hand-over
 * from catch-up to live can neither miss nor repeat an event. Ticks arriving while a read runs
 * ask for one more pass, since that read's snapshot may predate their commit.
 */
export function catchUpThenLiveAsync(source: AsyncPagedEventSource, after: number): Observable<EventEnvelope> {
  return new Observable<EventEnvelope>((subscriber) => {
    let cursor = after;
    let reading = false;
    let again = false;

    const drain = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          let page: readonly EventEnvelope[];
          do {
            page = await source.readPage(cursor, source.pageSize);
            for (const event of page) {
              if (subscriber.closed) return;
              cursor = event.globalPosition;
              subscriber.next(event);
            }
          } while (page.length === source.pageSize && !subscriber.closed);
        } while (again && !subscriber.closed);
      } catch (error) {
        subscriber.error(error);
      } finally {
        reading = false;
      }
    };

    const live = source.appended.subscribe({ next: () => void drain(), complete: () => subscriber.complete() });
    void drain();
    return () => live.unsubscribe();
  });
}
