// <loyalty-price> in real Chromium: a listing page of 48 products, each with the customer's price,
// the points it earns and the way to the next tier (issue 17, item 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, launch, openPage, withoutWasm } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const allPriced = () => {
  const prices = [...document.querySelectorAll('loyalty-price')];
  return prices.length === 48 && prices.every((price) => price.quote);
};

async function listing(query, viewport) {
  const requests = [];
  const { page, problems } = await openPage(ctx.browser, 'about:blank', viewport);
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${ctx.base}/www/demo/listing.html${query}`);
  await page.waitForFunction(allPriced);
  return { page, problems, requests };
}

const shown = (page, at) => page.$$eval('loyalty-price', (prices, i) => {
  const root = prices[i].shadowRoot;
  const visible = (part) => {
    const node = root.querySelector(`[part="${part}"]`);
    return node.hidden ? '' : node.textContent.replace(/\s/g, ' ');
  };
  return { price: visible('price'), earn: visible('earn'), next: visible('next') };
}, at);

const EXPECTED = {
  en: { price: 'Was $19.99 now $18.99', earn: 'Earns 18 points', next: 'Spend $1,181.01 more for Gold' },
  ru: { earn: 'Начислим баллов: 18' },
  hy: { earn: 'Կկուտակի 18 միավոր' },
  ka: { earn: 'დაგერიცხებათ 18 ქულა' },
};

for (const [locale, expected] of Object.entries(EXPECTED)) {
  test(`a listing of 48 products in ${locale} prices every one with one request for the program and one for the core`, async () => {
    const { page, problems, requests } = await listing(`?program=retail&locale=${locale}`);
    const first = await shown(page, 0);
    for (const [part, text] of Object.entries(expected)) assert.equal(first[part], text, `${locale}: ${part}`);
    assert.match(first.price, locale === 'en' ? /\$18\.99$/ : /18,99/);
    const count = (suffix) => requests.filter((path) => path.endsWith(suffix)).length;
    assert.equal(count('/retail.loyalty'), 1, 'the compiled program once for 48 products');
    assert.equal(count('.wasm'), 1, 'the core once');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a points tier says how many points to go, and a customer without discounts sees one price', async () => {
  const { page } = await listing('?program=skyline-miles&locale=en&customer=new');
  const first = await shown(page, 0);
  assert.equal(first.price, '$1,450.00');
  assert.equal(first.earn, 'Earns 4,000 points');
  assert.match(first.next, /^\d[\d,]* more points for Silver$/);
  await page.close();
});

test('the listing is axe clean at 320 px and 1280 px, without sideways scrolling', async () => {
  for (const width of [320, 1280]) {
    const { violations, overflow } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/listing.html?program=retail&locale=ka`, width, allPriced);
    assert.deepEqual(violations, [], `${width} px`);
    assert.ok(overflow <= 0, `${width} px scrolls sideways by ${overflow}`);
  }
});

test('without the core, every product shows the shop\'s own price and an error event is sent', async () => {
  const { page, code } = await withoutWasm(ctx.browser, `${ctx.base}/www/demo/listing.html?program=retail`, '**/*.wasm');
  assert.ok(code, 'a loyalty-error event');
  const fallback = await page.$eval('loyalty-price', (el) => ({
    text: el.textContent,
    shown: el.shadowRoot.querySelector('.fallback').getClientRects().length > 0,
  }));
  // The shop's own price, in the page's locale (English here).
  assert.deepEqual(fallback, { text: '$19.99', shown: true });
  await page.close();
});

test('one point is a point, not points', async () => {
  const { page } = await listing('?program=tbilisi-bakery&locale=en&customer=new');
  const earned = await page.$$eval('loyalty-price', (prices) => prices.map((p) => p.shadowRoot.querySelector('[part="earn"]').textContent));
  assert.ok(earned.includes('Earns 1 point'), earned.join(' | '));
  assert.ok(!earned.some((text) => /\b1 points\b/.test(text)));
  await page.close();
});
