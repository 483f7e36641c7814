// The helper behind the tier page's and the explorer's inputs: exact decimal arithmetic, what a
// basket costs, the offers compared and the fields refusals name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson } from './fixtures.mjs';
import { basketTotal, belowMinimum, categoriesOf, fieldOfPath, fromUnits, offers, percentOf, rangeOf, shareOf, toUnits, totalOf } from '../../www/elements/scenarios.js';

const program = (id) => readJson(`examples/programs/${id}.json`);

test('decimal strings go to minor units and back exactly', () => {
  assert.equal(toUnits('19.99', 2), 1999n);
  assert.equal(toUnits('5', 2), 500n);
  assert.equal(toUnits('0.129', 2), 12n);
  assert.equal(fromUnits(1999n, 2), '19.99');
  assert.equal(fromUnits(5n, 2), '0.05');
  assert.equal(fromUnits(-5n, 2), '-0.05');
  assert.equal(fromUnits(42n, 0), '42');
  assert.equal(toUnits('123456789012345678901234.5', 1), 1234567890123456789012345n);
});

test('a basket costs its lines at their unit prices, exactly, times its orders', () => {
  assert.deepEqual(categoriesOf(program('kasboutik')), ['beans', 'capsules', 'machines']);
  const lines = [{ unit_price: '0.10', quantity: 3 }, { unit_price: '10000.00', quantity: 1 }, { unit_price: '19.99', quantity: 2 }];
  assert.equal(basketTotal(lines, 2), '10040.28');
  assert.equal(basketTotal(lines, 2, 4), '40161.12');
  assert.equal(basketTotal([{ unit_price: '1500', quantity: 2 }], 0, 3), '9000');
});

test('percentages of amounts and shares of targets, by integer arithmetic', () => {
  assert.equal(percentOf('500', 5, 2), '25.00');
  assert.equal(percentOf('0.99', 5, 2), '0.04');
  assert.equal(shareOf('818.99', '2000.00'), '40.9');
  assert.equal(shareOf('3000', '2000.00'), '100.0');
  assert.equal(shareOf('1', '0'), '100.0');
});

test('the offers compared are the program and the same 5% four ways', () => {
  const names = { thisProgram: 'This', discount5: 'D', points5: 'P', cashback5: 'C', membership: 'M' };
  const list = offers(program('kasboutik'), names, '3000', 2);
  assert.deepEqual(list.map((o) => o.name), ['This', 'D', 'P', 'C', 'M']);
  assert.equal(list[4].program.membership.fee, '150.00');
  assert.ok(list.every((o) => o.program.currency === 'RUB'));
  // A basket's attributes are declared in every offer, so that its lines are priced there too.
  const skyline = offers(program('skyline-miles'), names, '1690.00', 2);
  assert.ok(skyline.every((o) => o.program.attributes?.fare_class === 'text'));
});

test('a refusal of the core names the explorer field it concerns', () => {
  assert.equal(fieldOfPath('projection.program.tiers[2].threshold'), 'tiers.2.threshold');
  assert.equal(fieldOfPath('variants[0].program.points.value_per_point'), 'points.value_per_point');
  assert.equal(fieldOfPath('economics.gross_margin_percent'), 'margin');
  assert.equal(fieldOfPath('economics.monthly_churn_percent'), 'churn');
  assert.equal(fieldOfPath('start'), null);
  assert.equal(fieldOfPath('projection.plan.basket.lines[2].quantity'), 'basket.2.quantity');
  assert.equal(fieldOfPath('plan.basket.lines[0].attributes.distance_km'), 'basket.0.distance_km');
  assert.equal(fieldOfPath('projection.plan.basket.orders_per_month'), 'orders');
});

test('whole-number totals over months', () => {
  assert.equal(totalOf([{ points_earned: 150 }, { points_earned: 145 }, {}], 'points_earned'), '295');
});

test('a refused value\'s range is said by the kind of field (issue 30: item 11)', () => {
  assert.equal(rangeOf('margin', '-5'), 'percentRange');
  assert.equal(rangeOf('margin', '150'), 'percentRange');
  assert.equal(rangeOf('tiers.1.discount_percent', '101'), 'percentRange');
  assert.equal(rangeOf('tiers.1.threshold', '-5'), 'notNegative');
  assert.equal(rangeOf('points.earn.per_amount', '0'), 'out_of_range');
});

test('a point value at which an order cannot reach the minimum redemption is found (issue 30: item 12)', () => {
  const retail = program('retail');
  assert.equal(belowMinimum(retail, '125'), null);
  const dear = { ...retail, points: { ...retail.points, value_per_point: '1' } };
  assert.deepEqual(belowMinimum(dear, '125'), { most: '25', min: '100' });
  assert.equal(belowMinimum(dear, '500'), null);
});
