import { answerOf } from './answers';
import type { EmbeddedHarness, Identity } from './embedded-harness';

/** Helpers to drive the local level through HTTP, shared by every test that needs a team or a spiral. */

export const localRx1: Identity = { role: 'local', org: 'RX1', sha: 'Q01' };
export const national: Identity = { role: 'national' };


export const teamBody = (orgCode = 'RX1', shaCode = 'Q01') => ({ name: `Stroke unit ${orgCode}`, orgCode, shaCode, specialty: 'stroke' });

export const needBody = (teamId: string) => ({
  teamId,
  title: 'Faster thrombolysis',
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 72,
  target: 45,
  trigger: { kind: 'patientVoice', ref: 'survey-2004-q1' },
  gap: 'Half of our patients wait over an hour for thrombolysis.',
});

/** A valid body for every later step of a spiral, in the order a spiral takes them. */
export const stepBodies = {
  knowledge: { practiceIds: [], peerSpiralIds: [], sources: ['Stroke guideline 2004'], question: 'How do others thrombolyse within the hour?' },
  options: (practiceId?: string) => ({
    options: [
      { optionId: 'nurse-led', summary: 'Nurse-led thrombolysis', ...(practiceId === undefined ? {} : { practiceId }) },
      { optionId: 'pre-alert', summary: 'Ambulance pre-alert' },
    ],
  }),
  adoption: {
    optionId: 'nurse-led',
    rationale: 'Fits our staffing and the evidence is strong.',
    decidedBy: ['stroke consultant', 'ward manager'],
    stakeholders: ['ambulance trust'],
    patientPerspective: 'Patients asked for less waiting.',
  },
  support: { resources: ['two nurse training days'], improvementTeam: [{ role: 'stroke nurse', skills: ['PDSA cycles'] }], sponsor: 'Director of Nursing' },
  cycle: { plan: 'Nurses thrombolyse on weekdays.', prediction: 'Median under 50 minutes.', observed: 'Median 48 minutes.', learning: 'Works on weekdays.', decision: 'adopt' },
  measurements: { points: [{ period: '2004-03-01', value: 60 }, { period: '2004-01-01', value: 70 }, { period: '2004-02-01', value: 65 }] },
  rebase: { fromPeriod: '2004-02-01', reason: 'The new process started in February.' },
  sustainability: { assessedBy: 'improvement team', factors: { seniorLeadership: 'b', clinicalLeadership: 'a' } },
  close: { outcome: 'notSustained', learning: 'Weekend cover is what we lacked.' },
} as const;

export function post(harness: EmbeddedHarness, path: string, identity: Identity, body: object, headers: Record<string, string> = {}) {
  return harness.http.post(`/api/v1${path}`).set(harness.bearer(identity)).set(headers).send(body);
}

/** POSTs and expects 201, saying what came instead when it did not; answers the id the server gave. */
export async function created(harness: EmbeddedHarness, path: string, identity: Identity, body: object): Promise<string> {
  const response = await post(harness, path, identity, body);
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return answerOf(response).id;
}

export function registerTeam(harness: EmbeddedHarness, identity: Identity = localRx1): Promise<string> {
  return created(harness, '/teams', identity, teamBody(identity.org, identity.sha));
}

/** A registered team of the identity's organisation and a need it recognised. */
export async function recogniseNeed(harness: EmbeddedHarness, identity: Identity = localRx1): Promise<{ teamId: string; spiralId: string }> {
  const teamId = await registerTeam(harness, identity);
  const spiralId = await created(harness, '/spirals', identity, needBody(teamId));
  return { teamId, spiralId };
}

/** A practice the national organisation proposed; `publishPractice` publishes it (version 1). */
export function proposePractice(harness: EmbeddedHarness, occurredAt?: string): Promise<string> {
  return created(harness, '/practices', national, {
    title: 'Nurse-led thrombolysis',
    summary: 'Trained nurses thrombolyse without waiting for a doctor.',
    origin: 'nhsTeam',
    originDetail: 'A stroke unit in the north west',
    targetMeasures: ['Door-to-needle time'],
    ...(occurredAt === undefined ? {} : { occurredAt }),
  });
}

export async function publishPractice(harness: EmbeddedHarness, practiceId: string): Promise<string> {
  return created(harness, `/practices/${practiceId}/publication`, national, { evidenceLevel: 'observational', summary: 'Halved the wait.' });
}

export async function publishedPractice(harness: EmbeddedHarness): Promise<string> {
  const practiceId = await proposePractice(harness);
  await publishPractice(harness, practiceId);
  return practiceId;
}

export function readSpiral(harness: EmbeddedHarness, spiralId: string, identity: Identity = localRx1) {
  return harness.http.get(`/api/v1/spirals/${spiralId}`).set(harness.bearer(identity));
}
