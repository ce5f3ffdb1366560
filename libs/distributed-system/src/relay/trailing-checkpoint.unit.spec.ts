import type { ViewStore } from '@spiral/ports';
import { TrailingCheckpoint } from './trailing-checkpoint';

/** A view store whose checkpoint writes wait until the test lets them land, one by one. */
class HeldCommits implements Pick<ViewStore, 'commit'> {
  readonly written: number[] = [];
  private pending: { position: number; land: () => void; fail: (error: Error) => void }[] = [];
  failNext = false;

  commit(_name: string, _writes: unknown, position: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ position, land: () => (this.written.push(position), resolve()), fail: reject });
    });
  }

  get inFlight(): number {
    return this.pending.length;
  }

  async landOne(): Promise<void> {
    const next = this.pending.shift();
    if (next === undefined) throw new Error('no checkpoint write in flight');
    if (this.failNext) {
      this.failNext = false;
      next.fail(new Error('the view store is down'));
    } else next.land();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('TrailingCheckpoint', () => {
  it('keeps one write in flight and writes the newest position published meanwhile next, skipping those in between', async () => {
    const store = new HeldCommits();
    const checkpoint = new TrailingCheckpoint(store, 'relay', 0, () => undefined);
    checkpoint.advance(10);
    checkpoint.advance(20);
    checkpoint.advance(30);
    expect(store.inFlight).toBe(1);
    await store.landOne();
    expect(store.inFlight).toBe(1);
    await store.landOne();
    expect(store.written).toEqual([10, 30]);
    expect(checkpoint.position).toBe(30);
  });

  it('never goes back: an older position handed over late writes nothing', async () => {
    const store = new HeldCommits();
    const checkpoint = new TrailingCheckpoint(store, 'relay', 40, () => undefined);
    checkpoint.advance(35);
    expect(store.inFlight).toBe(0);
    await checkpoint.flush();
    expect(store.written).toEqual([]);
  });

  it('reports a failed write and writes the position again at the next advance', async () => {
    const store = new HeldCommits();
    const failures: unknown[] = [];
    const checkpoint = new TrailingCheckpoint(store, 'relay', 0, (error) => failures.push(error));
    checkpoint.advance(5);
    store.failNext = true;
    await store.landOne();
    expect(failures).toHaveLength(1);
    expect(checkpoint.position).toBe(0);
    checkpoint.advance(7);
    await store.landOne();
    expect(store.written).toEqual([7]);
  });

  it('flush resolves once the newest position is written', async () => {
    const store = new HeldCommits();
    const checkpoint = new TrailingCheckpoint(store, 'relay', 0, () => undefined);
    checkpoint.advance(3);
    checkpoint.advance(9);
    let flushed = false;
    const flushing = checkpoint.flush().then(() => (flushed = true));
    await store.landOne();
    expect(flushed).toBe(false);
    await store.landOne();
    await flushing;
    expect(store.written).toEqual([3, 9]);
  });
});
