import type { EmbeddedHarness, Identity } from './embedded-harness';
import { national, needBody, post, stepBodies } from './local-spirals';
import { answerOf } from './answers';

/** The moment between the two halves of the story. */
export const MIDDLE = '2004-09-30T23:59:59.999Z';

const day = (date: string) => `${date}T09:00:00.000Z`;
const teamOf = (org: string, sha: string): Identity => ({ role: 'local', org, sha });
const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/**
 * Tells a dated history through HTTP, sending only the commands whose occurredAt `include` keeps.
 * Every command carries an Idempotency-Key, so the ids it creates are the same in any system that
 * is told it (UUIDv5 of actor, key and index): two harnesses told the whole story and its first
 * half hold the same teams, spirals and practice. Recorded in story order, which is not occurredAt
 * order: team d and its spiral are history entered last but occurring in early 2004.
 */
export async function tellStory(harness: EmbeddedHarness, include: (occurredAt: string) => boolean): Promise<void> {
  const send = async (path: string, identity: Identity, key: string, body: Readonly<Record<string, unknown>> & { readonly occurredAt: string }): Promise<string> => {
    if (!include(body.occurredAt)) return 'not-yet';
    const response = await post(harness, path, identity, body, { 'Idempotency-Key': key });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return answerOf(response).id;
  };
  const practice = await send('/practices', national, 'practice', {
    title: 'Nurse-led thrombolysis',
    summary: 'Trained nurses thrombolyse without waiting for a doctor.',
    origin: 'nhsTeam',
    originDetail: 'A stroke unit in the north west',
    targetMeasures: ['Door-to-needle time'],
    occurredAt: day('2004-01-05'),
  });
  await send(`/practices/${practice}/publication`, national, 'publication', { evidenceLevel: 'observational', summary: 'Halved the wait.', occurredAt: day('2004-01-20') });
  const teams = { a: teamOf('RX1', 'Q01'), b: teamOf('RX2', 'Q01'), c: teamOf('RY1', 'Q02') };
  const team = async (key: keyof typeof teams, occurredAt: string) => {
    const identity = teams[key];
    return send('/teams', identity, `team-${key}`, { name: `Stroke unit ${identity.org ?? ''}`, orgCode: identity.org, shaCode: identity.sha, occurredAt });
  };
  const spiral = async (identity: Identity, teamId: string, key: string, occurredAt: string) => send('/spirals', identity, key, { ...needBody(teamId), occurredAt });
  const adopt = async (identity: Identity, spiralId: string, key: string, occurredAt: string) => {
    await send(`/spirals/${spiralId}/knowledge`, identity, `${key}-knowledge`, { ...stepBodies.knowledge, occurredAt });
    await send(`/spirals/${spiralId}/options`, identity, `${key}-options`, { ...stepBodies.options(practice), occurredAt });
    await send(`/spirals/${spiralId}/adoption`, identity, `${key}-adoption`, { ...stepBodies.adoption, occurredAt });
  };
  const [a, b, c] = [await team('a', day('2004-01-02')), await team('b', day('2004-01-02')), await team('c', day('2004-01-03'))];
  const spiralA = await spiral(teams.a, a, 'spiral-a', day('2004-02-01'));
  const spiralB = await spiral(teams.b, b, 'spiral-b', day('2004-02-15'));
  await adopt(teams.a, spiralA, 'a', day('2004-03-01'));
  // Door-to-needle time (lower is better): a baseline near 72 minutes, then far lower after adoption.
  const points = [72, 74, 70, 73, 71, 72, 58, 40, 39, 41, 38, 40].map((value, k) => ({ period: month(2003 + Math.floor((9 + k) / 12), ((9 + k) % 12) + 1), value }));
  await send(`/spirals/${spiralA}/measurements`, teams.a, 'a-points', { points, occurredAt: day('2004-09-01') });
  await adopt(teams.b, spiralB, 'b', day('2004-06-10'));
  const spiralC = await spiral(teams.c, c, 'spiral-c', day('2004-10-05'));
  await adopt(teams.c, spiralC, 'c', day('2005-02-01'));
  await send(`/spirals/${spiralB}/close`, teams.b, 'b-close', { ...stepBodies.close, occurredAt: day('2005-03-01') });
  // A new version after the middle moment: as of it, the catalogue still shows the first.
  await send(`/practices/${practice}/revision`, national, 'revision', { changes: 'Field-tested in three units.', evidenceLevel: 'fieldTested', occurredAt: day('2005-01-10') });
  // History entered late: recorded after everything above, occurring in the first half.
  const teamD = teamOf('RY2', 'Q02');
  const d = await send('/teams', teamD, 'team-d', { name: 'Stroke unit RY2', orgCode: 'RY2', shaCode: 'Q02', occurredAt: day('2004-01-04') });
  const spiralD = await spiral(teamD, d, 'spiral-d', day('2004-04-01'));
  await adopt(teamD, spiralD, 'd', day('2004-05-01'));
}
