import { QueueFull, type JobProgress } from './job';
import { JobQueue } from './job-queue';

/** A job whose end the test decides, reporting progress through what it is handed. */
function controllable() {
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  let report: JobProgress = () => {};
  const work = (_input: unknown, progress: JobProgress) => {
    report = progress;
    return new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  };
  return { work, finish: (value: string) => finish(value), fail: (error: Error) => fail(error), progress: (done: number, total: number) => report(done, total) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('JobQueue', () => {
  it('runs jobs one at a time in the order accepted, with their progress readable while they run', async () => {
    const queue = new JobQueue({ running: 1, queued: 5, perUser: 5 });
    const [first, second] = [controllable(), controllable()];
    const a = queue.submit({ kind: 'replay', owner: 'u', input: { view: 'all' }, work: first.work });
    const b = queue.submit({ kind: 'replay', owner: 'u', input: {}, work: second.work });
    expect(queue.status(a.id, 'replay')).toMatchObject({ status: 'running', input: { view: 'all' } });
    expect(queue.status(b.id, 'replay')).toMatchObject({ status: 'queued' });
    first.progress(40, 100);
    expect(queue.status(a.id, 'replay')).toMatchObject({ done: 40, total: 100 });
    first.finish('first');
    expect(await queue.finished(a.id)).toMatchObject({ status: 'done', result: 'first' });
    await settle();
    expect(queue.status(b.id, 'replay')).toMatchObject({ status: 'running' });
    second.fail(new Error('no store'));
    expect(await queue.finished(b.id)).toMatchObject({ status: 'failed', error: 'no store', result: null });
    expect(queue.status(a.id, 'evaluation')).toBeUndefined();
  });

  it('refuses past the per-user limit and past the overall limit, with a Retry-After of at least a second', () => {
    const queue = new JobQueue({ running: 1, queued: 3, perUser: 2 });
    const submit = (owner: string) => queue.submit({ kind: 'verify', owner, input: {}, work: controllable().work });
    submit('a');
    submit('a');
    expect(() => submit('a')).toThrow(QueueFull);
    submit('b');
    let refused: unknown;
    try {
      submit('c');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueueFull);
    expect(refused).toMatchObject({ limit: 'in all' });
    expect((refused as QueueFull).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('counts only unfinished jobs against the limits', async () => {
    const queue = new JobQueue({ running: 1, queued: 1, perUser: 1 });
    const job = controllable();
    const first = queue.submit({ kind: 'verify', owner: 'a', input: {}, work: job.work });
    job.finish('ok');
    await queue.finished(first.id);
    expect(() => queue.submit({ kind: 'verify', owner: 'a', input: {}, work: controllable().work })).not.toThrow();
  });

  it('keeps the last finished jobs of a kind and frees what each forgotten one held', async () => {
    const queue = new JobQueue({ running: 1, queued: 50, perUser: 50 });
    const discarded: string[] = [];
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) {
      const job = queue.submit({ kind: 'replay', owner: 'a', input: {}, work: () => Promise.resolve(`copy-${n}`), discard: (copy: string) => Promise.resolve(void discarded.push(copy)) });
      ids.push(job.id);
    }
    await queue.idle();
    await settle();
    expect(discarded).toEqual(['copy-0', 'copy-1']);
    expect(queue.status(ids[0] as string, 'replay')).toBeUndefined();
    expect(queue.latestDone('replay')).toMatchObject({ result: 'copy-11' });
  });

  it('on stop, fails the running job through its abort signal and frees the finished results', async () => {
    const queue = new JobQueue({ running: 1, queued: 5, perUser: 5 });
    const discarded: string[] = [];
    const done = queue.submit({ kind: 'replay', owner: 'a', input: {}, work: () => Promise.resolve('kept'), discard: (copy: string) => Promise.resolve(void discarded.push(copy)) });
    await queue.finished(done.id);
    const running = queue.submit({
      kind: 'replay',
      owner: 'a',
      input: {},
      work: (_input, _progress, signal) => new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))),
    });
    await queue.stop();
    expect(discarded).toEqual(['kept']);
    expect(queue.status(running.id, 'replay')).toBeUndefined();
  });
});
