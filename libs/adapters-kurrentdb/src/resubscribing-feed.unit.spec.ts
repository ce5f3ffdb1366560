import type { EventEnvelope } from '@spiral/event-catalogue';
import { EventEmitter } from 'node:events';
import { Subject } from 'rxjs';
import { resubscribingFeed, type LiveSubscription, type Positioned } from './resubscribing-feed';

/** A stand-in for the client's $all subscription: the test pushes items, errors and ends. */
class FakeSubscription extends EventEmitter implements LiveSubscription<number> {
  unsubscribed = false;
  constructor(readonly after: number) {
    super();
  }
  unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    return Promise.resolve();
  }
}

const envelopeAt = (position: number) => ({ eventId: `e${position}`, globalPosition: position }) as EventEnvelope;
const read = (position: number): Positioned => ({ position, envelope: position % 100 === 0 ? undefined : envelopeAt(position) });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function harness(after = 0) {
  const opened: FakeSubscription[] = [];
  const closing = new Subject<void>();
  const retries: number[] = [];
  const received: number[] = [];
  let completed = false;
  const feed = resubscribingFeed(after, {
    open: (from) => {
      const subscription = new FakeSubscription(from);
      opened.push(subscription);
      return subscription;
    },
    read,
    closing,
    initialDelayMs: 1,
    maxDelayMs: 4,
    onRetry: (_error, delayMs) => retries.push(delayMs),
  });
  const subscription = feed.subscribe({ next: (event) => received.push(event.globalPosition), complete: () => (completed = true) });
  return { opened, closing, retries, received, subscription, completed: () => completed, last: () => opened[opened.length - 1] as FakeSubscription };
}

describe('resubscribingFeed', () => {
  it('opens after the checkpoint and passes over positions at or before it, and foreign events', () => {
    const h = harness(10);
    expect(h.last().after).toBe(10);
    for (const position of [9, 10, 11, 100, 101]) h.last().emit('data', position);
    expect(h.received).toEqual([11, 101]);
  });

  it('reopens after a drop from the last position delivered, with a doubling, capped backoff, and delivers each event once', async () => {
    const h = harness();
    h.last().emit('data', 1);
    h.last().emit('data', 2);
    h.last().emit('error', new Error('connection reset'));
    await tick();
    expect(h.opened).toHaveLength(2);
    expect(h.opened[0]?.unsubscribed).toBe(true);
    expect(h.last().after).toBe(2);
    h.last().emit('data', 2);
    h.last().emit('data', 3);
    for (let drop = 0; drop < 3; drop++) {
      h.last().emit('end');
      await tick();
    }
    h.last().emit('data', 4);
    expect(h.received).toEqual([1, 2, 3, 4]);
    expect(h.retries).toEqual([1, 1, 2, 4]);
  });

  it('ignores what a dropped subscription still sends', async () => {
    const h = harness();
    const dropped = h.last();
    dropped.emit('close');
    dropped.emit('data', 5);
    await tick();
    h.last().emit('data', 1);
    expect(h.received).toEqual([1]);
  });

  it('completes when the store closes, and unsubscribes when the subscriber leaves', () => {
    const h = harness();
    h.closing.next();
    expect(h.completed()).toBe(true);
    expect(h.last().unsubscribed).toBe(true);
    const other = harness();
    other.subscription.unsubscribe();
    expect(other.last().unsubscribed).toBe(true);
  });
});
