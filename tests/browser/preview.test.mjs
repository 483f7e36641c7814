// <loyalty-tier-preview> in real Chromium: the customer's tier page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeCheck, launch, openPage, RESULTS, withoutWasm } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function tierPage(query = '', viewport) {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/tier.html${query}`, viewport);
  await opened.page.waitForFunction(() => document.querySelector('loyalty-tier-preview')?.preview);
  return opened;
}

const text = (page) => page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('.main').innerText);

test('the preview shows the ladder, the targets and the summary, with no console errors', async () => {
  const { page, problems } = await tierPage();
  const shown = await text(page);
  assert.match(shown, /Your tier/);
  assert.match(shown, /Spend \$1,200\.00 more by .+ to reach Gold/);
  assert.match(shown, /Your Silver tier is safe at the review/);
  assert.match(shown, /Points: 1 per 1 USD/);
  const current = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[aria-current="step"]').textContent);
  assert.match(current, /Silver/);
  assert.deepEqual(problems, []);
});

for (const [locale, title, english] of [['ru', 'Ваш уровень', 'Your tier'], ['hy', 'Ձեր մակարդակը', 'Your tier'], ['ka', 'თქვენი დონე', 'Your tier']]) {
  test(`the preview speaks ${locale}, with no English UI text`, async () => {
    const { page } = await tierPage(`?locale=${locale}`);
    const shown = await text(page);
    assert.ok(shown.includes(title), shown);
    for (const phrase of [english, 'Show as a table', 'When points expire', 'The program in brief', 'If you place', 'a month,']) {
      assert.ok(!shown.includes(phrase), `${locale} shows "${phrase}"`);
    }
  });
}

test('moving the what-if slider gives the core\'s projection for the basket that many times a month', async () => {
  const { page } = await tierPage();
  const slider = page.locator('loyalty-tier-preview >> input[type="range"]');
  await slider.focus();
  await page.keyboard.press('End');
  const result = await page.evaluate(async () => {
    const el = document.querySelector('loyalty-tier-preview');
    const orders = el.shadowRoot.querySelector('input[type="range"]').value;
    // The page loads the element as one bundle, with its own copy of the module: this one loads its own.
    const { loadAnalytics, preview } = await import('/www/elements/loyalty-analytics.js');
    await loadAnalytics();
    const lines = el.basket.lines.map(({ name, ...line }) => line);
    const direct = preview({ program: el.program, customer: el.customer, as_of: el.getAttribute('as-of') ?? new Date().toISOString().slice(0, 10), months: 12, basket: { lines, orders_per_month: Number(orders) } });
    const table = [...el.shadowRoot.querySelectorAll('td[data-balance]')].map((td) => Number(td.dataset.balance));
    return { orders, shown: el.preview.projection, direct: direct.projection, table };
  });
  assert.equal(result.orders, '8');
  assert.deepEqual(result.shown, result.direct);
  assert.deepEqual(result.table, result.direct.months.map((m) => m.points_balance));
});

test('the chart has a table alternative behind a button', async () => {
  const { page } = await tierPage();
  const toggle = page.locator('loyalty-tier-preview >> button');
  assert.equal(await page.isVisible('loyalty-tier-preview >> table'), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('loyalty-tier-preview >> tbody tr').count(), 12);
  const label = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('svg').getAttribute('role'));
  assert.equal(label, 'img');
});

