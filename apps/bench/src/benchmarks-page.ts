import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './figures';
import type { Machine } from './machine';
import { machineLines, markdownTable } from './report';

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';
/** docs/benchmarks.md of the checkout `npm run bench` runs in (npm runs scripts from the root). */
export const BENCHMARKS_PAGE = join(process.cwd(), 'docs', 'benchmarks.md');

/**
 * Writes the run's table between the markers of docs/benchmarks.md, keeping the hand-written
 * notes around them (what limited each figure and what was changed), or makes the page.
 */
export function writeBenchmarksPage(figures: readonly Figure[], growth: string, machine: Machine, command: string, seconds: number): string {
  const growthSection = growth === '' ? [] : ['', '### 5 Cost growth (medians by history size)', '', growth];
  const generated = [BEGIN, ...machineLines(machine, command, seconds), '', markdownTable(figures), ...growthSection, END].join('\n');
  const current = existsSync(BENCHMARKS_PAGE) ? readFileSync(BENCHMARKS_PAGE, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const from = current.indexOf(BEGIN);
  const to = current.indexOf(END);
  const page = from >= 0 && to > from ? `${current.slice(0, from)}${generated}${current.slice(to + END.length)}` : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(BENCHMARKS_PAGE, page);
  return BENCHMARKS_PAGE;
}
