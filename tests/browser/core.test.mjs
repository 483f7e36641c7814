// The npm package in pkg/, in headless Chromium, gives exactly the golden results of the native core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { readdirSync } from 'node:fs';
import { canonical, loadFixtures, readJson, root, wasmBytes } from '../js/fixtures.mjs';
import { compileProgram, loadCompiler, loadCoreSync, LoyaltyEngine } from '../../www/elements/loyalty-core.js';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

test('every golden fixture, its program compiled in Chromium, gives the same bytes and the same quote as in Node', async () => {
  const fixtures = loadFixtures();
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const results = await page.evaluate(async (inputs) => {
    const core = await import('/pkg/loyalty-core.js');
    await Promise.all([core.loadCore(), core.loadCompiler()]);
    return inputs.map(({ program, customer, cart, locale }) => {
      const compiled = core.compileProgram(program);
      const engine = new core.LoyaltyEngine(compiled);
      try { return { compiled: Array.from(compiled), quote: engine.quoteJson(customer, cart, locale) }; } finally { engine.free(); }
    });
  }, fixtures.map(({ program, customer, cart, locale }) => ({ program, customer, cart, locale })));
  assert.equal(results.length, fixtures.length);
  loadCoreSync(wasmBytes());
  await loadCompiler();
  fixtures.forEach((fixture, index) => {
    const { compiled, quote } = results[index];
    assert.equal(canonical(JSON.parse(quote)), canonical(fixture.quote), fixture.name);
    const bytes = compileProgram(fixture.program);
    assert.deepEqual(compiled, Array.from(bytes), fixture.name);
    const engine = new LoyaltyEngine(bytes);
    assert.equal(quote, engine.quoteJson(fixture.customer, fixture.cart, fixture.locale), fixture.name);
    engine.free();
  });
  assert.deepEqual(problems, []);
});

test('errors reach the page as Errors with code and path', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const error = await page.evaluate(async () => {
    const core = await import('/pkg/loyalty-core.js');
    await Promise.all([core.loadCore(), core.loadCompiler()]);
    try {
      new core.LoyaltyEngine({ version: 1, id: 'x', name: 'X', currency: 'ZZZ' });
      return null;
    } catch (e) {
      return { isError: e instanceof Error, code: e.code, path: e.path, message: e.message };
    }
  });
  assert.deepEqual({ ...error, message: undefined }, { isError: true, code: 'unknown_currency', path: 'currency', message: undefined });
  assert.match(error.message, /ISO 4217/);
});

test('every calculation fixture gives the same result from the analytics package in Chromium', async () => {
  const fixtures = readdirSync(new URL('fixtures/calculations/', root))
    .map((file) => readJson(`fixtures/calculations/${file}`))
    .filter((fixture) => fixture.command !== 'simulate'); // a command over files, native only
  assert.ok(fixtures.length >= 12, `found ${fixtures.length}`);
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const results = await page.evaluate(async (inputs) => {
    const analytics = await import('/pkg/loyalty-analytics.js');
    await analytics.loadAnalytics();
    const run = { ...analytics, calc: analytics.calculate };
    return inputs.map(({ command, request }) => {
      if (command !== 'forecast') return run[command](request);
      // The forecast twice: the whole request, and the customers held in Wasm.
      const { customers, ...settings } = request;
      const portfolio = new analytics.LoyaltyPortfolio(customers);
      try { return [run.forecast(request), portfolio.forecast(settings)]; } finally { portfolio.free(); }
    });
  }, fixtures.map(({ command, request }) => ({ command, request })));
  assert.equal(results.length, fixtures.length);
  fixtures.forEach((fixture, index) => {
    const got = fixture.command === 'forecast' ? results[index] : [results[index]];
    for (const result of got) assert.equal(canonical(result), canonical(fixture.result), fixture.name);
  });
  assert.deepEqual(problems, []);
});

test('each element works from the npm package alone, on a page that loads nothing else', async () => {
  const page = await ctx.browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`); });
  await page.route('**/shop.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Shop</title><body></body></html>' }));
  await page.goto(`${ctx.base}/shop.html`);
  const outcome = await page.evaluate(async () => {
    await Promise.all(['/pkg/loyalty.js', '/pkg/loyalty-tier-preview.js', '/pkg/loyalty-offer-explorer.js'].map((url) => import(url)));
    const program = await (await fetch('/examples/programs/retail.json')).json();
    const checkout = document.createElement('loyalty-checkout');
    const quoted = new Promise((resolve) => checkout.addEventListener('loyalty-quote', (e) => resolve(e.detail.payable)));
    checkout.program = program;
    document.body.append(checkout);
    checkout.cart = { date: '2026-11-22', lines: [{ sku: 'A', category: 'grocery', unit_price: '12.50', quantity: 2 }] };
    const tier = document.createElement('loyalty-tier-preview');
    const previewed = new Promise((resolve) => tier.addEventListener('loyalty-preview', (e) => resolve(e.detail.qualifying)));
    tier.program = program;
    document.body.append(tier);
    const explorer = document.createElement('loyalty-offer-explorer');
    document.body.append(explorer);
    explorer.programs = [{ id: 'retail', name: 'Retail', program }];
    const explored = new Promise((resolve) => {
      const poll = () => (explorer.result ? resolve(explorer.result.comparison.length) : setTimeout(poll, 20));
      poll();
    });
    return { payable: await quoted, qualifying: await previewed, variants: await explored };
  });
  await page.close();
  assert.deepEqual(problems, []);
  assert.equal(outcome.payable, '25.00');
  assert.match(outcome.qualifying, /^\d+(\.\d+)?$/);
  assert.ok(outcome.variants >= 4, `${outcome.variants} variants compared`);
});
