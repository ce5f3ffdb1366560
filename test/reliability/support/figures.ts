import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { profile, type ReliabilityProfile } from './profile';
import { writeReliabilityDoc } from './reliability-doc';

export type Cell = string | number;

/** One suite's figures, as it prints them and as docs/reliability.md shows them. */
export interface SuiteFigures {
  /** The suite's number in issue #6 (1-10): orders the doc's sections. */
  readonly suite: number;
  readonly title: string;
  /** What the suite proves, in a sentence or two, for the doc. */
  readonly proves: string;
  /** The command that runs this suite alone. */
  readonly command: string;
  /** The figure that answers the suite's question in one line, for the summary table ("0 missing of 1625"). */
  readonly headline?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface RecordedFigures extends SuiteFigures {
  readonly profile: ReliabilityProfile;
  readonly measuredAt: string;
  readonly machine: string;
}

const ROOT = join(__dirname, '..', '..', '..');
export const FIGURES_FILE = join(ROOT, '.reliability', 'figures.json');
export const RELIABILITY_DOC = join(ROOT, 'docs', 'reliability.md');

export function readFigures(): Record<string, RecordedFigures> {
  return existsSync(FIGURES_FILE) ? (JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Record<string, RecordedFigures>) : {};
}

/**
 * Prints the suite's figures as a table, stores them in .reliability/figures.json under the suite's
 * number and, on a full run, rewrites the suite's section of docs/reliability.md from them.
 * Suites run one at a time (--runInBand), so the read-modify-write of the file does not race.
 */
export function reportFigures(figures: SuiteFigures): void {
  process.stdout.write(`\n${figures.suite}. ${figures.title} (${profile})\n${plainTable(figures.columns, figures.rows)}\n`);
  const recorded: RecordedFigures = { ...figures, profile, measuredAt: new Date().toISOString(), machine: machine() };
  const all = { ...readFigures(), [String(figures.suite)]: recorded };
  mkdirSync(join(ROOT, '.reliability'), { recursive: true });
  writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
  if (profile === 'full') writeReliabilityDoc(RELIABILITY_DOC, recorded);
}

function machine(): string {
  // The load average says how much else ran: on a shared machine latency figures mean little without it.
  return `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'}, Node ${process.version}, ${process.platform}`;
}

function plainTable(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => String(row[index] ?? '').length)));
  const line = (cells: readonly Cell[]) => cells.map((cell, index) => String(cell).padEnd(widths[index] ?? 0)).join('  ');
  return [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table of the figures, for the doc. */
export function markdownTable(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}
