// <loyalty-checkout> in real Chromium: what a shopper sees and does, and what the host receives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeCheck, launch, openCheckout, openPage, PAYABLE, RESULTS, withoutWasm } from './browser.mjs';
import { loadFixtures } from '../js/fixtures.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const payable = PAYABLE;

/** The visible text of the widget's shadow root. */
const widgetText = (page) => page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('.main').innerText);

/** The demo checkout page, once its widget shows a first quote. */
const checkout = (query, viewport) => openCheckout(ctx, query, viewport);

test('the checkout view renders with no console errors, under a strict CSP with Trusted Types', async () => {
  const { page, problems } = await checkout();
  const text = await widgetText(page);
  assert.match(text, /Your rewards/);
  assert.match(text, /To pay/);
  assert.match(text, /Silver/);
  assert.deepEqual(problems, []);
});

const UI_ENGLISH = ['Your rewards', 'To pay', 'Subtotal', 'You earn', 'Points to use', 'How is this calculated', 'of the way', 'Did you know'];

for (const [locale, title, pay] of [['ru', 'Ваши бонусы', 'К оплате'], ['hy', 'Ձեր բոնուսները', 'Վճարման ենթակա'], ['ka', 'თქვენი ბონუსები', 'გადასახდელი']]) {
  test(`the view speaks ${locale}, with amounts in the locale's format and no English UI text`, async () => {
    const { page, problems } = await checkout(`?locale=${locale}`);
    await page.waitForFunction((t) => document.querySelector('loyalty-checkout').shadowRoot.textContent.includes(t), title);
    const text = await widgetText(page);
    assert.ok(text.includes(pay), text);
    for (const phrase of UI_ENGLISH) assert.ok(!text.includes(phrase), `${locale} view shows "${phrase}"`);
    // 23.74 written with a decimal comma, as these locales do.
    assert.match(text, /23,74/);
    assert.deepEqual(problems, []);
  });
}

test('the numbers on screen and in the event equal the golden quote', async () => {
  const fixture = loadFixtures().find((f) => f.name === 'retail-silver-redeems-points');
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const result = await page.evaluate(async ({ program, customer, cart }) => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail)));
    el.program = program;
    el.customer = customer;
    document.body.append(el);
    el.cart = { ...cart, redeem_points: 0 };
    await quoted;
    // Use the points as the fixture does, through the widget's own control.
    const range = el.shadowRoot.querySelector('input[type="range"]');
    const second = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail), { once: true }));
    range.value = String(cart.redeem_points);
    range.dispatchEvent(new Event('input'));
    const detail = await second;
    return { detail, shown: el.shadowRoot.querySelector('[part="payable"]').dataset.payable, text: el.shadowRoot.querySelector('[part="payable"]').textContent };
  }, fixture);
  assert.equal(result.detail.payable, fixture.quote.payable);
  assert.equal(result.detail.pointsRedeemed, fixture.quote.points.redeemed);
  assert.equal(result.detail.discountTotal, fixture.quote.discount_total);
  assert.equal(result.shown, fixture.quote.payable);
  assert.equal(result.text, '$58.72');
});

test('editing the cart updates the display and the quote event', async () => {
  const { page } = await checkout();
  const before = await page.$eval(payable, (el) => el.dataset.payable);
  const events = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('loyalty-checkout').addEventListener('loyalty-quote', (e) => resolve(e.detail.payable), { once: true });
  }));
  await page.fill('#lines tr:first-child input[type="number"]', '3');
  await page.press('#lines tr:first-child input[type="number"]', 'Tab');
  const fromEvent = await events;
  const after = await page.$eval(payable, (el) => el.dataset.payable);
  assert.notEqual(after, before);
  assert.equal(after, fromEvent);
  // Two more teas at 19.99 less Silver's 5%: 24.99 + 39.98 = 64.97, 5% = 3.25, payable 61.72.
  assert.equal(after, '61.72');
  await page.click('#pay');
  assert.equal(await page.textContent('#pay-status'), 'Charged $61.72. Thank you!');
});

