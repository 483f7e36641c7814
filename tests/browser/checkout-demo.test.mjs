// The demo shop around <loyalty-checkout>: what its cart shows is what is priced (issue 15).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openCheckout, PAYABLE } from './browser.mjs';

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
  assert.match(await page.textContent('#pay-status'), /^Charged \$23\.74\./);
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
  // Intl writes a no-break space between the code and the amount.
  assert.equal((await page.textContent('#pay-status')).replace(/\s/g, ' '), 'Charged RUB 5,000.00, without rewards. Thank you!');
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

// Issue 30, item 8: Pay while the widget loads, and Pay without it.

/** A checkout page whose .wasm is held back until `release()`: the widget stays loading. */
async function loadingCheckout(query = '') {
  const page = await ctx.browser.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/loyalty_core_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${ctx.base}/www/demo/checkout.html${query}`);
  await page.waitForFunction(() => document.getElementById('program').options.length > 0 && document.getElementById('lines').rows.length > 0);
  return { page, release };
}

test('while the widget loads, Pay waits for the quote and says why; the receipt it gives then stays', async () => {
  const { page, release } = await loadingCheckout();
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-checkout').quote), null);
  assert.equal(await page.isDisabled('#pay'), true);
  // The reason is on screen beside the button, and the button is described by it.
  const note = await page.evaluate(() => {
    const pay = document.getElementById('pay');
    const node = document.getElementById(pay.getAttribute('aria-describedby') ?? '');
    return node?.checkVisibility() ? node.textContent : '';
  });
  assert.match(note, /rewards/i);
  // No total is shown that Pay is not about to charge: the page's own totals wait too.
  assert.deepEqual(await page.$$eval('loyalty-checkout [data-amount]', (nodes) => nodes.filter((n) => n.checkVisibility()).map((n) => n.textContent)), []);
  // A click (or an Enter) while loading charges nothing.
  await page.evaluate(() => document.getElementById('pay').click());
  assert.equal(await page.textContent('#pay-status'), '');
  release();
  await page.waitForSelector(PAYABLE);
  assert.equal(await page.isDisabled('#pay'), false);
  assert.equal(await page.evaluate(() => document.getElementById('pay').getAttribute('aria-describedby')
    && document.getElementById(document.getElementById('pay').getAttribute('aria-describedby'))?.checkVisibility()), false);
  await page.click('#pay');
  const shown = await page.textContent(PAYABLE);
  assert.equal(await page.textContent('#pay-status'), `Charged ${shown}. Thank you!`);
  // A quote the shopper did not ask for (the language changes) leaves the receipt where it is.
  const requoted = page.evaluate(() => new Promise((resolve) => document.querySelector('loyalty-checkout').addEventListener('loyalty-quote', resolve, { once: true })));
  await page.selectOption('#locale', 'ru');
  await requoted;
  await page.waitForTimeout(300);
  assert.notEqual(await page.textContent('#pay-status'), '');
  await page.close();
});

test('a new program loading takes Pay away until its quote, and gives it back', async () => {
  const { page } = await openCheckout(ctx);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/programs/kasboutik.loyalty', async (route) => { await held; await route.continue(); });
  await page.selectOption('#program', 'kasboutik');
  assert.equal(await page.isDisabled('#pay'), true);
  await page.evaluate(() => document.getElementById('pay').click());
  assert.equal(await page.textContent('#pay-status'), '');
  release();
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.program === 'kasboutik');
  assert.equal(await page.isDisabled('#pay'), false);
  await page.close();
});

/** The amounts of `texts` in minor units: every digit of each, as a whole number (two decimals each). */
const minor = (text) => BigInt(text.replace(/\D/g, ''));

for (const locale of ['en', 'ru', 'hy', 'ka']) {
  test(`without the .wasm (${locale}): every line charged is on the page, the charge is their sum, and the notice is in one language`, async () => {
    const page = await ctx.browser.newPage();
    await page.route('**/loyalty_core_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${ctx.base}/www/demo/checkout.html?program=home-delivery&locale=${locale}`);
    await page.waitForFunction(() => document.querySelector('loyalty-checkout').shadowRoot.querySelector('.card')?.dataset.state === 'unavailable');
    await page.waitForFunction(() => !document.getElementById('pay').disabled);
    // What the widget's box shows: its own status and the page's content in it, as a person sees them.
    const box = () => page.$eval('loyalty-checkout', (el) => {
      const status = el.shadowRoot.querySelector('.status');
      const own = [...el.children].filter((child) => child.checkVisibility()).map((child) => child.innerText);
      return { status: status.checkVisibility() ? status.textContent : '', own };
    });
    // Wait for the widget's words in the page's language.
    if (locale !== 'en') await page.waitForFunction(() => !/[A-Za-z]/.test(document.querySelector('loyalty-checkout').shadowRoot.querySelector('.status').textContent));
    const { status, own } = await box();
    const text = [status, ...own].join('\n');
    assert.ok(status, 'the widget says rewards are unavailable');
    // One notice, in the page's language: no English under a Russian notice, no second notice.
    if (locale === 'en') assert.doesNotMatch(text, /[\u0400-\u04ff\u0530-\u058f\u10a0-\u10ff]/, text);
    else assert.doesNotMatch(text, /[A-Za-z]/, text);
    assert.equal(own.filter((t) => /[.!։]$/.test(t.trim())).length, 0, `a second notice: ${own.join(' | ')}`);
    // The page's own summary: the goods and the delivery, and a total that is their sum.
    const lines = await page.$$eval('loyalty-checkout [data-amount]', (nodes) => nodes.filter((n) => n.checkVisibility()).map((n) => ({ kind: n.dataset.amount, text: n.textContent })));
    assert.deepEqual(lines.map((l) => l.kind), ['goods', 'delivery', 'total'], JSON.stringify(lines));
    assert.equal(minor(lines[0].text) + minor(lines[1].text), minor(lines[2].text));
    // 2,200 + 1,400 of goods and 390 of delivery.
    assert.equal(minor(lines[2].text), 399000n);
    await page.click('#pay');
    const receipt = await page.textContent('#pay-status');
    assert.ok(receipt.includes(lines[2].text), `${receipt} against ${lines[2].text}`);
    if (locale !== 'en') assert.doesNotMatch(receipt, /[A-Za-z]/, receipt);
    await page.close();
  });
}
