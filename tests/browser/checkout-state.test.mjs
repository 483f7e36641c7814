// <loyalty-checkout> keeps no state from one customer or program to the next, and never leaves a
// host an amount to charge that is not the current quote's (issue 15: items 2, 3 and 10).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openCheckout, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** The demo checkout page, once its widget shows a first quote. */
const checkout = (query, viewport) => openCheckout(ctx, query, viewport);

/** Whether a part of the widget takes up room on screen (hidden attribute or display: none). */
const shown = (page, part) => page.$eval('loyalty-checkout', (el, p) => {
  const node = el.shadowRoot.querySelector(`[part="${p}"]`);
  return Boolean(node && node.getClientRects().length > 0);
}, part);

/** Records every loyalty-quote and loyalty-error the widget fires from now on, in window.seen. */
const record = (page) => page.evaluate(() => {
  window.seen = [];
  const el = document.querySelector('loyalty-checkout');
  el.addEventListener('loyalty-quote', (e) => window.seen.push({ type: 'quote', program: e.detail.quote.program, currency: e.detail.currency, payable: e.detail.payable }));
  el.addEventListener('loyalty-error', (e) => window.seen.push({ type: 'error', code: e.detail.code }));
});

async function usePoints(page) {
  const range = page.locator('loyalty-checkout >> input[type="range"]');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.points?.redeemed === 100);
}

test('the points control is hidden, not just empty, for a customer without points and a program without points', async () => {
  const { page } = await checkout('?customer=new');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.points?.balance_before === 0);
  assert.equal(await shown(page, 'redeem'), false, 'a new customer sees the points control');
  const { page: kas } = await checkout('?program=kasboutik');
  await kas.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.program === 'kasboutik');
  assert.equal(await shown(kas, 'redeem'), false, 'a program without points shows a points slider');
});

test('points used by one customer are not carried to the next customer', async () => {
  const { page } = await checkout();
  await usePoints(page);
  await record(page);
  await page.selectOption('#customer', 'b2b');
  await page.waitForFunction(() => window.seen.length > 0);
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-checkout').quote.points.redeemed), 0);
  assert.equal(await page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('input[type="range"]').value), '0');
  await page.selectOption('#customer', 'new');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.points?.balance_before === 0);
  assert.equal(await shown(page, 'redeem'), false, 'the new customer sees the previous balance');
});

test('moving from a program with points used to one without points gives its quote, not an error, and Pay charges it', async () => {
  const { page } = await checkout();
  await usePoints(page);
  await record(page);
  await page.selectOption('#program', 'kasboutik');
  await page.waitForFunction(() => window.seen.some((e) => e.type === 'error' || e.program === 'kasboutik'));
  assert.deepEqual((await page.evaluate(() => window.seen)).filter((e) => e.type === 'error'), []);
  assert.equal(await shown(page, 'redeem'), false);
  const quote = await page.evaluate(() => document.querySelector('loyalty-checkout').quote);
  assert.equal(quote.program, 'kasboutik');
  // The regular customer's 15% on beans: 2,000 + 3,000 less 750.
  assert.equal(quote.payable, '4250.00');
  await page.click('#pay');
  assert.match(await page.textContent('#pay-status'), /RUB\s4,250\.00/);
  // And back: no error on the way, and the retail quote starts again from no points used.
  await page.selectOption('#program', 'retail');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.program === 'retail');
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-checkout').quote.points.redeemed), 0);
  assert.deepEqual((await page.evaluate(() => window.seen)).filter((e) => e.type === 'error'), []);
});

test('switching program fires no quote in the old program\'s currency', async () => {
  const { page } = await checkout();
  await record(page);
  await page.selectOption('#program', 'kasboutik');
  await page.waitForFunction(() => window.seen.some((e) => e.program === 'kasboutik'));
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen.filter((e) => e.currency !== 'RUB'), [], JSON.stringify(seen));
});

