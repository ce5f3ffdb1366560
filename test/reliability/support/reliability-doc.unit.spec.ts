import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedFigures } from './figures';
import { writeReliabilityDoc } from './reliability-doc';

const figures = (suite: number, headline: string): RecordedFigures => ({
  suite,
  title: `Suite ${suite}`,
  proves: `What suite ${suite} proves.`,
  command: `npm run test:reliability -- suite-${suite}`,
  headline,
  columns: ['figure', 'value'],
  rows: [['missing', 0]],
  profile: 'full',
  measuredAt: '2026-11-26T00:00:00.000Z',
  machine: '2 cores',
});

describe('writeReliabilityDoc', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'reliability-doc-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps one section per suite in suite order, rewrites only the suite it is given, and sums them up on top', () => {
    const doc = join(folder, 'reliability.md');
    writeReliabilityDoc(doc, figures(9, 'first nine'));
    writeReliabilityDoc(doc, figures(5, 'five'));
    writeReliabilityDoc(doc, figures(9, 'second nine'));
    const text = readFileSync(doc, 'utf8');

    expect(text.match(/^## .+$/gm)).toEqual(['## 5. Suite 5', '## 9. Suite 9']);
    expect(text).not.toContain('first nine');
    expect(text).toContain('| 5. Suite 5 | five | 2026-11-26 00:00 |\n| 9. Suite 9 | second nine | 2026-11-26 00:00 |');
    expect(text.indexOf('<!-- summary -->')).toBeLessThan(text.indexOf('<!-- suite 5 -->'));
    expect(text.match(/<!-- summary -->/g)).toHaveLength(1);
  });

  it("keeps the notes written after a suite's section when the section is rewritten", () => {
    const doc = join(folder, 'reliability.md');
    writeReliabilityDoc(doc, figures(1, 'first one'));
    writeReliabilityDoc(doc, figures(2, 'two'));
    appendFileSync(doc, '\n<!-- notes 1 -->\nWhat the runs of suite 1 found.\n<!-- /notes 1 -->\n');
    writeReliabilityDoc(doc, figures(1, 'second one'));
    writeReliabilityDoc(doc, figures(2, 'two again'));
    const text = readFileSync(doc, 'utf8');

    expect(text.match(/What the runs of suite 1 found\./g)).toHaveLength(1);
    expect(text.indexOf('<!-- /suite 1 -->')).toBeLessThan(text.indexOf('<!-- notes 1 -->'));
    expect(text.indexOf('<!-- /notes 1 -->')).toBeLessThan(text.indexOf('<!-- suite 2 -->'));
    expect(text).toContain('second one');
  });
});
