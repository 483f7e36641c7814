// Program names in the customer's language, in real Chromium: with Georgian chosen, each element
// shows every example program's names as the core's one rule chooses them, and no other
// language's text of a name the program gives in Georgian (or, where it does not, in English,
// then its default language: the fallbacks shown).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { launch, openPage, PAYABLE } from './browser.mjs';
import { loadAnalyticsSync, names } from '../../www/elements/loyalty-analytics.js';
import { readJson, root } from '../js/fixtures.mjs';

loadAnalyticsSync(readFileSync(new URL('www/build/loyalty_analytics_bg.wasm', root)));

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const programs = readdirSync(new URL('examples/programs/', root))
  .filter((file) => file.endsWith('.json'))
  .map((file) => readJson(`examples/programs/${file}`));

/** A names view as `{ path: text }`. */
function flat(view, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(view)) {
    if (typeof value === 'string') out[`${prefix}${key}`] = value;
    else if (Array.isArray(value)) value.forEach((text, i) => { out[`${prefix}${key}.${i}`] = text; });
    else if (value) flat(value, `${prefix}${key}.`, out);
  }
  return out;
}

/** The texts in Georgian, and every other language's text of a name where it differs. */
function georgian(program) {
  const chosen = flat(names(program, 'ka'));
  const wrong = new Set();
  for (const lang of ['en', 'ru', 'hy']) {
    for (const [path, text] of Object.entries(flat(names(program, lang)))) {
      if (text !== chosen[path] && !Object.values(chosen).some((ka) => ka.includes(text))) wrong.add(text);
    }
  }
  return { chosen, wrong: [...wrong] };
}

/** The text an element shows: rendered nodes only, and a drop-down by its chosen option. */
const shownIn = (page, tag) => page.$eval(tag, (el) => {
  const texts = [];
  const walk = (parent) => {
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent);
      else if (node.nodeType !== Node.ELEMENT_NODE || node.tagName === 'STYLE' || !node.checkVisibility()) continue;
      else if (node.tagName === 'SELECT') texts.push(node.selectedOptions[0]?.textContent ?? '');
      else walk(node);
    }
  };
  walk(el.shadowRoot);
  return texts.join(' ');
});

function assertGeorgian(where, program, shown) {
  const { wrong } = georgian(program);
  for (const text of wrong) assert.ok(!shown.includes(text), `${where}, ${program.id}: shows "${text}" instead of its Georgian or fallback name\n${shown}`);
}

test('the checkout shows each program\'s names in Georgian, or in English where it gives none (issue 30: item 7)', async () => {
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/checkout.html?locale=ka&customer=regular`);
  await page.waitForSelector(PAYABLE);
  const seen = {};
  for (const program of programs) {
    await page.selectOption('#program', program.id);
    await page.waitForFunction((id) => document.querySelector('loyalty-checkout').quote?.program === id, program.id);
    const shown = await shownIn(page, 'loyalty-checkout');
    assertGeorgian('checkout', program, shown);
    seen[program.id] = shown;
  }
  // Not vacuous: the Georgian names are there, and the fallback is English, not the program's own.
  assert.match(seen['tbilisi-bakery'], /წევრის ფასდაკლება/);
  assert.match(seen['tbilisi-bakery'], /ვერცხლი/);
  assert.match(seen.kasboutik, /Regular customer/, 'kasboutik gives no Georgian: English, before its Russian');
  assert.match(seen['yerevan-bookshop'], /Bookworm/, 'the bookshop gives no Georgian: English, before its Armenian');
  assert.deepEqual(problems, []);
});

test('the tier page shows each program\'s tier names in Georgian, or in English where it gives none', async () => {
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/tier.html?locale=ka&customer=regular`);
  const seen = {};
  for (const program of programs) {
    await page.selectOption('#program', program.id);
    await page.waitForFunction((id) => {
      const el = document.querySelector('loyalty-tier-preview');
      return el.program?.id === id && el.preview && el.shadowRoot.querySelector('.main')?.innerText.length > 0;
    }, program.id);
    const shown = await shownIn(page, 'loyalty-tier-preview');
    assertGeorgian('tier page', program, shown);
    seen[program.id] = shown;
  }
  assert.match(seen['tbilisi-bakery'], /ბრინჯაო · /);
  assert.match(seen['tbilisi-bakery'], /კატეგორიაში „ნამცხვრები“/, 'the summary names the category in Georgian');
  assert.match(seen['s7-profi'], /Profi 6%/, 'S7 gives no Georgian: English, before its Russian');
  assert.deepEqual(problems, []);
});

test('the explorer labels each program\'s tiers and categories in Georgian, or in English where it gives none', async () => {
  const { page, problems } = await openPage(ctx.browser, `${ctx.base}/www/demo/explorer.html?locale=ka`);
  await page.waitForFunction(() => document.querySelector('loyalty-offer-explorer')?.result);
  const seen = {};
  for (const program of programs) {
    await page.selectOption('loyalty-offer-explorer >> select >> nth=0', program.id);
    await page.waitForFunction((id) => document.querySelector('loyalty-offer-explorer').state.program === id, program.id);
    const shown = await shownIn(page, 'loyalty-offer-explorer');
    assertGeorgian('explorer', program, shown);
    seen[program.id] = shown;
  }
  assert.match(seen['tbilisi-bakery'], /თონის მეგობრები/, 'the program by its Georgian name');
  assert.match(seen['tbilisi-bakery'], /ოქრო/);
  assert.match(seen.kasboutik, /coffee beans/, 'kasboutik\'s categories in English, before its Russian');
  assert.deepEqual(problems, []);
});

test('switching the language switches the names, in every order', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/checkout.html?program=tbilisi-bakery&customer=regular&locale=en`);
  await page.waitForSelector(PAYABLE);
  const discount = () => page.$eval('loyalty-checkout', (el) => el.quote.discounts[0]?.name);
  const badge = () => shownIn(page, 'loyalty-checkout');
  for (const [locale, name, tier] of [['en', 'Member discount', 'Silver'], ['ka', 'წევრის ფასდაკლება', 'ვერცხლი'], ['ru', 'Member discount', 'Silver'], ['en', 'Member discount', 'Silver']]) {
    await page.selectOption('#locale', locale);
    await page.waitForFunction((expected) => document.querySelector('loyalty-checkout').quote?.discounts[0]?.name === expected, name);
    assert.equal(await discount(), name, locale);
    assert.match(await badge(), new RegExp(tier), locale);
  }
});

test('while a language\'s strings load, the checkout keeps the language it shows, names included', async () => {
  const { page } = await openPage(ctx.browser, `${ctx.base}/www/demo/checkout.html?program=tbilisi-bakery&customer=regular&locale=en`);
  await page.waitForSelector(PAYABLE);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/loyalty-chunk-i18n-ka-*.js', async (route) => { await held; await route.continue(); });
  await page.route('**/i18n-ka.js', async (route) => { await held; await route.continue(); });
  await page.selectOption('#locale', 'ka');
  await page.waitForTimeout(300);
  const during = await shownIn(page, 'loyalty-checkout');
  assert.match(during, /Member discount/);
  assert.doesNotMatch(during, /წევრის ფასდაკლება/, 'no Georgian name beside English words');
  release();
  await page.waitForFunction(() => document.querySelector('loyalty-checkout').quote?.discounts[0]?.name === 'წევრის ფასდაკლება');
  const after = await shownIn(page, 'loyalty-checkout');
  assert.match(after, /წევრის ფასდაკლება/);
  assert.doesNotMatch(after, /Member discount|Your rewards/);
});
