// The tier page's what-if slider keeps a range taken from the program (issue 15: item 1).
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

/** The monthly spend of the preview on show. */
const previewed = (page) => page.evaluate(() => document.querySelector('loyalty-tier-preview').preview.projection.months.at(-1).spend);

test('the slider\'s range stays fixed while it is used: End three times gives the same spend', async () => {
  const { page } = await tierPage();
  const before = await slider(page);
  // Retail's top tier, Gold, takes 2,000 USD in a calendar year: 167 a month, and a little above.
  assert.deepEqual({ min: before.min, max: before.max, step: before.step }, { min: '0', max: '250', step: '5' });
  const range = page.locator('loyalty-tier-preview >> input[type="range"]');
  await range.focus();
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    // The slider updates the preview synchronously on input, so it is current once the key is handled.
    await page.keyboard.press('End');
    seen.push({ ...(await slider(page)), spend: await previewed(page) });
  }
  assert.deepEqual(seen.map((s) => s.max), ['250', '250', '250']);
  assert.deepEqual(seen.map((s) => s.value), ['250', '250', '250']);
  assert.deepEqual(seen.map((s) => s.spend), ['250.00', '250.00', '250.00']);
  assert.equal(seen[0].text, '$250.00');
  // Dragging to 80% of the track gives 80% of the range.
  await page.$eval('loyalty-tier-preview', (el) => {
    const r = el.shadowRoot.querySelector('input[type="range"]');
    r.value = String(Number(r.max) * 0.8);
    r.dispatchEvent(new Event('input'));
  });
  assert.deepEqual(await slider(page).then((s) => [s.max, s.value]), ['250', '200']);
});

test('on a program with large tiers the range and the keyboard steps are in its currency\'s scale', async () => {
  const { page } = await tierPage('?program=s7-profi');
  await page.waitForFunction(() => document.querySelector('loyalty-tier-preview').program?.id === 's7-profi' && document.querySelector('loyalty-tier-preview').preview);
  const s = await slider(page);
  // S7 Profi's top tier is 5,000,000 RUB a year: about 416,667 a month.
  assert.ok(Number(s.max) >= 416667 && Number(s.max) <= 1_000_000, s.max);
  assert.ok(Number(s.max) / Number(s.step) <= 200, `${s.max} in steps of ${s.step}`);
  const range = page.locator('loyalty-tier-preview >> input[type="range"]');
  await range.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const after = await slider(page);
  assert.equal(after.value, s.step);
  assert.equal(after.max, s.max);
  assert.match(after.text, /RUB|₽/);
  await page.keyboard.press('End');
  await page.keyboard.press('End');
  assert.equal((await slider(page)).max, s.max);
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
