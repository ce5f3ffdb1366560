import { SqliteViewStore } from '@spiral/adapters-embedded';
import { localProjections } from '@spiral/local';
import { nationalProjections } from '@spiral/national';
import { regionalProjections } from '@spiral/regional';
import { exportViews, ReplayJobs, type ReplayJobAnswer } from '@spiral/replay';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedHarness } from './support/embedded-harness';
import { MIDDLE, tellStory } from './support/replay-story';
import { settled } from './support/settled';

const analyst = { role: 'analyst' } as const;
const ALL = [...localProjections, ...regionalProjections, ...nationalProjections];

/** Every stored row of the live views and checkpoints, as text: equal means byte-identical. */
function liveRows(dataDir: string): string {
  const db = new Database(join(dataDir, 'views.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const views = db.prepare('SELECT collection, id, document FROM views ORDER BY collection, id').all();
    const checkpoints = db.prepare('SELECT projection, position FROM checkpoints ORDER BY projection').all();
    return JSON.stringify({ views, checkpoints });
  } finally {
    db.close();
  }
}

type ViewsExport = { views: { view: string; version: number; collections: Record<string, unknown[]> }[] };

/** A data folder's live views, exported as a replay exports its copy. */
async function liveExport(dataDir: string): Promise<ViewsExport> {
  const views = await SqliteViewStore.open(dataDir);
  try {
    let text = '';
    for await (const chunk of exportViews(views, ALL, 'json', {})) text += chunk;
    return JSON.parse(text) as ViewsExport;
  } finally {
    await views.close();
  }
}

describe('replay as of a moment (analysts)', () => {
  let whole: EmbeddedHarness;
  let firstHalf: EmbeddedHarness;
  let wholeDir: string;
  let firstHalfDir: string;

  beforeAll(async () => {
    wholeDir = mkdtempSync(join(tmpdir(), 'spiral-replay-whole-'));
    firstHalfDir = mkdtempSync(join(tmpdir(), 'spiral-replay-half-'));
    whole = await EmbeddedHarness.start({ dataDir: wholeDir });
    firstHalf = await EmbeddedHarness.start({ dataDir: firstHalfDir });
    await tellStory(whole, () => true);
    await tellStory(firstHalf, (occurredAt) => occurredAt <= MIDDLE);
    await settled(whole);
    await settled(firstHalf);
  }, 120_000);

  afterAll(async () => {
    await whole.stop();
    await firstHalf.stop();
  });

  async function replayOverHttp(view: string, asOf: string): Promise<{ answer: ReplayJobAnswer; during: string[] }> {
    const started = await whole.http.post('/api/v1/replays').set(whole.bearer(analyst)).send({ view, asOf });
    expect(started.status).toBe(202);
    const { id } = started.body as ReplayJobAnswer;
    const during: string[] = [];
    for (;;) {
      during.push(liveRows(wholeDir));
      const polled = await whole.http.get(`/api/v1/replays/${id}`).set(whole.bearer(analyst));
      expect(polled.status).toBe(200);
      const answer = polled.body as ReplayJobAnswer;
      if (answer.status === 'done' || answer.status === 'failed') return { answer, during };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('rebuilds every view as of the middle moment exactly as a system told only the events up to then', async () => {
    const before = liveRows(wholeDir);
    const { answer, during } = await replayOverHttp('all', MIDDLE);
    expect(answer).toMatchObject({ status: 'done', asOf: MIDDLE, error: null });
    expect(answer.eventsDone).toBe(answer.eventsTotal);
    expect(answer.figures?.eventsApplied).toBeLessThan(answer.figures?.eventsRead ?? 0);

    const result = await whole.http.get(answer.result?.json ?? '').set(whole.bearer(analyst));
    expect(result.status).toBe(200);
    const replayed = result.body as ViewsExport;
    const liveOfFirstHalf = await liveExport(firstHalfDir);
    expect(replayed.views).toEqual(liveOfFirstHalf.views);
    // Spirals a, b and the late entry d (recorded last, occurring in April) stood by then; c did not.
    const spirals = (views: ViewsExport) => views.views.find((view) => view.view === 'local-spiral-view')?.collections['spirals'] ?? [];
    expect(spirals(replayed)).toHaveLength(3);
    const liveOfWhole = await liveExport(wholeDir);
    expect(spirals(liveOfWhole)).toHaveLength(4);
    // Spiral a's gain, recorded by SPC's process manager from September's points, stood by then too.
    expect(spirals(replayed).filter((spiral) => (spiral as { gainStatus?: string }).gainStatus === 'achieved')).toHaveLength(1);

    // The live views are byte-identical before, during and after the replay.
    for (const rows of during) expect(rows).toBe(before);
    expect(liveRows(wholeDir)).toBe(before);
  });

  it('answers the regional view as of the middle moment with every figure as the system told only the events up to then has it', async () => {
    const national = { role: 'national' } as const;
    for (const sha of ['Q01', 'Q02']) {
      const asOf = await whole.http.get(`/api/v1/regions/${sha}/view?asOf=${MIDDLE}`).set(whole.bearer(national)).expect(200);
      const replayed = await firstHalf.http.get(`/api/v1/regions/${sha}/view?asOf=${MIDDLE}`).set(firstHalf.bearer(national)).expect(200);
      expect(asOf.body).toEqual(replayed.body);
    }
    // The whole history's view of now differs: the figures above were not today's.
    const now = await whole.http.get('/api/v1/regions/Q02/view').set(whole.bearer(national)).expect(200);
    const middle = await whole.http.get(`/api/v1/regions/Q02/view?asOf=${MIDDLE}`).set(whole.bearer(national)).expect(200);
    expect((now.body as { funnel: unknown }).funnel).not.toEqual((middle.body as { funnel: unknown }).funnel);
  });

  it('answers the national view as of the middle moment with every figure as the system told only the events up to then has it', async () => {
    const national = { role: 'national' } as const;
    const asOf = await whole.http.get(`/api/v1/national/view?asOf=${MIDDLE}`).set(whole.bearer(national)).expect(200);
    const replayed = await firstHalf.http.get(`/api/v1/national/view?asOf=${MIDDLE}`).set(firstHalf.bearer(national)).expect(200);
    expect(asOf.body).toEqual(replayed.body);
    // As of then the practice stood at its first version and evidence; now it is revised, and spiral c's region is live.
    type Body = { practices: { version: number; evidenceLevel: string }[]; variation: unknown };
    expect((asOf.body as Body).practices[0]).toMatchObject({ version: 1, evidenceLevel: 'observational' });
    const now = (await whole.http.get('/api/v1/national/view').set(whole.bearer(national)).expect(200)).body as Body;
    expect(now.practices[0]).toMatchObject({ version: 2, evidenceLevel: 'fieldTested' });
    expect(now.variation).not.toEqual((asOf.body as Body).variation);
  });

  it('as of a position, holds what was stored up to it; exports CSV', async () => {
    const { answer } = await replayOverHttp('local-team-view', 'position:4');
    expect(answer.figures).toMatchObject({ eventsRead: 4, eventsApplied: 4, projections: ['local-team-view_v4'] });
    const csv = await whole.http.get(answer.result?.csv ?? '').set(whole.bearer(analyst));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text.trim().split('\n');
    expect(header?.startsWith('view,version,collection,')).toBe(true);
    // Positions 1-4: the practice proposed and published, team a's organisation fixed to its region, then team a registered.
    expect(rows.filter((row) => row.startsWith('local-team-view,4,teams,'))).toHaveLength(1);
  });

  it('refuses who may not replay, a view it does not know and a moment that is not one', async () => {
    const local = { role: 'local', org: 'RX1', sha: 'Q01' } as const;
    expect((await whole.http.post('/api/v1/replays').set(whole.bearer(local)).send({ view: 'all', asOf: MIDDLE })).status).toBe(403);
    expect((await whole.http.post('/api/v1/replays').set(whole.bearer({ role: 'auditor' })).send({ view: 'all', asOf: MIDDLE })).status).toBe(403);
    const unknown = await whole.http.post('/api/v1/replays').set(whole.bearer(analyst)).send({ view: 'nope', asOf: MIDDLE });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ problems: [{ field: 'view' }] });
    const badMoment = await whole.http.post('/api/v1/replays').set(whole.bearer({ role: 'national' })).send({ view: 'all', asOf: '2004-02-30' });
    expect(badMoment.status).toBe(400);
    expect(badMoment.body).toMatchObject({ problems: [{ field: 'asOf' }] });
    expect((await whole.http.get('/api/v1/replays/00000000-0000-4000-8000-000000000000').set(whole.bearer(analyst))).status).toBe(404);
    await whole.resolve(ReplayJobs).idle();
  });
});
