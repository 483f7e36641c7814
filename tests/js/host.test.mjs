// loyalty_host.wasm, the pricer for other Wasm hosts: no imports, and for every golden fixture the
// same quote, byte for byte, as the checkout's module gives; refusals as coded JSON, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileProgram, loadCompiler, loadCoreSync, LoyaltyEngine } from '../../www/elements/loyalty-core.js';
import { hostPricer } from '../../examples/other-host.mjs';
import { canonical, loadFixtures, root, wasmBytes } from './fixtures.mjs';

loadCoreSync(wasmBytes());
await loadCompiler();
const hostWasm = readFileSync(new URL('www/build/loyalty_host.wasm', root));

test('the host module imports nothing, so any Wasm runtime can instantiate it', () => {
  const module = new WebAssembly.Module(hostWasm);
  assert.deepEqual(WebAssembly.Module.imports(module), []);
  assert.ok(WebAssembly.Module.exports(module).some(({ name }) => name === 'loyalty_quote'));
});

test('every golden fixture gives the checkout module\'s quote, byte for byte', () => {
  const fixtures = loadFixtures();
  assert.ok(fixtures.length >= 15);
  for (const { name, program, customer, cart, locale, quote } of fixtures) {
    const pricer = hostPricer(hostWasm);
    const compiled = compileProgram(program);
    assert.equal(pricer.program(compiled).ok, true, name);
    const fromHost = pricer.quote({ customer, cart, locale });
    assert.equal(fromHost.ok, true, name);
    const engine = new LoyaltyEngine(compiled);
    assert.equal(JSON.stringify(fromHost.value), JSON.stringify(JSON.parse(engine.quoteJson(customer, cart, locale))), name);
    assert.equal(canonical(fromHost.value), canonical(quote), name);
    engine.free();
  }
});

test('refusals come back as coded JSON with their paths', () => {
  const pricer = hostPricer(hostWasm);
  const cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '1.00', quantity: 1 }] };
  assert.deepEqual(pricer.quote({ cart }).value.error.code, 'not_initialised');
  assert.equal(pricer.program(new TextEncoder().encode('{"version":1}')).value.error.code, 'compiled_program_invalid');
  const compiled = compileProgram(loadFixtures()[0].program);
  assert.equal(pricer.program(compiled).ok, true);
  const refused = pricer.quote({ cart: { ...cart, lines: [{ ...cart.lines[0], quantity: 0 }] } });
  assert.equal(refused.ok, false);
  assert.deepEqual([refused.value.error.code, refused.value.error.path], ['out_of_range', 'cart.lines[0].quantity']);
  assert.equal(pricer.quote({ cart, extra: 1 }).value.error.code, 'unknown_field');
  const notJson = pricer.call('loyalty_quote', new TextEncoder().encode('{"cart": {'));
  assert.deepEqual([notJson.ok, notJson.value.error.code], [false, 'invalid_json']);
  const notText = pricer.call('loyalty_quote', Uint8Array.of(0x7b, 0xff, 0x7d));
  assert.deepEqual([notText.ok, notText.value.error.code], [false, 'invalid_json']);
});

test('damaged compiled programs are refused with a code, never a trap', () => {
  const pricer = hostPricer(hostWasm);
  const compiled = compileProgram(loadFixtures()[0].program);
  let seed = 20261207;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let round = 0; round < 500; round += 1) {
    const damaged = Uint8Array.from(compiled);
    for (let edits = 1 + (next() % 4); edits > 0; edits -= 1) damaged[next() % damaged.length] = next() % 256;
    const cut = round % 5 === 0 ? damaged.subarray(0, next() % damaged.length) : damaged;
    const { ok, value } = pricer.program(cut);
    if (!ok) assert.match(value.error.code, /^compiled_program_(invalid|version)$/, `round ${round}`);
  }
});
