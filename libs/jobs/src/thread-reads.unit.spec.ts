import { QueueFull } from './job';
import { ThreadReads } from './thread-reads';

/** A pool whose reads the test finishes by hand, noting which ran and how many at once. */
function heldPool() {
  const started: string[] = [];
  const finishers: ((answer: string) => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const pool = {
    run: <R>(kind: string): Promise<R> => {
      started.push(kind);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      return new Promise<R>((resolve) =>
        finishers.push((answer) => {
          running -= 1;
          resolve(answer as R);
        }),
      );
    },
    stop: () => Promise.resolve(),
    workersStarted: 1,
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { pool, started, finish: (index: number, answer: string) => finishers[index]?.(answer), mostAtOnce: () => mostAtOnce, settle };
}

describe('ThreadReads, the thread of heavy reads', () => {
  it('runs one read at a time in its thread, in the order asked, each answered with its own result', async () => {
    const held = heldPool();
    const reads = new ThreadReads(held.pool);
    const first = reads.read<string>('national-view', {});
    const second = reads.read<string>('regional-view', {});
    await held.settle();
    expect(held.started).toEqual(['national-view']);

    held.finish(0, '{"a":1}');
    await expect(first).resolves.toBe('{"a":1}');
    await held.settle();
    held.finish(1, '{"b":2}');
    await expect(second).resolves.toBe('{"b":2}');
    expect(held.mostAtOnce()).toBe(1);
  });

  it('refuses a read past its waiting bound with QueueFull (429 with Retry-After), and takes reads again once some finish', async () => {
    const held = heldPool();
    const reads = new ThreadReads(held.pool, 2);
    const accepted = [reads.read('national-view', {}), reads.read('national-view', {})];
    const refused = await reads.read('national-view', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QueueFull);
    expect((refused as QueueFull).retryAfterSeconds).toBeGreaterThan(0);

    await held.settle();
    held.finish(0, 'one');
    await accepted[0];
    const again = reads.read('national-view', {});
    await held.settle();
    held.finish(1, 'two');
    await held.settle();
    held.finish(2, 'three');
    await expect(again).resolves.toBe('three');
  });

  it('goes on with the next read after one that failed', async () => {
    const reads = new ThreadReads({ run: (kind: string) => (kind === 'broken' ? Promise.reject(new Error('no such view')) : Promise.resolve(kind as never)), stop: () => Promise.resolve(), workersStarted: 1 });
    await expect(reads.read('broken', {})).rejects.toThrow('no such view');
    await expect(reads.read('fine', {})).resolves.toBe('fine');
  });
});
