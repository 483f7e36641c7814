// Every benchmark in one table: bundle sizes against the anchors, quote latency natively (from
// criterion's results), in Wasm under Node and in Chromium, and the widget's render times.
// Figures are printed to be read; nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bundleSizes } from './sizes.mjs';
import { bytesByCrate, largestFunctions } from './wasm-crates.mjs';
import { instructions, monthInstructions, rowInstructions } from './instructions.mjs';
import { compileProgram, loadCompiler, loadCoreSync, LoyaltyEngine } from '../www/elements/loyalty-core.js';
import { forecast, loadAnalyticsSync, LoyaltyPortfolio, project } from '../www/elements/loyalty-analytics.js';
import { launch, openPage } from '../tests/browser/browser.mjs';

const root = new URL('../', import.meta.url);
const program = JSON.parse(readFileSync(new URL('fixtures/programs/everything.json', root), 'utf8'));
// Priced as a checkout prices it: compiled ahead.
await loadCompiler();
const compiled = compileProgram(program);
const customer = {
  spend: [{ date: '2026-06-01', amount: '1800' }],
  points: [{ points: 2500, earned: '2026-05-01' }],
  first_purchase_made: true, last_purchase: '2026-10-01', member_until: '2026-12-31', employee_id: 'E-1',
};
const CATEGORIES = ['books', 'gadgets', 'food', 'home', 'toys'];
/** The same carts as benches/quote.rs builds. */
function cart(lines) {
  return {
    date: '2026-11-22', promo_code: 'SAVE20', redeem_points: 400, events: [{ id: 'review' }],
    lines: Array.from({ length: lines }, (_, i) => ({
      sku: `SKU-${i}`, category: CATEGORIES[i % 5], unit_price: `${3 + (i % 97)}.${String(i % 100).padStart(2, '0')}`,
      quantity: 1 + (i % 3), unit_cost: `${1 + (i % 50)}.00`, promotional: i % 7 === 0,
    })),
  };
}
const SIZES = [1, 20, 200];

