/**
 * How hard the reliability suites push. `quick` (CI, `npm run test:reliability:quick`) keeps every
 * suite to seconds; `full` (`npm run test:reliability`) runs the sizes docs/reliability.md reports.
 */
export type ReliabilityProfile = 'quick' | 'full';

export const profile: ReliabilityProfile = process.env['SPIRAL_RELIABILITY'] === 'full' ? 'full' : 'quick';

/** The quick or the full value, by the profile this run uses. */
export function sized<T>(quick: T, full: T): T {
  return profile === 'full' ? full : quick;
}

/** A whole number from the environment, for figures a person may want to change (rate, seconds). */
export function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}
