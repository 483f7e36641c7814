// Mutated inputs across the Wasm boundary: every call returns a sound result or throws a
// LoyaltyError with one of the core's codes. A panic inside Wasm would trap instead, and the
// wrapper would report it as `wasm_unavailable`, so that code counts as a failure here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { loadCompiler, loadCoreSync, LoyaltyEngine, LoyaltyError } from '../../www/elements/loyalty-core.js';
import { calculate, compare, forecast, loadAnalyticsSync, margin, preview, project, refund } from '../../www/elements/loyalty-analytics.js';
import { canonical, loadFixtures, readJson, root, wasmBytes } from './fixtures.mjs';

loadCoreSync(wasmBytes());
await loadCompiler();
loadAnalyticsSync(readFileSync(new URL('www/build/loyalty_analytics_bg.wasm', root)));

/** The codes the core throws for bad input, read from the generated types. */
const INPUT_CODES = new Set(
  readFileSync(new URL('www/elements/loyalty-types.d.ts', root), 'utf8')
    .match(/export type ErrorCode = \(([^)]*)\)/)[1]
    .match(/"[a-z_]+"/g)
    .map((quoted) => quoted.slice(1, -1))
    .filter((code) => !['not_initialised', 'unreadable', 'unwritable'].includes(code)),
);

/** A small seeded generator (mulberry32), so that a failing case can be replayed. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const deep = (depth) => (depth === 0 ? [] : [deep(depth - 1)]);
const ODD_VALUES = [
  null, true, false, 0, -1, 1, 2 ** 31, 2 ** 53, 1e21, -1e308, 0.5,
  '', ' ', '0', '-0', '-1', '1e3', '0.001', '1,5', '١٢', '\u0000', '\uD800',
  '79228162514264337593543950335', '79228162514264337593543950336', '0.00000000000000000000000000001',
  '99999999999999999999.99', '2024-02-29', '2026-02-29', '0000-01-01', '9999-12-31', '+2026-01-01',
  'x'.repeat(100_000), [], [null], {}, { unknown: 1 }, deep(200),
];

/** Every place in `value` that a mutation can touch: [container, key] pairs. */
function places(value, found = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      found.push([value, key]);
      places(value[key], found);
    }
  }
  return found;
}

/** Applies one random edit somewhere in `root`: a new value, a removal, a duplicate or an extra key. */
function mutate(rootValue, rng) {
  const spots = places(rootValue);
  if (spots.length === 0) return;
  const [container, key] = rng.pick(spots);
  switch (rng.below(5)) {
    case 0:
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
      break;
    case 1:
      if (Array.isArray(container)) container.push(structuredClone(container[key]));
      else container[`${key}_extra`] = container[key];
      break;
    case 2: {
      // Another value from the same document, such as an id where an amount belongs.
      const [other, otherKey] = rng.pick(spots);
      container[key] = structuredClone(other[otherKey]);
      break;
    }
    default:
      container[key] = structuredClone(rng.pick(ODD_VALUES));
  }
}

/** Calls `fn`; a thrown error must be a LoyaltyError with an input code, a path and a message. */
function outcome(fn, replay) {
  try {
    return { value: fn() };
  } catch (error) {
    assert.ok(error instanceof LoyaltyError, `${replay}: ${error}`);
    assert.ok(INPUT_CODES.has(error.code), `${replay}: code ${error.code}: ${error.message}`);
    assert.equal(typeof error.path, 'string', replay);
    assert.ok(error.message.length > 0, replay);
    return { error };
  }
}

