import { formatNumber } from './figures';

/** One history size's figures (medians), gathered by the replay and query benchmarks. */
export type GrowthRow = Record<string, number>;

/**
 * Cost growth: how the same figures move with the size of the history, one row per seeded size,
 * so time and memory per event can be compared across 10k, 100k, 300k… events.
 */
export class CostGrowth {
  private readonly rows = new Map<string, GrowthRow>();

  record(size: string, figures: GrowthRow): void {
    this.rows.set(size, { ...this.rows.get(size), ...figures });
  }

  markdown(): string {
    const columns = [...new Set([...this.rows.values()].flatMap((row) => Object.keys(row)))];
    if (columns.length === 0) return '';
    const lines = [`| seed size | ${columns.join(' | ')} |`, `| --- | ${columns.map(() => '---').join(' | ')} |`];
    for (const [size, row] of this.rows) lines.push(`| ${size} | ${columns.map((column) => formatNumber(row[column] ?? Number.NaN)).join(' | ')} |`);
    return lines.join('\n');
  }
}
