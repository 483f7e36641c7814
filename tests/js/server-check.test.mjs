// The documented server-side check: a genuine quote passes; tampered ones are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoyaltyEngine } from '../../pkg/loyalty-core.js';
import { verifyQuote } from '../../examples/server-check.mjs';
import { loadFixtures } from './fixtures.mjs';

const fixture = loadFixtures().find((f) => f.name === 'retail-silver-redeems-points');
const engine = new LoyaltyEngine(fixture.program);
const order = { customer: fixture.customer, cart: fixture.cart };
const fromBrowser = engine.quote(order.customer, order.cart);

test('the Wasm fingerprint equals the native one', () => {
  assert.equal(fromBrowser.fingerprint, fixture.quote.fingerprint);
  assert.match(fromBrowser.fingerprint, /^[0-9a-f]{64}$/);
});

test('a genuine quote passes the check', () => {
  assert.equal(verifyQuote(engine, order, fromBrowser).ok, true);
});

test('a quote with an edited amount is refused', () => {
  const result = verifyQuote(engine, order, { ...fromBrowser, payable: '1.00' });
  assert.equal(result.ok, false);
  assert.match(result.reason, /payable is 1.00, recomputed 58.72/);
});

test('a quote computed from a cart with a lowered price is refused by its fingerprint', () => {
  const cheaper = structuredClone(order.cart);
  cheaper.lines[0].unit_price = '1.99';
  const forged = engine.quote(order.customer, cheaper);
  const result = verifyQuote(engine, order, forged);
  assert.equal(result.ok, false);
  assert.match(result.reason, /another program, customer or cart/);
});
