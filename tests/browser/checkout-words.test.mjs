// <loyalty-checkout> says what happened in words: a promo code's fate in the totals, and a
// refusal as a sentence in the shopper's language, with the codes kept for the host (issue 15: items 4, 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, launch, openCheckout, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** The demo checkout page, once its widget shows a first quote. */
const checkout = (query, viewport) => openCheckout(ctx, query, viewport);

/** Applies `code` in the demo's promo field; resolves with the quote event's detail. */
async function applyCode(page, code) {
  const quoted = page.evaluate(() => new Promise((resolve) => document.querySelector('loyalty-checkout').addEventListener('loyalty-quote', (e) => resolve({ promoCodes: e.detail.promoCodes }), { once: true })));
  await page.fill('#promo', code);
  await page.click('#promo-form button');
  return quoted;
}

const promoText = (page) => page.$eval('loyalty-checkout', (el) => {
  const node = el.shadowRoot.querySelector('[part="promo"]');
  return node.getClientRects().length > 0 ? node.textContent.replace(/\s/g, ' ') : '';
});

const CASES = [
  ['en', 'Code BIG30 not applied: not valid with Coffee machine (on promotion)', 'Code BIG30 not applied: the order must reach RUB 10,000.00', 'Code FRIENDS30 applied'],
  ['ru', 'Код BIG30 не применён: не действует вместе с товаром «Coffee machine (on promotion)»', 'Код BIG30 не применён: заказ должен быть от 10 000,00 ₽', 'Код FRIENDS30 применён'],
  ['hy', 'BIG30 կոդը կիրառված չէ՝ չի գործում «Coffee machine (on promotion)» ապրանքի հետ', 'BIG30 կոդը կիրառված չէ՝ պատվերը պետք է լինի առնվազն 10\u00a0000,00\u00a0₽', 'FRIENDS30 կոդը կիրառված է'],
  ['ka', 'კოდი BIG30 არ გამოიყენება: არ მოქმედებს „Coffee machine (on promotion)“-თან ერთად', 'კოდი BIG30 არ გამოიყენება: შეკვეთა უნდა იყოს მინიმუმ 10\u00a0000,00\u00a0₽', 'კოდი FRIENDS30 გამოყენებულია'],
];

for (const [locale, ...expected] of CASES) {
  const [excluded, minimum, accepted] = expected.map((t) => t.replace(/\s/g, ' '));
  test(`an accepted or refused code shows in the totals in words (${locale}), and the event carries its status`, async () => {
    const { page } = await checkout(`?program=kasboutik&locale=${locale}`);
    assert.equal(await promoText(page), '');
    await page.selectOption('#add-item', 'MACHINE-X');
    await page.click('#add');
    let detail = await applyCode(page, 'BIG30');
    assert.equal(await promoText(page), excluded);
    assert.deepEqual(detail.promoCodes, [{ code: 'BIG30', status: 'refused', reason: 'refused_excluded_items' }]);
    // The line's own Remove button, whatever the page's language calls it.
    await page.locator('#lines tr', { hasText: 'Coffee machine (on promotion)' }).getByRole('button').click();
    detail = await applyCode(page, 'BIG30');
    assert.equal(await promoText(page), minimum);
    assert.deepEqual(detail.promoCodes, [{ code: 'BIG30', status: 'refused', reason: 'below_minimum_order' }]);
    detail = await applyCode(page, 'FRIENDS30');
    assert.equal(await promoText(page), accepted);
    assert.deepEqual(detail.promoCodes, [{ code: 'FRIENDS30', status: 'accepted' }]);
  });
}

const SENTENCES = {
  en: 'Rewards could not be calculated: the quantity of Green tea must be a whole number from 1 to 1,000,000.',
  ru: 'Не удалось рассчитать бонусы: количество товара «Green tea» должно быть целым числом от 1 до 1 000 000.',
  ka: 'ბონუსების გამოთვლა ვერ მოხერხდა: „Green tea“-ის რაოდენობა უნდა იყოს მთელი რიცხვი 1-დან 1\u00a0000\u00a0000-მდე.',
};

for (const [locale, sentence] of Object.entries(SENTENCES)) {
  test(`a refused quantity is one sentence in ${locale}, whatever the number, with the code kept in the event`, async () => {
    const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
    const results = await page.evaluate(async (loc) => {
      await import('/www/elements/loyalty.js');
      const el = document.createElement('loyalty-checkout');
      el.locale = loc;
      el.setAttribute('program-src', '/examples/programs/retail.json');
      const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', resolve, { once: true }));
      document.body.append(el);
      el.cart = { date: '2026-11-22', lines: [{ sku: 'TEA-01', name: 'Green tea', category: 'grocery', unit_price: '19.99', quantity: 1 }] };
      await quoted;
      const out = [];
      for (const quantity of [0, -5, 1e9, 2.5]) {
        const failed = new Promise((resolve) => el.addEventListener('loyalty-error', (e) => resolve(e.detail), { once: true }));
        el.cart = { date: '2026-11-22', lines: [{ sku: 'TEA-01', name: 'Green tea', category: 'grocery', unit_price: '19.99', quantity }] };
        const detail = await failed;
        out.push({ code: detail.code, text: detail.text, shown: el.shadowRoot.querySelector('[part="status"]').innerText });
      }
      return out;
    }, locale);
    const spaces = (t) => t.replace(/\s/g, ' '); // Intl groups with no-break spaces of either width
    for (const { code, text, shown } of results) {
      assert.equal(spaces(shown), spaces(sentence));
      assert.equal(text, shown);
      assert.ok(['out_of_range', 'wrong_type'].includes(code), code);
    }
  });
}

