// The analytics package in Node gives exactly the golden results of the native core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { calculate, compare, forecast, loadAnalyticsSync, margin, preview, project, summarize, LoyaltyError } from '../../www/loyalty-analytics.js';
import { canonical, readJson, root } from './fixtures.mjs';

loadAnalyticsSync(readFileSync(new URL('www/pkg-analytics/loyalty_bg.wasm', root)));
const run = { project, margin, compare, preview, forecast, calc: calculate };

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
