// The checkout promises only what the rules would give: a discount short of its minimum that
// would not combine with one already applied says so, instead of asking for more in the cart
// (issue 30: item 6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openCheckout } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const WORDS = {
  en: { add: /Free delivery from 3,000 ₽: add/, trade: 'Free delivery from 3,000 ₽: not combined with Welcome 10%' },
  ru: { add: /добавьте в заказ/, trade: 'не суммируется с «Welcome 10%»' },
  hy: { add: /ավելացրեք ևս/, trade: 'չի գումարվում «Welcome 10%»-ի հետ' },
  ka: { add: /დაამატეთ კიდევ/, trade: 'არ ჯამდება „Welcome 10%“-თან' },
};

for (const [locale, words] of Object.entries(WORDS)) {
  test(`Uyut Home, a new customer with a lamp and a vase (${locale}): free delivery is not promised, and the trade is shown`, async () => {
    const { page } = await openCheckout(ctx, `?program=home-delivery&customer=new&locale=${locale}`);
    await page.waitForFunction(() => document.querySelector('loyalty-checkout').program?.id === 'home-delivery' || document.querySelector('loyalty-checkout').quote?.program === 'home-delivery');
    const shown = await page.evaluate(async () => {
      const el = document.querySelector('loyalty-checkout');
      const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail), { once: true }));
      el.cart = { date: '2026-11-22', lines: [{ sku: 'LAMP', category: 'home', unit_price: '2200.00', quantity: 1 }, { sku: 'VASE', category: 'home', unit_price: '650.00', quantity: 1 }], shipping: [{ method: 'courier', price: '390.00' }] };
      const quote = await quoted;
      return { payable: quote.payable, text: el.shadowRoot.querySelector('.main').textContent };
    });
    assert.equal(shown.payable, '2955.00');
    assert.doesNotMatch(shown.text, words.add, shown.text);
    assert.ok(shown.text.includes(words.trade), shown.text);
  });
}
