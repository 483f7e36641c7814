// Every machine code the core can put in a quote's trace, and every refusal, has words in all
// four languages (issue 15: item A and item 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorText, explainEntry, fill, formatters, LANGS, loadExplanations, messages, wordEntry } from '../../www/i18n/i18n.js';

// Every language's strings, as a checkout in that language loads them.
await Promise.all(LANGS.map(loadExplanations));

const schema = JSON.parse(readFileSync(new URL('../../schema/loyalty-api.schema.json', import.meta.url), 'utf8'));
const definitions = schema.definitions ?? schema.$defs ?? {};

// The (kind, code) pairs the engine writes. Which codes exist comes from the engine's typed list
// (`trace::Code`, in the schema); a code missing here fails the first test below.
const PAIRS = {
  discount: ['applied', 'not_yet_valid', 'expired', 'needs_first_purchase', 'first_purchase_only', 'tier_not_eligible', 'members_only',
    'promo_code_refused', 'promo_code_missing', 'below_min_subtotal', 'no_lines_in_scope', 'tier_has_no_discount', 'below_first_step', 'below_quantity_break', 'below_buy_get', 'usage_limit_reached', 'not_on_this_day', 'outside_birthday_window',
    'nothing_left_to_discount', 'blocked_by_exclusive', 'lost_to_better_offer', 'does_not_combine', 'no_shipping', 'below_bundle', 'bundle_not_cheaper'],
  promo_code: ['accepted', 'unknown_code', 'not_yet_valid', 'expired', 'refused_excluded_items', 'below_minimum_order', 'usage_limit_reached'],
  redemption: ['redeemed', 'not_redeemed', 'given_back'],
  points: ['earned', 'clawed_back'],
  employee_points: ['earned'],
  cashback: ['earned', 'capped', 'clawed_back'],
  return: ['refunded', 'reclaimed', 'kept', 'released'],
  event: ['event_points'],
  coalition: ['transferred'],
  tier: ['upgraded', 'upgrade_at_recalculation', 'unchanged'],
  commitment: ['commitment_met', 'commitment_open'],
  chance: ['chance_to_win'],
  tax: ['tax_included'],
  multiplier: ['multiplied'],
};
/** The values of a schema enum, written as `enum` or as `oneOf` of `const`s. */
const valuesOf = (definition) => definition && (definition.enum ?? definition.oneOf?.map((option) => option.const));
const codes = valuesOf(definitions.Code) ?? [];
const LIMITED_BY = valuesOf(definitions.RedeemLimit) ?? [];

// Figures for every parameter an entry may carry, so that a sentence with a gap shows.
const PARAMS = {
  percent: '5', tier: 'silver', amount_per_unit: '2.00', inactive_days: '30', valid_from: '2026-12-01', valid_until: '2026-11-01',
  remaining: '12.00', by: 'club', would_take: '3.00', code: 'BIG30', min_order: '100.00', sku: 'TEA-01', points: '150', cap: '379',
  min: '100', requested: '150', base: '18.99', multiplier: '2', reason: 'expired', debt: '20',
};
const names = new Map([['club', 'Club offer'], ['TEA-01', 'Green tea'], ['silver', 'Silver'], ['rule', 'Welcome offer']]);

test('every trace code of the engine has a kind here and words in every language', () => {
  assert.ok(codes.length >= 30, `the schema lists ${codes.length} codes`);
  assert.ok(LIMITED_BY.length >= 4, `the schema lists ${LIMITED_BY.length} redemption limits`);
  const paired = new Set(Object.values(PAIRS).flat());
  for (const code of codes) assert.ok(paired.has(code), `the code ${code} has no kind in this test`);
  for (const lang of LANGS) {
    const known = Object.keys(messages(lang).trace).map((key) => key.split('#')[0].split(':')[1]);
    for (const code of codes) assert.ok(known.includes(code), `${lang}: no words for the code ${code}`);
  }
});

