// The tier page prices the customer's usual basket (issue 30, item 3): a distance, per-unit or
// per-item program earns what a quote of that basket earns, and the what-if moves how often the
// basket is placed, its figure and thumb agreeing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function tierPage(query) {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/tier.html${query}`);
  const program = new URLSearchParams(query).get('program');
  await opened.page.waitForFunction((id) => {
    const el = document.querySelector('loyalty-tier-preview');
    return el?.program?.id === id && el.basket && el.preview;
  }, program);
  return opened;
}

const shown = (page) => page.$eval('loyalty-tier-preview', (el) => ({
  totals: el.shadowRoot.querySelector('.whatif .muted').textContent,
  label: el.shadowRoot.querySelector('.whatif label').textContent,
  output: el.shadowRoot.querySelector('output').textContent,
  range: (({ min, max, step, value }) => ({ min, max, step, value }))(el.shadowRoot.querySelector('input[type="range"]')),
  valuetext: el.shadowRoot.querySelector('input[type="range"]').getAttribute('aria-valuetext'),
  axis: [...el.shadowRoot.querySelectorAll('svg text')].map((t) => t.textContent),
}));

/** The points of each of the basket's orders in the first month, quoted one after another by the checkout's engine. */
const quoted = (page) => page.evaluate(async () => {
  const el = document.querySelector('loyalty-tier-preview');
  const { loadCore, loadCompiler, LoyaltyEngine } = await import('/www/elements/loyalty-core.js');
  await loadCore();
  await loadCompiler();
  const engine = new LoyaltyEngine(el.program);
  const month = el.preview.projection.months[0].month;
  const lines = el.basket.lines.map(({ name, ...line }) => line);
  const quote = engine.quote(el.customer, { date: `${month}-15`, lines });
  engine.free();
  return { earned: quote.points?.earned ?? 0, first: el.preview.projection.months[0].points_earned, orders: el.basket.orders_per_month };
});

for (const program of ['skyline-miles', 'etihad-superseller', 'cordiant-dealers']) {
  test(`${program}: the page's points are a quote's of the customer's basket, not 0`, async () => {
    const { page, problems } = await tierPage(`?program=${program}&customer=new`);
    const q = await quoted(page);
    assert.ok(q.earned > 0, `${program} earns on its basket`);
    // Once a month the first month is that one order; more often, each order earns it again
    // (a new customer's tier does not move within the first month on these programs).
    assert.equal(q.first, q.earned * q.orders);
    const s = await shown(page);
    assert.doesNotMatch(s.totals, /: 0 points/);
    assert.ok(!s.axis.includes('0.5'), s.axis.join(' '));
    assert.deepEqual(problems, []);
  });
}

test('Skyline: the what-if moves the orders a month of the basket, by keyboard, figure and thumb agreeing', async () => {
  const { page } = await tierPage('?program=skyline-miles&customer=regular');
  const start = await shown(page);
  // The usual basket: Yerevan–Paris in business and two Yerevan–Tbilisi flights, once a month.
  assert.match(start.label, /usual order \(\$1,690\.00\)/);
  assert.deepEqual(start.range, { min: '1', max: '8', step: '1', value: '1' });
  assert.equal(start.output, '1 a month, $1,690.00');
  assert.equal(start.valuetext, start.output);
  const range = page.locator('loyalty-tier-preview >> input[type="range"]');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const after = await shown(page);
  assert.equal(after.range.value, '3');
  assert.equal(after.output, '3 a month, $5,070.00');
  assert.equal(after.valuetext, after.output);
  const sent = await page.evaluate(() => document.querySelector('loyalty-tier-preview').preview.projection.months[0]);
  // Three orders from the 15th, every 9 days: the 15th, 24th and 33rd, the last in the next month.
  assert.equal(sent.spend, '3380.00');
  const points = (text) => Number(/: ([\d,]+) points/.exec(text)[1].replace(/,/g, ''));
  assert.ok(points(after.totals) > points(start.totals), `${start.totals} → ${after.totals}`);
  await page.keyboard.press('End');
  assert.equal((await shown(page)).range.value, '8');
});

for (const [locale, word] of [['ru', 'в месяц'], ['hy', 'ամսական'], ['ka', 'თვეში']]) {
  test(`the basket's what-if speaks ${locale}`, async () => {
    const { page } = await tierPage(`?program=cordiant-dealers&customer=regular&locale=${locale}`);
    const s = await shown(page);
    assert.ok(s.output.includes(word), s.output);
    assert.ok(!/usual order|a month/.test(s.label + s.output), s.label);
  });
}