test('a refused cart leaves no quote behind, and the error event says there is none', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const result = await page.evaluate(async () => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    el.program = { version: 1, id: 'card', name: 'Card', currency: 'EUR', discounts: [{ id: 'card', name: 'Card', value: { type: 'percent', percent: '10' } }] };
    const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', resolve, { once: true }));
    document.body.append(el);
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '12.50', quantity: 2 }] };
    await quoted;
    const good = el.quote.payable;
    const failed = new Promise((resolve) => el.addEventListener('loyalty-error', (e) => resolve(e.detail), { once: true }));
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '12.50', quantity: 0 }] };
    const detail = await failed;
    return { good, after: el.quote, detail, payableShown: el.shadowRoot.querySelector('[part="payable"]')?.checkVisibility() ?? false };
  });
  assert.equal(result.good, '22.50');
  assert.equal(result.after, null);
  assert.equal(result.detail.code, 'out_of_range');
  assert.equal(result.detail.quote, null);
  assert.equal(result.payableShown, false);
});

test('under a CSP that blocks Wasm, loyalty-error fires once per element', async () => {
  const page = await ctx.browser.newPage();
  await page.addInitScript(() => {
    window.errors = [];
    window.addEventListener('loyalty-error', (e) => window.errors.push(e.detail.code), true);
  });
  await page.goto(`${ctx.base}/www/demo/checkout.html?csp=nowasm`);
  // The demo sets the program after fetching it: wait for that, and for any load it starts to fail.
  await page.waitForFunction(() => { const el = document.querySelector('loyalty-checkout'); return (el.program || el.hasAttribute('program-src')) && window.errors.length > 0; });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  assert.deepEqual(await page.evaluate(() => window.errors), ['wasm_unavailable']);
  await page.close();
});

test('the expiry tip shows only on programs whose points expire', async () => {
  const tip = (page) => page.$eval('loyalty-checkout', (el) => [...el.shadowRoot.querySelectorAll('.main p')].some((p) => /Did you know/.test(p.textContent) && p.getClientRects().length > 0));
  for (const [program, expected] of [['retail', true], ['kasboutik', false], ['s7-profi', false]]) {
    const { page } = await checkout(`?program=${program}`);
    await page.waitForFunction((id) => document.querySelector('loyalty-checkout').quote?.program === id, program);
    assert.equal(await tip(page), expected, program);
  }
});

test('under a CSP that blocks Wasm, the tier preview and the explorer each fire loyalty-error once too', async () => {
  for (const [file, tag] of [['tier.html', 'loyalty-tier-preview'], ['explorer.html', 'loyalty-offer-explorer']]) {
    const page = await ctx.browser.newPage();
    await page.addInitScript(() => {
      window.errors = [];
      window.addEventListener('loyalty-error', (e) => window.errors.push(e.detail.code), true);
    });
    await page.goto(`${ctx.base}/www/demo/${file}?csp=nowasm`);
    await page.waitForFunction((t) => { const el = document.querySelector(t); return (el.program || el.programs?.length) && window.errors.length > 0; }, tag);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    assert.deepEqual(await page.evaluate(() => window.errors), ['wasm_unavailable'], file);
    await page.close();
  }
});

test('the points slider steps by the quote\'s redeem_step (a point worth 0.5 JPY), with bounds that are multiples of it', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const result = await page.evaluate(async () => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    el.program = { version: 1, id: 'jp', name: 'JP', currency: 'JPY', points: { earn: { points: '1', per_amount: '100' }, value_per_point: '0.5', max_redeem_percent: '50', min_redeem: 5 } };
    el.customer = { points: [{ points: 1001, earned: '2026-10-01' }] };
    const first = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail.quote.points), { once: true }));
    document.body.append(el);
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '2003', quantity: 1 }] };
    const points = await first;
    const range = el.shadowRoot.querySelector('input[type="range"]');
    return { points, step: range.step, max: range.max, min: range.min };
  });
  const step = result.points.redeem_step ?? 1;
  assert.equal(result.step, String(step));
  assert.equal(Number(result.max) % step, 0);
  assert.equal(Number(result.min) % step, 0);
  assert.ok(Number(result.max) <= result.points.redeem_cap);
  // One key press from none jumps to the minimum use, 5 points rounded up to a whole step.
  await page.locator('loyalty-checkout >> input[type="range"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote.points.redeemed > 0);
  const after = await page.evaluate(() => document.querySelector('loyalty-checkout').quote.points);
  assert.equal(after.redeemed % step, 0);
  assert.equal(after.redeemed, Math.ceil(5 / step) * step);
});
