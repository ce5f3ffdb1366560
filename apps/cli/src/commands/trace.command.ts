import { SqliteEventStore } from '@spiral/adapters-embedded';
import { AuditReader, type AdoptionTrace, type PracticeAsOf, type TracedEvent } from '@spiral/audit';
import { embeddedConfigFrom } from '@spiral/embedded-system';
import { systemClock } from '@spiral/ports';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const HELP = `
--spiral: the spiral's events in order with who, when (occurred and recorded), correlation and
causation, and for each adoption the need, the knowledge pulled, the options it was chosen from
and the adopted practice as the catalogue stood at that moment. --practice: every adoption of a
practice, each with the practice as of its decision. --json prints the whole answer, as the
HTTP API gives it.

Examples:
  $ spiral trace --spiral 0190f0c2-…
  $ spiral trace --practice 0190f0a1-… --json > adoptions.json`;

function eventLine(event: TracedEvent): string {
  return `  #${event.revision} ${event.type} occurred ${event.occurredAt} recorded ${event.recordedAt} by ${event.actor.role} ${event.actor.id} (correlation ${event.correlationId}, causation ${event.causationId})`;
}

function practiceLine(practice: PracticeAsOf): string {
  if (!practice.known) return `    practice ${practice.practiceId}: not yet proposed then`;
  const verdicts = practice.fieldTests.map((test) => (test.status === 'concluded' ? `${test.fieldTestId} ${test.verdict} (${test.effectSize}, ${test.effectScale})` : `${test.fieldTestId} running`));
  return `    practice ${practice.practiceId} then: ${practice.status ?? 'unknown'}, version ${practice.publishedVersion ?? '-'}, evidence ${practice.evidenceLevel ?? '-'}, retired ${practice.retired}; field tests: ${verdicts.join('; ') || 'none'}`;
}

function adoptionLines(adoption: AdoptionTrace): string[] {
  const { data, occurredAt } = adoption.adoption;
  return [
    `  adoption in spiral ${adoption.spiralId} on ${occurredAt}: option ${data.optionId}, decided by ${data.decidedBy.join(', ')}`,
    `    rationale: ${data.rationale}`,
    `    chosen from: ${adoption.chosenFrom?.data.options.map((option) => option.optionId).join(', ') ?? 'no appraisal recorded'}`,
    `    knowledge: ${adoption.knowledge.map((pull) => pull.data.question).join(' | ') || 'none pulled'}`,
    ...(adoption.practiceAtDecision ? [practiceLine(adoption.practiceAtDecision)] : []),
  ];
}

/** `spiral trace`: an auditor's trace of a spiral or of a practice's adoptions, from the embedded store. */
export function traceCommand(): Command {
  return new Command('trace')
    .description("trace a spiral's events and adoption decisions, or every adoption of a practice, as known at each decision")
    .option('--spiral <id>', 'the spiral to trace')
    .option('--practice <id>', 'the practice whose adoptions to list')
    .option('--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)')
    .option('--json', 'print the whole answer as JSON')
    .addHelpText('after', HELP)
    .action(async (options: { spiral?: string; practice?: string; dataDir?: string; json?: boolean }) => {
      if ((options.spiral === undefined) === (options.practice === undefined)) throw new Error('give exactly one of --spiral <id> and --practice <id>');
      const dataDir = options.dataDir ? resolve(options.dataDir) : embeddedConfigFrom(process.env).dataDir;
      if (!existsSync(join(dataDir, 'events.sqlite'))) throw new Error(`no event store in ${dataDir} (events.sqlite is missing)`);
      const store = await SqliteEventStore.open(dataDir);
      try {
        const reader = new AuditReader(store, systemClock);
        if (options.spiral !== undefined) {
          const trace = await reader.traceSpiral(options.spiral);
          const text = [`spiral ${trace.spiralId} (${trace.streamId}): ${trace.events.length} events`, ...trace.events.map(eventLine), ...trace.adoptions.flatMap(adoptionLines)];
          process.stdout.write(options.json ? `${JSON.stringify(trace, null, 2)}\n` : `${text.join('\n')}\n`);
        } else if (options.practice !== undefined) {
          const answer = await reader.practiceAdoptions(options.practice);
          const text = [`practice ${answer.practiceId}: ${answer.adoptions.length} adoptions`, ...answer.events.map(eventLine), practiceLine(answer.now).replace(' then:', ' now:'), ...answer.adoptions.flatMap(adoptionLines)];
          process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${text.join('\n')}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