/** A decimal string as a whole number of minor units, refusing any other form. */
function minor(amount, minorUnits, replay) {
  const pattern = minorUnits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${minorUnits}}$`);
  assert.match(amount, pattern, `${replay}: ${amount} with ${minorUnits} minor units`);
  return BigInt(amount.replace('.', ''));
}

/** What every quote must satisfy: exact strings, and the lines adding up to the totals. */
function assertSound(quote, replay) {
  const m = (amount) => minor(amount, quote.minor_units, replay);
  const sum = (field) => quote.lines.reduce((total, line) => total + m(line[field]), 0n);
  assert.equal(sum('subtotal'), m(quote.subtotal), `${replay}: line subtotals`);
  assert.equal(sum('discount'), m(quote.discount_total), `${replay}: line discounts`);
  assert.equal(sum('points_value'), m(quote.points_value), `${replay}: line points`);
  // Delivery, after its own discounts, is paid beside the lines.
  const delivery = quote.shipping ? m(quote.shipping.total) : 0n;
  if (quote.shipping) {
    assert.equal(m(quote.shipping.price) - m(quote.shipping.discount), delivery, `${replay}: delivery`);
    assert.ok(delivery >= 0n, `${replay}: delivery below zero`);
  }
  assert.equal(sum('total') + delivery, m(quote.payable), `${replay}: line totals`);
  assert.equal(m(quote.subtotal) - m(quote.discount_total), m(quote.after_discounts), `${replay}: after discounts`);
  assert.equal(m(quote.after_discounts) - m(quote.points_value) + delivery, m(quote.payable), `${replay}: payable`);
}

test('mutated programs, customers and carts give a sound quote or a coded error, never a trap', async () => {
  const fixtures = loadFixtures();
  const rng = generator(20261122);
  const counts = { quoted: 0, refused: 0 };
  for (let round = 0; round < 4000; round += 1) {
    const fixture = fixtures[round % fixtures.length];
    const request = structuredClone({ program: fixture.program, customer: fixture.customer, cart: fixture.cart });
    const part = rng.pick(['program', 'customer', 'cart', 'cart']);
    for (let edits = 1 + rng.below(3); edits > 0; edits -= 1) mutate(request[part], rng);
    const replay = `round ${round} (${fixture.name}, ${part})`;
    const engine = outcome(() => new LoyaltyEngine(request.program), replay);
    if (engine.error) {
      counts.refused += 1;
      continue;
    }
    const quoted = outcome(() => engine.value.quote(request.customer, request.cart), replay);
    if (quoted.error) {
      counts.refused += 1;
    } else {
      assertSound(quoted.value, replay);
      // Whatever can be quoted can be fingerprinted for the server's check.
      assert.match(await engine.value.fingerprint(request.customer, request.cart), /^[0-9a-f]{64}$/, replay);
      counts.quoted += 1;
    }
    engine.value.free();
  }
  // Both paths were exercised, or the test would prove little.
  assert.ok(counts.quoted > 500 && counts.refused > 500, JSON.stringify(counts));
  // And the module still gives the golden quote afterwards.
  const fixture = fixtures.find((f) => f.name === 'retail-silver-redeems-points');
  const engine = new LoyaltyEngine(fixture.program);
  assert.equal(canonical(engine.quote(fixture.customer, fixture.cart, fixture.locale)), canonical(fixture.quote));
  engine.free();
});

test('mutated calculation requests give a result or a coded error, never a trap', () => {
  const run = { project, margin, compare, preview, forecast, refund, calc: calculate };
  const fixtures = readdirSync(new URL('fixtures/calculations/', root))
    .map((file) => readJson(`fixtures/calculations/${file}`))
    .filter((fixture) => fixture.command in run);
  const rng = generator(4);
  const counts = { answered: 0, refused: 0 };
  for (let round = 0; round < 3000; round += 1) {
    const fixture = fixtures[round % fixtures.length];
    const request = structuredClone(fixture.request);
    for (let edits = 1 + rng.below(3); edits > 0; edits -= 1) mutate(request, rng);
    const result = outcome(() => run[fixture.command](request), `round ${round} (${fixture.name})`);
    counts[result.error ? 'refused' : 'answered'] += 1;
  }
  assert.ok(counts.answered > 150 && counts.refused > 150, JSON.stringify(counts));
  const fixture = fixtures.find((f) => f.command === 'project');
  assert.equal(canonical(project(fixture.request)), canonical(fixture.result));
});
