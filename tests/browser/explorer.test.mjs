// <loyalty-offer-explorer> in real Chromium: the sales rep's screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeCheck, launch, openPage, RESULTS, withoutWasm } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const ready = () => document.querySelector('loyalty-offer-explorer')?.result;

async function explorer(query = '', viewport) {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/explorer.html${query}`, viewport);
  await opened.page.waitForFunction(ready);
  return opened;
}

const text = (page) => page.$eval('loyalty-offer-explorer', (el) => el.shadowRoot.querySelector('.main').innerText);

test('the explorer shows margin impact and the four-way comparison, with no console errors', async () => {
  const { page, problems } = await explorer();
  const shown = await text(page);
  for (const phrase of ['Margin impact', 'Share of gross profit given away', '5% discount', '5% in points', '5% cashback', 'Paid membership']) {
    assert.ok(shown.includes(phrase), phrase);
  }
  const shares = await page.$$eval('loyalty-offer-explorer >> td[data-share]', (cells) => cells.map((c) => c.dataset.share));
  assert.equal(shares.length, 5);
  assert.equal(shares[1], '16.67'); // a 5% discount at 30% margin, as in the domain brief
  assert.deepEqual(problems, []);
});

for (const [locale, title] of [['ru', 'Конструктор предложения'], ['hy', 'Առաջարկի կառուցիչ'], ['ka', 'შეთავაზების კონსტრუქტორი']]) {
  test(`the explorer speaks ${locale}, with no English UI text`, async () => {
    const { page } = await explorer(`?locale=${locale}`);
    const shown = await text(page);
    assert.ok(shown.includes(title));
    for (const phrase of ['Margin impact', 'Seller economics', 'Customer behaviour', 'Program cost', 'Print']) {
      assert.ok(!shown.includes(phrase), `${locale} shows "${phrase}"`);
    }
  });
}

test('editing a parameter gives the core\'s margin for the edited program', async () => {
  const { page } = await explorer();
  const input = page.locator('loyalty-offer-explorer >> label:has-text("Silver: discount %") input');
  await input.fill('8');
  await input.press('Tab');
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').state.edits['tiers.1.discount_percent'] === '8');
  const { shown, direct } = await page.evaluate(async () => {
    const el = document.querySelector('loyalty-offer-explorer');
    // The page runs the explorer's bundle; the core's own module is loaded here beside it.
    const { loadAnalytics, margin } = await import('/www/elements/loyalty-analytics.js');
    await loadAnalytics();
    const program = structuredClone(el.programs.find((p) => p.id === 'retail').program);
    program.tiers[1].discount_percent = '8';
    const today = new Date().toISOString().slice(0, 10);
    // The client's basket as the core takes it: the rep's names and the seller's costs stay out.
    const basket = el.programs.find((p) => p.id === 'retail').basket;
    const lines = basket.lines.map(({ sku, category, unit_price, quantity, promotional }) => ({ sku, category, unit_price, quantity, promotional }));
    const direct = margin({ projection: { program, customer: { first_purchase_made: true, member_until: '2099-12-31' }, start: today, months: 12,
      plan: { basket: { lines, orders_per_month: basket.orders_per_month } }, redeem: { share: '80' } }, economics: { gross_margin_percent: '30', redemption_rate_percent: '80', monthly_churn_percent: '3' } });
    return { shown: el.result.margin, direct };
  });
  assert.deepEqual(shown, direct);
});

test('the expected redemption rate moves the program\'s cost, not only the liability', async () => {
  const { page } = await explorer();
  const cost = () => page.evaluate(() => document.querySelector('loyalty-offer-explorer').result.margin.totals.points_redeemed_value);
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').result);
  const at80 = await cost();
  const input = page.locator('loyalty-offer-explorer >> label:has-text("Points redeemed %") input');
  await input.fill('40');
  await input.press('Tab');
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').state.redemption === '40');
  await page.waitForFunction((before) => document.querySelector('loyalty-offer-explorer').result?.margin.totals.points_redeemed_value !== before, at80);
  const at40 = await cost();
  assert.ok(Number(at40) < Number(at80) && Number(at40) > 0, `redeemed value at 40 %: ${at40}, at 80 %: ${at80}`);
});

test('a refused value is marked at its field, and sends an error event with code and path', async () => {
  const { page } = await explorer();
  const failed = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('loyalty-offer-explorer').addEventListener('loyalty-error', (e) => resolve(e.detail), { once: true });
  }));
  const input = page.locator('loyalty-offer-explorer >> label:has-text("Gold: threshold") input');
  await input.fill('100.00');
  await input.press('Tab');
  const detail = await failed;
  assert.equal(detail.code, 'not_increasing');
  assert.equal(detail.path, 'projection.program.tiers[2].threshold');
  const field = await page.$eval('loyalty-offer-explorer', (el) => {
    const input = [...el.shadowRoot.querySelectorAll('label')].find((l) => l.textContent.startsWith('Gold: threshold')).querySelector('input');
    return { invalid: input.getAttribute('aria-invalid'), message: el.shadowRoot.getElementById(input.getAttribute('aria-describedby'))?.textContent };
  });
  assert.deepEqual(field, { invalid: 'true', message: 'Must be above the tier before it.' });
});

test('the URL reproduces the exact state', async () => {
  const { page } = await explorer();
  await page.selectOption('loyalty-offer-explorer >> select >> nth=0', 'kasboutik');
  const quantity = page.locator('loyalty-offer-explorer >> label:has-text("Quantity") input').first();
  await quantity.fill('4');
  await quantity.press('Tab');
  const margin = page.locator('loyalty-offer-explorer >> label:has-text("Gross margin %") input');
  await margin.fill('42');
  await margin.press('Tab');
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').state.margin === '42');
  const url = page.url();
  const before = await page.evaluate(() => ({ state: document.querySelector('loyalty-offer-explorer').state, result: document.querySelector('loyalty-offer-explorer').result }));
  const { page: again } = await openPage(ctx.browser, url);
  await again.waitForFunction((program) => document.querySelector('loyalty-offer-explorer')?.state.program === program && document.querySelector('loyalty-offer-explorer').result?.margin, before.state.program);
  const after = await again.evaluate(() => ({ state: document.querySelector('loyalty-offer-explorer').state, result: document.querySelector('loyalty-offer-explorer').result }));
  assert.equal(before.state.program, 'kasboutik');
  assert.deepEqual(after, before);
});

test('it prints to one page', async () => {
  const { page } = await explorer();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1);
});

test('axe reports no violations on the explorer, at 1280 px and at 320 px', async () => {
  for (const [locale, width] of [['en', 1280], ['ka', 320]]) {
    const { violations, overflow } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/explorer.html?locale=${locale}`, width, ready);
    assert.deepEqual(violations, [], `${locale} at ${width}px`);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  }
});