/** Median time of one call, in ms, timing batches so that coarse clocks still resolve. */
function medianMs(fn, now, batches = 30, perBatch = 50) {
  for (let i = 0; i < perBatch * 5; i += 1) fn();
  const times = [];
  for (let b = 0; b < batches; b += 1) {
    const start = now();
    for (let i = 0; i < perBatch; i += 1) fn();
    times.push((now() - start) / perBatch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Criterion's median for one benchmark of benches/quote.rs, in ms. */
function nativeMs(group, lines) {
  const file = new URL(`target/criterion/${group}/${lines}/new/estimates.json`, root);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).median.point_estimate / 1e6;
}

function nodeMs() {
  loadCoreSync(readFileSync(new URL('www/build/loyalty_core_bg.wasm', root)));
  const engine = new LoyaltyEngine(compiled);
  const result = Object.fromEntries(SIZES.map((n) => {
    const c = cart(n);
    return [n, medianMs(() => engine.quote(customer, c), () => performance.now())];
  }));
  engine.free();
  return result;
}

/** Customer-months per second of projections in Wasm under Node (24-month projections). */
function wasmProjection() {
  loadAnalyticsSync(readFileSync(new URL('www/build/loyalty_analytics_bg.wasm', root)));
  const request = {
    program: JSON.parse(readFileSync(new URL('examples/programs/retail.json', root), 'utf8')),
    customer: { points: [{ points: 800, earned: '2025-12-01' }] }, start: '2026-01-01', months: 24, redeem: 'max',
    plan: { monthly: { spend: [{ category: 'grocery', amount: '180.00' }, { category: 'home', amount: '45.50' }] } },
  };
  const perProjection = medianMs(() => project(request), () => performance.now(), 10, 20);
  return 24 / (perProjection / 1000);
}

/** Median of `runs` timed calls, in ms, after one untimed call (which also grows Wasm memory). */
function medianOf(runs, fn) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/** A portfolio of 100,000 customers × 24 months in Wasm under Node, the same customers as
 * benches/projection.rs builds: held in Wasm as a rep's explorer holds them (only the settings
 * cross per forecast), loading them once, and end to end with every customer crossing as JSON. */
function wasmForecast() {
  const program = JSON.parse(readFileSync(new URL('examples/programs/retail.json', root), 'utf8'));
  const customers = Array.from({ length: 100_000 }, (_, i) => ({
    customer: { points: [{ points: i % 1500, earned: '2025-12-01' }] },
    monthly: [{ category: 'grocery', amount: `${20 + ((i * 37) % 400)}.${String(i % 100).padStart(2, '0')}` }],
  }));
  const settings = { program, start: '2026-01-01', months: 24, redeem: 'max' };
  const load = medianOf(3, () => new LoyaltyPortfolio(customers).free());
  const portfolio = new LoyaltyPortfolio(customers);
  const held = medianOf(7, () => portfolio.forecast(settings));
  portfolio.free();
  const whole = medianOf(3, () => forecast({ ...settings, customers }));
  return { held, load, whole };
}

/** Lines printed by `cargo bench --bench projection`, saved by bench.sh. */
function nativeProjection() {
  const file = new URL('target/bench-projection.txt', root);
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  return {
    projection: Number(/projection: .*= (\d+) customer-months\/s/.exec(text)?.[1]),
    forecast: Number(/forecast: .*= (\d+) customer-months\/s/.exec(text)?.[1]),
    simulate: Number(/^simulate: .*= (\d+) rows\/s/m.exec(text)?.[1]),
    memory: /^simulate: .*peak memory (\S+ MiB)/m.exec(text)?.[1],
    threads: /^simulate, (\d+) threads: .*= (\d+) rows\/s, (\S+)× one core/m.exec(text),
    grouped: [...text.matchAll(/^simulate, grouped by customer: (\d+) rows \((\d+) customers\).*= (\d+) rows\/s; peak memory (\S+ MiB)/gm)],
  };
}

async function chromium() {
  const ctx = await launch();
  try {
    // The timing helper is passed as source text, which the demo's CSP would refuse to evaluate.
    const context = await ctx.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${ctx.base}/www/demo/index.html`);
    const quotes = await page.evaluate(async ({ program, customer, carts, source }) => {
      const core = await import('/www/elements/loyalty-core.js');
      await core.loadCore();
      const medianMs = new Function(`return ${source}`)();
      const engine = new core.LoyaltyEngine(new Uint8Array(program));
      const result = {};
      for (const [n, c] of Object.entries(carts)) result[n] = medianMs(() => engine.quote(customer, c), () => performance.now());
      engine.free();
      return result;
    }, { program: Array.from(compiled), customer, carts: Object.fromEntries(SIZES.map((n) => [n, cart(n)])), source: medianMs.toString() });
    await context.close();

    const render = [];
    for (let i = 0; i < 7; i += 1) {
      const { page: shop } = await openPage(ctx.browser, `${ctx.base}/www/demo/checkout.html`);
      await shop.waitForSelector('loyalty-checkout >> [part="payable"]');
      render.push(await shop.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/www/build/loyalty.min.js'));
        return performance.getEntriesByName('loyalty-first-render')[0]?.startTime - (script?.startTime ?? 0);
      }));
      await shop.close();
    }
    render.sort((a, b) => a - b);

    const { page: shop } = await openPage(ctx.browser, `${ctx.base}/www/demo/checkout.html`);
    await shop.waitForSelector('loyalty-checkout >> [part="payable"]');
    const update = await shop.evaluate(() => {
      const el = document.querySelector('loyalty-checkout');
      const base = el.cart;
      const times = [];
      for (let i = 0; i < 60; i += 1) {
        const start = performance.now();
        el.cart = { ...base, lines: base.lines.map((l, j) => (j === 0 ? { ...l, quantity: 1 + (i % 9) } : l)) };
        el.shadowRoot.querySelector('[part="payable"]').getBoundingClientRect();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return times[30];
    });
    await shop.close();
    // The rep drags the monthly-spend slider on a 24-month projection: input to redrawn chart.
    const { page: rep } = await openPage(ctx.browser, `${ctx.base}/www/demo/explorer.html`);
    await rep.waitForFunction(() => document.querySelector('loyalty-offer-explorer')?.result);
    const drag = await rep.evaluate(() => {
      const el = document.querySelector('loyalty-offer-explorer');
      el.state = { ...el.state, months: 24 };
      const slider = el.shadowRoot.querySelector('input[type="range"]');
      const times = [];
      for (let i = 0; i < 30; i += 1) {
        const start = performance.now();
        slider.value = String(200 + (i % 10) * 100);
        slider.dispatchEvent(new Event('input'));
        el.shadowRoot.querySelector('svg').getBoundingClientRect();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return times[15];
    });
    // A listing page of 48 <loyalty-price>: from the script's start to every product priced, and
    // what it fetched (median of 5 loads).
    const listing = [];
    let listingRequests = 0;
    for (let i = 0; i < 5; i += 1) {
      const { page: shop } = await openPage(ctx.browser, `${ctx.base}/www/demo/listing.html?program=retail`);
      await shop.waitForFunction(() => [...document.querySelectorAll('loyalty-price')].every((e) => e.quote));
      listing.push(await shop.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/www/build/loyalty.min.js'));
        return performance.now() - (script?.startTime ?? 0);
      }));
      listingRequests = await shop.evaluate(() => performance.getEntriesByType('resource').length);
      await shop.close();
    }
    listing.sort((a, b) => a - b);
    return { quotes, firstRender: render[3], update, drag, listing: listing[2], listingRequests };
  } finally {
    await ctx.close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toFixed(3)} ms`);
const sizes = bundleSizes();
const node = nodeMs();
const browser = await chromium();

const rows = [['measure', 'value', 'against']];
for (const [name, size] of Object.entries(sizes)) {
  if (name === 'programs') rows.push(['largest compiled example program', `${size.largest} B`, 'a Shopify metafield holds 10,000 B']);
  else rows.push([`size ${name} (raw / gzip / brotli)`, `${kb(size.raw)} / ${kb(size.gzip)} / ${kb(size.brotli)}`, '']);
}
const shipped = sizes.total.brotli;
rows.push(['bundle brotli vs Shopify 64 KB budget', kb(shipped), `${((shipped / (64 * 1024)) * 100).toFixed(0)}% of the budget`]);
rows.push(['bundle brotli vs Smile.io ≈105 KB', kb(shipped), `${(105 * 1024 / shipped).toFixed(2)}× lighter`]);
rows.push(['bundle brotli vs LoyaltyLion ≈113 KB', kb(shipped), `${(113 * 1024 / shipped).toFixed(2)}× lighter`]);
const byCrate = bytesByCrate(new URL('target/wasm-pack/loyalty_core/loyalty_core_bg.wasm', root));
const beforeOpt = byCrate.reduce((sum, [, size]) => sum + size, 0);
for (const [crate, size] of byCrate.filter(([, size]) => size >= beforeOpt / 100)) {
  rows.push([`  checkout Wasm before wasm-opt: ${crate}`, kb(size), `${((100 * size) / beforeOpt).toFixed(1)}% of ${kb(beforeOpt)}`]);
}
for (const [name, size] of largestFunctions(new URL('target/wasm-pack/loyalty_core/loyalty_core_bg.wasm', root), 6)) {
  rows.push([`  checkout Wasm's largest function: ${name.slice(0, 60)}`, kb(size), '']);
}
const hasValgrind = (() => {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (hasValgrind) {
  const one = instructions(1);
  const many = instructions(200);
  rows.push(['loyalty quote, 1 line (callgrind instructions)', `${(one / 1e6).toFixed(2)} M`, 'deterministic: compare these']);
  rows.push(['loyalty quote, 199 more lines (callgrind instructions)', `${((many - one) / 1e6).toFixed(2)} M`, 'target ≤ 1.10 M, aim ≤ 0.50 M (7.0 M before the one engine)']);
  rows.push(['portfolio forecast, retail (callgrind instructions a customer-month)', `${Math.round(monthInstructions('forecast'))}`, 'target ≤ 300, aim ≤ 100']);
  rows.push(['projection of one customer, 60 months (callgrind instructions a customer-month)', `${Math.round(monthInstructions('projection'))}`, '']);
  rows.push(['simulate, 200,000 date-sorted rows (callgrind instructions a row)', `${Math.round(rowInstructions())}`, '10,378 before issue 32 item 2']);
} else {
  rows.push(['loyalty quote (callgrind instructions)', 'n/a', 'install valgrind']);
}
for (const n of SIZES) rows.push([`quote, ${n} line(s), native, pricing alone (criterion median)`, ms(nativeMs('quote', n)), n === 200 ? 'target well under 1 ms' : '']);
for (const n of SIZES) rows.push([`quote, ${n} line(s), native, JSON text in and out (criterion median)`, ms(nativeMs('quote_json', n)), 'what Wasm runs, at opt-level 3']);
for (const n of SIZES) rows.push([`quote, ${n} line(s), Wasm in Node (median)`, ms(node[n]), '']);
for (const n of SIZES) rows.push([`quote, ${n} line(s), Wasm in Chromium (median)`, ms(browser.quotes[n]), n === 200 ? 'target ≤ 0.5 ms, aim ≤ 0.25 ms' : '']);
const native = nativeProjection();
const perSecond = (n) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString('en')}/s` : 'n/a');
const wasmMonths = wasmProjection();
rows.push(['projection of one customer, 60 months, native (customer-months)', perSecond(native.projection), 'the ledger and the pricer; target ≥ 5,000,000/s']);
rows.push(['portfolio forecast, native (customer-months)', perSecond(native.forecast), 'target ≥ 40,000,000/s (the old fast path)']);
const forecasts = wasmForecast();
rows.push(['portfolio forecast, Wasm in Node, 100,000 × 24 months, customers held', ms(forecasts.held), 'target < 150 ms']);
rows.push(['  loading those 100,000 customers into Wasm, once', ms(forecasts.load), 'JSON in']);
rows.push(['  the same forecast end to end, customers sent each time', ms(forecasts.whole), 'JSON both ways']);
rows.push(['projection of one customer, Wasm in Node (customer-months)', perSecond(wasmMonths), 'JSON in and out, the program compiled each time; target ≥ 1,000,000/s']);
rows.push(['simulate, native, 1,000,000 generated rows', perSecond(native.simulate), `peak memory ${native.memory ?? 'n/a'}; target ≥ 1,500,000/s`]);
if (native.threads) rows.push([`simulate, ${native.threads[1]} threads (partitions merged)`, perSecond(Number(native.threads[2])), `${native.threads[3]}× one core; target ≥ 1.7×`]);
for (const [, rowCount, customers, rate, memory] of native.grouped ?? []) {
  rows.push([`simulate grouped by customer, ${Number(rowCount).toLocaleString('en')} rows, ${Number(customers).toLocaleString('en')} customers`, perSecond(Number(rate)), `peak memory ${memory}; target flat, < 50 MiB`]);
}
rows.push(['widget: script start to first render (median of 7)', ms(browser.firstRender), '']);
rows.push(['widget: cart change to updated display (median of 60)', ms(browser.update), 'target < 16 ms']);
rows.push(['listing: 48 <loyalty-price> priced, from the script\'s start (median of 5)', ms(browser.listing), `${browser.listingRequests} requests for the whole page, the program and the core once`]);
rows.push(['explorer: slider input to redrawn chart, 24 months (median of 30)', ms(browser.drag), 'target < 16 ms']);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
