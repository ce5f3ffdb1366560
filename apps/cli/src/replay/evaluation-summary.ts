import type { Evaluation, EvaluationAnswer } from '@spiral/replay';

const percent = (share: number | null) => (share === null ? '–' : `${(100 * share).toFixed(1)}%`);

function practiceLines(evaluation: Evaluation): string[] {
  return evaluation.practices.map((p) => {
    const adopted = p.timeToAdopt.estimated ? `${p.timeToAdopt.adopted}/${p.timeToAdopt.teams} teams adopted (KM ${percent(p.timeToAdopt.adoptedShare)})` : `time to adopt: ${p.timeToAdopt.reason}`;
    const sustained = p.gains.at12Months.sustained;
    return (
      `  ${p.title ?? p.practiceId} [${p.status}]: ${p.spread.teams} teams, ${p.spread.organisations} organisations, ${p.spread.regions} regions; ${adopted}; ` +
      `${p.gains.achieved} gains achieved, sustained at 12 months ${sustained.numerator}/${sustained.denominator} (${percent(sustained.share)}); impact over ${p.impact.spirals} spirals`
    );
  });
}

function regionLines(evaluation: Evaluation): string[] {
  return evaluation.regions.map((r) => {
    const teams = r.penetration.teams;
    return `  ${r.shaCode}: penetration ${teams.withLiveSpiral}/${teams.registered} teams (${percent(teams.share)}); gains ${r.gains.achieved} achieved, ${r.gains.sustained} sustained, ${r.gains.lost} lost (rate ${percent(r.gains.rate)})`;
  });
}

/** What a person reads on the terminal; the whole answer, every figure with its counts, goes to --out. */
export function evaluationSummary(answer: EvaluationAnswer): string {
  const { evaluation } = answer;
  const lines = [
    `as of ${evaluation.asOf}: ${evaluation.events.applied} of ${evaluation.events.read} events, ${evaluation.teamsRegistered} teams registered`,
    `practices (${evaluation.practices.length}):`,
    ...practiceLines(evaluation),
    `regions (${evaluation.regions.length}):`,
    ...regionLines(evaluation),
  ];
  if (answer.comparison !== null) {
    const c = answer.comparison;
    lines.push(`${answer.period === null ? 'compared with' : 'over the period from'} ${c.from} (to ${c.to}): teams registered ${c.teamsRegistered.from} → ${c.teamsRegistered.to}`);
    for (const p of c.practices) {
      lines.push(`  ${p.title ?? p.practiceId}: adopting teams ${p.adoptingTeams.from} → ${p.adoptingTeams.to} (${p.adoptingTeams.change >= 0 ? '+' : ''}${p.adoptingTeams.change}); gains ${p.gainsAchieved.from} → ${p.gainsAchieved.to}`);
    }
    for (const r of c.regions) {
      lines.push(`  ${r.shaCode}: penetration ${percent(r.teamsPenetration.from.share)} → ${percent(r.teamsPenetration.to.share)}; sustained rate ${percent(r.sustainedRate.from.share)} → ${percent(r.sustainedRate.to.share)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
