// <loyalty-checkout> in real Chromium: points still pending (a return window) are said beside the
// points to use, with how many free up first and the day, in the shopper's language (issue 29,
// item 5). The customers and programs are the golden fixtures' own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { loadFixtures } from '../js/fixtures.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const fixture = (name) => loadFixtures().find((f) => f.name === name);

/**
 * A widget in `locale` for the fixture's program, customer and cart (the shopper's own choice of
 * points: none at first); resolves with what its points control shows and the quote.
 */
async function pointsControl(page, { program, customer, cart }, locale, title) {
  return page.evaluate(async ({ program, customer, cart, locale, title }) => {
    await import('/www/elements/loyalty.js');
    const el = document.createElement('loyalty-checkout');
    el.setAttribute('locale', locale);
    const quoted = new Promise((resolve) => el.addEventListener('loyalty-quote', (e) => resolve(e.detail.quote), { once: true }));
    el.program = program;
    el.customer = customer;
    document.body.append(el);
    el.cart = { ...cart, redeem_points: 0 };
    const quote = await quoted;
    // The language's words load on their own: wait for its title.
    const root = el.shadowRoot;
    for (let tries = 0; tries < 100 && !root.textContent.includes(title); tries += 1) await new Promise((r) => setTimeout(r, 20));
    const redeem = root.querySelector('[part="redeem"]');
    const visible = (node) => Boolean(node && node.getClientRects().length > 0);
    return {
      quote,
      shown: visible(redeem),
      text: visible(redeem) ? redeem.innerText.trim() : '',
      slider: visible(root.querySelector('input[type="range"]')),
    };
  }, { program, customer, cart, locale, title });
}

const TITLES = { en: 'Your rewards', ru: 'Ваши бонусы', hy: 'Ձեր բոնուսները', ka: 'თქვენი ბონუსები' };

test('a customer whose only points are pending sees how many and from when, in each language, and no slider', async () => {
  // 100 points earned on 22 November wait 14 days: on 1 December they can be spent from 6 December.
  const f = fixture('points-earned-on-22-november-asked-for-on-1-december-are-pending-until-6-december');
  const words = {
    en: /^100 of your points can be spent from Dec 6, 2026$/,
    ru: /^Ваши баллы \(100\) можно будет потратить с 0?6\b.*2026/,
    hy: /^Ձեր 100 միավորը կարող եք ծախսել 0?6\b.*2026\D*-ից$/,
    ka: /^თქვენი 100 ქულის გამოყენება შეგეძლებათ 0?6\b.*2026\D*-დან$/,
  };
  for (const [locale, sentence] of Object.entries(words)) {
    const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
    const seen = await pointsControl(page, f, locale, TITLES[locale]);
    assert.equal(seen.quote.points.balance_before, 0, locale);
    const entry = seen.quote.trace.find((e) => e.kind === 'redemption');
    assert.equal(entry.params.pending, '100', locale);
    assert.equal(entry.params.pending_from, '2026-12-06', locale);
    assert.ok(seen.shown, `${locale}: the points control is hidden`);
    assert.match(seen.text, sentence, locale);
    assert.equal(seen.slider, false, `${locale}: a slider that moves nothing`);
    assert.deepEqual(problems, [], locale);
    await page.close();
  }
});

test('beside points that can be spent, the pending points that free up first say when; a customer without pending points hears nothing of them', async () => {
  // 40 points to spend on 1 December; 100 more free on 4 December, then 200 on the 9th and 50 on the 12th.
  const f = fixture('of-350-pending-points-the-300-free-by-9-december-cover-the-250-asked');
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const seen = await pointsControl(page, f, 'en', TITLES.en);
  assert.equal(seen.quote.points.balance_before, 40);
  assert.ok(seen.slider, 'the 40 points can be used');
  assert.match(seen.text, /Balance 40 points/);
  assert.match(seen.text, /100 of your points can be spent from Dec 4, 2026/);
  await page.close();

  // The same customer with the pending lots gone: the control says only what can be spent.
  const plain = { ...f, customer: { points: f.customer.points.slice(0, 1) } };
  const { page: other } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const without = await pointsControl(other, plain, 'en', TITLES.en);
  assert.equal(without.quote.trace.find((e) => e.kind === 'redemption').params.pending, undefined);
  assert.match(without.text, /Balance 40 points/);
  assert.doesNotMatch(without.text, /can be spent from/);
  assert.deepEqual(problems, []);
  await other.close();
});
