// The demo shop around <loyalty-checkout>: what its cart shows is what is priced (issue 15).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openCheckout } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** The demo checkout page, once its widget shows a first quote. */
const checkout = (query, viewport) => openCheckout(ctx, query, viewport);

test('a quantity field shows exactly the quantity priced, and a refused entry gets a message at the field', async () => {
  const { page } = await checkout();
  const field = '#lines tr:first-child input[type="number"]';
  const priced = () => page.evaluate(() => document.querySelector('loyalty-checkout').quote.lines[0].quantity);
  const message = () => page.evaluate(() => {
    const input = document.querySelector('#lines tr:first-child input[type="number"]');
    const node = document.getElementById(input.getAttribute('aria-describedby'));
    return node && node.getClientRects().length > 0 ? node.textContent : '';
  });
  for (const entry of ['-5', '0', '1e9', '100', '2.5']) {
    await page.fill(field, entry);
    await page.press(field, 'Tab');
    assert.equal(await page.inputValue(field), String(await priced()), `after typing ${entry}`);
    assert.match(await message(), /whole number from 1 to 99/, `no message after ${entry}`);
  }
  const quoted = page.evaluate(() => new Promise((resolve) => document.querySelector('loyalty-checkout').addEventListener('loyalty-quote', resolve, { once: true })));
  await page.fill(field, '3');
  await page.press(field, 'Tab');
  await quoted;
  assert.equal(await priced(), 3);
  assert.equal(await page.inputValue(field), '3');
  assert.equal(await message(), '');
});

test('"Charged … Thank you!" goes when the cart or the customer changes', async () => {
  const { page } = await checkout();
  await page.click('#pay');
  assert.match(await page.textContent('#pay-status'), /^Charged 23\.74 USD/);
  await page.click('#add');
  assert.equal(await page.textContent('#pay-status'), '');
  await page.click('#pay');
  await page.selectOption('#customer', 'new');
  assert.equal(await page.textContent('#pay-status'), '');
});

test('paying without the widget names the currency', async () => {
  const page = await ctx.browser.newPage();
  await page.route('**/loyalty_core_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${ctx.base}/www/demo/checkout.html?program=kasboutik`);
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').shadowRoot.querySelector('.card').dataset.state === 'unavailable');
  await page.click('#pay');
  assert.equal(await page.textContent('#pay-status'), 'Charged 5000.00 RUB (without rewards). Thank you!');
  await page.close();
});

test('"Charged … Thank you!" goes when the points used change the amount, too', async () => {
  const { page } = await checkout();
  const slider = 'loyalty-checkout >> input[type="range"]';
  await page.focus(slider);
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.points?.redeemed > 0);
  await page.click('#pay');
  assert.match(await page.textContent('#pay-status'), /^Charged/);
  const requoted = page.evaluate(() => new Promise((resolve) => document.querySelector('loyalty-checkout').addEventListener('loyalty-quote', resolve, { once: true })));
  await page.focus(slider);
  await page.keyboard.press('ArrowLeft');
  await requoted;
  assert.equal(await page.textContent('#pay-status'), '');
});

test('an empty cart cannot be paid', async () => {
  const { page } = await checkout();
  for (let i = 0; i < 2; i += 1) await page.click('#lines tr:first-child button');
  assert.equal(await page.$$eval('#lines input[type="number"]', (inputs) => inputs.length), 0);
  assert.equal(await page.isDisabled('#pay'), true);
  await page.selectOption('#add-item', { index: 0 });
  await page.click('#add');
  assert.equal(await page.isDisabled('#pay'), false);
});

test('removing a line keeps the focus in the cart, and an emptied cart with delivery charges nothing', async () => {
  const { page } = await openCheckout(ctx, '?program=home-delivery');
  await page.focus('button[aria-label^="Remove"]');
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? ''), /^Remove /);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-item');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.payable === '0.00');
  await page.close();
});
