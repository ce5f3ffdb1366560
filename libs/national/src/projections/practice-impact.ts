import { describe, isAtOrBefore, median, type Direction } from '@spiral/analytics';
import { ownEntry } from '@spiral/projections';
import type { ImpactFigures, ImprovementSummary } from './national-view';
import type { Practice } from './practice';
import type { ImpactEntry } from './practice-spiral-document';

/** Measures match by name, as the catalogue says (PracticeProposed.targetMeasures), ignoring case and spaces around. */
const measureKey = (name: string) => name.trim().toLowerCase();

function summary(entries: readonly ImpactEntry[]): ImprovementSummary {
  const values = entries.map((entry) => entry.relativeImprovement).filter((value): value is number => value !== null);
  return { ...describe(values), median: median(values) };
}

/**
 * SPEC "Views": impact is the improvement adopters achieved on the practice's measures. Taken over
 * adopting spirals with a gain achieved by asOf, as each spiral's relative improvement from its
 * baseline to its mean after adoption; pooled over the practice's target measures (relative
 * changes are unit-free), and shown per measure beside.
 */
export function practiceImpact(practice: Practice, asOf: string): ImpactFigures {
  const targeted = new Set(practice.targetMeasures.map(measureKey));
  const entries = Object.entries(practice.impact)
    .filter(([spiralId]) => {
      const first = ownEntry(practice.gains, spiralId)?.[0];
      return first !== undefined && isAtOrBefore(first.achievedAt, asOf);
    })
    .map(([, entry]) => entry);
  const groups = new Map<string, { measure: string; improvement: Direction; entries: ImpactEntry[] }>();
  for (const entry of entries) {
    const key = measureKey(entry.measure);
    const group = groups.get(key) ?? { measure: entry.measure, improvement: entry.improvement, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return {
    spirals: entries.length,
    onTargetMeasures: summary(entries.filter((entry) => targeted.has(measureKey(entry.measure)))),
    byMeasure: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, group]) => ({
        measure: group.measure,
        targeted: targeted.has(key),
        improvement: group.improvement,
        spirals: group.entries.length,
        relativeImprovement: summary(group.entries),
      })),
  };
}
