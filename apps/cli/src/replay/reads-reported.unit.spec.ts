import type { EventEnvelope } from '@spiral/event-catalogue';
import type { EventStore, ReadAllOptions } from '@spiral/ports';
import { PassThrough } from 'node:stream';
import { eventProgressFor } from './event-progress';
import { withReadsReported } from './reads-reported';

/** A store of `count` events whose readAll is all this test uses (and headPosition, passed through). */
function storeOf(count: number): EventStore {
  const events = Array.from({ length: count }, (_, k) => ({ globalPosition: k + 1 }) as EventEnvelope);
  return {
    readAll: (options?: ReadAllOptions) => events.filter((event) => event.globalPosition <= (options?.upTo ?? count)),
    headPosition: () => Promise.resolve(count),
  } as unknown as EventStore;
}

describe('progress of a replay or an evaluation (apps/cli)', () => {
  it('reports every thousand events read as they come in, not only after a page is applied, and says when a pass starts', async () => {
    const reports: [number, number][] = [];
    let passes = 0;
    const store = withReadsReported(storeOf(2_500), (read, upTo) => reports.push([read, upTo]), () => (passes += 1));
    for await (const _event of store.readAll({ upTo: 2_400 })) void _event;
    expect(reports).toEqual([[1_000, 2_400], [2_000, 2_400]]);
    for await (const _event of store.readAll()) void _event;
    expect(passes).toBe(2);
    expect(reports.at(-1)).toEqual([2_000, 2_500]);
    expect(await store.headPosition()).toBe(2_500);
  });

  it('names each pass of an evaluation in a log, rather than restarting silently', () => {
    const log = new PassThrough();
    const lines: string[] = [];
    log.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
    const progress = eventProgressFor(log as unknown as NodeJS.WriteStream, 'evaluating', 0);
    progress.pass('as of 2005-12-31 (moment 1 of 2)');
    progress.update(10, 10);
    progress.pass('as of 2004-12-31 (moment 2 of 2)');
    progress.update(4, 10);
    expect(lines).toEqual([
      'evaluating as of 2005-12-31 (moment 1 of 2): started',
      expect.stringMatching(/^evaluating as of 2005-12-31 \(moment 1 of 2\): 10\/10 events/),
      'evaluating as of 2004-12-31 (moment 2 of 2): started',
      expect.stringMatching(/^evaluating as of 2004-12-31 \(moment 2 of 2\): 4\/10 events/),
    ]);
  });
});
