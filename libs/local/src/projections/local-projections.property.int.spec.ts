import type { EventEnvelope } from '@spiral/event-catalogue';
import type { Projection } from '@spiral/projections';
import { projectInBatches, viewContents } from '@spiral/projections/testing';
import fc from 'fast-check';
import { localProjections } from './index';
import { localHistory } from './local-history.test-fixtures';

const history = localHistory();

async function contentsOf(projection: Projection, batches: readonly (readonly EventEnvelope[])[]) {
  const views = await projectInBatches(projection, batches);
  const contents = await viewContents(projection, views);
  await views.close();
  return contents;
}

/** The history cut into consecutive batches wherever `cuts` says so (one flag per gap between events). */
function batchesOf(events: readonly EventEnvelope[], cuts: readonly boolean[]): EventEnvelope[][] {
  const batches: EventEnvelope[][] = [[]];
  events.forEach((event, index) => {
    if (index > 0 && cuts[index - 1]) batches.push([]);
    batches.at(-1)?.push(event);
  });
  return batches;
}

/** Events delivered again after the head, as a replay over a live view or a lost checkpoint would. */
const redelivered = (events: readonly EventEnvelope[]): EventEnvelope[] =>
  events.map((event, index) => ({ ...event, globalPosition: history.length + index + 1 }));

const cutsArbitrary = fc.array(fc.boolean(), { minLength: history.length - 1, maxLength: history.length - 1 });

describe.each(localProjections.map((projection) => [projection.name, projection] as const))('the %s projection', (_name, projection) => {
  it('builds the same views in any batch split as in one full replay', async () => {
    const whole = await contentsOf(projection, [history]);
    await fc.assert(
      fc.asyncProperty(cutsArbitrary, async (cuts) => {
        expect(await contentsOf(projection, batchesOf(history, cuts))).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('changes nothing when any events are applied a second time', async () => {
    const whole = await contentsOf(projection, [history]);
    await fc.assert(
      fc.asyncProperty(fc.subarray(history), cutsArbitrary, async (again, cuts) => {
        expect(await contentsOf(projection, [...batchesOf(history, cuts), redelivered(again)])).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });
});
