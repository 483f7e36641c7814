// The tier page's what-if slider: orders a month of the customer's usual order, on a fixed range
// (issue 15: item 1; issue 30: item 3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function tierPage(query = '') {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/tier.html${query}`);
  await opened.page.waitForFunction(() => document.querySelector('loyalty-tier-preview')?.preview);
  return opened;
}

const slider = (page) => page.$eval('loyalty-tier-preview', (el) => {
  const range = el.shadowRoot.querySelector('input[type="range"]');
  return { min: range.min, max: range.max, step: range.step, value: range.value, text: range.getAttribute('aria-valuetext') };
});


test('the slider\'s range stays fixed while it is used: End three times gives the same orders a month', async () => {
  const { page } = await tierPage();
  const before = await slider(page);
  // Retail's regular customer orders two teas and a mug twice a month: 1 to 8 orders.
  assert.deepEqual({ min: before.min, max: before.max, step: before.step, value: before.value }, { min: '1', max: '8', step: '1', value: '2' });
  assert.equal(before.text, '2 a month, $89.96');
  const range = page.locator('loyalty-tier-preview >> input[type="range"]');
  await range.focus();
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    // The slider updates the preview synchronously on input, so it is current once the key is handled.
    await page.keyboard.press('End');
    seen.push({ ...(await slider(page)), orders: await page.evaluate(() => document.querySelector('loyalty-tier-preview').preview.projection.months.at(-1).spend) });
  }
  assert.deepEqual(seen.map((s) => s.max), ['8', '8', '8']);
  assert.deepEqual(seen.map((s) => s.value), ['8', '8', '8']);
  assert.deepEqual(seen.map((s) => s.text), ['8 a month, $359.84', '8 a month, $359.84', '8 a month, $359.84']);
  assert.equal(seen[0].orders, seen[2].orders);
});

test('without a basket the monthly-spend attribute is the usual order, in the program\'s currency', async () => {
  const { page } = await tierPage('?program=s7-profi&basket=none');
  await page.waitForFunction(() => document.querySelector('loyalty-tier-preview').program?.id === 's7-profi' && document.querySelector('loyalty-tier-preview').preview);
  const s = await slider(page);
  assert.deepEqual([s.min, s.max, s.value], ['1', '8', '1']);
  // Five of the shop's first item: 225,000 RUB, once a month.
  assert.match(s.text, /^1 a month, RUB\s?225,000\.00$/);
  const range = page.locator('loyalty-tier-preview >> input[type="range"]');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  const after = await slider(page);
  assert.equal(after.value, '2');
  assert.match(after.text, /^2 a month, RUB\s?450,000\.00$/);
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-tier-preview').preview.projection.months[0].spend), '450000.00');
});

test('a refused program is a sentence in the customer\'s language on the tier page, with the code in the event', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/index.html`);
  const result = await page.evaluate(async () => {
    await import('/www/elements/loyalty-tier-preview.js');
    const el = document.createElement('loyalty-tier-preview');
    el.setAttribute('locale', 'ru');
    const failed = new Promise((resolve) => el.addEventListener('loyalty-error', (e) => resolve(e.detail), { once: true }));
    el.program = { version: 1, id: 'x', name: 'X', currency: 'USD', tiers: [{ id: 'a', name: 'A', threshold: '5.00' }, { id: 'b', name: 'B', threshold: '1.00' }] };
    document.body.append(el);
    const detail = await failed;
    return { code: detail.code, status: el.shadowRoot.querySelector('.status').textContent };
  });
  assert.equal(result.code, 'not_increasing');
  assert.equal(result.status, 'Не удалось рассчитать уровень: в бонусной программе магазина ошибка.');
});

test('"When points expire" lists the points the chart shows expiring within the months, soonest first (issue 30: item 1)', async () => {
  const { page } = await tierPage('?program=retail&customer=regular');
  const seen = await page.$eval('loyalty-tier-preview', (el) => ({
    expiring: el.preview.projection.months.filter((m) => m.points_expired > 0).map((m) => [m.month, m.points_expired]),
    items: [...el.shadowRoot.querySelectorAll('[part~="expiry"] li, .expiry li')].map((li) => li.textContent),
  }));
  assert.ok(seen.expiring.length > 0, 'the regular retail customer has points expiring within the year');
  assert.ok(!seen.items.some((text) => /No points are due/.test(text)), seen.items.join(' | '));
  const [month, points] = seen.expiring[0];
  assert.match(seen.items[0], new RegExp(points.toLocaleString('en-US')), seen.items[0]);
  assert.match(seen.items[0], new RegExp(`${new Date(`${month}-15`).toLocaleString('en-US', { month: 'long' })} ${month.slice(0, 4)}`), seen.items[0]);
});

test('the tier page never says a tier is safe while the months ahead show it fall (issue 30: item 2)', async () => {
  for (const program of ['skyline-miles', 'tbilisi-bakery', 'retail']) {
    const { page } = await tierPage(`?program=${program}&customer=regular`);
    await page.waitForFunction((id) => document.querySelector('loyalty-tier-preview').program?.id === id && document.querySelector('loyalty-tier-preview').preview, program);
    const seen = await page.$eval('loyalty-tier-preview', (el) => {
      const ids = el.program.tiers.map((t) => t.id);
      const rank = (id) => ids.indexOf(id);
      const months = el.preview.projection.months;
      const now = el.preview.tier;
      const fall = months.find((m) => m.tier && rank(m.tier) < rank(now));
      const keep = el.shadowRoot.querySelector('[part~="keep"]');
      return { fall: fall?.month, text: keep.hidden ? '' : keep.textContent, now };
    });
    if (seen.fall) assert.doesNotMatch(seen.text, /safe/, `${program}: ${seen.text} while the tier falls in ${seen.fall}`);
  }
});