test('the host asks for the fingerprint of what the shopper sees when they pay', async () => {
  const { page } = await checkout();
  const asked = () => page.evaluate(async () => {
    const el = document.querySelector('loyalty-checkout');
    // The page runs the one-file bundle; the separate modules load their own copy of the core.
    const { loadCore, LoyaltyEngine } = await import('/www/elements/loyalty-core.js');
    await loadCore();
    const engine = new LoyaltyEngine(el.program);
    const cart = { ...el.cart, lines: el.cart.lines.map(({ name, ...line }) => line), redeem_points: el.quote.points?.redeemed ?? 0 };
    const expected = await engine.fingerprint(el.customer, cart);
    engine.free();
    return { fingerprint: await el.fingerprint(), expected };
  });
  const first = await asked();
  assert.match(first.fingerprint, /^[0-9a-f]{64}$/);
  assert.equal(first.fingerprint, first.expected);
  await page.fill('#lines tr:first-child input[type="number"]', '3');
  await page.press('#lines tr:first-child input[type="number"]', 'Tab');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.lines[0]?.quantity === 3);
  const second = await asked();
  assert.notEqual(second.fingerprint, first.fingerprint);
  assert.equal(second.fingerprint, second.expected);
});

test('keyboard alone moves the points slider and opens the explanation', async () => {
  const { page } = await checkout();
  const range = page.locator('loyalty-checkout >> input[type="range"]');
  await range.focus();
  // One step up from zero jumps to the program's minimum redemption, 100 points.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote.points.redeemed === 100);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote.points.redeemed === 101);
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const q = document.querySelector('loyalty-checkout').quote;
    return q.points.redeemed === q.points.redeem_cap;
  });
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('loyalty-checkout').shadowRoot.activeElement?.getAttribute('part'));
  assert.equal(focused, 'explain-toggle');
  await page.keyboard.press('Enter');
  const toggle = page.locator('loyalty-checkout >> [part="explain-toggle"]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const lines = await page.locator('loyalty-checkout >> [part="explanation"] li').allTextContents();
  assert.ok(lines.some((line) => /Member discount: 5% off/.test(line)), lines.join('\n'));
  assert.ok(lines.some((line) => /points pay/.test(line)), lines.join('\n'));
});

test('tier progress is a meter with readable value text', async () => {
  const { page } = await checkout();
  const meter = page.locator('loyalty-checkout >> meter');
  assert.match(await meter.getAttribute('aria-valuetext'), /41\.1% of the way to Gold/);
});

