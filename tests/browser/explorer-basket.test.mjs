// The explorer prices the client's purchases as baskets of real lines (issue 33, "First"): offers
// that depend on items, units or attributes move the cost, and the rep edits the basket.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, launch, openPage } from './browser.mjs';
import { toUnits } from '../../www/elements/scenarios.js';

/** Amounts and shares compared exactly, in hundredths. */
const cents = (text) => toUnits(text, 2);

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function explorer(program, query = '', viewport) {
  const state = encodeURIComponent(JSON.stringify({ program }));
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/explorer.html${query}#state=${state}`, viewport);
  await opened.page.waitForFunction((id) => document.querySelector('loyalty-offer-explorer')?.result && document.querySelector('loyalty-offer-explorer').state.program === id, program);
  return opened;
}

const totals = (page) => page.evaluate(() => document.querySelector('loyalty-offer-explorer').result?.margin.totals ?? null);

async function enter(page, label, value) {
  const input = page.locator(`loyalty-offer-explorer >> label:has-text("${label}") input`).first();
  await input.fill(value);
  await input.press('Tab');
}

/** The program cost after `label` is set to `value`. */
async function costWith(page, label, value) {
  await enter(page, label, value);
  return (await totals(page)).program_cost;
}

test('bogo-grocery: its defaults give away a plausible share, and "Three for two: buy" moves the cost', async () => {
  const { page, problems } = await explorer('bogo-grocery');
  const t = await totals(page);
  // Three for two on yoghurts, the second juice at half price and the breakfast set: at most a
  // third of what the basket costs, never the 70 % a spend without items made of it.
  assert.ok(cents(t.program_cost) > 0n && cents(t.program_cost) < cents(t.revenue) / 3n, `${t.program_cost} of ${t.revenue}`);
  assert.ok(cents(t.give_away_share) < 10000n, t.give_away_share);
  const one = await costWith(page, 'Three for two: buy', '1');
  assert.notEqual(one, t.program_cost);
  assert.deepEqual(problems, []);
});

test('paper by the box: "% from 10 items" moves the cost from 0', async () => {
  const { page } = await explorer('paper-wholesale');
  const before = (await totals(page)).program_cost;
  assert.notEqual(before, '0.00');
  assert.notEqual(await costWith(page, 'Bulk paper: % from 10 items', '50'), before);
});

test('Skyline: "Business fare: points ×" moves the cost of the miles redeemed', async () => {
  const { page } = await explorer('skyline-miles');
  const before = (await totals(page)).program_cost;
  assert.notEqual(before, '0.00');
  const after = await costWith(page, 'Business fare: points ×', '10');
  assert.ok(cents(after) > cents(before), `${before} → ${after}`);
});

test('Kasboutik: the coffee machine at its price, and a plausible share given away, as the core gives for the basket', async () => {
  const { page } = await explorer('kasboutik');
  const { shown, direct, machine } = await page.evaluate(async () => {
    const el = document.querySelector('loyalty-offer-explorer');
    // The page runs the explorer's bundle; the core's own module is loaded here beside it.
    const { loadAnalytics, margin } = await import('/www/elements/loyalty-analytics.js');
    await loadAnalytics();
    const base = el.programs.find((p) => p.id === 'kasboutik');
    const lines = base.basket.lines.map(({ sku, category, unit_price, quantity, promotional }) => ({ sku, category, unit_price, quantity, promotional }));
    const direct = margin({ projection: { program: base.program, customer: { first_purchase_made: true, member_until: '2099-12-31' }, start: el.getAttribute('as-of') ?? new Date().toISOString().slice(0, 10), months: 12,
      plan: { basket: { lines, orders_per_month: base.basket.orders_per_month } }, redeem: { share: '80' } }, economics: { gross_margin_percent: '30', redemption_rate_percent: '80', monthly_churn_percent: '3' } });
    return { shown: el.result.margin, direct, machine: lines.find((l) => l.category === 'machines').unit_price };
  });
  assert.equal(machine, '10000.00');
  assert.deepEqual(shown, direct);
  assert.ok(cents(shown.totals.give_away_share) < 4000n, shown.totals.give_away_share);
});

