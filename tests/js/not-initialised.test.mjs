// Before the module is loaded, every call throws a clear error rather than failing deep inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoyaltyEngine, LoyaltyError } from '../../www/loyalty-core.js';

test('creating an engine before loading throws not_initialised', () => {
  assert.throws(() => new LoyaltyEngine({}), (error) => {
    assert.ok(error instanceof LoyaltyError);
    assert.equal(error.code, 'not_initialised');
    assert.match(error.message, /loadCore/);
    return true;
  });
});
