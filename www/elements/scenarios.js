// The arithmetic behind the tier page's and the offer explorer's inputs, outside the views: the
// scale of a monthly-spend slider taken from the program, a monthly spend split by category, the
// offers compared, and which field a refusal of the core points at. Amounts are decimal strings,
// worked on as BigInt minor units; nothing here goes through a float.

const DECIMAL = /^\d+(\.\d+)?$/;

/** Whether `text` is a plain non-negative decimal string ("12", "12.50"). */
export function isDecimal(text) {
  return DECIMAL.test(String(text));
}

/** Digits after the point of a decimal string. */
export function scaleOf(text) {
  return (String(text).split('.')[1] ?? '').length;
}

/** A decimal string as an integer count of 10^-scale (extra digits are cut, never rounded up). */
export function toUnits(text, scale) {
  const [whole, fraction = ''] = String(text).replace(/^-/, '').split('.');
  const units = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return String(text).startsWith('-') ? -units : units;
}

/** An integer count of 10^-scale as a decimal string. */
export function fromUnits(units, scale) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

const ceilDiv = (a, b) => (a + b - 1n) / b;

/** The smallest round figure (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k, whole) not below `n`. */
export function roundUp(n) {
  if (n <= 1n) return 1n;
  for (let power = 1n; ; power *= 10n) {
    for (const m of [10n, 12n, 15n, 20n, 25n, 30n, 40n, 50n, 60n, 80n]) {
      const value = (m * power) / 10n;
      if (value * 10n === m * power && value >= n) return value;
    }
  }
}

/** The smallest of 1, 2 or 5 × 10^k not below `n` (at least 1): a step a person can count in. */
export function stepUp(n) {
  for (let power = 1n; ; power *= 10n) {
    for (const m of [1n, 2n, 5n]) if (m * power >= n) return m * power;
  }
}

/** The next smaller of 1, 2 or 5 × 10^k: 5 → 2, 2 → 1, 10 → 5. */
const stepDown = (step) => (String(step).startsWith('5') ? (step * 2n) / 5n : step / 2n);

/** Months over which a program counts qualifying spend. */
function windowMonths(program) {
  const window = program.tier_rules?.window;
  if (window?.kind === 'calendar_quarter') return 3n;
  if (window?.kind === 'rolling_months') return BigInt(Math.max(1, window.months));
  return 12n;
}

/** Whole currency units of a decimal string, rounded up. */
const wholeUp = (text) => ceilDiv(toUnits(text, 6), 1_000_000n);

/**
 * The monthly spend, in whole currency units, that matters most in a program: enough to reach its
 * top tier within the tier window (tiers on points are converted at the earning rate), or to pass
 * the largest order threshold it names. Null when the program names none.
 */
export function keySpend(program) {
  const targets = [];
  const top = program.tiers?.at(-1);
  if (top && isDecimal(top.threshold) && /[1-9]/.test(top.threshold)) {
    let money = wholeUp(top.threshold);
    const earn = program.points?.earn;
    if (program.tier_rules?.qualifies_on === 'points') {
      money = earn && /[1-9]/.test(earn.points ?? '0') ? ceilDiv(toUnits(top.threshold, 6) * toUnits(earn.per_amount ?? '1', 6), toUnits(earn.points, 6) * 1_000_000n) : 0n;
    }
    if (money > 0n) targets.push(ceilDiv(money, windowMonths(program)));
  }
  for (const rule of program.discounts ?? []) {
    if (rule.conditions?.min_subtotal) targets.push(wholeUp(rule.conditions.min_subtotal));
    for (const step of rule.value?.steps ?? []) if (step.from) targets.push(wholeUp(step.from));
  }
  for (const code of program.promo_codes ?? []) if (code.min_order) targets.push(wholeUp(code.min_order));
  const found = targets.filter((t) => t > 0n);
  return found.length ? found.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * A monthly-spend slider's scale for a program, in whole currency units as strings: from 0 to a
 * round figure a quarter above the program's key spend (1,000 when it names none), and never
 * below `hint`, the spend asked for from outside; a step of about a hundredth of the range. It
 * depends only on the program and the hint, so it stays fixed while the slider is used.
 */
export function spendScale(program, hint = '0') {
  const key = keySpend(program);
  let max = key ? roundUp(ceilDiv(key * 5n, 4n)) : 1000n;
  if (isDecimal(hint)) {
    const asked = wholeUp(hint);
    if (asked > max) max = roundUp(asked);
  }
  let step = stepUp(ceilDiv(max, 100n));
  // A spend asked for from outside lies on a step, so that the thumb stands where the figure says.
  if (isDecimal(hint)) {
    const asked = toUnits(hint, 0);
    while (step > 1n && asked % step !== 0n) step = stepDown(step);
  }
  return { min: '0', max: String(max), step: String(step) };
}

/** The value on a slider of `scale` nearest to `spend`, as a whole-unit string within its range. */
export function onScale(spend, scale) {
  const value = isDecimal(spend) ? toUnits(spend, 0) : 0n;
  const max = BigInt(scale.max);
  return String(value > max ? max : value);
}

/** The middle of a slider's `scale`, on a whole step: where a new program's spend starts. */
export function middleOf(scale) {
  const step = BigInt(scale.step);
  return String((BigInt(scale.max) / 2n / step) * step);
}

/** The sum of a whole-number field (such as points earned) over a projection's months. */
export function totalOf(months, key) {
  return months.reduce((sum, month) => sum + BigInt(month[key] ?? 0), 0n).toString();
}

/** The categories a program treats apart: those its discounts, earning rules and cashback name. */
export function categoriesOf(program) {
  const found = new Set();
  const add = (list) => { for (const category of list ?? []) found.add(category); };
  for (const rule of program.discounts ?? []) add(rule.scope?.categories);
  const earn = program.points?.earn;
  for (const rate of [...(earn?.categories ?? []), ...(earn?.per_unit ?? [])]) add(rate.categories);
  add(program.cashback?.categories);
  return [...found];
}

/** The default mix of a monthly spend: an equal whole-percent share of each category the program names. */
export function defaultMix(program) {
  const categories = categoriesOf(program);
  if (!categories.length) return {};
  const each = Math.floor(100 / categories.length);
  return Object.fromEntries(categories.map((category, i) => [category, String(each + (i < 100 - each * categories.length ? 1 : 0))]));
}

/**
 * Null when `mix` is whole percents adding up to 100 (or empty); else the category at fault: the
 * first share that is not a whole percent, or for a wrong total `edited` (the last one when unset).
 */
export function mixError(mix, edited) {
  const entries = Object.entries(mix ?? {});
  if (!entries.length) return null;
  const bad = entries.find(([, share]) => !/^\d{1,3}$/.test(share) || Number(share) > 100);
  if (bad) return { category: bad[0], code: 'invalid_share' };
  const total = entries.reduce((sum, [, share]) => sum + Number(share), 0);
  const category = edited in mix ? edited : entries.at(-1)[0];
  return total === 100 ? null : { category, code: 'shares_not_100', total: String(total) };
}

/**
 * A monthly spend split by a mix of whole percents, to `minorUnits` decimals, by the largest
 * remainder, so that the parts add up exactly to `amount`. With no mix, one uncategorised part.
 */
export function splitSpend(amount, mix, minorUnits) {
  const entries = Object.entries(mix ?? {});
  if (!entries.length) return [{ category: '', amount }];
  const total = toUnits(amount, minorUnits);
  const parts = entries.map(([category, share]) => ({ category, units: (total * BigInt(share)) / 100n, rest: (total * BigInt(share)) % 100n }));
  let left = total - parts.reduce((sum, part) => sum + part.units, 0n);
  for (const part of [...parts].sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : 0))) {
    if (left <= 0n) break;
    part.units += 1n;
    left -= 1n;
  }
  return parts.filter((part) => part.units > 0n).map((part) => ({ category: part.category, amount: fromUnits(part.units, minorUnits) }));
}