test('a multiplier whose conditions are not met says why in the words of a discount, in every language', () => {
  for (const lang of LANGS) {
    const m = messages(lang);
    const f = formatters(lang, 'USD', 2);
    for (const code of ['not_yet_valid', 'expired', 'not_on_this_day', 'outside_birthday_window', 'tier_not_eligible', 'members_only', 'below_min_subtotal', 'promo_code_missing', 'no_lines_in_scope']) {
      const entry = { kind: 'multiplier', rule: 'rule', applied: false, code, params: PARAMS };
      const text = wordEntry(entry, m, f, names);
      assert.equal(text, wordEntry({ ...entry, kind: 'discount' }, m, f, names), `${lang}: ${code}`);
      assert.match(text, /Welcome offer|rule/, `${lang}: ${code}: ${text}`);
    }
    const set = { kind: 'discount', rule: 'rule', applied: true, amount: '40.00', code: 'applied', params: { sets: '2', set_price: '150.00' } };
    const setText = wordEntry(set, m, f, names);
    assert.match(setText, /150[.,]00/, `${lang}: a set's price is said: ${setText}`);
    assert.match(setText, /40[.,]00/, `${lang}: ${setText}`);
    const delivery = { kind: 'discount', rule: 'rule', applied: true, amount: '3.90', code: 'applied', params: { percent: '100', delivery: 'true' } };
    assert.notEqual(wordEntry(delivery, m, f, names), wordEntry({ ...delivery, params: { percent: '100' } }, m, f, names), `${lang}: delivery is said as such`);
    const earned = { kind: 'points', rule: 'earn', applied: true, amount: '9000', code: 'earned', params: { units: '1', per_unit: '2000', multiplier: '4.5' } };
    assert.match(wordEntry(earned, m, f, names), /4[.,]5/, `${lang}: the multiplier of points per unit is shown`);
  }
});

test('every (kind, code) pair and every limited_by value gives a whole sentence in every language', () => {
  for (const lang of LANGS) {
    const m = messages(lang);
    const f = formatters(lang, 'USD', 2);
    for (const [kind, list] of Object.entries(PAIRS)) {
      for (const code of list) {
        assert.ok(m.trace[`${kind}:${code}`], `${lang}: no words for ${kind}:${code}`);
        for (const limited_by of kind === 'redemption' ? [undefined, ...LIMITED_BY] : [undefined]) {
          const entry = { kind, rule: 'rule', applied: true, amount: '1.50', code, params: { ...PARAMS, ...(limited_by ? { limited_by } : {}) } };
          const text = wordEntry(entry, m, f, names);
          assert.ok(text && text.length > 3, `${lang}: ${kind}:${code} gives ${text}`);
          assert.doesNotMatch(text, /[{}]|undefined|NaN/, `${lang}: ${kind}:${code}: ${text}`);
          assert.doesNotMatch(text, /\b[a-z]+_[a-z_]+\b/, `${lang}: ${kind}:${code} shows a raw code: ${text}`);
        }
      }
    }
    for (const value of LIMITED_BY) assert.ok(m.limited[value], `${lang}: no words for limited_by ${value}`);
  }
});

test('a refund trace says the units, the money and the points owed, in every language', () => {
  for (const lang of LANGS) {
    const m = messages(lang);
    const f = formatters(lang, 'USD', 2);
    const line = wordEntry({ kind: 'return', rule: 'TEA-01', applied: true, amount: '29.99', code: 'refunded', params: { sku: 'TEA-01', units: '3' } }, m, f, names);
    assert.match(line, /Green tea.*3|3.*Green tea/, `${lang}: ${line}`);
    assert.match(line, /29[.,]99/, `${lang}: ${line}`);
    const one = wordEntry({ kind: 'return', rule: 'TEA-01', applied: true, amount: '9.99', code: 'refunded', params: { sku: 'TEA-01', units: '1' } }, m, f, names);
    assert.match(one, /1/, `${lang}: ${one}`);
    const owed = { kind: 'points', rule: 'points', applied: true, amount: '90', code: 'clawed_back', params: { debt: '50' } };
    assert.match(wordEntry(owed, m, f, names), /50/, `${lang}: the debt is said`);
    assert.doesNotMatch(wordEntry({ ...owed, params: { debt: '0' } }, m, f, names), /50/, `${lang}: no debt, none said`);
  }
});

