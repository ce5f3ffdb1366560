import { SqliteEventStore } from '@spiral/adapters-embedded';
import { evaluate, inMemoryCopies, type EvaluationAnswer } from '@spiral/replay';
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { eventProgressFor } from '../replay/event-progress';
import { withReadsReported } from '../replay/reads-reported';
import { evaluationSummary } from '../replay/evaluation-summary';
import { historyFolderOf } from './data-folder';
import { outFileOf } from './out-file';

const HELP = `
The regional and national views are folded once from the history into a temporary copy (by
occurredAt, history entered late included), and each moment is read while the copy holds exactly
what had occurred by it; the live views are not touched. Figures carry the
counts they come from: adopting teams, organisations and regions; teams followed and adopted for
time to adopt; gains achieved, and of those old enough to judge, the share sustained.

Examples:
  $ spiral evaluate --as-of 2005-12-31 --out evaluation-2005.json
  $ spiral evaluate --as-of 2005-12-31 --compare 2004-12-31
  $ spiral evaluate --from 2004-04-01 --to 2005-03-31 --out year-2004-05.json`;

/** `spiral evaluate`: per practice and per region as of a moment, compared with another or over a period. */
export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description('evaluate spread, time to adopt, achieved and sustained gains and impact per practice and per region as of a moment')
    .option('--as-of <time>', 'the moment (ISO 8601, a bare date is the end of that day; default now)')
    .option('--compare <time>', 'another moment to compare --as-of with')
    .option('--from <time>', 'the start of a period (with --to)')
    .option('--to <time>', 'the end of a period (with --from)')
    .option('--out <file>', 'write the whole evaluation as JSON to this file (a summary is printed either way)')
    .option('--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)')
    .addHelpText('after', HELP)
    .action(async (options: { asOf?: string; compare?: string; from?: string; to?: string; out?: string; dataDir?: string }) => {
      const dataDir = historyFolderOf(options.dataDir);
      const out = options.out === undefined ? undefined : outFileOf(options.out);
      const stored = await SqliteEventStore.open(dataDir);
      const progress = eventProgressFor(process.stderr, 'evaluating');
      // One read for every moment (evaluate-moments.ts); a second only for moments that history
      // entered late for another stream reached after they were read.
      const moments = [options.asOf ?? options.to ?? 'now', options.compare ?? options.from].filter((moment) => moment !== undefined);
      let passes = 0;
      const nextPass = () => progress.pass(++passes === 1 ? `as of ${moments.join(' and ')}` : 'again, for moments history entered late reached');
      const store = withReadsReported(stored, (done, total) => progress.update(done, total), nextPass);
      let answer: EvaluationAnswer;
      try {
        const { asOf, compare, from, to } = options;
        answer = await evaluate(store, inMemoryCopies(), { asOf, compare, from, to }, new Date().toISOString(), (done, total) => progress.update(done, total));
      } finally {
        progress.stop();
        await stored.close();
      }
      if (out !== undefined) writeFileSync(out, `${JSON.stringify(answer, null, 2)}\n`);
      process.stdout.write(evaluationSummary(answer));
    });
}
