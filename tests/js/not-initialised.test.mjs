// Before the module is loaded, every call throws a clear error rather than failing deep inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileProgram, loadCompiler, loadCore, LoyaltyEngine, LoyaltyError } from '../../www/elements/loyalty-core.js';

test('creating an engine before loading throws not_initialised', () => {
  assert.throws(() => new LoyaltyEngine({}), (error) => {
    assert.ok(error instanceof LoyaltyError);
    assert.equal(error.code, 'not_initialised');
    assert.match(error.message, /loadCore/);
    return true;
  });
});

test('compiling a JSON program before the compiler is loaded throws not_initialised, naming both ways out', () => {
  assert.throws(() => compileProgram({}), (error) => {
    assert.equal(error.code, 'not_initialised');
    assert.match(error.message, /loadCompiler/);
    assert.match(error.message, /loyalty compile/);
    return true;
  });
});

test('a module that cannot be read is wasm_unavailable, and loading can be tried again', async () => {
  await assert.rejects(loadCore(new URL('file:///no/such/loyalty_core_bg.wasm')), (error) => {
    assert.ok(error instanceof LoyaltyError);
    assert.equal(error.code, 'wasm_unavailable');
    assert.match(error.message, /no such file/);
    return true;
  });
  await Promise.all([loadCore(), loadCompiler()]);
  assert.equal(new LoyaltyEngine({ version: 1, id: 'p', name: 'P', currency: 'USD' }).quote({}, { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '1.00', quantity: 1 }] }).payable, '1.00');
});