test('a losing best-of discount says what it would have taken; a refused code names the product', () => {
  const f = formatters('en', 'USD', 2);
  const m = messages('en');
  assert.equal(wordEntry({ kind: 'discount', rule: 'rule', applied: false, code: 'lost_to_better_offer', params: { by: 'club', would_take: '225.00' } }, m, f, names),
    'Welcome offer: would take $225.00 off, but a better offer applies');
  assert.equal(wordEntry({ kind: 'promo_code', rule: 'BIG30', applied: false, code: 'refused_excluded_items', params: { sku: 'TEA-01' } }, m, f, names),
    'Code BIG30 not applied: not valid with Green tea');
  assert.equal(wordEntry({ kind: 'redemption', rule: 'points', applied: true, amount: '1.50', code: 'redeemed', params: { points: '150', cap: '150', limited_by: 'share_cap' } }, m, f, names),
    '150 points pay $1.50 (at most 150 on this order)');
});

test('the explanation leaves out noise, but never a code that was refused', () => {
  const f = formatters('en', 'USD', 2);
  const m = messages('en');
  assert.equal(explainEntry({ kind: 'discount', rule: 'rule', applied: false, code: 'promo_code_missing', params: { code: 'SECRET' } }, m, f, names), null);
  assert.equal(explainEntry({ kind: 'redemption', rule: 'points', applied: false, code: 'not_redeemed', params: { requested: '0' } }, m, f, names), null);
  assert.match(explainEntry({ kind: 'promo_code', rule: 'X', applied: false, code: 'unknown_code', params: {} }, m, f, names), /Code X not applied/);
});

test('every error code the core can send gives the shopper a sentence, never the code', () => {
  const errorCodes = valuesOf(definitions.ErrorCode);
  assert.ok(errorCodes.length >= 15);
  for (const lang of LANGS) {
    const m = messages(lang);
    const f = formatters(lang, 'USD', 2);
    for (const code of [...errorCodes, 'unknown', 'program_unavailable']) {
      for (const path of ['', 'cart.date', 'tiers[1].threshold', 'cart.lines[0].quantity', 'cart.lines[2].unit_price']) {
        const text = errorText({ code, path }, m, f, { item: (i) => ['Tea', 'Mug'][i] });
        assert.ok(!text.includes(code), `${lang}: ${code} at ${path} shows the code: ${text}`);
        assert.doesNotMatch(text, /[{}]|undefined/, text);
      }
    }
    // One rule for a quantity, whatever the core said about it.
    const zero = errorText({ code: 'out_of_range', path: 'cart.lines[0].quantity' }, m, f, { item: () => 'Tea' });
    assert.equal(errorText({ code: 'wrong_type', path: 'cart.lines[0].quantity' }, m, f, { item: () => 'Tea' }), zero);
    assert.match(zero, /1\D+000\D+000/);
  }
});

