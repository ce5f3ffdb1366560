import type { EmbeddedHarness, Identity } from './embedded-harness';
import { created, national, needBody, stepBodies } from './local-spirals';

/** A team of the story: its id, and who may write for it. */
export interface StoryTeam {
  readonly teamId: string;
  readonly identity: Identity;
}

export const at = (date: string) => `${date}T00:00:00.000Z`;

export async function teamAt(harness: EmbeddedHarness, orgCode: string, shaCode: string, occurredAt: string): Promise<StoryTeam> {
  const identity: Identity = { role: 'local', org: orgCode, sha: shaCode };
  const teamId = await created(harness, '/teams', identity, { name: `Stroke unit ${orgCode}`, orgCode, shaCode, occurredAt });
  return { teamId, identity };
}

export async function spiralAt(harness: EmbeddedHarness, team: StoryTeam, occurredAt: string): Promise<string> {
  return created(harness, '/spirals', team.identity, { ...needBody(team.teamId), occurredAt });
}

/** Knowledge, options and the adoption of the practice, all on `occurredAt`. */
export async function adoptAt(harness: EmbeddedHarness, team: StoryTeam, spiralId: string, practiceId: string, occurredAt: string): Promise<void> {
  await created(harness, `/spirals/${spiralId}/knowledge`, team.identity, { ...stepBodies.knowledge, occurredAt });
  await created(harness, `/spirals/${spiralId}/options`, team.identity, { ...stepBodies.options(practiceId), occurredAt });
  await created(harness, `/spirals/${spiralId}/adoption`, team.identity, { ...stepBodies.adoption, occurredAt });
}

export interface SmallHealthService {
  readonly practiceId: string;
  readonly teams: Readonly<Record<'a' | 'b' | 'c' | 'd' | 'e', StoryTeam>>;
  readonly spirals: Readonly<Record<'a' | 'b' | 'c' | 'd', string>>;
}

/**
 * A small health service built through the HTTP API, history entered late with occurredAt:
 * nurse-led thrombolysis published 2004-01-20. Q01: teams a, b (RX1) and c (RX2); Q02: d (RY1), e (RY2).
 * Spiral a adopts 2004-03-01; b adopts 2004-04-15 and closes 2004-05-01; c recognises a need
 * 2004-02-10 and does nothing more; d adopts 2004-05-10; e has no spiral. No points are recorded,
 * so SPC signals no gain.
 */
export async function buildSmallHealthService(harness: EmbeddedHarness): Promise<SmallHealthService> {
  const practiceId = await created(harness, '/practices', national, {
    title: 'Nurse-led thrombolysis',
    summary: 'Trained nurses thrombolyse without waiting for a doctor.',
    origin: 'nhsTeam',
    originDetail: 'A stroke unit in the north west',
    targetMeasures: ['Door-to-needle time'],
    occurredAt: at('2004-01-05'),
  });
  await created(harness, `/practices/${practiceId}/publication`, national, { evidenceLevel: 'observational', summary: 'Halved the wait.', occurredAt: at('2004-01-20') });
  const registered = at('2004-01-02');
  const teams = {
    a: await teamAt(harness, 'RX1', 'Q01', registered),
    b: await teamAt(harness, 'RX1', 'Q01', registered),
    c: await teamAt(harness, 'RX2', 'Q01', registered),
    d: await teamAt(harness, 'RY1', 'Q02', registered),
    e: await teamAt(harness, 'RY2', 'Q02', registered),
  };
  const spirals = {
    a: await spiralAt(harness, teams.a, at('2004-02-01')),
    b: await spiralAt(harness, teams.b, at('2004-02-15')),
    c: await spiralAt(harness, teams.c, at('2004-02-10')),
    d: await spiralAt(harness, teams.d, at('2004-03-01')),
  };
  await adoptAt(harness, teams.a, spirals.a, practiceId, at('2004-03-01'));
  await adoptAt(harness, teams.b, spirals.b, practiceId, at('2004-04-15'));
  await created(harness, `/spirals/${spirals.b}/close`, teams.b.identity, { ...stepBodies.close, occurredAt: at('2004-05-01') });
  await adoptAt(harness, teams.d, spirals.d, practiceId, at('2004-05-10'));
  return { practiceId, teams, spirals };
}
