import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { markdownTable, type RecordedFigures } from './figures';

const HEADER = `# Reliability

What the event-sourcing guarantees (nothing lost, nothing counted twice, no lost update) and SPEC
"Access" and "Bad input" hold under, shown by automated suites (issue #6). Each suite prints its
figures; the sections below are written from a full run on this machine by the suites themselves.

- All suites: \`npm run test:reliability\` (builds dist/ first, full sizes, one suite at a time).
- The quick sizes, as CI runs them: \`npm run test:reliability:quick\`.
- One suite: add \`-- <file name>\`, e.g. \`npm run test:reliability -- conflicts\`.

Each section sits between \`<!-- suite N -->\` markers: a full run of a suite rewrites its own
section only, from \`.reliability/figures.json\`.
`;

const SECTION = /<!-- suite (\d+) -->\n[\s\S]*?<!-- \/suite \1 -->\n?/g;
const SUMMARY = /<!-- summary -->[\s\S]*?<!-- \/summary -->\n*/;

/** One row per section: its title and its **Result:** line, so the figures read at a glance. */
function summaryOf(sections: readonly string[]): string {
  const rows = sections.map((section) => {
    const title = /^## (.+)$/m.exec(section)?.[1] ?? '?';
    const result = /^\*\*Result:\*\* (.+)$/m.exec(section)?.[1] ?? 'see its section';
    const measured = /^Measured (\S+ \S+) UTC/m.exec(section)?.[1] ?? '';
    return `| ${title} | ${result} | ${measured} |`;
  });
  return ['<!-- summary -->', '| suite | result | measured (UTC) |', '| --- | --- | --- |', ...rows, '<!-- /summary -->', ''].join('\n');
}

/** The section of one suite: what it proves, the command, the figures and where they were measured. */
export function sectionOf(figures: RecordedFigures): string {
  return [
    `<!-- suite ${figures.suite} -->`,
    `## ${figures.suite}. ${figures.title}`,
    '',
    figures.proves,
    '',
    `Command: \`${figures.command}\``,
    '',
    ...(figures.headline === undefined ? [] : [`**Result:** ${figures.headline}`, '']),
    markdownTable(figures.columns, figures.rows),
    '',
    `Measured ${figures.measuredAt.slice(0, 16).replace('T', ' ')} UTC, ${figures.profile} profile, ${figures.machine}.`,
    `<!-- /suite ${figures.suite} -->`,
    '',
  ].join('\n');
}

/** Rewrites the suite's own section of the doc and keeps every other section as it is, in suite order. */
export function writeReliabilityDoc(path: string, figures: RecordedFigures): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const sections = new Map<number, string>();
  for (const match of text.matchAll(SECTION)) sections.set(Number(match[1]), match[0].endsWith('\n') ? match[0] : `${match[0]}\n`);
  const first = text.search(/<!-- suite \d+ -->/);
  const header = (first === -1 ? text : text.slice(0, first)).replace(SUMMARY, '').trimEnd();
  sections.set(figures.suite, sectionOf(figures));
  const ordered = [...sections.entries()].sort(([a], [b]) => a - b).map(([, section]) => section);
  writeFileSync(path, `${header}\n\n${summaryOf(ordered)}\n${ordered.join('\n')}`);
}
