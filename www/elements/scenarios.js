// The arithmetic behind the tier page's and the offer explorer's inputs, outside the views: what a
// basket costs, the offers compared, and which field a refusal of the core points at. Amounts are
// decimal strings, worked on as BigInt minor units; nothing here goes through a float.

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

/** What a basket's lines cost at their unit prices, to `minorUnits` decimals, times `orders`. */
export function basketTotal(lines, minorUnits, orders = 1) {
  const units = lines.reduce((sum, line) => sum + toUnits(line.unit_price, minorUnits) * BigInt(line.quantity), 0n);
  return fromUnits(units * BigInt(orders), minorUnits);
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
  // The basket's attributes, declared in each offer.
  const base = { version: 1, currency: program.currency, rounding: program.rounding ?? 'half_up', ...(program.attributes && { attributes: program.attributes }) };
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
 * (`tiers.2.threshold`), a basket line's (`basket.1.quantity`), or `margin`, `redemption`, `churn`,
 * `orders`; null when none does.
 */
export function fieldOfPath(path) {
  const economics = /economics\.(\w+)/.exec(path ?? '');
  if (economics) return ECONOMICS[economics[1]] ?? null;
  // A basket line's field (its attributes by name), or its orders a month.
  const line = /plan\.basket\.lines\[(\d+)\]\.(?:attributes\.)?(\w+)/.exec(path ?? '');
  if (line) return `basket.${line[1]}.${line[2]}`;
  if (/plan\.basket\.orders/.test(path ?? '')) return 'orders';
  if (/redeem\.share/.test(path ?? '')) return 'redemption';
  const program = /(?:^|\.)program\.(.+)$/.exec(path ?? '');
  return program ? program[1].replace(/\[(\d+)\]/g, '.$1') : null;
}

/** The words for a value refused as out of range, by the explorer's field `key` and the value. */
export function rangeOf(key, value) {
  if (/(^|\.)(margin|redemption|churn|[a-z_]*percent)$/.test(key)) return 'percentRange';
  return value.startsWith('-') ? 'notNegative' : 'out_of_range';
}

/**
 * The most points an order of `spend` may pay on a program, with its minimum, when that is below
 * the minimum: then no order of that size or smaller ever redeems. Null otherwise.
 */
export function belowMinimum(program, spend) {
  const points = program.points;
  const min = BigInt(points?.min_redeem ?? 0);
  if (!min || !/[1-9]/.test(points.value_per_point ?? '')) return null;
  const most = (toUnits(spend, 6) * toUnits(points.max_redeem_percent ?? '100', 6)) / (toUnits(points.value_per_point, 6) * 100_000_000n);
  return most < min ? { most: String(most), min: String(min) } : null;
}
