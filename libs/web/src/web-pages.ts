import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { echartsDistDir, webAssetsDir } from './web-assets';

/** One file the web pages serve, read once at start: the set is small and fixed. */
export interface WebFile {
  readonly body: string;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
};

interface Page {
  readonly title: string;
  readonly heading: string;
  /** Scripts of the page: `module` ones load after the document; plain ones first (the chart option builder). */
  readonly scripts: readonly { readonly src: string; readonly module: boolean }[];
  /** Markup between the status line and the page's content, from a file of the assets. */
  readonly intro?: string;
}

const moduleScript = (name: string) => ({ src: `/assets/scripts/${name}`, module: true });
const CHART_OPTION = { src: '/assets/scripts/spc-chart-option.js', module: false };

/** The pages, by the path a browser asks for: sign-in at `/`, then one page per level, all on one layout. */
export const PAGES: Readonly<Record<string, Page>> = {
  '/': { title: 'Sign in', heading: 'Sign in to Spiral', scripts: [moduleScript('sign-in.js')], intro: 'sign-in-form.html' },
  '/team': { title: 'Team', heading: 'Team: spirals and SPC charts', scripts: [CHART_OPTION, moduleScript('team.js')] },
  '/regional': { title: 'Region', heading: 'Region: funnel, penetration and spread', scripts: [moduleScript('regional.js')] },
  '/national': { title: 'National', heading: 'National: spread, time to adopt and variation', scripts: [moduleScript('national.js')] },
  '/audit': { title: 'Audit', heading: 'Audit: trace and verify', scripts: [moduleScript('audit.js')] },
};

/** A page's HTML: the layout filled with the page's own constants (no request data ever reaches it). */
function renderPage(assets: string, page: Page): string {
  const scripts = page.scripts.map(({ src, module }) => `    <script${module ? ' type="module"' : ''} src="${src}"></script>`).join('\n');
  const intro = page.intro === undefined ? '' : readFileSync(join(assets, page.intro), 'utf8');
  const fills: Readonly<Record<string, string>> = { title: page.title, heading: page.heading, scripts, body: `${intro}      <div id="content"></div>` };
  return readFileSync(join(assets, 'layout.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => fills[name] ?? '');
}

/**
 * Every path served, mapped to its file. Only what is listed here is served (no path from the request
 * reaches the file system), and the token never travels in a URL: the scripts send it as a header.
 */
export function webFiles(): ReadonlyMap<string, WebFile> {
  const assets = webAssetsDir();
  const files = new Map<string, WebFile>();
  const add = (path: string, file: string) => files.set(path, { body: readFileSync(file, 'utf8'), contentType: CONTENT_TYPES[extname(file)] ?? 'text/plain; charset=utf-8' });
  for (const [path, page] of Object.entries(PAGES)) files.set(path, { body: renderPage(assets, page), contentType: CONTENT_TYPES['.html']! });
  add('/assets/styles.css', join(assets, 'styles.css'));
  for (const script of readdirSync(join(assets, 'scripts')).filter((name) => name.endsWith('.js'))) add(`/assets/scripts/${script}`, join(assets, 'scripts', script));
  add('/assets/vendor/echarts.esm.min.mjs', join(echartsDistDir(), 'echarts.esm.min.mjs'));
  return files;
}

/**
 * Headers for every page and asset. The policy allows only this origin's scripts (no inline script,
 * so a value shown on a page cannot run as code); ECharts sets inline styles on the elements it
 * draws, hence style attributes are allowed.
 */
export const WEB_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};
