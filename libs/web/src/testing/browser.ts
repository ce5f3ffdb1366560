// The callbacks handed to page.evaluate run in Chromium: they are typed against the DOM.
/// <reference lib="dom" />
import type { Type } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium by default (Playwright's own browser download cannot work here); CHROMIUM_PATH to choose another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Under CI=true a missing Chromium fails the run (CI installs it,
 * so its absence is a broken pipeline); elsewhere the tests skip, saying how to install it.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`${message} Skipping the web page tests.`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  // Root in a container has no user namespace for Chromium's sandbox; the pages are our own.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Something that can hand out a provider of the running Nest app (the e2e harnesses can). */
export interface ResolvesProviders {
  resolve<T>(token: Type<T>): T;
}

/** Makes the app's HTTP server listen on a free local port and answers its address; the app's close() stops it. */
export async function listenLocally(app: ResolvesProviders): Promise<string> {
  const server = app.resolve(HttpAdapterHost).httpAdapter.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Signs in as a user does: pastes the token on the sign-in page, which opens the role's page. */
export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/');
}

/** Waits until the page has finished loading: its status says done (hidden), empty or error. */
export async function pageSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const status = document.getElementById('status');
    return status !== null && !status.className.includes('status-loading') && status.className.includes('status-');
  });
  return page.locator('#status').evaluate((status) => (status.hasAttribute('hidden') ? '' : (status.textContent ?? '')));
}

/** A data table's rows as `{row header: data-value or text of each cell}`: the numbers the page shows. */
export function tableRows(page: Page, name: string): Promise<Record<string, string[]>> {
  return page.locator(`table[data-table="${name}"]`).first().evaluate((table) => {
    const rows: Record<string, string[]> = {};
    for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
      const [header, ...cells] = Array.from(row.children);
      rows[header?.textContent ?? ''] = cells.map((cell) => cell.getAttribute('data-value') ?? cell.textContent ?? '');
    }
    return rows;
  });
}

/** How many charts the page drew (an ECharts SVG inside each chart container). */
export function drawnCharts(page: Page): Promise<number> {
  return page.locator('[data-chart] svg').count();
}
