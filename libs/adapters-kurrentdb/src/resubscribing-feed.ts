import type { EventEnvelope } from '@spiral/event-catalogue';
import { Observable } from 'rxjs';

/** The part of the client's $all subscription (a Node Readable) this module uses. */
export interface LiveSubscription<T> {
  on(event: 'data', listener: (item: T) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

/** One delivered item read as a position and, when it is one of ours, an envelope. */
export interface Positioned {
  readonly position: number;
  readonly envelope: EventEnvelope | undefined;
}

export interface ResubscribeOptions<T> {
  /** Opens a catch-up subscription to $all after a position (0: from the start). */
  readonly open: (after: number) => LiveSubscription<T>;
  readonly read: (item: T) => Positioned;
  /** Emits (or completes) when the store closes: the observable then completes. */
  readonly closing: Observable<void>;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly onRetry?: (error: Error, delayMs: number) => void;
}

/**
 * A catch-up subscription to $all that survives dropped connections: when the server or the
 * network ends it, it is opened again after a doubling backoff from the last position delivered,
 * and anything at or before that position is skipped, so each event is delivered once and in
 * order across resubscriptions. It never errors: a store that stays down is retried until the
 * subscriber leaves or the store closes.
 */
export function resubscribingFeed<T>(after: number, options: ResubscribeOptions<T>): Observable<EventEnvelope> {
  const initialDelayMs = options.initialDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  return new Observable<EventEnvelope>((subscriber) => {
    let cursor = after;
    let delayMs = initialDelayMs;
    let current: LiveSubscription<T> | undefined;
    let timer: NodeJS.Timeout | undefined;

    const dropped = (source: LiveSubscription<T>, error: Error): void => {
      // Only the live subscription may schedule the next one; a stale one's late events are ignored.
      if (current !== source || subscriber.closed) return;
      current = undefined;
      void source.unsubscribe().catch(() => undefined);
      options.onRetry?.(error, delayMs);
      timer = setTimeout(open, delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    };

    const open = (): void => {
      timer = undefined;
      if (subscriber.closed) return;
      let source: LiveSubscription<T>;
      try {
        source = options.open(cursor);
      } catch (error) {
        current = undefined;
        timer = setTimeout(open, delayMs);
        options.onRetry?.(error as Error, delayMs);
        delayMs = Math.min(delayMs * 2, maxDelayMs);
        return;
      }
      current = source;
      source.on('data', (item) => {
        if (current !== source || subscriber.closed) return;
        let positioned: Positioned;
        try {
          positioned = options.read(item);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        if (positioned.position <= cursor) return;
        cursor = positioned.position;
        delayMs = initialDelayMs;
        if (positioned.envelope !== undefined) subscriber.next(positioned.envelope);
      });
      source.on('error', (error) => dropped(source, error));
      source.on('end', () => dropped(source, new Error('the $all subscription ended')));
      source.on('close', () => dropped(source, new Error('the $all subscription closed')));
    };

    const closing = options.closing.subscribe({ next: () => subscriber.complete(), complete: () => subscriber.complete() });
    open();
    return () => {
      closing.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      const source = current;
      current = undefined;
      void source?.unsubscribe().catch(() => undefined);
    };
  });
}