test('the rep edits the basket by keyboard: a quantity, a line added and removed, the orders a month', async () => {
  const { page } = await explorer('bogo-grocery');
  const lines = () => page.evaluate(() => document.querySelector('loyalty-offer-explorer').state.basket?.lines.length ?? null);
  const first = await totals(page);
  // The first line's quantity: 3 yoghurts to 9.
  await enter(page, 'Quantity', '9');
  const more = await totals(page);
  assert.ok(cents(more.revenue) > cents(first.revenue));
  // A bad quantity is marked at its field and hides the figures.
  await enter(page, 'Quantity', '0');
  const invalid = await page.$eval('loyalty-offer-explorer', (el) => el.shadowRoot.querySelector('[part="basket"] input[aria-invalid="true"]')?.closest('label').textContent);
  assert.match(invalid ?? '', /Quantity/);
  assert.equal(await totals(page), null);
  await enter(page, 'Quantity', '3');
  assert.equal((await totals(page)).revenue, first.revenue);
  // Add a line with the keyboard: it copies the last line's price and category, one unit.
  await page.locator('loyalty-offer-explorer >> button:has-text("Add a line")').focus();
  await page.keyboard.press('Enter');
  assert.equal(await lines(), 4);
  const focused = await page.evaluate(() => document.querySelector('loyalty-offer-explorer').shadowRoot.activeElement?.closest('label')?.textContent);
  assert.match(focused ?? '', /Item/);
  const added = await totals(page);
  assert.ok(cents(added.revenue) > cents(first.revenue));
  await page.locator('loyalty-offer-explorer >> button:has-text("Remove line 4")').focus();
  await page.keyboard.press('Enter');
  assert.equal(await lines(), 3);
  assert.equal((await totals(page)).revenue, first.revenue);
  // Orders a month: twice as many orders, twice the revenue.
  const orders = await page.evaluate(() => document.querySelector('loyalty-offer-explorer').state.basket.orders_per_month);
  await enter(page, 'Orders a month', String(orders * 2));
  const doubled = await totals(page);
  assert.ok(cents(doubled.revenue) * 10n > cents(first.revenue) * 19n, `${first.revenue} → ${doubled.revenue}`);
});

test('Skyline\'s basket shows the flights\' attributes, and the rep can change a fare class', async () => {
  const { page } = await explorer('skyline-miles');
  const before = (await totals(page)).points_liability;
  const input = page.locator('loyalty-offer-explorer >> [part="basket"] label:has-text("fare class") input').first();
  assert.equal(await input.inputValue(), 'J');
  await input.fill('Y');
  await input.press('Tab');
  assert.ok(cents((await totals(page)).points_liability) < cents(before));
});

for (const [locale, words] of [['ru', ['Количество', 'Добавить строку', 'Заказов в месяц']], ['hy', ['Քանակ', 'Ավելացնել տող', 'Պատվերներ ամսական']], ['ka', ['რაოდენობა', 'სტრიქონის დამატება', 'შეკვეთა თვეში']]]) {
  test(`the basket editor speaks ${locale}`, async () => {
    const { page } = await explorer('bogo-grocery', `?locale=${locale}`);
    const shown = await page.$eval('loyalty-offer-explorer', (el) => el.shadowRoot.querySelector('[part="basket"]').innerText);
    for (const word of words) assert.ok(shown.includes(word), `${locale}: ${word}`);
    for (const word of ['Quantity', 'Add a line', 'Orders a month', 'Unit price']) assert.ok(!shown.includes(word), `${locale} shows ${word}`);
  });
}

test('axe reports no violations with the basket editor, at 360 px in Georgian and at 1280 px', async () => {
  for (const [locale, width] of [['ka', 360], ['en', 1280]]) {
    const state = encodeURIComponent(JSON.stringify({ program: 'skyline-miles' }));
    const { violations, overflow } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/explorer.html?locale=${locale}#state=${state}`, width, () => document.querySelector('loyalty-offer-explorer')?.result);
    assert.deepEqual(violations, [], `${locale} at ${width}px`);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px at ${width}px`);
  }
});