test('each language other than English is a module of its own, with the same keys as English', async () => {
  const keys = (object, prefix = '') => Object.entries(object).flatMap(([key, value]) =>
    (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`])).sort();
  for (const lang of ['ru', 'hy', 'ka']) {
    const { default: words } = await import(`../../www/i18n/i18n-${lang}.js`);
    assert.deepEqual(keys(words), keys(messages('en')), lang);
    assert.notEqual(words.title, messages('en').title, `${lang} is not English`);
  }
});

test('points asked for beyond the balance, with points pending, say how many free up and when, in every language (issue 29, item 5)', () => {
  const fixtures = ['points-earned-on-22-november-asked-for-on-1-december-are-pending-until-6-december', 'of-350-pending-points-the-300-free-by-9-december-cover-the-250-asked']
    .map((name) => JSON.parse(readFileSync(new URL(`../../fixtures/quotes/${name}.json`, import.meta.url), 'utf8')));
  const [unspent, partly] = fixtures.map((fixture) => fixture.quote.trace.find((entry) => entry.kind === 'redemption'));
  // Dates as the runtime's locale data writes them (Node has every locale; some browsers do not).
  const words = {
    en: [/^No points used on this order: 100 of your points can be spent from Dec 6, 2026$/, /^40 points pay \$0\.40; 300 more can be spent from Dec 9, 2026$/],
    ru: [/^Баллы в этом заказе не списаны: ваши баллы \(100\) можно будет потратить с 0?6\b.*2026/, /^Баллами \(40\) оплачено 0,40\s\$; ещё баллы \(300\) можно будет потратить с 0?9\b.*2026/],
    hy: [/^Այս պատվերում միավորներ չեն օգտագործվել՝ ձեր 100 միավորը կարող եք ծախսել 0?6\b.*2026\D*-ից$/, /^40 միավորով վճարված է 0,40\s\$, ևս 300 միավորը կարող եք ծախսել 0?9\b.*2026\D*-ից$/],
    ka: [/^ამ შეკვეთაში ქულები არ გამოყენებულა: თქვენი 100 ქულის გამოყენება შეგეძლებათ 0?6\b.*2026\D*-დან$/, /^40 ქულით გადახდილია 0,40\s\S*\$; კიდევ 300 ქულის გამოყენება შეგეძლებათ 0?9\b.*2026\D*-დან$/],
  };
  for (const lang of LANGS) {
    const m = messages(lang);
    const f = formatters(lang, 'USD', 2);
    assert.match(wordEntry(unspent, m, f, names), words[lang][0], lang);
    assert.match(wordEntry(partly, m, f, names), words[lang][1], lang);
    // Without the pending points, the limit is said as before.
    const { pending, pending_from, ...params } = unspent.params;
    assert.equal(wordEntry({ ...unspent, params }, m, f, names), fill(m.trace['redemption:not_redeemed#limited'], { limit: m.limited.balance }), lang);
    // Below a minimum of 50: a request of 30 is refused for itself; one of 80, for the points to spend.
    const below = (requested) => wordEntry({ ...unspent, params: { ...unspent.params, limited_by: 'below_minimum', min: '50', requested } }, m, f, names);
    assert.equal(below('30'), fill(m.trace['redemption:not_redeemed#limited'], { limit: fill(m.limited.below_minimum, { min: f.count('50') }) }), lang);
    assert.match(below('80'), words[lang][0], lang);
  }
});

test('the tier preview\'s other languages are modules of their own, with the same keys as English', async () => {
  const { loadPreviewMessages, previewMessages } = await import('../../www/i18n/i18n-preview.js');
  const keys = (object) => Object.keys(object).sort();
  const english = previewMessages('en');
  for (const lang of ['ru', 'hy', 'ka']) {
    assert.equal(previewMessages(lang), english, `${lang} stands in as English until it is loaded`);
    await loadPreviewMessages(lang);
    const words = previewMessages(lang);
    // Armenian and Georgian also name the months, which Chromium cannot.
    assert.deepEqual(keys(words).filter((key) => key !== 'monthNames'), keys(english), lang);
    assert.notEqual(words.title, english.title, `${lang} is not English`);
  }
});

test('the offer explorer\'s other languages are modules of their own, with the same keys as English', async () => {
  const { loadExplorerMessages, explorerMessages } = await import('../../www/i18n/i18n-explorer.js');
  const keys = (object, prefix = '') => Object.entries(object).flatMap(([key, value]) =>
    (value && typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`])).sort();
  const english = explorerMessages('en');
  for (const lang of ['ru', 'hy', 'ka']) {
    assert.equal(explorerMessages(lang), english, `${lang} stands in as English until it is loaded`);
    await loadExplorerMessages(lang);
    assert.deepEqual(keys(explorerMessages(lang)), keys(english), lang);
    assert.notEqual(explorerMessages(lang).title, english.title, `${lang} is not English`);
  }
});
