// The checkout's points slider moves in the whole steps the core redeems (issue 15: item B).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redeemRange, snapRedeem } from '../../www/elements/elements.js';

test('the step is the quote\'s redeem_step, 1 when absent, and every bound is a multiple of it', () => {
  assert.deepEqual(redeemRange({ redeem_cap: 379 }, 100), { step: 1, min: 100, max: 379 });
  // A point worth 0.5 JPY redeems in steps of 2.
  assert.deepEqual(redeemRange({ redeem_cap: 1001, redeem_step: 2 }, 5), { step: 2, min: 6, max: 1000 });
  assert.deepEqual(redeemRange({ redeem_cap: 999, redeem_step: 4 }, 0), { step: 4, min: 0, max: 996 });
  assert.deepEqual(redeemRange(undefined, 0), { step: 1, min: 0, max: 0 });
  for (const [cap, step, min] of [[7, 3, 1], [1000, 7, 50], [2, 5, 0]]) {
    const range = redeemRange({ redeem_cap: cap, redeem_step: step }, min);
    assert.equal(range.max % step, 0);
    assert.equal(range.min % step, 0);
    assert.ok(range.max <= cap);
  }
});

test('a moved slider lands on a whole step within the range, and jumps the gap below the minimum', () => {
  const range = { step: 2, min: 6, max: 1000 };
  assert.equal(snapRedeem(3, 0, range), 6); // up from none: to the minimum
  assert.equal(snapRedeem(3, 6, range), 0); // down from the minimum: to none
  assert.equal(snapRedeem(9, 6, range), 10);
  assert.equal(snapRedeem(2000, 6, range), 1000);
  assert.equal(snapRedeem(-4, 6, range), 0);
  assert.equal(snapRedeem(101, 100, { step: 1, min: 100, max: 379 }), 101);
});
