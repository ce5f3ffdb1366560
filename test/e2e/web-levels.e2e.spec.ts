// The callbacks handed to page.evaluate run in Chromium: they are typed against the DOM.
/// <reference lib="dom" />
import { chromiumAvailable, drawnCharts, pageSettled, signIn, tableRows } from '@spiral/web/testing';
import type { Browser, Page } from 'playwright-core';
import type { EmbeddedHarness, Identity } from './support/embedded-harness';
import { startSeededSystemInBrowser, stopSeededSystemInBrowser } from './support/seeded-browser';

interface Penetration {
  readonly teams: { readonly share: number };
  readonly organisations: { readonly share: number };
}
interface RegionalAnswer {
  readonly funnel: Readonly<Record<string, number>>;
  readonly penetration: Penetration;
  readonly sustainedRate: { readonly rate: number; readonly achieved: number };
  readonly stalled: readonly unknown[];
  readonly comparison: { readonly national: { readonly penetration: Penetration }; readonly regions: readonly { readonly shaCode: string; readonly penetration: Penetration }[] };
}
interface NationalAnswer {
  readonly practices: readonly { readonly title: string; readonly spread: { readonly teams: number; readonly organisations: number; readonly regions: number }; readonly fieldTests: readonly unknown[] }[];
  readonly variation: { readonly teams: { readonly n: number; readonly mean: number; readonly sd: number; readonly cv: number } };
}
interface TraceAnswer {
  readonly events: readonly { readonly revision: number }[];
  readonly adoptions: readonly unknown[];
}

const regional: Identity = { role: 'regional', sha: 'S01' };
const otherRegion: Identity = { role: 'regional', sha: 'S02' };
const national: Identity = { role: 'national' };
const auditor: Identity = { role: 'auditor' };
const teamUser: Identity = { role: 'local', org: 'S01-O01', sha: 'S01' };
const runIf = chromiumAvailable() ? describe : describe.skip;

/** README's pictures of the pages: SPIRAL_WRITE_SCREENSHOT=1 npx jest test/e2e/web-levels.e2e.spec.ts */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SPIRAL_WRITE_SCREENSHOT) await page.screenshot({ path: `docs/images/${name}.png`, fullPage: true });
}

