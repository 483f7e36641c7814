// A seller's server checks the quote a browser sends before it charges: it prices the order again
// from its own records with the same Wasm core, and refuses any difference. It checks a refund the
// same way: recomputed from the order as recorded and the units sent back.
//
//   node examples/server-check.mjs      (after a build) prints genuine checks and tampered ones
//
// It uses the npm package in pkg/; a server that installed it imports from 'loyalty-calculator'.
import { readFileSync } from 'node:fs';
import { loadCompiler, loadCore, LoyaltyEngine } from '../pkg/loyalty-core.js';
import { loadAnalytics, refund } from '../pkg/loyalty-analytics.js';

// The server holds the program as JSON, so it loads the compiler too; a shop's page loads the
// compiled program (`loyalty compile`) instead.
await Promise.all([loadCore(), loadAnalytics(), loadCompiler()]);

/**
 * Recomputes the quote from trusted inputs and compares it with what the browser claims: the
 * amounts it showed, and the fingerprint of the inputs it priced (which the page asks for when the
 * customer pays). Resolves to `{ ok: true, quote }`, or `{ ok: false, reason }`.
 */
export async function verifyQuote(engine, { customer, cart }, claimed) {
  if (claimed.fingerprint !== await engine.fingerprint(customer, cart)) {
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

/**
 * Recomputes a refund from the order as the server recorded it (`{program, customer, cart}`), the
 * units sent back and what earlier returns of it paid (`{returns, earlier, refunded}`), and
 * compares it with what the refund screen claims. Returns `{ ok: true, refund }`, or
 * `{ ok: false, reason }`.
 */
export function verifyRefund(order, claimed) {
  const recomputed = refund(order);
  for (const field of ['refund', 'reclaimed', 'released', 'points_given_back', 'points_clawed_back', 'store_credit_clawed_back']) {
    if (String(claimed[field]) !== String(recomputed[field])) return { ok: false, reason: `${field} is ${claimed[field]}, recomputed ${recomputed[field]}` };
  }
  return { ok: true, refund: recomputed };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const program = JSON.parse(readFileSync(new URL('programs/retail.json', import.meta.url), 'utf8'));
  const engine = new LoyaltyEngine(program);
  const order = {
    customer: { tier: 'silver', spend: [{ date: '2026-02-10', amount: '800.00' }] },
    cart: { date: '2026-11-22', lines: [{ sku: 'TEA-01', category: 'grocery', unit_price: '19.99', quantity: 3 }] },
  };
  // What the page sends when the customer pays: the quote's amounts and the inputs' fingerprint.
  const fromBrowser = { ...engine.quote(order.customer, order.cart), fingerprint: await engine.fingerprint(order.customer, order.cart) };
  console.log('genuine:', (await verifyQuote(engine, order, fromBrowser)).ok);
  console.log('tampered:', (await verifyQuote(engine, order, { ...fromBrowser, payable: '1.00' })).reason);
  engine.free();
  // Two of the three teas come back.
  const sentBack = { program, ...order, returns: [{ line: 0, quantity: 2 }] };
  const fromRefundScreen = refund(sentBack);
  console.log('genuine refund:', verifyRefund(sentBack, fromRefundScreen).ok, fromRefundScreen.refund);
  console.log('tampered refund:', verifyRefund(sentBack, { ...fromRefundScreen, refund: '59.97' }).reason);
}
