// A name the program does not give in the reader's language is shown in English before the
// program's own, so that one line never mixes three scripts (issue 30: item 7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openCheckout, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

// Letters only: the dram sign ֏ stands in the Armenian block too.
const SCRIPTS = { ka: /[\u10A0-\u10FF]/, hy: /[\u0531-\u0587]/, ru: /[\u0400-\u04FF]/ };
const CASES = [['tbilisi-bakery', 'ru', SCRIPTS.ka], ['yerevan-bookshop', 'ka', SCRIPTS.hy], ['paper-wholesale', 'hy', SCRIPTS.ru], ['paper-wholesale', 'ka', SCRIPTS.ru]];

for (const [program, locale, foreign] of CASES) {
  test(`the checkout and the tier page in ${locale} show ${program}'s names in no third script`, async () => {
    const { page } = await openCheckout(ctx, `?program=${program}&customer=regular&locale=${locale}`);
    await page.waitForFunction((l) => document.querySelector('loyalty-checkout').getAttribute('locale')?.startsWith(l) && document.querySelector('loyalty-checkout').quote, locale);
    const checkout = await page.$eval('loyalty-checkout', (el) => el.shadowRoot.querySelector('.main').innerText);
    assert.doesNotMatch(checkout, foreign, checkout);
    const tier = await openPage(ctx.browser, `${ctx.base}/www/demo/tier.html?program=${program}&customer=regular&locale=${locale}`);
    await tier.page.waitForFunction((id) => document.querySelector('loyalty-tier-preview').program?.id === id && document.querySelector('loyalty-tier-preview').preview, program);
    const text = await tier.page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('.main').innerText);
    assert.doesNotMatch(text, foreign, text);
  });
}
