// The callbacks handed to page.evaluate run in Chromium: they are typed against the DOM.
/// <reference lib="dom" />
import { chromiumAvailable, drawnCharts, pageSettled, signIn, tableRows } from '@spiral/web/testing';
import type { Browser, Page } from 'playwright-core';
import type { EmbeddedHarness, Identity } from './support/embedded-harness';
import { startSeededSystemInBrowser, stopSeededSystemInBrowser } from './support/seeded-browser';

interface ChartAnswer {
  readonly points: readonly { readonly period: string; readonly value: number; readonly type: string }[];
  readonly mean: number;
  readonly lowerLimit: number;
  readonly upperLimit: number;
  readonly signals: readonly unknown[];
  readonly groups: readonly unknown[];
  readonly suggestedRebase?: { readonly fromPeriod: string };
}
interface SpiralAnswer {
  readonly id: string;
  readonly title: string;
  readonly chart: ChartAnswer | null;
}
type Page_<T> = { readonly items: readonly T[]; readonly total: number; readonly nextCursor: string | null };
interface RecordAnswer {
  readonly id: string;
  readonly record: {
    readonly adoption: { readonly rationale: string; readonly decidedBy: readonly string[] } | null;
    readonly knowledge: Page_<{ readonly practiceIds: readonly string[]; readonly question: string; readonly sources: readonly string[] }>;
    readonly support: Page_<unknown>;
    readonly cycles: Page_<{ readonly plan: string }>;
    readonly assessments: Page_<unknown>;
  };
}
interface TeamAnswer {
  readonly id: string;
  readonly name: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly spirals: readonly { readonly spiralId: string }[];
  readonly spiralsByStep: Readonly<Record<string, number>>;
  readonly gains: { readonly events: Readonly<Record<string, number>> };
}

const teamUser: Identity = { role: 'local', org: 'S01-O01', sha: 'S01' };
const otherOrganisation: Identity = { role: 'local', org: 'S02-O01', sha: 'S02' };
const runIf = chromiumAvailable() ? describe : describe.skip;