test('axe reports no violations with a refused code in the totals, on a 320 px phone', async () => {
  const ready = () => document.querySelector('loyalty-checkout')?.quote?.program === 'kasboutik';
  const refuse = async (page) => {
    await applyCode(page, 'BIG30');
    await page.locator('loyalty-checkout >> [part="explain-toggle"]').click();
  };
  for (const locale of ['ru', 'hy']) {
    const { violations, overflow } = await axeCheck(ctx.browser, `${ctx.base}/www/demo/checkout.html?program=kasboutik&locale=${locale}`, 320, ready, refuse);
    assert.deepEqual(violations, [], locale);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  }
});

test('with prices that include VAT the totals say the VAT the order contains, in each language, and the explanation words it', async () => {
  const rows = { en: 'Of which VAT', ru: 'В том числе НДС', hy: 'Այդ թվում ԱԱՀ', ka: 'მათ შორის დღგ' };
  for (const [locale, label] of Object.entries(rows)) {
    const { page, problems } = await checkout(`?program=vat-retail&customer=new&locale=${locale}`);
    await applyCode(page, 'WELCOME10');
    // 65.00 with 10.00 off: the lamp's 42.31 contains 7.05 at 20 %, the novel's 12.69 1.15 at 10 %.
    const shown = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('[part="tax"]').previousElementSibling.textContent
      + ' = ' + el.shadowRoot.querySelector('[part="tax"]').textContent);
    assert.match(shown, new RegExp(`^${label} = \\D*8[.,]20`), `${locale}: ${shown}`);
    assert.equal(await page.$eval('loyalty-checkout', (el) => el.quote.tax.total), '8.20');
    await page.click('loyalty-checkout >> button');
    const explanation = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.textContent);
    assert.match(explanation, { en: /Prices include 20% VAT: €7\.05 on €42\.31/, ru: /В цене НДС 20\s?%: 7,05\s€ из 42,31\s€/, hy: /20% ԱԱՀ/, ka: /20% დღგ/ }[locale], locale);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('points earned per item are explained as such, and a rate that earns nothing says nothing', async () => {
  const { page, problems } = await checkout('?program=cordiant-dealers&customer=new&locale=en');
  await page.click('loyalty-checkout >> button');
  const explanation = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.textContent);
  const tyres = await page.$eval('loyalty-checkout', (el) => el.quote.lines.filter((l) => l.category === 'tyres').reduce((n, l) => n + l.quantity, 0));
  assert.match(explanation, new RegExp(`${tyres * 10} points for ${tyres === 1 ? '1 item(?!s)' : `${tyres} items`}`));
  assert.doesNotMatch(explanation, /\b0 points on/);
  assert.deepEqual(problems, []);
});

test('an airline order explains its miles: each multiplier, a campaign out of its dates, one item as one, and miles (not spend) to the next tier', async () => {
  const { page } = await checkout('?program=skyline-miles&locale=en', { width: 360, height: 900 });
  await page.click('loyalty-checkout >> [part="explain-toggle"]');
  const lines = await page.$$eval('loyalty-checkout >> [part="explanation"] li', (items) => items.map((li) => li.textContent));
  assert.deepEqual(lines, [
    'Business fare: points ×2',
    'Summer flights: ended on Aug 31, 2026',
    '750 points for 1 item (×1.5)',
    '6,000 points for 1 item (×3)',
  ]);
  const next = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('.progress p.muted').textContent);
  assert.match(next, /^23,250 more points for Gold/);
  assert.doesNotMatch(next, /Spend/);
});

test('delivery shows in the totals with its discount, and a welcome offer that does not combine with it says so', async () => {
  const totals = (page) => page.$$eval('loyalty-checkout >> [part="totals"] > *', (cells) => cells.map((c) => c.textContent.replace(/\s/g, ' ')));
  let { page } = await checkout('?program=home-delivery&locale=en', { width: 360, height: 900 });
  assert.deepEqual(await totals(page), ['Subtotal', 'RUB 3,600.00', 'Linen week 15%', '−RUB 210.00', 'Delivery', 'RUB 390.00',
    'Free delivery from 3,000 ₽', '−RUB 390.00', 'To pay', 'RUB 3,390.00']);
  ({ page } = await checkout('?program=home-delivery&locale=en&customer=new', { width: 360, height: 900 }));
  assert.deepEqual((await totals(page)).slice(-4), ['Delivery', 'RUB 390.00', 'To pay', 'RUB 3,441.00']);
  await page.click('loyalty-checkout >> [part="explain-toggle"]');
  const lines = await page.$$eval('loyalty-checkout >> [part="explanation"] li', (items) => items.map((li) => li.textContent));
  assert.ok(lines.includes('Free delivery from 3,000 ₽: not combined with Welcome 10%'), lines.join('\n'));
});
