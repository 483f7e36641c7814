// The customer's tier page loads <loyalty-tier-preview> as one bundled file, as the checkout loads
// loyalty.min.js: the requests a page makes for the element are counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** Opens `url` once its preview is shown; every path it requested, with how many times, and its console problems. */
async function requestsOf(url, route) {
  const page = await ctx.browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (['error', 'warning'].includes(message.type())) problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  const fetched = {};
  page.on('request', (request) => { const path = new URL(request.url()).pathname; fetched[path] = (fetched[path] ?? 0) + 1; });
  if (route) await page.route(...route);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('loyalty-tier-preview')?.preview);
  const shown = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('.main').innerText);
  await page.close();
  return { fetched, problems, shown };
}

test('a shop\'s tier page fetches one script and its own .wasm for the element, each once', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Your tier</title>
    <link rel="modulepreload" href="/www/build/loyalty-tier-preview.min.js">
    <link rel="preload" as="fetch" crossorigin="anonymous" href="/www/build/loyalty_tier_bg.wasm">
    <script type="module" src="/www/build/loyalty-tier-preview.min.js"></script></head>
    <body><loyalty-tier-preview program-src="/examples/programs/retail.json" monthly-spend="150"></loyalty-tier-preview></body></html>`;
  const { fetched, problems, shown } = await requestsOf(`${ctx.base}/www/tier-shop.html`,
    ['**/tier-shop.html', (route) => route.fulfill({ contentType: 'text/html', body: html })]);
  assert.match(shown, /Your tier/);
  const ours = Object.keys(fetched).filter((path) => path.startsWith('/www/') && path !== '/www/tier-shop.html').sort();
  assert.deepEqual(ours, ['/www/build/loyalty-tier-preview.min.js', '/www/build/loyalty_tier_bg.wasm'], JSON.stringify(fetched));
  for (const path of ours) assert.equal(fetched[path], 1, `${path} fetched ${fetched[path]} times`);
  // An element in the page's HTML reads its attributes once, when it connects.
  assert.equal(fetched['/examples/programs/retail.json'], 1, JSON.stringify(fetched));
  assert.deepEqual(problems, []);
});

test('the demo tier page loads the element as that one file, and in Georgian two chunks of strings more (the refusals\' words and the page\'s, fetched side by side)', async () => {
  for (const [locale, chunks] of [['en', 0], ['ka', 2]]) {
    const { fetched, problems } = await requestsOf(`${ctx.base}/www/demo/tier.html?locale=${locale}`);
    const element = Object.keys(fetched).filter((path) => path.startsWith('/www/') && !path.startsWith('/www/demo/')).sort();
    const chunk = element.filter((path) => /^\/www\/build\/loyalty-tier-preview-chunk-i18n-(preview-)?ka-[\w-]+\.js$/.test(path));
    assert.deepEqual(element.filter((path) => !chunk.includes(path)),
      ['/www/build/loyalty-tier-preview.min.js', '/www/build/loyalty_tier_bg.wasm'], `${locale}: ${JSON.stringify(fetched)}`);
    assert.equal(chunk.length, chunks, `${locale}: ${JSON.stringify(fetched)}`);
    // The page's own files: the page, its stylesheet, its script, the demo's data and its words.
    const demo = Object.keys(fetched).filter((path) => path.startsWith('/www/demo/')).sort();
    assert.deepEqual(demo, ['/www/demo/demo-data.js', '/www/demo/demo-words.js', '/www/demo/demo.css', '/www/demo/tier-demo.js', '/www/demo/tier.html'], JSON.stringify(fetched));
    assert.deepEqual(problems, [], locale);
  }
});