runIf('the regional, national and audit pages in headless Chromium, on a small seed', () => {
  let harness: EmbeddedHarness;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const answer = (path: string, identity: Identity) => harness.http.get(`/api/v1${path}`).set(harness.bearer(identity));
  const get = async <T>(path: string, identity: Identity): Promise<T> => (await answer(path, identity).expect(200)).body as T;
  const open = async (identity: Identity, path: string) => {
    await signIn(page, baseUrl, harness.token(identity));
    if (new URL(page.url()).pathname + new URL(page.url()).search !== path) await page.goto(`${baseUrl}${path}`);
    return pageSettled(page);
  };

  beforeAll(async () => void ({ harness, baseUrl, browser } = await startSeededSystemInBrowser('spiral-web-levels-')), 120_000);
  afterAll(() => stopSeededSystemInBrowser(browser, harness));
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page.close());

  it('shows a region its funnel, penetration beside the nation and the other regions, adoption and stalled spirals, as the API has them', async () => {
    expect(await open(regional, '/regional')).toBe('');
    const view = await get<RegionalAnswer>('/regions/S01/view', regional);
    const funnel = await tableRows(page, 'funnel');
    for (const [step, count] of Object.entries(view.funnel)) expect(funnel[step]).toEqual([String(count)]);
    const penetration = await tableRows(page, 'penetration');
    expect(penetration['S01 (this region)']).toEqual([String(view.penetration.teams.share), String(view.penetration.organisations.share)]);
    expect(penetration['National']).toEqual([String(view.comparison.national.penetration.teams.share), String(view.comparison.national.penetration.organisations.share)]);
    for (const region of view.comparison.regions) expect(penetration[region.shaCode]).toEqual([String(region.penetration.teams.share), String(region.penetration.organisations.share)]);
    expect((await tableRows(page, 'sustained'))['Sustained share']).toEqual([String(view.sustainedRate.rate)]);
    expect(await page.locator('table[data-table="stalled"] tbody tr').count()).toBe(view.stalled.length);
    // The funnel, one small multiple per region and the nation, and the adoption curves.
    expect(await drawnCharts(page)).toBe(1 + 1 + view.comparison.regions.length + 1);
    await screenshot(page, 'regional-page');
  });

  it('refuses a region\'s page to a user of another region, and says so', async () => {
    const status = await open(otherRegion, '/regional?sha=S01');
    expect(status).toContain('Refused (403)');
    expect(status).toContain('outside what a regional user of S02 may read');
    expect(await drawnCharts(page)).toBe(0);
  });

  it('shows the nation each practice\'s spread, time to adopt, regional variation and field tests, as the API has them', async () => {
    expect(await open(national, '/national')).toBe('');
    const view = await get<NationalAnswer>('/national/view', national);
    const practices = await tableRows(page, 'practices');
    for (const practice of view.practices) {
      const { teams, organisations, regions } = practice.spread;
      expect(practices[practice.title]?.slice(1, 4)).toEqual([teams, organisations, regions].map(String));
    }
    const { n, mean, sd, cv } = view.variation.teams;
    expect((await tableRows(page, 'variation'))['Teams']).toEqual([n, mean, sd, cv].map(String));
    expect(await page.locator('table[data-table="field-tests"] tbody tr').count()).toBe(view.practices.reduce((sum, practice) => sum + practice.fieldTests.length, 0));
    expect(await page.locator('[data-chart="kaplan-meier"] svg').count()).toBe(1);
    const spreadCharts = view.practices.filter((practice) => practice.spread.teams > 0).length;
    expect(await drawnCharts(page)).toBe(spreadCharts + 3);
    await screenshot(page, 'national-page');
  });

  it('refuses the national page to a team user, and says so', async () => {
    const status = await open(teamUser, '/national');
    expect(status).toContain('Refused (403)');
    expect(await drawnCharts(page)).toBe(0);
  });

  it('shows an auditor the verification and a spiral\'s trace with its adoptions, as the API has them', async () => {
    const verify = await answer('/audit/verify', auditor);
    if (verify.status === 404) return console.warn('GET /api/v1/audit/verify is not served by this build: the audit page test has nothing to check.');
    const report = verify.body as { ok: boolean; streams: number; events: number };
    const teamId = (await get<{ teams: readonly { teamId: string }[] }>('/organisations/S01-O01/view', national)).teams[0]!.teamId;
    const spiralId = (await get<{ spirals: readonly { spiralId: string }[] }>(`/teams/${teamId}/view`, national)).spirals[0]!.spiralId;
    expect(await open(auditor, `/audit?spiral=${spiralId}`)).toBe('');
    expect(await tableRows(page, 'verify')).toEqual({ Streams: [String(report.streams)], Events: [String(report.events)], Breaks: ['0'] });
    expect(await page.locator('[data-verify]').getAttribute('data-verify')).toBe(report.ok ? 'ok' : 'broken');
    const trace = await get<TraceAnswer>(`/audit/spirals/${spiralId}/trace`, auditor);
    const revisions = await page.locator(`[data-trace="${spiralId}"] li`).evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-revision'))));
    expect(revisions).toEqual(trace.events.map(({ revision }) => revision));
    expect(await page.locator('[data-adoption]').count()).toBe(trace.adoptions.length);
    expect(await drawnCharts(page)).toBe(1);
    await screenshot(page, 'audit-page');
  });

  it('puts the adoption decisions before the events, naming the team, the option and the practice, not ids', async () => {
    type Named = { spiral: { teamName: string; title: string }; adoptions: { practiceAtDecision?: { title?: string }; adoption: { eventId: string } }[]; events: { hash: string }[] };
    const teamId = (await get<{ teams: readonly { teamId: string }[] }>('/organisations/S01-O01/view', national)).teams[0]!.teamId;
    let traced: { spiralId: string; trace: Named } | undefined;
    for (const { spiralId } of (await get<{ spirals: readonly { spiralId: string }[] }>(`/teams/${teamId}/view`, national)).spirals) {
      const trace = await get<Named>(`/audit/spirals/${spiralId}/trace`, auditor);
      if (trace.adoptions.some((decision) => decision.practiceAtDecision?.title !== undefined)) traced = { spiralId, trace };
      if (traced) break;
    }
    if (traced === undefined) throw new Error('the small seed has no adoption of a catalogue practice in the first team of S01-O01');
    expect(await open(auditor, `/audit?spiral=${traced.spiralId}`)).toBe('');
    const order = await page.evaluate(() => {
      const adoption = document.querySelector('[data-adoption]');
      const events = document.querySelector('[data-trace]');
      return adoption !== null && events !== null && (adoption.compareDocumentPosition(events) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(order).toBe(true);
    const decision = traced.trace.adoptions.find((candidate) => candidate.practiceAtDecision?.title !== undefined)!;
    const heading = await page.locator(`[data-adoption="${decision.adoption.eventId}"] h3`).textContent();
    expect(heading).toContain(traced.trace.spiral.teamName);
    expect(heading).toContain(decision.practiceAtDecision!.title);
    expect(await page.locator('h2').filter({ hasText: 'Trace of' }).textContent()).toContain(traced.trace.spiral.title);
    expect(await page.locator(`[data-trace="${traced.spiralId}"]`).textContent()).toContain(traced.trace.events[0]!.hash);
    // README's picture of the audit trace: SPIRAL_WRITE_SCREENSHOT=1 npx jest test/e2e/web-levels.e2e.spec.ts
    if (process.env.SPIRAL_WRITE_SCREENSHOT) await page.screenshot({ path: 'docs/images/audit-trace.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
  });

  it('verifies when the auditor asks, and shows when and up to which position the last verification ran', async () => {
    type Recorded = { upToPosition: number; finishedAt: string; report: { events: number } };
    const before = await answer('/audit/verifications/latest', auditor);
    // No spiral asked for: the page says to enter one, below the verification.
    expect(await open(auditor, '/audit')).toContain('Enter a spiral id');
    const head = await harness.eventStore.headPosition();
    await page.locator('[data-verify-now]').click();
    // The button is disabled while the job runs and enabled again once its result is shown.
    await page.locator('[data-verify-now]:not([disabled])').waitFor({ timeout: 60_000 });
    const latest = await get<Recorded>('/audit/verifications/latest', auditor);
    if (before.status === 200) expect(latest.finishedAt > (before.body as Recorded).finishedAt).toBe(true);
    expect(latest.upToPosition).toBe(head);
    expect(await page.locator('[data-verify]').textContent()).toContain(`${latest.finishedAt.replace('T', ' ').slice(0, 19)} UTC, up to global position ${head}`);
    expect((await tableRows(page, 'verify'))['Events']).toEqual([String(latest.report.events)]);
  });

  it('refuses the audit page to a team user, and says so', async () => {
    const status = await open(teamUser, '/audit');
    expect(status).toContain('Refused (403)');
  });
});
