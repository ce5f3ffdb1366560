import type { EmbeddedHarness, Identity } from './embedded-harness';
import { created, localRx1, needBody, registerTeam, stepBodies } from './local-spirals';

/**
 * A spiral entered as history: recognised in January 2004 and adopted on 15 December 2004, so the
 * points of 2004 make its SPC baseline and those from January 2005 fall after the adoption.
 */
export const ADOPTED_AT = '2004-12-15T09:00:00.000Z';
export const BASELINE = [50, 52, 48, 51, 49, 50, 52, 48, 51, 49, 50, 50];

export const monthOf = (index: number): string => new Date(Date.UTC(2004, index, 1)).toISOString().slice(0, 10);
export const months = (from: number, count: number): string[] => Array.from({ length: count }, (_, k) => monthOf(from + k));

/** A measure that should rise, like the share of patients seen within the hour. */
const risingNeed = (teamId: string) => ({
  ...needBody(teamId),
  measure: { name: 'Seen within the hour', unit: 'percent', improvement: 'increase' },
  baseline: 50,
  target: 55,
});

export async function adoptedSpiral(harness: EmbeddedHarness, identity: Identity = localRx1, teamId?: string): Promise<{ teamId: string; spiralId: string }> {
  const team = teamId ?? (await registerTeam(harness, identity));
  const at = (date: string) => ({ occurredAt: `${date}T09:00:00.000Z` });
  const spiralId = await created(harness, '/spirals', identity, { ...risingNeed(team), ...at('2004-01-05') });
  await created(harness, `/spirals/${spiralId}/knowledge`, identity, { ...stepBodies.knowledge, ...at('2004-01-06') });
  await created(harness, `/spirals/${spiralId}/options`, identity, { ...stepBodies.options(), ...at('2004-01-07') });
  await recordPoints(harness, spiralId, BASELINE, 0, { identity, ...at('2004-12-01') });
  await created(harness, `/spirals/${spiralId}/adoption`, identity, { ...stepBodies.adoption, occurredAt: ADOPTED_AT });
  return { teamId: team, spiralId };
}

/** Monthly points from month `from` (0 = January 2004) in one request, as a team uploads a series; recorded now unless dated. */
export function recordPoints(
  harness: EmbeddedHarness,
  spiralId: string,
  values: readonly number[],
  from: number,
  { identity = localRx1, occurredAt }: { identity?: Identity; occurredAt?: string } = {},
) {
  const points = values.map((value, k) => ({ period: monthOf(from + k), value }));
  return created(harness, `/spirals/${spiralId}/measurements`, identity, { points, ...(occurredAt === undefined ? {} : { occurredAt }) });
}
