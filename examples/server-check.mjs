// A seller's server checks the quote a browser sends before it charges: it prices the order again
// from its own records with the same Wasm core, and refuses any difference.
//
//   node examples/server-check.mjs      (after a build) prints a genuine check and a tampered one
//
// It uses the npm package in pkg/; a server that installed it imports from 'loyalty-calculator'.
import { readFileSync } from 'node:fs';
import { loadCore, LoyaltyEngine } from '../pkg/loyalty-core.js';

await loadCore();

/**
 * Recomputes the quote from trusted inputs and compares it with what the browser claims: the
 * amounts it showed, and the fingerprint of the inputs it priced (which the page asks for when the
 * customer pays). Returns `{ ok: true, quote }`, or `{ ok: false, reason }`.
 */
export function verifyQuote(engine, { customer, cart }, claimed) {
  if (claimed.fingerprint !== engine.fingerprint(customer, cart)) {
    return { ok: false, reason: 'the quote was computed from another program, customer or cart' };
  }
  const quote = engine.quote(customer, cart);
  for (const field of ['subtotal', 'discount_total', 'points_value', 'payable']) {
    if (claimed[field] !== quote[field]) return { ok: false, reason: `${field} is ${claimed[field]}, recomputed ${quote[field]}` };
  }
  if ((claimed.points?.redeemed ?? 0) !== (quote.points?.redeemed ?? 0)) {
    return { ok: false, reason: 'the points redeemed differ' };
  }
  return { ok: true, quote };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const program = JSON.parse(readFileSync(new URL('programs/retail.json', import.meta.url), 'utf8'));
  const engine = new LoyaltyEngine(program);
  const order = {
    customer: { tier: 'silver', spend: [{ date: '2026-02-10', amount: '800.00' }] },
    cart: { date: '2026-11-22', lines: [{ sku: 'TEA-01', category: 'grocery', unit_price: '19.99', quantity: 3 }] },
  };
  // What the page sends when the customer pays: the quote's amounts and the inputs' fingerprint.
  const fromBrowser = { ...engine.quote(order.customer, order.cart), fingerprint: engine.fingerprint(order.customer, order.cart) };
  console.log('genuine:', verifyQuote(engine, order, fromBrowser).ok);
  console.log('tampered:', verifyQuote(engine, order, { ...fromBrowser, payable: '1.00' }).reason);
  engine.free();
}
