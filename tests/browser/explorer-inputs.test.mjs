// The offer explorer tells a rep which value is refused, shows no figures for refused inputs,
// and takes its currency from the program and the client's basket from the host (issue 15: item 7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, launch, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function explorer(query = '') {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/explorer.html${query}`);
  await opened.page.waitForFunction(() => document.querySelector('loyalty-offer-explorer')?.result);
  return opened;
}

/** The field labelled `label`: its value, aria-invalid and the text it is described by. */
const field = (page, label) => page.$eval('loyalty-offer-explorer', (el, text) => {
  const input = [...el.shadowRoot.querySelectorAll('label')].find((l) => l.textContent.startsWith(text))?.querySelector('input');
  if (!input) return null;
  const described = input.getAttribute('aria-describedby');
  return { invalid: input.getAttribute('aria-invalid'), message: described ? el.shadowRoot.getElementById(described)?.textContent : null };
}, label);

const resultsShown = (page) => page.$eval('loyalty-offer-explorer', (el) => el.shadowRoot.querySelector('[part="impact"]').getClientRects().length > 0);

async function enter(page, label, value) {
  const input = page.locator(`loyalty-offer-explorer >> label:has-text("${label}") input`);
  await input.fill(value);
  await input.press('Tab');
}

for (const [label, value, message] of [['Gross margin %', '150', 'Enter a percent from 0 to 100.'], ['Gold: threshold', '100.00', 'Must be above the tier before it.']]) {
  test(`a refused ${label} is marked at its field, and the figures are hidden until it is corrected`, async () => {
    const { page } = await explorer();
    const before = await field(page, label);
    await enter(page, label, value);
    assert.deepEqual(await field(page, label), { invalid: 'true', message });
    assert.equal(await resultsShown(page), false);
    assert.equal(await page.evaluate(() => document.querySelector('loyalty-offer-explorer').result), null);
    const note = await page.$eval('loyalty-offer-explorer', (el) => el.shadowRoot.querySelector('.stale-note').innerText);
    assert.match(note, /hidden until the marked value is corrected/);
    await enter(page, label, label.startsWith('Gold') ? '2000.00' : '30');
    assert.deepEqual(await field(page, label), before);
    assert.equal(await resultsShown(page), true);
  });
}

test('switching program shows the new program\'s currency, and its client\'s basket', async () => {
  const { page } = await explorer();
  await page.selectOption('loyalty-offer-explorer >> select >> nth=0', 's7-profi');
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').result?.margin && document.querySelector('loyalty-offer-explorer').state.program === 's7-profi');
  const shown = await page.$eval('loyalty-offer-explorer', (el) => ({
    impact: el.shadowRoot.querySelector('[part="impact"]').innerText,
    table: el.shadowRoot.querySelector('[part="table"]').innerText,
    basket: el.shadowRoot.querySelector('[part="basket"] p').textContent,
    price: el.shadowRoot.querySelector('[part="basket"] label:nth-of-type(2) input').value,
  }));
  assert.doesNotMatch(shown.impact + shown.table + shown.basket, /\$/);
  assert.match(shown.impact, /RUB/);
  // Two business and four economy tickets, twice a month.
  assert.equal(shown.price, '45000.00');
  assert.match(shown.basket, /RUB\s?116,000\.00 × 2 a month = RUB\s?232,000\.00/);
});

