// Every string the widget shows, in English here, and in Russian, Armenian and Georgian in
// i18n-ru.js, i18n-hy.js and i18n-ka.js, which a page loads only for the language it shows.
// `{name}` marks a value; amounts are formatted by Intl.NumberFormat before they are filled in.

export const LANGS = ['en', 'ru', 'hy', 'ka'];

const MESSAGES = {
  en: {
    title: 'Your rewards',
    noTier: 'No tier yet',
    toNext: 'Spend {amount} more for {tier}',
    toNextPoints: '{amount} more points for {tier}',
    topTier: 'You are in the top tier',
    pending: '{tier} from {date}',
    progress: '{percent}% of the way to {tier}',
    percentOff: '{percent}% off',
    pointsTimes: '×{multiplier} points',
    subtotal: 'Subtotal',
    discount: 'Discount',
    pointsPaid: 'Paid with points',
    delivery: 'Delivery',
    priceWas: 'Was',
    priceNow: 'now',
    priceEarns: 'Earns {points} points',
    priceEarnsOne: 'Earns 1 point',
    payable: 'To pay',
    taxIncluded: 'Of which VAT',
    earn: 'You earn {points} points',
    companyEarns: 'Your company earns {points} points',
    employeeEarns: 'You earn {points} personal points',
    pendingFrom: 'These {points} points can be spent from {date}',
    cashback: 'Store credit earned: {amount}',
    redeemLabel: 'Points to use',
    redeemHint: 'Balance {balance} points; up to {cap} on this order',
    redeemNone: 'No points to use on this order',
    redeemPending: '{points} of your points can be spent from {date}',
    explainShow: 'How is this calculated?',
    explainHide: 'Hide the details',
    announce: 'To pay: {amount}',
    loading: 'Loading your rewards…',
    unavailable: 'Rewards are unavailable right now. Your checkout still works.',
    tip: 'Did you know? Points you do not use expire; check the dates in the details.',
    expiring: '{points} points expire on {date}',
    // The shopper's words for a refusal: what went wrong, never a raw code (the event keeps it).
    failed: 'Rewards could not be calculated: {reason}.',
    errors: {
      quantity: 'the quantity of {item} must be a whole number from 1 to {max}',
      price: 'the price of {item} is not a valid amount',
      program: 'the shop’s rewards program has a mistake',
      size: 'the order is too large to calculate',
      loading: 'the calculator is not ready yet',
      order: 'a detail of the order could not be read',
    },
    // The words of explanations are in i18n-en.js (see `loadExplanations`).
  },
};

/** The other languages, each a module of its own, fetched only for a page that shows it. */
const LOADERS = {
  ru: () => import('./i18n-ru.js'),
  hy: () => import('./i18n-hy.js'),
  ka: () => import('./i18n-ka.js'),
};

/**
 * Loads the strings of `lang` once; until they arrive (or if they cannot), `messages(lang)`
 * gives English, so that the widget always has words to show.
 */
export async function loadMessages(lang) {
  if (MESSAGES[lang] || !LOADERS[lang]) return;
  MESSAGES[lang] = (await LOADERS[lang]()).default;
}

/**
 * Loads the words of explanations (trace entries, usage and redemption limits) of `lang`, which
 * English keeps in a module of its own, since only the checkout shows them; the other languages
 * keep them with the rest of their strings. Until they arrive (or if they cannot), an
 * explanation has no words and is left out.
 */
export async function loadExplanations(lang) {
  if (lang !== 'en') return loadMessages(lang);
  if (!MESSAGES.en.trace) Object.assign(MESSAGES.en, (await import('./i18n-en.js')).default);
}

/** The language of a locale tag ("ka-GE" → "ka"); English for any other. */
export function langOf(locale) {
  const base = String(locale || 'en').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(base) ? base : 'en';
}

