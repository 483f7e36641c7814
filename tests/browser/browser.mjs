// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, and the
// demo server on a free port. Screenshots go to test-results/.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
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

/** The checkout widget's amount to pay: on screen once the first quote is shown. */
export const PAYABLE = 'loyalty-checkout >> [part="payable"]';

/** The demo checkout page with `query`, once its widget shows a first quote. */
export async function openCheckout(ctx, query = '', viewport) {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/checkout.html${query}`, viewport);
  await opened.page.waitForSelector(PAYABLE);
  return opened;
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * Runs axe (WCAG 2.2 AA and best practice) on `url` at `width` px once `ready()` holds in the page,
 * after `prepare(page)`. Returns the violations and how far the page scrolls sideways.
 */
export async function axeCheck(browser, url, width, ready, prepare = async () => {}) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(ready);
    await prepare(page);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] })).violations
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    return { violations, overflow };
  } finally {
    await context.close();
  }
}

/** Opens `url` with requests matching `pattern` answered 404; resolves with the page and the first loyalty-error code. */
export async function withoutWasm(browser, url, pattern) {
  const page = await browser.newPage();
  await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.addInitScript(() => {
    window.addEventListener('loyalty-error', (e) => { window.lastLoyaltyError ??= e.detail.code; }, true);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.lastLoyaltyError);
  return { page, code: await page.evaluate(() => window.lastLoyaltyError) };
}