test('kasboutik\'s basket is priced by category, so "this program" costs something, and its categories are named', async () => {
  const { page } = await explorer();
  await page.selectOption('loyalty-offer-explorer >> select >> nth=0', 'kasboutik');
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').state.program === 'kasboutik' && document.querySelector('loyalty-offer-explorer').result);
  const cost = await page.evaluate(() => document.querySelector('loyalty-offer-explorer').result.comparison[0].program_cost);
  assert.match(cost, /[1-9]/, `this program costs ${cost}`);
  // Each line's category by the name the program gives it in the page's language.
  const categories = await page.$$eval('loyalty-offer-explorer >> [part="basket"] select', (selects) => selects.map((s) => s.selectedOptions[0].textContent));
  assert.deepEqual(categories, ['coffee beans', 'capsules', 'coffee machines']);
  // Moving the machine to another category takes its discount away.
  const before = await page.evaluate(() => document.querySelector('loyalty-offer-explorer').result.margin.totals.program_cost);
  await page.selectOption('loyalty-offer-explorer >> [part="basket"] select >> nth=2', '');
  await page.waitForFunction((was) => document.querySelector('loyalty-offer-explorer').result?.margin.totals.program_cost !== was, before);
});

test('axe reports no violations with a refused value marked, at 320 and 1280 px, and kasboutik\'s basket', async () => {
  const ready = () => document.querySelector('loyalty-offer-explorer')?.result;
  const refuse = async (page) => {
    await page.selectOption('loyalty-offer-explorer >> select >> nth=0', 'kasboutik');
    // The gross margin, the first of the seller's economics, in any language.
    await page.$eval('loyalty-offer-explorer', (el) => {
      const input = [...el.shadowRoot.querySelectorAll('fieldset')].at(-1).querySelector('input');
      input.value = '150';
      input.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer').result === null);
  };
  for (const [locale, width] of [['en', 1280], ['ka', 320]]) {
    const { violations, overflow } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/explorer.html?locale=${locale}`, width, ready, refuse);
    assert.deepEqual(violations, [], `${locale} at ${width}px`);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  }
});

test('the new rule values are editable: a set\'s price, a buy-X-get-Y count, a multiplier and the VAT rate, each refused at its own field', async () => {
  const { page } = await explorer();
  const choose = async (id) => {
    await page.selectOption('loyalty-offer-explorer >> select >> nth=0', id);
    await page.waitForFunction((p) => document.querySelector('loyalty-offer-explorer').state.program === p && document.querySelector('loyalty-offer-explorer').result, id);
  };
  await choose('bogo-grocery');
  for (const label of ['Three for two: buy', 'Three for two: get', 'Second juice at half price: discount %', 'Breakfast: a yoghurt and a juice for 150 ₽: set price']) {
    assert.ok(await field(page, label), `no field ${label}`);
  }
  await enter(page, 'Three for two: get', '2');
  assert.deepEqual(await field(page, 'Three for two: get'), { invalid: null, message: null });
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-offer-explorer').state.edits['discounts.0.value.get']), '2');
  assert.equal(await resultsShown(page), true);
  await enter(page, 'Three for two: get', 'two');
  assert.equal((await field(page, 'Three for two: get')).invalid, 'true');
  assert.equal(await resultsShown(page), false);
  await enter(page, 'Three for two: get', '1');
  assert.equal(await resultsShown(page), true);
  await enter(page, 'Breakfast: a yoghurt and a juice for 150 ₽: set price', '-1');
  assert.equal((await field(page, 'Breakfast: a yoghurt and a juice for 150 ₽: set price')).invalid, 'true');
  await choose('skyline-miles');
  await enter(page, 'Business fare: points ×', '101');
  assert.equal((await field(page, 'Business fare: points ×')).invalid, 'true');
  await choose('vat-retail');
  await enter(page, 'VAT included %', '120');
  assert.equal((await field(page, 'VAT included %')).invalid, 'true');
});

test('a redemption rate that is not a number is marked at its field, and a decimal comma is a decimal point', async () => {
  const { page } = await explorer('?locale=ru');
  const label = 'Используется баллов, %';
  const exists = await field(page, label);
  if (!exists) throw new Error(`no field ${label}`);
  await enter(page, label, 'abc');
  assert.equal((await field(page, label)).invalid, 'true');
  await enter(page, label, '62,5');
  assert.deepEqual(await field(page, label), { invalid: null, message: null });
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-offer-explorer').state.redemption), '62.5');
});
