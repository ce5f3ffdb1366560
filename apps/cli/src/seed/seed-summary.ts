import { SPIRAL_STEPS } from '@spiral/event-catalogue';
import type { SeedRunResult } from './seed-runner';

const number = new Intl.NumberFormat('en-GB');

/** What `spiral seed` prints when it is done: what exists now, and how fast it was written. */
export function seedSummary(result: SeedRunResult, dataDir: string): string {
  const { figures, plan, phaseSeconds: phase } = result;
  const lastSha = plan.shas.at(-1)?.code ?? 'S01';
  const steps = SPIRAL_STEPS.map((step) => `${step} ${number.format(result.spiralsByStep[step])}`).join(', ');
  const perSecond = (count: number) => number.format(result.seconds > 0 ? Math.round(count / result.seconds) : 0);
  const already =
    result.commandsReplayed > 0
      ? ` (${number.format(result.commandsReplayed)} commands were stored already by an earlier run with the same flags: nothing was written twice)`
      : result.headBefore > 0
        ? ` (the folder already held ${number.format(result.headBefore)} events of another history; the seeded one now stands beside it)`
        : '';
  return [
    `Seeded a synthetic health service (size ${plan.options.size}, random seed ${plan.options.randomSeed}) into ${dataDir}`,
    `  ${figures.shas} SHAs: the real names of 2002–2006 with synthetic codes S01–${lastSha}`,
    `  ${number.format(figures.organisations)} organisations (synthetic codes like S01-O01), ${number.format(figures.teams)} teams`,
    `  ${number.format(figures.spirals)} spirals; by step, as the views show them: ${steps}`,
    `  ${number.format(result.gainsRecorded)} gains recorded by SPC from the seeded measurements (a spiral with a gain achieved moved on from change to sustainability)`,
    `  ${figures.practicesProposed} practices proposed, ${figures.practicesPublished} published`,
    `  ${number.format(result.eventsStored)} events stored in ${result.seconds.toFixed(1)} s (${perSecond(result.eventsStored)} events/s, ${perSecond(figures.commands)} commands/s)${already}`,
    `  of which: planning ${phase.plan.toFixed(1)} s, writing through the command layer ${phase.write.toFixed(1)} s, views catching up ${phase.views.toFixed(1)} s`,
  ].join('\n');
}
