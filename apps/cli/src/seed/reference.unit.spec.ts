import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRATEGIC_HEALTH_AUTHORITIES } from './reference/strategic-health-authorities';

/** The CSV's `name` column: one name a line, quoted when it holds a comma. */
function namesInCsv(text: string): string[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  expect(header).toBe('name');
  return lines.map((line) => (line.startsWith('"') ? line.slice(1, -1).replaceAll('""', '"') : line));
}

describe('seed reference data', () => {
  it('carries the 28 SHAs of 2002–2006 exactly as the CSV it was generated from', () => {
    const csv = readFileSync(join(__dirname, 'reference', 'strategic-health-authorities-2002-2006.csv'), 'utf8');
    expect(STRATEGIC_HEALTH_AUTHORITIES).toEqual(namesInCsv(csv));
    expect(STRATEGIC_HEALTH_AUTHORITIES).toHaveLength(28);
  });
});