test('axe reports no violations on the tier page, at 1280 px and at 320 px', async () => {
  const ready = () => document.querySelector('loyalty-tier-preview')?.preview;
  const openTable = (page) => page.locator('loyalty-tier-preview >> button').click();
  for (const [locale, width] of [['en', 1280], ['ka', 320]]) {
    const { violations, overflow } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/tier.html?locale=${locale}`, width, ready, openTable);
    assert.deepEqual(violations, [], `${locale} at ${width}px`);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  }
});

test('tier page screenshots at 360 px and 1280 px are saved', async () => {
  for (const width of [360, 1280]) {
    const { page } = await tierPage('', { width, height: 1200 });
    const path = new URL(`tier-${width}.png`, RESULTS);
    await page.screenshot({ path: path.pathname, fullPage: true });
    assert.ok(readFileSync(path).length > 1000);
  }
});

test('without its Wasm the preview shows a readable fallback and an error event', async () => {
  const { page, code } = await withoutWasm(ctx.browser, `${ctx.base}/www/demo/tier.html`, '**/loyalty_tier_bg.wasm');
  assert.equal(code, 'wasm_unavailable');
  assert.ok(await page.isVisible('loyalty-tier-preview >> text=Your tier preview appears here'));
  const status = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('.status').textContent);
  assert.match(status, /unavailable/);
  // A program set afterwards (the demo sets one when its file arrives) does not bring back "Loading".
  const after = await page.$eval('loyalty-tier-preview', (el) => {
    el.program = { ...el.program, id: 'again' };
    return el.shadowRoot.querySelector('.status').textContent;
  });
  assert.match(after, /unavailable/);
});

test('on a B2B program the company and the employee accounts stand side by side', async () => {
  const { page } = await tierPage('?program=s7-profi&customer=b2b');
  await page.waitForFunction(() => document.querySelector('loyalty-tier-preview').program?.id === 's7-profi' && document.querySelector('loyalty-tier-preview').preview?.projection.months[0].employee_points_earned !== undefined);
  const accounts = await page.$eval('loyalty-tier-preview', (el) => [...el.shadowRoot.querySelectorAll('[part="accounts"] section h3')].map((n) => n.textContent));
  assert.deepEqual(accounts, ['Company points', 'Your points']);
  const employee = await page.evaluate(() => document.querySelector('loyalty-tier-preview').preview.projection.months.reduce((s, m) => s + m.employee_points_earned, 0));
  assert.ok(employee > 0);
  const shown = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[part="accounts"]').innerText);
  assert.ok(shown.includes(new Intl.NumberFormat('en').format(employee)), shown);
});

test('a program without tiers shows no ladder or top-tier meter, and one without points no points chart', async () => {
  const shown = async (query) => {
    const { page } = await tierPage(query);
    const result = await page.$eval('loyalty-tier-preview', (el) => {
      const root = el.shadowRoot;
      const visible = (selector) => { const node = root.querySelector(selector); return Boolean(node && node.getClientRects().length); };
      return { text: root.querySelector('.main').innerText, meter: visible('meter, [part="meter"]'), chart: visible('svg[role="img"]'), expiry: visible('[part="expiry"]') };
    });
    await page.close();
    return result;
  };
  // Cumulative discount: no tiers, no points.
  const plain = await shown('?program=best-variant');
  assert.doesNotMatch(plain.text, /top tier|No tier yet/);
  assert.match(plain.text, /No tiers in this program/);
  assert.equal(plain.meter, false);
  assert.equal(plain.chart, false);
  assert.equal(plain.expiry, false);
  // Retail has both.
  const retail = await shown('?program=retail');
  assert.equal(retail.meter, true);
  assert.equal(retail.chart, true);
  assert.equal(retail.expiry, true);
});

test('on a program whose points wait out a return window, the table shows the pending points apart', async () => {
  const { page } = await tierPage('?program=yerevan-bookshop&customer=regular&locale=en');
  await page.waitForFunction(() => document.querySelector('loyalty-tier-preview').program?.id === 'yerevan-bookshop'
    && document.querySelector('loyalty-tier-preview').preview?.projection.months[0].points_pending !== undefined);
  const table = await page.$eval('loyalty-tier-preview', (el) => {
    const t = el.shadowRoot.querySelector('table');
    return { head: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      pending: [...t.querySelectorAll('[data-pending]')].map((td) => Number(td.dataset.pending)),
      balance: [...t.querySelectorAll('[data-balance]')].map((td) => Number(td.dataset.balance)) };
  });
  assert.ok(table.head.includes('Of which pending'), table.head.join(', '));
  assert.ok(table.pending.some((n) => n > 0), 'a month ends with points still pending');
  table.pending.forEach((n, i) => assert.ok(n <= table.balance[i], `month ${i}: ${n} pending of ${table.balance[i]}`));
});

test('the chart\'s axis labels fit inside it, six-digit balances included, at 360 px', async () => {
  const { page } = await tierPage('?program=s7-profi&customer=b2b', { width: 360, height: 800 });
  await page.waitForFunction(() => document.querySelector('loyalty-tier-preview').program?.id === 's7-profi'
    && document.querySelector('loyalty-tier-preview').shadowRoot.querySelector('svg text[text-anchor="end"]'));
  const lefts = await page.$eval('loyalty-tier-preview', (el) =>
    [...el.shadowRoot.querySelectorAll('svg text[text-anchor="end"]')].map((t) => ({ text: t.textContent, x: t.getBBox().x })));
  assert.ok(lefts.some(({ text }) => text.replace(/\D/g, '').length >= 6), JSON.stringify(lefts));
  for (const { text, x } of lefts) assert.ok(x >= 0, `"${text}" starts at ${x}`);
});

test('the preview lists the campaigns ahead, what each gives and when, in each language; a program without any shows none', async () => {
  const expected = {
    en: ['Saturday bread: 10% off (Saturdays)', 'Birthday cake: 20% off (within 7 days of your birthday)'],
    ru: [/: скидка 10% \(по субботам\)$/, /: скидка 20% \(за 7 дн\. до и после дня рождения\)$/],
    ka: ['შაბათის პური: 10% ფასდაკლება (შაბათობით)', 'დაბადების დღის ტორტი: 20% ფასდაკლება (დაბადების დღიდან 7 დღის ფარგლებში)'],
  };
  const campaigns = (page) => page.$$eval('loyalty-tier-preview >> [part="campaigns"] li', (items) => items.map((li) => li.textContent));
  for (const [locale, lines] of Object.entries(expected)) {
    const { page } = await tierPage(`?program=tbilisi-bakery&locale=${locale}`, { width: 360, height: 900 });
    await page.waitForFunction(() => document.querySelector('loyalty-tier-preview').shadowRoot.querySelector('[part="campaigns"] li'));
    const shown = await campaigns(page);
    assert.equal(shown.length, lines.length, `${locale}: ${shown}`);
    lines.forEach((line, at) => (line instanceof RegExp ? assert.match(shown[at], line) : assert.equal(shown[at], line)));
    await page.close();
  }
  const { page } = await tierPage('?program=retail');
  assert.equal(await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[part="campaigns"]').hidden), true);
});

test('a tier that counts points asks for points, not spend, in each language', async () => {
  for (const [locale, pattern] of [['en', /^Earn [\d,]+ more points (by .+ )?to reach Gold$/], ['ru', /^Наберите ещё [\d\s]+ баллов/]]) {
    const { page } = await tierPage(`?program=skyline-miles&locale=${locale}`);
    const reach = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[part="reach"]').textContent);
    assert.match(reach.replace(/\s/g, ' '), pattern);
    assert.doesNotMatch(reach, /Spend|Потратьте/);
    await page.close();
  }
});
