import { SqliteEventStore } from '@spiral/adapters-embedded';
import { AuditReader, type AdoptionTrace, type PracticeAsOf, type TracedEvent, type TracedSpiral } from '@spiral/audit';
import { systemClock } from '@spiral/ports';
import { Command } from 'commander';
import { historyFolderOf } from './data-folder';

const HELP = `
--spiral: the spiral's events in order with who, when (occurred and recorded), correlation and
causation, each event's hash and the previous one's (to check the chain outside Spiral), each
measurement's period and value, and for each adoption the need, the knowledge pulled, the options it was chosen from
and the adopted practice as the catalogue stood at that moment. --practice: every adoption of a
practice, each with the practice as of its decision. --json prints the whole answer, as the
HTTP API gives it.

Examples:
  $ spiral trace --spiral 0190f0c2-…
  $ spiral trace --practice 0190f0a1-… --json > adoptions.json`;

/** What a point or a gain says, where the event type alone does not. */
function detail(event: TracedEvent): string {
  const data = event.data as { period?: string; value?: number; periods?: string[]; rule?: string; fromPeriod?: string };
  if (event.type === 'MeasurementRecorded') return ` period ${data.period} value ${data.value}`;
  if (event.type.startsWith('Gain')) return ` ${data.rule} on ${(data.periods ?? []).join(', ')}`;
  if (event.type === 'RebaseConfirmed') return ` from ${data.fromPeriod}`;
  return '';
}

function eventLine(event: TracedEvent): string {
  return [
    `  #${event.revision} ${event.type}${detail(event)} occurred ${event.occurredAt} recorded ${event.recordedAt} by ${event.actor.role} ${event.actor.id} (correlation ${event.correlationId}, causation ${event.causationId})`,
    `      hash ${event.hash} previous ${event.previousHash ?? 'none (first of its stream)'}`,
  ].join('\n');
}

function spiralName(spiral: TracedSpiral | undefined, spiralId: string): string {
  return spiral === undefined ? `spiral ${spiralId}` : `"${spiral.title}" of ${spiral.teamName ?? spiral.teamId} (${spiral.orgCode}, ${spiral.shaCode})`;
}

function practiceLine(practice: PracticeAsOf): string {
  if (!practice.known) return `    practice ${practice.practiceId}: not yet proposed then`;
  const name = `"${practice.title ?? practice.practiceId}"`;
  const verdicts = practice.fieldTests.map((test) => (test.status === 'concluded' ? `${test.fieldTestId} ${test.verdict} (${test.effectSize}, ${test.effectScale})` : `${test.fieldTestId} running`));
  return `    practice ${name} then: ${practice.status ?? 'unknown'}, version ${practice.publishedVersion ?? '-'}, evidence ${practice.evidenceLevel ?? '-'}, retired ${practice.retired}; field tests: ${verdicts.join('; ') || 'none'}`;
}

function adoptionLines(adoption: AdoptionTrace): string[] {
  const { data, occurredAt } = adoption.adoption;
  const options = adoption.chosenFrom?.data.options ?? [];
  const chosen = options.find((option) => option.optionId === data.optionId)?.summary ?? data.optionId;
  return [
    `  adoption in ${spiralName(adoption.spiral, adoption.spiralId)} on ${occurredAt}: "${chosen}", decided by ${data.decidedBy.join(', ')}`,
    `    rationale: ${data.rationale}`,
    `    chosen from: ${options.map((option) => `"${option.summary}"`).join(', ') || 'no appraisal recorded'}`,
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
      const dataDir = historyFolderOf(options.dataDir);
      const store = await SqliteEventStore.open(dataDir);
      try {
        const reader = new AuditReader(store, systemClock);
        if (options.spiral !== undefined) {
          const trace = await reader.traceSpiral(options.spiral);
          // The decisions first, as an auditor asks of them; then every event behind them.
          const adoptions = trace.adoptions.map((adoption) => ({ ...adoption, spiral: adoption.spiral ?? trace.spiral }));
          const text = [`${spiralName(trace.spiral, trace.spiralId)} (${trace.streamId}): ${trace.adoptions.length} adoptions, ${trace.events.length} events`, ...adoptions.flatMap(adoptionLines), ...trace.events.map(eventLine)];
          process.stdout.write(options.json ? `${JSON.stringify(trace, null, 2)}\n` : `${text.join('\n')}\n`);
        } else if (options.practice !== undefined) {
          const answer = await reader.practiceAdoptions(options.practice);
          const text = [`practice "${answer.now.title ?? answer.practiceId}": ${answer.adoptions.length} adoptions`, practiceLine(answer.now).replace(' then:', ' now:'), ...answer.adoptions.flatMap(adoptionLines), ...answer.events.map(eventLine)];
          process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${text.join('\n')}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
