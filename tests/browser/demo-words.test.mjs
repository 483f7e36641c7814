// The demo pages' own words (the shop around the widgets) in the page's language (issue 30, item 9):
// the cart, Pay, the receipt, the quantity messages, the listing's and the other pages' headings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openCheckout, openPage, PAYABLE } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const SCRIPT = { ru: /[\u0400-\u04ff]/, hy: /[\u0530-\u058f]/, ka: /[\u10a0-\u10ff]/ };

/**
 * The page's own words a person sees or hears, outside the widgets: visible text, the chosen
 * options, labels for screen readers and placeholders. The shop's catalogue (product and program
 * names, categories) and the language picker's own names are data, not the page's words.
 */
const ownWords = (page) => page.evaluate(() => {
  const skip = 'loyalty-checkout, loyalty-price, loyalty-tier-preview, loyalty-offer-explorer, #program, #add-item, #locale, #lines td:nth-child(1), #lines td:nth-child(2), .products h3, style, script';
  const words = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || parent.closest(skip)) continue;
    if (parent.tagName === 'OPTION' ? parent.selected : parent.checkVisibility() || parent.closest('.visually-hidden')) words.push(node.textContent.trim());
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder]')) {
    if (el.closest(skip) && !el.matches('#lines input, #lines button')) continue;
    for (const name of ['aria-label', 'placeholder']) if (el.hasAttribute(name)) words.push(el.getAttribute(name));
  }
  words.push(document.title);
  return words;
});

/** Drops the product names that the cart's labels carry ("Remove Green tea"). */
const withoutNames = (words, names) => words.map((w) => names.reduce((text, name) => text.replace(name, ''), w));

for (const locale of ['ru', 'hy', 'ka']) {
  test(`the checkout page's own words are in ${locale}, switched by its language picker, and its receipt in the locale's amounts`, async () => {
    const { page } = await openCheckout(ctx, '?program=retail');
    await page.selectOption('#locale', locale);
    await page.waitForFunction((loc) => document.documentElement.lang === loc, locale);
    const names = await page.$$eval('#lines td:nth-child(1)', (cells) => cells.map((c) => c.textContent));
    const words = withoutNames(await ownWords(page), names);
    const english = words.filter((w) => /[A-Za-z]{2,}/.test(w));
    assert.deepEqual(english, [], `English left on a ${locale} page`);
    assert.ok(words.filter((w) => SCRIPT[locale].test(w)).length >= 15, words.join(' | '));
    // The receipt: the amount as the widget writes it in this language.
    await page.waitForFunction((loc) => document.querySelector('loyalty-checkout').shadowRoot.querySelector('.card').lang === loc, locale);
    await page.click('#pay');
    const shown = await page.textContent(PAYABLE);
    const receipt = await page.textContent('#pay-status');
    assert.ok(receipt.includes(shown), `${receipt} against ${shown}`);
    assert.match(receipt, SCRIPT[locale]);
    assert.doesNotMatch(receipt.replace(shown, ''), /[A-Za-z]/);
    // A refused quantity is said in the page's language, with the numbers in its format.
    const field = '#lines tr:first-child input[type="number"]';
    await page.fill(field, '250');
    await page.press(field, 'Tab');
    const message = await page.evaluate(() => {
      const input = document.querySelector('#lines tr:first-child input[type="number"]');
      return document.getElementById(input.getAttribute('aria-describedby')).textContent;
    });
    assert.match(message, SCRIPT[locale]);
    assert.match(message, /250/);
    assert.match(message, /99/);
    assert.doesNotMatch(message, /[A-Za-z]/);
    // And back to English: the words follow the picker.
    await page.selectOption('#locale', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const back = withoutNames(await ownWords(page), names).join(' ');
    assert.doesNotMatch(back, SCRIPT[locale]);
    assert.match(back, /Your cart/);
    await page.close();
  });
}

test('a page opened in a language (?locale=) starts in it, before any widget is ready, on every demo page with a picker', async () => {
  for (const file of ['checkout.html', 'listing.html', 'tier.html', 'explorer.html']) {
    for (const locale of ['ru', 'hy', 'ka']) {
      const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/${file}?locale=${locale}`);
      await page.waitForFunction((loc) => document.documentElement.lang === loc, locale);
      const names = await page.$$eval('#lines td:nth-child(1)', (cells) => cells.map((c) => c.textContent));
      const words = withoutNames(await ownWords(page), names);
      const english = words.filter((w) => /[A-Za-z]{2,}/.test(w));
      assert.deepEqual(english, [], `${file} in ${locale}`);
      assert.match(await page.textContent('h1'), SCRIPT[locale], file);
      await page.close();
    }
  }
});

test('the listing says its count in the page\'s language, and the shop\'s own price in the locale\'s format until the widget prices it', async () => {
  const page = await ctx.browser.newPage();
  // The .wasm never arrives: each card keeps the shop's own price.
  await page.route('**/loyalty_core_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${ctx.base}/www/demo/listing.html?program=home-delivery&locale=ru`);
  await page.waitForFunction(() => document.querySelectorAll('#products loyalty-price').length === 48);
  assert.match(await page.textContent('.listing-page h2'), /^48 [\u0400-\u04ff]/);
  const first = await page.$eval('#products loyalty-price', (el) => el.textContent);
  assert.equal(first.replace(/\s/g, ' '), '2 200,00 ₽');
  await page.close();
});

test('the demo writes amounts exactly as the widgets do, in every language and currency of the examples', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const differ = await page.evaluate(async () => {
    const demo = await import('/www/demo/demo-words.js');
    const { formatters } = await import('/www/i18n/i18n.js');
    const out = [];
    for (const locale of ['en', 'ru', 'hy', 'ka', 'ka-GE']) {
      for (const currency of ['USD', 'EUR', 'RUB', 'AMD', 'GEL']) {
        for (const amount of ['0.00', '1.20', '390.00', '3990.00', '12345.67', '3200000.00']) {
          const ours = demo.money(locale, currency, amount, 2);
          const theirs = formatters(locale, currency, 2).money(amount);
          if (ours !== theirs) out.push(`${locale} ${currency} ${amount}: ${ours} ≠ ${theirs}`);
        }
      }
      if (demo.count(locale, 99) !== formatters(locale, 'USD', 2).count(99)) out.push(`${locale} count`);
    }
    return out;
  });
  assert.deepEqual(differ, []);
  await page.close();
});