test('axe reports no violations, in every language and on a 320 px phone', async () => {
  const ready = () => document.querySelector('loyalty-checkout')?.quote;
  const openExplanation = (page) => page.locator('loyalty-checkout >> [part="explain-toggle"]').click();
  for (const [locale, width] of [['en', 1280], ['ru', 320], ['hy', 1280], ['ka', 320]]) {
    const { violations } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/checkout.html?locale=${locale}`, width, ready, openExplanation);
    assert.deepEqual(violations, [], `${locale} at ${width}px`);
  }
});

test('at 320 px nothing overflows and touch targets are at least 24 px', async () => {
  const { page } = await checkout('', { width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const small = await page.evaluate(() => {
    const root = document.querySelector('loyalty-checkout').shadowRoot;
    return [...root.querySelectorAll('button, input')].map((n) => n.getBoundingClientRect()).filter((r) => r.height < 24 || r.width < 24).length;
  });
  assert.equal(small, 0);
});

test('screenshots at 360 px and 1280 px are saved', async () => {
  for (const width of [360, 1280]) {
    const { page } = await checkout('', { width, height: 900 });
    const path = new URL(`checkout-${width}.png`, RESULTS);
    await page.screenshot({ path: path.pathname, fullPage: true });
    assert.ok(readFileSync(path).length > 1000);
  }
});

async function assertFallback(page, expectedCode) {
  const code = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('loyalty-checkout');
    if (el.shadowRoot?.querySelector('.card')?.dataset.state === 'unavailable') resolve('already');
    el.addEventListener('loyalty-error', (e) => resolve(e.detail.code), { once: true });
  }));
  assert.ok(code === expectedCode || code === 'already', code);
  const state = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('.card').dataset.state);
  assert.equal(state, 'unavailable');
  const status = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('.status').textContent);
  assert.match(status, /unavailable/);
  // One notice, the widget's: the page adds its own totals, which Pay charges.
  assert.equal(await page.isVisible('#fallback-note'), false);
  assert.equal(await page.textContent('loyalty-checkout [data-amount="total"]'), '$24.99');
  await page.click('#pay');
  assert.equal(await page.textContent('#pay-status'), 'Charged $24.99, without rewards. Thank you!');
}

test('a CSP without wasm-unsafe-eval shows the fallback, and the pay button still works', async () => {
  const page = await ctx.browser.newPage();
  await page.addInitScript(() => {
    window.addEventListener('loyalty-error', (e) => { window.lastLoyaltyError = e.detail.code; }, true);
  });
  await page.goto(`${ctx.base}/www/demo/checkout.html?csp=nowasm`);
  await page.waitForFunction(() => window.lastLoyaltyError);
  assert.equal(await page.evaluate(() => window.lastLoyaltyError), 'wasm_unavailable');
  await assertFallback(page, 'wasm_unavailable');
});

test('a 404 for the Wasm file shows the fallback, and the pay button still works', async () => {
  const { page, code } = await withoutWasm(ctx.browser, `${ctx.base}/www/demo/checkout.html`, '**/loyalty_core_bg.wasm');
  assert.equal(code, 'wasm_unavailable');
  await assertFallback(page, 'wasm_unavailable');
});

test('a browser without WebAssembly shows the fallback', async () => {
  const page = await ctx.browser.newPage();
  await page.addInitScript(() => {
    delete window.WebAssembly;
    window.addEventListener('loyalty-error', (e) => { window.lastLoyaltyError = e.detail.code; }, true);
  });
  await page.goto(`${ctx.base}/www/demo/checkout.html`);
  await page.waitForFunction(() => window.lastLoyaltyError);
  await assertFallback(page, 'wasm_unavailable');
});

test('an invalid program shows an error state and sends an error event with code and path', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const detail = await page.evaluate(async () => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    const failed = new Promise((resolve) => el.addEventListener('loyalty-error', (e) => resolve(e.detail)));
    el.program = { version: 1, id: 'x', name: 'X', currency: 'USD', tiers: [{ id: 'a', name: 'A', threshold: '5.00' }, { id: 'b', name: 'B', threshold: '1.00' }] };
    document.body.append(el);
    const detail = await failed;
    return { ...detail, state: el.shadowRoot.querySelector('.card').dataset.state, status: el.shadowRoot.querySelector('.status').textContent };
  });
  assert.equal(detail.code, 'not_increasing');
  assert.equal(detail.path, 'tiers[1].threshold');
  assert.equal(detail.state, 'error');
  assert.equal(detail.status, 'Rewards could not be calculated: the shop’s rewards program has a mistake.');
  assert.equal(detail.text, detail.status);
});

test('loading the script twice does not break the page', async () => {
  const { page, problems } = await checkout();
  const defined = await page.evaluate(async () => {
    const again = await import('/www/elements/loyalty.js?again');
    return again.defineLoyaltyCheckout();
  });
  assert.equal(defined, false);
  assert.deepEqual(problems.filter((p) => !/already defined/.test(p)), []);
});

test('a program given as inline JSON in the program attribute is quoted', async () => {
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const payableText = await page.evaluate(async () => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    el.setAttribute('program', JSON.stringify({ version: 1, id: 'card', name: 'Card', currency: 'EUR',
      discounts: [{ id: 'card', name: 'Card', value: { type: 'percent', percent: '10' } }] }));
    const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail.payable)));
    document.body.append(el);
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '12.50', quantity: 2 }] };
    return quoted;
  });
  assert.equal(payableText, '22.50');
  assert.deepEqual(problems, []);
});

test('the Wasm module and a program-src load side by side, not one after the other', async () => {
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  // The module's response is held until the program is asked for (or 5 s pass): loading one after
  // the other would ask for the program only once the module had arrived.
  let programAsked;
  const asked = new Promise((resolve) => { programAsked = resolve; });
  let programFirst = false;
  page.on('request', (request) => { if (request.url().endsWith('/examples/programs/retail.json')) programAsked(); });
  await page.route('**/loyalty_core_bg.wasm', async (route) => {
    programFirst = await Promise.race([asked.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))]);
    await route.continue();
  });
  const payable = await page.evaluate(async () => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    el.setAttribute('program-src', '/examples/programs/retail.json');
    const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail.payable)));
    document.body.append(el);
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', category: 'grocery', unit_price: '12.50', quantity: 2 }] };
    return quoted;
  });
  assert.ok(programFirst, 'the program was asked for only after the module arrived');
  assert.match(payable, /^\d+\.\d{2}$/);
  assert.deepEqual(problems, []);
});

test('a JSON program still works: the compiler loads on demand, and the console says once to ship the compiled form', async () => {
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const infos = [];
  page.on('console', (message) => { if (message.type() === 'info') infos.push(message.text()); });
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const payables = await page.evaluate(async () => {
    await import('/www/build/loyalty.min.js');
    const quoted = ['/examples/programs/retail.json', '/examples/programs/retail.json'].map((source) => {
      const el = document.createElement('loyalty-checkout');
      el.setAttribute('program-src', source);
      const quote = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail.payable)));
      document.body.append(el);
      el.cart = { date: '2026-11-22', lines: [{ sku: 'A', category: 'grocery', unit_price: '12.50', quantity: 2 }] };
      return quote;
    });
    return Promise.all(quoted);
  });
  assert.deepEqual(payables, ['25.00', '25.00']);
  assert.equal(fetched.filter((path) => path.endsWith('/loyalty_compiler_bg.wasm')).length, 1, fetched.join(' '));
  assert.equal(infos.filter((text) => /loyalty compile/.test(text)).length, 1, infos.join(' | '));
  assert.deepEqual(problems, []);
});

test('a damaged compiled program shows the program error and sends a coded error event, never a wrong price', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  await page.route('**/damaged.loyalty', async (route) => {
    const response = await route.fetch({ url: `${ctx.base}/www/build/programs/retail.loyalty` });
    const bytes = Buffer.from(await response.body());
    bytes[bytes.length - 1] ^= 1;
    await route.fulfill({ body: bytes, contentType: 'application/octet-stream' });
  });
  const result = await page.evaluate(async () => {
    await import('/www/build/loyalty.min.js');
    const el = document.createElement('loyalty-checkout');
    el.setAttribute('program-src', '/www/damaged.loyalty');
    const failed = new Promise((resolve) => el.addEventListener('loyalty-error', (e) => resolve(e.detail)));
    document.body.append(el);
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '12.50', quantity: 2 }] };
    const detail = await failed;
    return { code: detail.code, text: detail.text, quote: el.quote, shown: el.shadowRoot.querySelector('.status').textContent };
  });
  assert.equal(result.code, 'compiled_program_invalid');
  assert.equal(result.quote, null);
  assert.match(result.shown, /rewards program has a mistake/);
});

test('the one script a shop includes, with the README\'s preload links, the .wasm, the compiled program and the English explanations are all the page fetches for the widget, each once', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Shop</title>
    <link rel="modulepreload" href="/www/build/loyalty.min.js">
    <link rel="preload" as="fetch" crossorigin="anonymous" href="/www/build/loyalty_core_bg.wasm">
    <link rel="preload" as="fetch" crossorigin="anonymous" href="/www/build/programs/retail.loyalty">
    <script type="module" src="/www/build/loyalty.min.js"></script></head>
    <body><loyalty-checkout program-src="/www/build/programs/retail.loyalty"></loyalty-checkout></body></html>`;
  const page = await ctx.browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (['error', 'warning'].includes(message.type())) problems.push(message.text()); });
  const fetched = {};
  page.on('request', (request) => { const path = new URL(request.url()).pathname; fetched[path] = (fetched[path] ?? 0) + 1; });
  await page.route('**/preloaded.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${ctx.base}/www/preloaded.html`);
  const payable = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('loyalty-checkout');
    el.addEventListener('loyalty-quote', (e) => resolve(e.detail.payable));
    el.cart = { date: '2026-11-22', lines: [{ sku: 'A', category: 'grocery', unit_price: '12.50', quantity: 2 }] };
  }));
  await page.close();
  assert.equal(payable, '25.00');
  const ours = Object.keys(fetched).filter((path) => path.startsWith('/www/') && path !== '/www/preloaded.html').sort();
  const words = ours.find((path) => /^\/www\/build\/loyalty-chunk-i18n-en-\w+\.js$/.test(path));
  assert.deepEqual(ours, [words, '/www/build/loyalty.min.js', '/www/build/loyalty_core_bg.wasm', '/www/build/programs/retail.loyalty'].sort(), JSON.stringify(fetched));
  for (const path of ours) assert.equal(fetched[path], 1, `${path} fetched ${fetched[path]} times`);
  assert.deepEqual(problems, []);
});
