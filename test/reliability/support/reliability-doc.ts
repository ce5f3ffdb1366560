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
section only, from \`.reliability/figures.json\`. Notes written by hand after a section, between
\`<!-- notes N -->\` markers, stay with it.
`;

const SECTION = /<!-- suite (\d+) -->\n[\s\S]*?<!-- \/suite \1 -->\n?/g;
/** What people wrote about a suite's runs (faults found, what changed): kept when its section is rewritten. */
const NOTES = /<!-- notes (\d+) -->\n[\s\S]*?<!-- \/notes \1 -->\n?/g;
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

const blocksOf = (text: string, pattern: RegExp): Map<number, string> =>
  new Map([...text.matchAll(pattern)].map((match) => [Number(match[1]), match[0].endsWith('\n') ? match[0] : `${match[0]}\n`]));

/**
 * Rewrites the suite's own section of the doc and keeps every other section as it is, in suite
 * order, each followed by its notes.
 */
export function writeReliabilityDoc(path: string, figures: RecordedFigures): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const sections = blocksOf(text, SECTION);
  const notes = blocksOf(text, NOTES);
  const first = text.search(/<!-- (suite|notes) \d+ -->/);
  const header = (first === -1 ? text : text.slice(0, first)).replace(SUMMARY, '').trimEnd();
  sections.set(figures.suite, sectionOf(figures));
  const ordered = [...sections.entries()].sort(([a], [b]) => a - b);
  const body = ordered.map(([suite, section]) => (notes.has(suite) ? `${section}\n${notes.get(suite)}` : section));
  writeFileSync(path, `${header}\n\n${summaryOf(ordered.map(([, section]) => section))}\n${body.join('\n')}`);
}
