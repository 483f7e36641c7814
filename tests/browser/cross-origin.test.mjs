// Embedding from another origin: a shop's page on one origin, and the widget, its program and its
// .wasm on another (a CDN), as "Serving the widget from a CDN" in docs/embedding.md describes. The demo
// server plays the CDN; the shop is a second server on another port of 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch } from './browser.mjs';

let ctx;
let shopServer;
let shop;

/** The shop's checkout page: its own CSP names the CDN for scripts and for fetches. */
function shopPage(cdn) {
  const csp = `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; connect-src 'self' ${cdn}; style-src 'self'; `
    + "img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Shop checkout</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${cdn}/pkg/loyalty.min.js"></script>
  <script type="module" src="/shop.js"></script>
</head>
<body>
  <main>
    <h1>Checkout</h1>
    <loyalty-checkout program-src="${cdn}/examples/programs/retail.json">
      <p>Rewards appear here when your browser can load them.</p>
    </loyalty-checkout>
    <p>To charge: <output id="charge"></output></p>
  </main>
</body>
</html>`;
  return { csp, html };
}

// The shop's own script, from the shop's origin: it gives the widget the cart and keeps what the
// quote event says it should charge.
const SHOP_SCRIPT = `
await customElements.whenDefined('loyalty-checkout');
const rewards = document.querySelector('loyalty-checkout');
rewards.addEventListener('loyalty-quote', (event) => { document.getElementById('charge').value = event.detail.payable; });
rewards.cart = { date: '2026-11-22', lines: [{ sku: 'TEA-01', category: 'grocery', unit_price: '12.50', quantity: 2 }] };
`;

before(async () => {
  ctx = await launch();
  const { csp, html } = shopPage(ctx.base);
  shopServer = createServer((request, response) => {
    if (request.url === '/checkout') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html);
    } else if (request.url === '/shop.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(SHOP_SCRIPT);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
  shop = `http://127.0.0.1:${shopServer.address().port}`;
});

after(async () => {
  await new Promise((resolve) => shopServer?.close(resolve));
  await ctx?.close();
});

test('a shop page on one origin renders <loyalty-checkout> with the widget, program and .wasm from another', async () => {
  assert.notEqual(new URL(shop).origin, new URL(ctx.base).origin);
  const page = await ctx.browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (['error', 'warning'].includes(message.type())) problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`); });
  const fromCdn = new Set();
  page.on('requestfinished', (request) => { if (request.url().startsWith(`${ctx.base}/`)) fromCdn.add(new URL(request.url()).pathname); });

  await page.goto(`${shop}/checkout`);
  // Wait for the shop to receive a quote; a CORS refusal shows up in `problems` instead.
  await page.waitForFunction(() => document.getElementById('charge').value !== '', null, { timeout: 15_000 }).catch(() => {});
  assert.deepEqual(problems, []);

  // Two teas at 12.50 for a new customer on the retail program: no discount yet.
  assert.equal(await page.$eval('#charge', (output) => output.value), '25.00');
  const shown = await page.$eval('loyalty-checkout', (element) => {
    const payable = element.shadowRoot.querySelector('[part="payable"]');
    return { state: element.shadowRoot.querySelector('.card').dataset.state, payable: payable.dataset.payable, text: payable.textContent };
  });
  assert.deepEqual(shown, { state: 'ready', payable: '25.00', text: '$25.00' });
  for (const path of ['/pkg/loyalty.min.js', '/pkg/loyalty_core_bg.wasm', '/examples/programs/retail.json']) {
    assert.ok(fromCdn.has(path), `${path} was not loaded from the other origin: ${[...fromCdn].join(', ')}`);
  }
  await page.close();
});
