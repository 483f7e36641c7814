// The Wasm package in Node, as a seller's server runs it: golden fixtures, errors and memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompiler, loadCoreSync, LoyaltyEngine, LoyaltyError, wasmMemoryBytes } from '../../www/elements/loyalty-core.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { canonical, loadFixtures, readJson, root, wasmBytes } from './fixtures.mjs';

loadCoreSync(wasmBytes());
await loadCompiler();
const fixtures = loadFixtures();

test('there are golden fixtures to compare', () => {
  assert.ok(fixtures.length >= 15, `found ${fixtures.length}`);
});

for (const fixture of fixtures) {
  test(`golden: ${fixture.name}`, () => {
    const engine = new LoyaltyEngine(fixture.program);
    try {
      const quote = engine.quote(fixture.customer, fixture.cart, fixture.locale);
      assert.equal(canonical(quote), canonical(fixture.quote));
    } finally {
      engine.free();
    }
  });
}

test('the quote JSON is the native command\'s, byte for byte once both are compact', () => {
  for (const { name, program, customer, cart, locale } of fixtures) {
    const request = locale ? { program, customer, cart, locale } : { program, customer, cart };
    const native = execFileSync('cargo', ['run', '--quiet', '--features', 'cli', '--', 'quote', '-'], {
      cwd: root.pathname, input: JSON.stringify(request), encoding: 'utf8',
    });
    const engine = new LoyaltyEngine(program);
    try {
      assert.equal(engine.quoteJson(customer, cart, locale), JSON.stringify(JSON.parse(native)), name);
    } finally {
      engine.free();
    }
  }
});

test('money leaves the core as decimal strings', () => {
  const fixture = fixtures.find((f) => f.name === 'retail-silver-redeems-points');
  const engine = new LoyaltyEngine(fixture.program);
  const quote = engine.quote(fixture.customer, fixture.cart);
  engine.free();
  assert.equal(quote.payable, '58.72');
  for (const line of quote.lines) assert.equal(typeof line.total, 'string');
});

test('an invalid program throws an Error with code and path', () => {
  const program = readJson('examples/programs/retail.json');
  program.tiers[2].threshold = '100.00';
  assert.throws(() => new LoyaltyEngine(program), (error) => {
    assert.ok(error instanceof LoyaltyError);
    assert.equal(error.code, 'not_increasing');
    assert.equal(error.path, 'tiers[2].threshold');
    assert.ok(error.message.length > 0);
    return true;
  });
});

test('a float price is refused with wrong_type at its path', () => {
  const engine = new LoyaltyEngine(readJson('examples/programs/retail.json'));
  const cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: 9.99, quantity: 1 }] };
  assert.throws(() => engine.quote({}, cart), { code: 'wrong_type', path: 'cart.lines[0].unit_price' });
  engine.free();
});

test('10,000 quotes and 100 engine cycles leave Wasm memory flat', () => {
  const fixture = fixtures.find((f) => f.name === 'retail-silver-redeems-points');
  const warm = new LoyaltyEngine(fixture.program);
  for (let i = 0; i < 200; i += 1) warm.quote(fixture.customer, fixture.cart);
  const before = wasmMemoryBytes();
  for (let i = 0; i < 10_000; i += 1) warm.quote(fixture.customer, fixture.cart);
  warm.free();
  for (let i = 0; i < 100; i += 1) new LoyaltyEngine(fixture.program).free();
  assert.equal(wasmMemoryBytes(), before);
});

test('engines that are never freed are freed by the FinalizationRegistry once collected', () => {
  // 4,000 engines held at once take this program to about 15 MB; forgotten 200 at a time, with a
  // collection in between, their memory is given back and reused.
  const script = `
    import { readFileSync } from 'node:fs';
    import { loadCompiler, loadCore, LoyaltyEngine, wasmMemoryBytes } from ${JSON.stringify(new URL('www/elements/loyalty-core.js', root).href)};
    await Promise.all([loadCore(), loadCompiler()]);
    const program = readFileSync(${JSON.stringify(new URL('fixtures/programs/everything.json', root).pathname)}, 'utf8');
    const forget = (count) => { for (let i = 0; i < count; i += 1) new LoyaltyEngine(program); };
    const collect = async () => { for (let i = 0; i < 3; i += 1) { globalThis.gc(); await new Promise((r) => setTimeout(r, 10)); } };
    forget(600); // room for three rounds, so that a collection running late cannot grow memory
    await collect();
    const before = wasmMemoryBytes();
    for (let round = 0; round < 20; round += 1) { forget(200); await collect(); }
    console.log(JSON.stringify({ before, after: wasmMemoryBytes() }));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { before, after } = JSON.parse(run.stdout);
  assert.equal(after, before);
});

test('a quote names things in the locale asked for, falling back as the core decides', () => {
  const engine = new LoyaltyEngine(readJson('examples/programs/kasboutik.json'));
  try {
    const cart = { date: '2026-11-22', lines: [{ sku: 'B', category: 'beans', unit_price: '1000.00', quantity: 1 }] };
    const customer = { first_purchase_made: true };
    assert.equal(engine.quote(customer, cart).discounts[0].name, 'Постоянный покупатель', 'the default language, Russian');
    assert.equal(engine.quote(customer, cart, 'en-GB').discounts[0].name, 'Regular customer');
    // No Georgian: English, before the program's own Russian (issue 30, item 7); a locale that is
    // not a tag matches nothing, and falls back the same way.
    assert.equal(engine.quote(customer, cart, 'ka').discounts[0].name, 'Regular customer');
    assert.equal(engine.quote(customer, cart, 'not a locale').discounts[0].name, 'Regular customer');
    assert.equal(engine.names('en').categories.beans, 'coffee beans');
    assert.equal(engine.names('ru').categories.machines, 'кофемашины');
  } finally {
    engine.free();
  }
});

test('without Web Crypto (a page served over plain HTTP) the fingerprint rejects with a code, not a TypeError', async () => {
  const engine = new LoyaltyEngine(fixtures[0].program);
  const cart = fixtures[0].cart;
  const hashed = await engine.fingerprint(fixtures[0].customer, cart);
  assert.match(hashed, /^[0-9a-f]{64}$/);
  const webCrypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
  try {
    await assert.rejects(engine.fingerprint(fixtures[0].customer, cart), (error) => error instanceof LoyaltyError && error.code === 'insecure_context');
  } finally {
    Object.defineProperty(globalThis, 'crypto', webCrypto);
    engine.free();
  }
  assert.equal(await new LoyaltyEngine(fixtures[0].program).fingerprint(fixtures[0].customer, cart), hashed);
});