/** `percent`% (whole) of a decimal string, rounded down to `minorUnits` decimals. */
export function percentOf(amount, percent, minorUnits) {
  return fromUnits((toUnits(amount, minorUnits) * BigInt(percent)) / 100n, minorUnits);
}

/** A share in %, to one decimal (rounded down, at most 100), of `value` in `target`. */
export function shareOf(value, target) {
  const t = toUnits(target, 6);
  if (t <= 0n) return '100.0';
  const tenths = (toUnits(value, 6) * 1000n) / t;
  const capped = tenths > 1000n ? 1000n : tenths < 0n ? 0n : tenths;
  return `${capped / 10n}.${capped % 10n}`;
}

/**
 * The offers the explorer compares: the program itself, and the same 5% as a discount, as points,
 * as cashback, and as a paid membership whose monthly fee is 5% of the monthly spend for 10% off.
 * `names` gives each offer's label.
 */
export function offers(program, names, monthly, minorUnits) {
  const base = { version: 1, currency: program.currency, rounding: program.rounding ?? 'half_up' };
  return [
    { name: names.thisProgram, program },
    { name: names.discount5, program: { ...base, id: 'discount-5', name: names.discount5, discounts: [{ id: 'd', name: names.discount5, value: { type: 'percent', percent: '5' } }] } },
    { name: names.points5, program: { ...base, id: 'points-5', name: names.points5, points: { earn: { points: '5', per_amount: '100' }, value_per_point: '1', max_redeem_percent: '100' } } },
    { name: names.cashback5, program: { ...base, id: 'cashback-5', name: names.cashback5, cashback: { percent: '5' } } },
    { name: names.membership, program: { ...base, id: 'membership', name: names.membership, membership: { name: names.membership, fee: percentOf(monthly, 5, minorUnits), period: 'month' },
      discounts: [{ id: 'members', name: names.membership, value: { type: 'percent', percent: '10' }, conditions: { members_only: true } }] } },
  ];
}

const ECONOMICS = { gross_margin_percent: 'margin', redemption_rate_percent: 'redemption', monthly_churn_percent: 'churn' };

/**
 * The explorer's field that a refusal of the core names: an edited program parameter by its path
 * (`tiers.2.threshold`), or `margin`, `redemption`, `churn`, `monthly`; null when none does.
 */
export function fieldOfPath(path) {
  const economics = /economics\.(\w+)/.exec(path ?? '');
  if (economics) return ECONOMICS[economics[1]] ?? null;
  if (/plan\.monthly/.test(path ?? '')) return 'monthly';
  if (/redeem\.share/.test(path ?? '')) return 'redemption';
  const program = /(?:^|\.)program\.(.+)$/.exec(path ?? '');
  return program ? program[1].replace(/\[(\d+)\]/g, '.$1') : null;
}

/** The words for a value refused as out of range, by the explorer's field `key` and the value. */
export function rangeOf(key, value) {
  if (/(^|\.)(margin|redemption|churn|[a-z_]*percent)$/.test(key)) return 'percentRange';
  return value.startsWith('-') ? 'notNegative' : 'out_of_range';
}
