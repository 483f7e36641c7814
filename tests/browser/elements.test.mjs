// What the three elements share: their language on their content, registration, attributes and
// no public mutable state (issue 15: item 9 and the shared patterns).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const PAGES = [
  ['checkout.html', 'loyalty-checkout', (el) => el.quote],
  ['tier.html', 'loyalty-tier-preview', (el) => el.preview],
  ['explorer.html', 'loyalty-offer-explorer', (el) => el.result],
];

for (const [file, tag] of PAGES) {
  test(`${file}: the page and the element's content carry the chosen language`, async () => {
    const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/${file}?locale=ka`);
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('.card[data-state="ready"]'), tag);
    const langs = () => page.evaluate((t) => ({ html: document.documentElement.lang, card: document.querySelector(t).shadowRoot.querySelector('.card').lang }), tag);
    assert.deepEqual(await langs(), { html: 'ka', card: 'ka' });
    await page.selectOption('#locale', 'hy');
    // The checkout changes language once that language's strings have arrived.
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('.card').lang === 'hy', tag);
    assert.deepEqual(await langs(), { html: 'hy', card: 'hy' });
  });
}

test('each element takes its language from locale, region included, before and after it connects', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const langs = await page.evaluate(async () => {
    await Promise.all(['/www/elements/loyalty.js', '/www/elements/loyalty-tier-preview.js', '/www/elements/loyalty-offer-explorer.js'].map((m) => import(m)));
    // The language an element's content carries once it has settled (the checkout waits for
    // that language's strings).
    const settled = async (el, want) => {
      for (let i = 0; i < 200 && el.shadowRoot.querySelector('.card').lang !== want; i += 1) await new Promise((r) => setTimeout(r, 10));
      return el.shadowRoot.querySelector('.card').lang;
    };
    return Promise.all(['loyalty-checkout', 'loyalty-tier-preview', 'loyalty-offer-explorer'].map(async (tag) => {
      const el = document.createElement(tag);
      el.setAttribute('locale', 'ka-GE');
      document.body.append(el);
      const first = await settled(el, 'ka-GE');
      el.locale = 'ru';
      return [first, await settled(el, 'ru')];
    }));
  });
  assert.deepEqual(langs, [['ka-GE', 'ru'], ['ka-GE', 'ru'], ['ka-GE', 'ru']]);
});

test('each element observes every attribute it reads, has no public mutable fields, and its define warns on a taken tag', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  const result = await page.evaluate(async () => {
    const checkout = await import('/www/elements/loyalty.js');
    const tier = await import('/www/elements/loyalty-tier-preview.js');
    const explorer = await import('/www/elements/loyalty-offer-explorer.js');
    const out = {};
    for (const [tag, Element, define, readOnly] of [
      ['loyalty-checkout', checkout.LoyaltyCheckoutElement, checkout.defineLoyaltyCheckout, 'quote'],
      ['loyalty-tier-preview', tier.LoyaltyTierPreviewElement, tier.defineLoyaltyTierPreview, 'preview'],
      ['loyalty-offer-explorer', explorer.LoyaltyOfferExplorerElement, explorer.defineLoyaltyOfferExplorer, 'result'],
    ]) {
      const el = document.createElement(tag);
      try { el[readOnly] = { payable: '0.01' }; } catch { /* a getter without a setter */ }
      out[tag] = {
        observed: [...Element.observedAttributes].sort(),
        ownFields: Object.getOwnPropertyNames(el),
        readOnlyKept: el[readOnly] === null,
        again: define(),
        taken: define(tag, { get: () => class extends HTMLElement {}, define: () => { throw new Error('defined twice'); } }),
      };
    }
    return out;
  });
  assert.deepEqual(result['loyalty-checkout'].observed, ['locale', 'program', 'program-src', 'wasm-src']);
  assert.deepEqual(result['loyalty-tier-preview'].observed, ['as-of', 'locale', 'monthly-spend', 'months', 'program-src', 'wasm-src']);
  assert.deepEqual(result['loyalty-offer-explorer'].observed, ['as-of', 'locale', 'wasm-src']);
  for (const [tag, r] of Object.entries(result)) {
    assert.deepEqual(r.ownFields, [], `${tag} has public fields`);
    assert.ok(r.readOnlyKept, `${tag}: its results can be overwritten`);
    assert.equal(r.again, false, tag);
    assert.equal(r.taken, false, tag);
  }
  assert.equal(warnings.filter((w) => /already defined by another script/.test(w)).length, 3, warnings.join('\n'));
});