test('explorer screenshots at 360 px and 1280 px are saved', async () => {
  for (const width of [360, 1280]) {
    const { page } = await explorer('', { width, height: 1200 });
    const path = new URL(`explorer-${width}.png`, RESULTS);
    await page.screenshot({ path: path.pathname, fullPage: true });
    assert.ok(readFileSync(path).length > 1000);
  }
});

test('without its Wasm the explorer shows a readable fallback and an error event', async () => {
  const { page, code } = await withoutWasm(ctx.browser, `${ctx.base}/www/demo/explorer.html`, '**/loyalty_analytics_bg.wasm');
  assert.equal(code, 'wasm_unavailable');
  assert.ok(await page.isVisible('loyalty-offer-explorer >> text=The offer explorer appears here'));
});

test('the offers chart keeps every name inside it at 360 px, in the languages with the longest names', async () => {
  for (const locale of ['hy', 'ka']) {
    const { page } = await explorer(`?locale=${locale}`, { width: 360, height: 800 });
    await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').result?.comparison);
    const outside = await page.$eval('loyalty-offer-explorer', (el) => {
      const chart = el.shadowRoot.querySelector('svg[viewBox]:last-of-type') ?? el.shadowRoot.querySelector('svg');
      const charts = [...el.shadowRoot.querySelectorAll('svg')];
      return charts.flatMap((svg) => {
        const width = svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].filter((t) => t.getBBox().x + t.getBBox().width > width + 1)
          .map((t) => `${t.textContent} ends at ${Math.round(t.getBBox().x + t.getBBox().width)} of ${width}`);
      });
    });
    assert.deepEqual(outside, [], locale);
  }
});

test('the explorer page fetches its one script and the analytics module, each once, and in Georgian one chunk of its words more', async () => {
  for (const [locale, chunks] of [['en', 0], ['ka', 1]]) {
    const page = await ctx.browser.newPage();
    const fetched = {};
    page.on('request', (request) => { const path = new URL(request.url()).pathname; fetched[path] = (fetched[path] ?? 0) + 1; });
    await page.goto(`${ctx.base}/www/demo/explorer.html?locale=${locale}`);
    await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer')?.result);
    await page.close();
    const element = Object.keys(fetched).filter((path) => path.startsWith('/www/build/')).sort();
    const chunk = element.filter((path) => /^\/www\/build\/loyalty-offer-explorer-chunk-i18n-[\w-]+\.js$/.test(path));
    // What scripts/sizes.mjs measures as the explorer's load.
    assert.deepEqual(element.filter((path) => !chunk.includes(path)),
      ['/www/build/loyalty-offer-explorer.min.js', '/www/build/loyalty_analytics_bg.wasm'], `${locale}: ${JSON.stringify(fetched)}`);
    assert.equal(chunk.length, chunks, `${locale}: ${JSON.stringify(chunk)}`);
    if (chunks) assert.match(chunk[0], /-ka-/);
    for (const path of element) assert.equal(fetched[path], 1, `${path} fetched ${fetched[path]} times`);
  }
});
