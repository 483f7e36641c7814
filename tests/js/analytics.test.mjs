// The analytics package in Node gives exactly the golden results of the native core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { analyticsMemoryBytes, calculate, compare, forecast, loadAnalyticsSync, margin, names, preview, project, refund, summarize, LoyaltyError, LoyaltyPortfolio } from '../../www/elements/loyalty-analytics.js';
import { canonical, readJson, root } from './fixtures.mjs';

loadAnalyticsSync(readFileSync(new URL('www/build/loyalty_analytics_bg.wasm', root)));
const run = { project, margin, compare, preview, forecast, refund, calc: calculate };

const fixtures = readdirSync(new URL('fixtures/calculations/', root))
  .map((file) => readJson(`fixtures/calculations/${file}`))
  .filter((fixture) => fixture.command !== 'simulate'); // a command over files, native only

test('there are calculation fixtures to compare', () => {
  assert.ok(fixtures.length >= 12, `found ${fixtures.length}`);
});

for (const fixture of fixtures) {
  test(`golden: ${fixture.name}`, () => {
    assert.equal(canonical(run[fixture.command](fixture.request)), canonical(fixture.result));
  });
}

test('a bad projection request throws a LoyaltyError with code and path', () => {
  const request = structuredClone(fixtures.find((f) => f.command === 'project').request);
  request.months = 61;
  assert.throws(() => project(request), (error) => error instanceof LoyaltyError && error.code === 'out_of_range' && error.path === 'months');
});

test('summaries come in four languages, and a fifth is refused with its path', () => {
  const program = readJson('examples/programs/retail.json');
  for (const [lang, word] of [['en', 'Points'], ['ru', 'Баллы'], ['hy', 'Միավորներ'], ['ka', 'ქულები']]) {
    assert.match(summarize(program, lang), new RegExp(word));
  }
  assert.throws(() => summarize(program, 'fr'), { code: 'invalid_value', path: 'lang' });
});

test('every example is summarised in Wasm as its reviewed fixture, in four languages', () => {
  const programs = readdirSync(new URL('examples/programs/', root)).filter((file) => file.endsWith('.json'));
  assert.ok(programs.length >= 16, `found ${programs.length}`);
  for (const file of programs) {
    const program = readJson(`examples/programs/${file}`);
    for (const lang of ['en', 'ru', 'hy', 'ka']) {
      const reviewed = readFileSync(new URL(`fixtures/summaries/${program.id}.${lang}.txt`, root), 'utf8');
      assert.equal(summarize(program, lang), reviewed.trimEnd(), `${program.id}.${lang}`);
    }
  }
});

test("names come from the core's one rule: the locale, its language, English, the default language", () => {
  const bakery = readJson('examples/programs/tbilisi-bakery.json');
  assert.equal(names(bakery, 'ka-GE').tiers.gold.name, 'ოქრო');
  assert.equal(names(bakery, 'en-US').tiers.gold.name, 'Gold');
  assert.equal(names(bakery, 'ru').tiers.gold.name, 'Gold', 'no Russian: English before its own Georgian');
  assert.equal(names({ ...bakery, fallback_languages: ['ka'] }, 'ru').tiers.gold.name, 'ოქრო', 'as the program asks');
  assert.equal(names(bakery).categories.pastry, 'ნამცხვრები');
  assert.deepEqual(names(bakery, 'en').tiers.silver.perks, ['Free coffee on Saturdays']);
  const kasboutik = readJson('examples/programs/kasboutik.json');
  assert.equal(names(kasboutik, 'en').discounts['regular-coffee'], 'Regular customer');
  assert.equal(names(kasboutik, 'hy').discounts['regular-coffee'], 'Regular customer');
  assert.equal(names(kasboutik, 'hy').program, 'Kasboutik', 'a plain name is every language\'s');
  assert.throws(() => names({ ...bakery, default_language: 'fr' }), { code: 'missing_field', path: 'name' });
});

test('customers held in Wasm forecast exactly as the whole request does, under each program sent', () => {
  const { request, result } = fixtures.find((f) => f.command === 'forecast');
  const { customers, ...settings } = request;
  const portfolio = new LoyaltyPortfolio(customers);
  assert.equal(portfolio.size, customers.length);
  assert.equal(canonical(portfolio.forecast(settings)), canonical(result));
  // Another offer over the same customers: the held list is unchanged by the first call.
  const shorter = { ...settings, months: 3 };
  assert.equal(canonical(portfolio.forecast(shorter)), canonical(forecast({ ...shorter, customers })));
  portfolio.free();
  assert.throws(() => portfolio.forecast(settings), { code: 'freed' });
});

test('a held portfolio refuses a bad customer, customers sent again, and a bad setting, with paths', () => {
  const { request } = fixtures.find((f) => f.command === 'forecast');
  const { customers, ...settings } = request;
  const bad = structuredClone(customers);
  bad[1].monthly[0].amount = 12;
  assert.throws(() => new LoyaltyPortfolio(bad), { code: 'wrong_type', path: 'customers[1].monthly[0].amount' });
  assert.throws(() => new LoyaltyPortfolio({}), (error) => error instanceof LoyaltyError && error.code === 'wrong_type');
  const portfolio = new LoyaltyPortfolio(customers);
  assert.throws(() => portfolio.forecast(request), { code: 'unknown_field', path: 'customers' });
  assert.throws(() => portfolio.forecast({ ...settings, months: 0 }), { code: 'out_of_range', path: 'months' });
  // A customer in a tier the program does not have is refused when the program arrives.
  const tiered = structuredClone(customers);
  tiered[0].customer = { ...tiered[0].customer, tier: 'platinum' };
  const held = new LoyaltyPortfolio(tiered);
  assert.throws(() => held.forecast(settings), (error) => error.path.startsWith('customers[0].customer'));
  // After an error the customers are still held.
  assert.equal(held.size, tiered.length);
  assert.equal(canonical(portfolio.forecast(settings)), canonical(forecast(request)));
  portfolio.free();
  held.free();
});

test('1,000 forecasts over held customers and 100 portfolio cycles leave Wasm memory flat', () => {
  const { request } = fixtures.find((f) => f.command === 'forecast');
  const { customers: two, ...settings } = request;
  const customers = Array.from({ length: 500 }, () => two).flat(); // a leak would show
  const warm = new LoyaltyPortfolio(customers);
  // Both operations warm up first: the allocator's first portfolio cycles may grow the memory
  // once (how much depends on what ran before in the module); a leak grows it every time.
  for (let i = 0; i < 50; i += 1) warm.forecast(settings);
  for (let i = 0; i < 10; i += 1) new LoyaltyPortfolio(customers).free();
  const before = analyticsMemoryBytes();
  for (let i = 0; i < 1_000; i += 1) warm.forecast(settings);
  warm.free();
  for (let i = 0; i < 100; i += 1) new LoyaltyPortfolio(customers).free();
  assert.equal(analyticsMemoryBytes(), before);
});
