// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, and the
// demo server on a free port. Screenshots go to test-results/.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = new URL('../../test-results/', import.meta.url);

export async function launch() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true, // playwright gives every launch a fresh, empty user-data-dir
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const server = await startServer({ port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  mkdirSync(RESULTS, { recursive: true });
  return {
    browser,
    base,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A new page that records console errors and uncaught exceptions. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(url);
  return { page, problems };
}