export function messages(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

// CLDR conventions for the languages some browsers ship without locale data (Chromium has no
// Armenian or Georgian number formats): decimal comma, no-break-space groups from five digits,
// and the currency sign after the amount.
const FALLBACK = { hy: { decimal: ',', group: '\u00a0' }, ka: { decimal: ',', group: '\u00a0' } };
const SIGNS = { AMD: '֏', GEL: '₾', RUB: '₽', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** Writes a decimal string by hand, digit by digit: exact, and never through a float. */
function formatDecimal(text, digits, { decimal, group }) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  const shown = digits === undefined ? fraction.replace(/0+$/, '') : fraction.padEnd(digits, '0').slice(0, digits);
  return `${negative ? '-' : ''}${grouped}${shown ? decimal + shown : ''}`;
}

/**
 * Formats decimal strings in the locale, with exactly the currency's minor units.
 * Intl.NumberFormat formats a string exactly, so the amount never becomes a float; where the
 * browser has no data for the locale, the CLDR conventions above are applied by hand.
 */
export function formatters(locale, currency, minorUnits) {
  const fallback = Intl.NumberFormat.supportedLocalesOf([locale]).length === 0 ? FALLBACK[langOf(locale)] : undefined;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  if (fallback) {
    return {
      money: (amount) => `${formatDecimal(String(amount), minorUnits, fallback)}\u00a0${SIGNS[currency] ?? currency}`,
      count: (value) => formatDecimal(String(value), undefined, fallback),
      date: (iso) => iso.split('-').reverse().join('.'),
    };
  }
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return {
    money: (amount) => money.format(String(amount)),
    count: (value) => count.format(String(value)),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
  };
}

/** The largest quantity of a cart line, as the core checks it: one rule for every refused quantity. */
export const MAX_QUANTITY = '1000000';

/** Kinds whose entry amount is a number of points rather than money. */
const POINT_KINDS = new Set(['points', 'employee_points', 'event', 'coalition']);

/**
 * The words for any trace entry, by its kind and code (every code has words in every language);
 * `names` maps rule ids, tier ids and SKUs to the names a person knows them by.
 */
export function wordEntry(entry, m, f, names) {
  const p = entry.params ?? {};
  const key = `${entry.kind}:${entry.code}`;
  let variant = '';
  if (key === 'discount:applied') variant = p.delivery ? '#delivery' : p.sets ? '#bundle' : p.inactive_days ? '#inactive' : p.free_units ? '#buy_get' : p.from_quantity ? '#quantity' : p.percent ? '#percent' : p.amount_per_unit ? '#per_unit' : '';
  else if (key === 'discount:lost_to_better_offer' && p.would_take) variant = '#would_take';
  // Points asked beyond the balance, with points pending: how many free up first, and when (a
  // request of the minimum or more that is still below it was held back by what can be spent).
  else if (entry.kind === 'redemption' && p.pending && (p.limited_by === 'balance' || (p.limited_by === 'below_minimum' && Number(p.requested) >= Number(p.min)))) variant = '#pending';
  else if (entry.kind === 'redemption' && m.limited?.[p.limited_by]) variant = '#limited';
  else if ((key === 'points:earned' || key === 'employee_points:earned') && p.units) variant = key === 'points:earned' && p.multiplier && p.multiplier !== '1' ? '#units_times' : '#units';
  else if (key === 'points:earned' && p.multiplier && p.multiplier !== '1') variant = '#times';
  else if (key === 'points:clawed_back' && p.debt && p.debt !== '0') variant = '#debt';
  // A multiplier whose conditions the order does not meet says why as a discount would.
  const one = p.units === '1' || p.free_units === '1';
  const trace = m.trace ?? {};
  const template = (one && trace[`${key}${variant}_one`]) || (trace[key + variant] ?? trace[key] ?? (entry.kind === 'multiplier' ? trace[`discount:${entry.code}`] : undefined));
  if (!template) return null;
  const money = (value) => (value === undefined || value === '' ? '' : f.money(value));
  const count = (value) => (value === undefined || value === '' ? '' : f.count(value));
  const points = POINT_KINDS.has(entry.kind);
  const name = (id) => names.get(id) ?? id;
  return fill(template, {
    name: name(entry.rule),
    code: entry.rule,
    amount: variant === '#would_take' ? money(p.would_take) : points ? count(entry.amount) : money(entry.amount),
    points: points ? count(entry.amount) : count(p.points),
    percent: count(p.percent),
    days: p.inactive_days,
    each: money(p.amount_per_unit),
    remaining: money(p.remaining),
    quantity: count(p.quantity),
    from: count(p.from_quantity),
    free: count(p.free_units),
    sets: count(p.sets),
    price: money(p.set_price),
    units: count(p.units),
    debt: count(p.debt),
    window: count(p.window),
    usage: m.usage?.[p.limit] ?? '',
    base: money(p.base),
    multiplier: count(p.multiplier ?? '1'),
    by: name(p.by),
    date: p.valid_from || p.valid_until || p.pending_from ? f.date(p.valid_from ?? p.valid_until ?? p.pending_from) : '',
    pending: count(p.pending),
    min: money(p.min_order),
    item: name(p.sku),
    tier: entry.rule ? name(entry.rule) : m.noTier,
    limit: fill(m.limited?.[p.limited_by] ?? '', { cap: count(p.cap), min: count(p.min) }),
  });
}

/** Entries with words that would only be noise in a shopper's explanation. */
const QUIET = new Set(['discount:promo_code_missing', 'discount:no_lines_in_scope', 'discount:tier_has_no_discount',
  'discount:not_yet_valid', 'discount:expired', 'discount:tier_not_eligible', 'tier:unchanged']);

/** One plain sentence for a trace entry, or null for entries that would only be noise. */
export function explainEntry(entry, m, f, names) {
  const key = `${entry.kind}:${entry.code}`;
  if (QUIET.has(key)) return null;
  // Points not used because none were asked for: nothing to explain.
  if (key === 'redemption:not_redeemed' && !/[1-9]/.test(entry.params?.requested ?? '')) return null;
  return wordEntry(entry, m, f, names);
}

/**
 * The shopper's sentence for an error, chosen by the field it names (a cart line's quantity or
 * price) or by what failed, never the raw code, which the error event keeps for the host.
 * `context.program` is true when the program was being read (its errors are found there only); `context.item(index)` names a line.
 */
export function errorText(error, m, f, context = {}) {
  const code = error?.code ?? 'unknown';
  const line = /lines\[(\d+)\]\.(\w+)/.exec(error?.path ?? '');
  const item = line ? context.item?.(Number(line[1])) ?? `#${Number(line[1]) + 1}` : '';
  let reason = m.errors.order;
  if (code === 'not_initialised') reason = m.errors.loading;
  else if (line?.[2] === 'quantity') reason = fill(m.errors.quantity, { item, max: f.count(MAX_QUANTITY) });
  else if (line && /price|cost/.test(line[2])) reason = fill(m.errors.price, { item });
  else if (context.program) reason = m.errors.program;
  else if (['too_large', 'too_deep', 'overflow'].includes(code)) reason = m.errors.size;
  return fill(m.failed, { reason });
}