runIf('the team page in headless Chromium, on a small seed', () => {
  let harness: EmbeddedHarness;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const get = async <T>(path: string, identity: Identity = teamUser): Promise<T> => (await harness.http.get(`/api/v1${path}`).set(harness.bearer(identity)).expect(200)).body as T;
  /** A spiral of the signed-in organisation whose chart has improvement points, whichever the seed made first. */
  const spiralWithImprovementPoints = async (): Promise<SpiralAnswer> => {
    for (const { teamId } of (await get<{ teams: readonly { teamId: string }[] }>('/organisations/S01-O01/view')).teams) {
      for (const { spiralId } of (await get<TeamAnswer>(`/teams/${teamId}/view`)).spirals) {
        const spiral = await get<SpiralAnswer>(`/spirals/${spiralId}`);
        if (spiral.chart?.points.some(({ type }) => type === 'improvement')) return spiral;
      }
    }
    throw new Error('the small seed has no spiral with improvement points in S01-O01');
  };

  beforeAll(async () => void ({ harness, baseUrl, browser } = await startSeededSystemInBrowser('spiral-web-team-')), 120_000);
  afterAll(() => stopSeededSystemInBrowser(browser, harness));
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page.close());

  it('signs a team user in, keeps the token out of the address, and draws every spiral of the team with the API figures', async () => {
    const token = harness.token(teamUser);
    await signIn(page, baseUrl, token);
    expect(page.url()).toBe(`${baseUrl}/team`);
    expect(await pageSettled(page)).toBe('');
    const teamId = await page.locator('[data-team-id]').getAttribute('data-team-id');
    const team = await get<TeamAnswer>(`/teams/${teamId}/view`);
    // The heading is the team's name alone (a seeded name carries its organisation's code), its place below it.
    expect(await page.locator('#team-heading').textContent()).toBe(team.name);
    expect(await page.locator('.team-place').textContent()).toBe(`Organisation ${team.orgCode}, region ${team.shaCode}`);
    const steps = await tableRows(page, 'team-steps');
    for (const [step, count] of Object.entries(team.spiralsByStep)) expect(steps[step]).toEqual([String(count)]);
    expect((await tableRows(page, 'team-gains'))['Gains achieved']).toEqual([String(team.gains.events.achieved)]);

    const spiralIds = await page.locator('[data-spiral-id]').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-spiral-id')));
    expect(spiralIds).toEqual(team.spirals.map(({ spiralId }) => spiralId));
    const drawn = await Promise.all(spiralIds.map((id) => get<SpiralAnswer>(`/spirals/${id}`)));
    expect(await drawnCharts(page)).toBe(drawn.filter(({ chart }) => chart !== null && chart.points.length > 0).length);
    for (const spiral of drawn.filter(({ chart }) => chart !== null)) {
      const section = page.locator(`[data-spiral-id="${spiral.id}"]`);
      const label = await section.locator('[data-chart]').getAttribute('aria-label');
      expect(label).toContain(`${spiral.chart!.points.length} points`);
      const limits = await section.locator('table[data-table="spc-limits"]').evaluate((table) => Array.from(table.querySelectorAll('td')).map((cell) => cell.getAttribute('data-value')));
      expect(limits.slice(0, 3).map((value) => (value === null ? null : Number(value)))).toEqual([spiral.chart!.mean, spiral.chart!.lowerLimit, spiral.chart!.upperLimit]);
      const points = await section.locator('table[data-table="spc-points"] tbody tr').evaluateAll((rows) => rows.map((row) => [row.children[0]?.textContent, Number(row.children[1]?.getAttribute('data-value'))]));
      expect(points).toEqual(spiral.chart!.points.map(({ period, value }) => [period, value]));
      expect(await section.locator('table[data-table="spc-signals"] tbody tr').count()).toBe(spiral.chart!.signals.length);
    }
    // README's picture of the team page: SPIRAL_WRITE_SCREENSHOT=1 npx jest test/e2e/web-team.e2e.spec.ts
    if (process.env.SPIRAL_WRITE_SCREENSHOT) await page.screenshot({ path: 'docs/images/team-page.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    expect(await page.evaluate(() => sessionStorage.getItem('spiral.token'))).toBe(token);
  });

  it('shows the refusal when a team user opens another organisation\'s team', async () => {
    const team = (await get<{ teams: readonly { teamId: string }[] }>('/organisations/S01-O01/view')).teams[0]!;
    await signIn(page, baseUrl, harness.token(otherOrganisation));
    await page.goto(`${baseUrl}/team?team=${team.teamId}&org=S01-O01`);
    const status = await pageSettled(page);
    expect(status).toContain('Refused (403)');
    expect(status).toContain('Sign in with a token for the right role');
    expect(await drawnCharts(page)).toBe(0);
  });

  it('asks to sign in when no token is kept', async () => {
    await page.goto(`${baseUrl}/team`);
    expect(await pageSettled(page)).toContain('You are not signed in');
  });

  it('answers chart.svg: the same chart as a valid SVG document with every point, under the same access rules', async () => {
    const spiral = await spiralWithImprovementPoints();
    const spiralId = spiral.id;
    const answer = await harness.http.get(`/api/v1/spirals/${spiralId}/chart.svg?width=800&height=400`).set(harness.bearer(teamUser)).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const svg = answer.body as string;
    const parsed = await page.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = document.documentElement;
      return { root: root.nodeName, error: document.getElementsByTagName('parsererror').length, width: root.getAttribute('width'), text: root.textContent };
    }, svg);
    expect(parsed).toMatchObject({ root: 'svg', error: 0, width: '800' });
    expect(parsed.text).toContain(spiral.title);
    // Each point is one symbol path in its type's colour, plus one in that type's legend entry.
    const improvement = spiral.chart!.points.filter(({ type }) => type === 'improvement').length;
    expect(svg.match(/fill="#0072B2"/g)?.length).toBe(improvement + 1);
    await harness.http.get(`/api/v1/spirals/${spiralId}/chart.svg`).set(harness.bearer(otherOrganisation)).expect(403);
    await harness.http.get(`/api/v1/spirals/${spiralId}/chart.svg`).expect(401);
    await harness.http.get('/api/v1/spirals/00000000-0000-4000-8000-000000000000/chart.svg').set(harness.bearer(teamUser)).expect(404);
    // README's picture of a chart with signals and gains: SPIRAL_WRITE_SCREENSHOT=1 npx jest test/e2e/web-team.e2e.spec.ts
    if (process.env.SPIRAL_WRITE_SCREENSHOT) {
      const picture = (await harness.http.get(`/api/v1/spirals/${spiralId}/chart.svg?width=960`).set(harness.bearer(teamUser)).buffer(true).parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })).body as string;
      await page.setContent(`<body style="margin:0">${picture}</body>`);
      await page.locator('svg').first().screenshot({ path: 'docs/images/spc-chart-with-gains.png' });
    }
  });

  it("shows each spiral's whole record as the API has it: the decision, and the long lists page by page", async () => {
    await signIn(page, baseUrl, harness.token(teamUser));
    expect(await pageSettled(page)).toBe('');
    const spiralIds = await page.locator('[data-spiral-id]').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-spiral-id') ?? ''));
    const spirals = await Promise.all(spiralIds.map((id) => get<RecordAnswer>(`/spirals/${id}`)));
    const adopted = spirals.find((spiral) => spiral.record.adoption !== null && spiral.record.cycles.total > 0);
    if (adopted === undefined) throw new Error('the small seed has no adopted spiral with change cycles in the first team of S01-O01');
    const record = page.locator(`[data-spiral-record="${adopted.id}"]`);
    await record.locator('summary').click();
    const decision = await record.locator('table[data-table="record-decision"] tbody tr').evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.children[0]?.textContent ?? '', [row.children[1]?.textContent ?? '']])));
    expect(decision['Rationale']).toEqual([adopted.record.adoption!.rationale]);
    expect(decision['Decided by']).toEqual([adopted.record.adoption!.decidedBy.join('; ')]);
    for (const list of ['knowledge', 'support', 'cycles', 'assessments'] as const) {
      expect(await record.locator(`table[data-table="record-${list}"] tbody tr`).count()).toBe(adopted.record[list].items.length);
    }
    const plans = await record.locator('table[data-table="record-cycles"] tbody tr').evaluateAll((rows) => rows.map((row) => row.children[2]?.textContent));
    expect(plans).toEqual(adopted.record.cycles.items.map(({ plan }) => plan));
    // README's picture of the record: SPIRAL_WRITE_SCREENSHOT=1 npx jest test/e2e/web-team.e2e.spec.ts
    if (process.env.SPIRAL_WRITE_SCREENSHOT) await record.screenshot({ path: 'docs/images/team-record.png' });
  });

  it('offers the catalogue when the team pulls knowledge, and records the practices chosen from it', async () => {
    const teamId = (await get<{ teams: readonly { teamId: string }[] }>('/organisations/S01-O01/view')).teams[0]!.teamId;
    const need = { teamId, title: 'Fewer falls on the ward', measure: { name: 'Falls per 1,000 bed days', unit: 'falls', improvement: 'decrease' }, baseline: 8, target: 5, trigger: { kind: 'localAnalysis' }, gap: 'Falls rose last winter.' };
    const spiralId = ((await harness.http.post('/api/v1/spirals').set(harness.bearer(teamUser)).send(need).expect(201)).body as { id: string }).id;
    await harness.viewsCaughtUp();
    await signIn(page, baseUrl, harness.token(teamUser));
    expect(await pageSettled(page)).toBe('');
    const form = page.locator(`form[data-knowledge="${spiralId}"]`);
    await form.getByLabel('Status').selectOption('published');
    await form.getByLabel('Search the catalogue').fill('falls');
    // The specialty field starts as the team's own; falls practices may belong to another, so search them all.
    await form.getByLabel('Specialty').fill('');
    await form.getByRole('button', { name: 'Search' }).click();
    const catalogue = await get<{ practices: readonly { practiceId: string; title: string }[] }>('/practices?q=falls&status=published');
    expect(catalogue.practices.length).toBeGreaterThan(0);
    await page.waitForFunction(([id, total]) => document.querySelector(`[data-catalogue="${id}"]`)?.getAttribute('data-total') === total, [spiralId, String(catalogue.practices.length)] as const);
    const shown = await form.locator('[data-practice]').evaluateAll((items) => items.map((item) => item.getAttribute('data-practice')));
    expect(shown).toEqual(catalogue.practices.map(({ practiceId }) => practiceId));
    const chosen = catalogue.practices[0]!;
    await form.getByLabel(new RegExp(`^${chosen.title}`)).check();
    await form.getByLabel('The question the team asked').fill('What stops falls at night?');
    // README's picture of the catalogue on the team page.
    if (process.env.SPIRAL_WRITE_SCREENSHOT) await form.screenshot({ path: 'docs/images/team-catalogue.png' });
    await form.getByRole('button', { name: 'Record the knowledge pulled' }).click();
    await page.waitForFunction((id) => /Recorded|Failed|Refused/.test(document.querySelector(`form[data-knowledge="${id}"] [role=status]`)?.textContent ?? ''), spiralId);
    const recorded = await get<RecordAnswer>(`/spirals/${spiralId}`);
    expect(recorded.record.knowledge.items).toEqual([expect.objectContaining({ practiceIds: [chosen.practiceId], question: 'What stops falls at night?', sources: [] })]);
  });

  it('confirms a suggested rebase from the page with a reason, and the chart then has a new group', async () => {
    await signIn(page, baseUrl, harness.token(teamUser));
    await pageSettled(page);
    const form = page.locator('form[data-rebase]').first();
    const spiralId = await form.getAttribute('data-rebase');
    const before = await get<SpiralAnswer>(`/spirals/${spiralId}`);
    await form.getByLabel('Reason for the rebase').fill('A new triage process started; the old limits no longer describe it.');
    await form.getByRole('button').click();
    await page.waitForFunction(() => /Rebase .* recorded|Refused|Failed/.test(document.getElementById('status')?.textContent ?? '') || /Refused|Failed/.test(document.querySelector('form[data-rebase] [role=status]')?.textContent ?? ''));
    const answered = `${await page.locator('#status').textContent()} ${await page.locator('form[data-rebase] [role=status]').first().textContent().catch(() => '')}`;
    expect(answered).toContain(`Rebase from ${before.chart!.suggestedRebase!.fromPeriod} recorded`);
    await harness.viewsCaughtUp();
    const after = await get<SpiralAnswer>(`/spirals/${spiralId}`);
    expect(after.chart!.groups.length).toBe(before.chart!.groups.length + 1);
  });
});
