// The helper behind the tier page's and the explorer's inputs: exact decimal arithmetic and
// scales taken from the program (issue 15: items 1 and 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson } from './fixtures.mjs';
import { categoriesOf, defaultMix, fieldOfPath, fromUnits, keySpend, rangeOf, middleOf, mixError, offers, onScale, percentOf, roundUp, shareOf, spendScale, splitSpend, stepUp, toUnits, totalOf } from '../../www/elements/scenarios.js';

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

test('round figures and steps', () => {
  assert.deepEqual([1n, 7n, 209n, 520834n, 1001n].map(roundUp), [1n, 8n, 250n, 600000n, 1200n]);
  assert.deepEqual([0n, 1n, 3n, 6000n, 11n].map(stepUp), [1n, 1n, 5n, 10000n, 20n]);
});

test('the spend slider reaches a little above the monthly spend of the top tier, in the program\'s units', () => {
  // Retail: Gold at 2,000 USD a calendar year is 167 a month; a quarter more is 209.
  assert.equal(keySpend(program('retail')), 167n);
  assert.deepEqual(spendScale(program('retail')), { min: '0', max: '250', step: '5' });
  // S7 Profi: its top tier at 5,000,000 RUB a year.
  const s7 = spendScale(program('s7-profi'));
  assert.deepEqual(s7, { min: '0', max: '600000', step: '10000' });
  assert.ok(Number(s7.max) >= 5_000_000 / 12);
  // Kasboutik has no tiers: its largest order threshold, BIG30's 10,000 RUB.
  assert.deepEqual(spendScale(program('kasboutik')), { min: '0', max: '15000', step: '200' });
  // A program naming no figure at all: 0 to 1,000.
  assert.deepEqual(spendScale(program('officemax-maxperks')), { min: '0', max: '1000', step: '10' });
  // A spend asked for from outside widens the range to hold it, once.
  assert.deepEqual(spendScale(program('retail'), '900'), { min: '0', max: '1000', step: '10' });
  assert.equal(onScale('100.50', { max: '250' }), '100');
  assert.equal(onScale('4000', { max: '250' }), '250');
});

test('every example program gets a scale of at most 200 steps that reaches its key spend', () => {
  for (const id of ['amex-coalition', 'best-variant', 'bwt-dealers', 'cordiant-dealers', 'etihad-superseller', 'grubhub-perks', 'kasboutik', 'officemax-maxperks', 'okay-card', 'retail', 'rosneft-family', 's7-corporate', 's7-profi', 'techaccess']) {
    const p = program(id);
    const { max, step } = spendScale(p);
    assert.equal(BigInt(max) % BigInt(step), 0n, id);
    assert.ok(BigInt(max) / BigInt(step) <= 200n && BigInt(max) / BigInt(step) >= 20n, `${id}: ${max} in steps of ${step}`);
    assert.ok(BigInt(max) >= (keySpend(p) ?? 0n), id);
  }
});

test('a monthly spend splits by category in whole percents, and the parts add up exactly', () => {
  assert.deepEqual(categoriesOf(program('kasboutik')), ['beans', 'capsules', 'machines']);
  assert.deepEqual(defaultMix(program('kasboutik')), { beans: '34', capsules: '33', machines: '33' });
  assert.deepEqual(defaultMix(program('retail')), {});
  assert.deepEqual(splitSpend('100.00', { beans: '34', capsules: '33', machines: '33' }, 2),
    [{ category: 'beans', amount: '34.00' }, { category: 'capsules', amount: '33.00' }, { category: 'machines', amount: '33.00' }]);
  const parts = splitSpend('0.10', { a: '34', b: '33', c: '33' }, 2);
  assert.equal(parts.reduce((sum, p) => sum + toUnits(p.amount, 2), 0n), 10n);
  assert.deepEqual(splitSpend('150', {}, 2), [{ category: '', amount: '150' }]);
  assert.equal(mixError({ a: '50', b: '50' }), null);
  assert.deepEqual(mixError({ a: '50', b: '40' }), { category: 'b', code: 'shares_not_100', total: '90' });
  assert.deepEqual(mixError({ a: '50', b: '40', c: '0' }, 'a'), { category: 'a', code: 'shares_not_100', total: '90' });
  assert.deepEqual(mixError({ a: '5.5', b: '94.5' }), { category: 'a', code: 'invalid_share' });
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
});

test('a refusal of the core names the explorer field it concerns', () => {
  assert.equal(fieldOfPath('projection.program.tiers[2].threshold'), 'tiers.2.threshold');
  assert.equal(fieldOfPath('variants[0].program.points.value_per_point'), 'points.value_per_point');
  assert.equal(fieldOfPath('economics.gross_margin_percent'), 'margin');
  assert.equal(fieldOfPath('economics.monthly_churn_percent'), 'churn');
  assert.equal(fieldOfPath('start'), null);
});

test('the middle of a scale on a whole step, and whole-number totals over months', () => {
  assert.equal(middleOf({ max: '250', step: '5' }), '125');
  assert.equal(middleOf({ max: '15000', step: '200' }), '7400');
  assert.equal(totalOf([{ points_earned: 150 }, { points_earned: 145 }, {}], 'points_earned'), '295');
});

test('a spend asked for from outside lies on a step of the scale, so the thumb stands where the figure says (issue 30: item 4)', () => {
  const s7 = spendScale(program('s7-profi'), '225000');
  assert.equal(225000n % BigInt(s7.step), 0n, `step ${s7.step}`);
  const bwt = spendScale(program('bwt-dealers'), '12500');
  assert.equal(12500n % BigInt(bwt.step), 0n, `step ${bwt.step}`);
  assert.equal(onScale('225000', s7), '225000');
  assert.equal(spendScale(program('retail'), '0').step, '5');
});


test('a refused value\'s range is said by the kind of field (issue 30: item 11)', () => {
  assert.equal(rangeOf('margin', '-5'), 'percentRange');
  assert.equal(rangeOf('margin', '150'), 'percentRange');
  assert.equal(rangeOf('tiers.1.discount_percent', '101'), 'percentRange');
  assert.equal(rangeOf('tiers.1.threshold', '-5'), 'notNegative');
  assert.equal(rangeOf('points.earn.per_amount', '0'), 'out_of_range');
});
