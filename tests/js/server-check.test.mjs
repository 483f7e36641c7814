// The documented server-side check: a genuine quote passes; tampered ones are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { LoyaltyEngine } from '../../pkg/loyalty-core.js';
import { verifyQuote, verifyRefund } from '../../examples/server-check.mjs';
import { refund } from '../../pkg/loyalty-analytics.js';
import { loadFixtures } from './fixtures.mjs';

const fixture = loadFixtures().find((f) => f.name === 'retail-silver-redeems-points');
const engine = new LoyaltyEngine(fixture.program);
const order = { customer: fixture.customer, cart: fixture.cart };
/** What the page sends when the customer pays: the quote and the fingerprint of its inputs. */
const claim = async (customer, cart) => ({ ...engine.quote(customer, cart), fingerprint: await engine.fingerprint(customer, cart) });
const fromBrowser = await claim(order.customer, order.cart);

test('the Wasm fingerprint equals the native command\'s', () => {
  // `cargo test` builds the command before the script runs the JS tests.
  const native = execFileSync(new URL('../../target/debug/loyalty', import.meta.url).pathname, ['fingerprint', '-'], {
    input: JSON.stringify({ program: fixture.program, ...order }),
    encoding: 'utf8',
  });
  assert.equal(fromBrowser.fingerprint, JSON.parse(native).fingerprint);
  assert.match(fromBrowser.fingerprint, /^[0-9a-f]{64}$/);
});

test('a genuine quote passes the check', async () => {
  assert.equal((await verifyQuote(engine, order, fromBrowser)).ok, true);
});

test('a quote with an edited amount is refused', async () => {
  const result = await verifyQuote(engine, order, { ...fromBrowser, payable: '1.00' });
  assert.equal(result.ok, false);
  assert.match(result.reason, /payable is 1.00, recomputed 58.72/);
});

test('a quote computed from a cart with a lowered price is refused by its fingerprint', async () => {
  const cheaper = structuredClone(order.cart);
  cheaper.lines[0].unit_price = '1.99';
  const forged = await claim(order.customer, cheaper);
  const result = await verifyQuote(engine, order, forged);
  assert.equal(result.ok, false);
  assert.match(result.reason, /another program, customer or cart/);
});

// A return of the same order: what the refund screen claims is recomputed from the order as
// recorded. 3 × 19.99 less the silver tier's 5 % and the points redeemed; two units of three back.
const sentBack = { program: fixture.program, ...order, returns: [{ line: 0, quantity: 2 }] };
const claimedRefund = refund(sentBack);

test('a genuine refund passes the check', () => {
  const result = verifyRefund(sentBack, claimedRefund);
  assert.equal(result.ok, true);
  assert.match(result.refund.refund, /^\d+\.\d{2}$/);
});

test('a refund of the full shelf price instead of what was paid is refused', () => {
  const result = verifyRefund(sentBack, { ...claimedRefund, refund: '39.98' });
  assert.equal(result.ok, false);
  assert.match(result.reason, new RegExp(`refund is 39.98, recomputed ${claimedRefund.refund.replace('.', '\\.')}`));
});

test('a refund that keeps the points earned on the returned units is refused', () => {
  const result = verifyRefund(sentBack, { ...claimedRefund, points_clawed_back: 0 });
  assert.equal(result.ok, false);
  assert.match(result.reason, /points_clawed_back/);
});
