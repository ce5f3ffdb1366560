import { formatNumber, spreadOf, type Figure } from './figures';
import type { Machine } from './machine';

const HEADER = ['benchmark', 'figure', 'median', 'min', 'max', 'unit', 'runs', 'target', 'met', 'note'] as const;

function rowOf(figure: Figure): string[] {
  const { median, min, max } = spreadOf(figure.runs);
  const met = figure.met === undefined ? '' : figure.met ? 'yes' : 'no';
  return [figure.benchmark, figure.name, formatNumber(median), formatNumber(min), formatNumber(max), figure.unit, String(figure.runs.length), figure.target ?? '', met, figure.note ?? ''];
}

/** A plain-text table for the terminal. */
export function textTable(figures: readonly Figure[]): string {
  const rows = [HEADER.slice(0, 9) as readonly string[], ...figures.map((figure) => rowOf(figure).slice(0, 9))];
  const widths = HEADER.slice(0, 9).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function markdownTable(figures: readonly Figure[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const lines = [`| ${HEADER.join(' | ')} |`, `| ${HEADER.map(() => '---').join(' | ')} |`];
  for (const figure of figures) lines.push(`| ${rowOf(figure).map(escape).join(' | ')} |`);
  return lines.join('\n');
}

export function machineLines(machine: Machine, command: string, seconds: number): string[] {
  return [
    `- command: \`${command}\` (${Math.round(seconds)} s in all)`,
    `- machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGiB} GiB memory`,
    `- node ${machine.node}, commit ${machine.commit}, measured ${machine.date}`,
  ];
}
