// The offer explorer's strings in English; Russian, Armenian and Georgian are in i18n-explorer-ru.js,
// i18n-explorer-hy.js and i18n-explorer-ka.js, which a page loads only for the language it shows.
// `{name}` marks a value.

const MESSAGES = {
  en: {
    scrollHint: 'The table is wider than the screen: scroll it sideways to see every column →',
    stale: 'The figures are hidden until the marked value is corrected.',
    line: 'Line {n}', item: 'Item', unitPrice: 'Unit price', quantity: 'Quantity', category: 'Category', noCategory: 'Other', addLine: 'Add a line', removeLine: 'Remove line {n}',
    orders: 'Orders a month', basketTotal: 'Usual order {amount} × {orders} a month = {total}',
    fieldError: { not_increasing: 'Must be above the tier before it.', out_of_range: 'Out of the accepted range.', percentRange: 'Enter a percent from 0 to 100.', notNegative: 'Enter 0 or more.', too_precise: 'Too many decimal places.',
      wrong_type: 'Enter a number, such as {example}.', other: 'This value is not accepted.' },
    title: 'Offer explorer', program: 'Program', parameters: 'Program parameters', tierThreshold: '{tier}: threshold',
    rulePercent: '{rule}: discount %', ruleAmount: '{rule}: amount off', ruleBuy: '{rule}: buy', ruleGet: '{rule}: get', ruleBreak: '{rule}: % from {quantity} items', rulePrice: '{rule}: set price', multiplierFactor: '{name}: points ×', taxPercent: 'VAT included %',
    tierDiscount: '{tier}: discount %', earnPoints: 'Points earned', earnPer: 'per amount', pointValue: 'Value of a point',
    maxRedeem: 'Points may pay up to %', cashback: 'Cashback %',
    cashbackCap: 'Cashback cap a month', lifetime: 'Customer lifetime, months', lifetimeProfit: 'Gross profit over a lifetime', behaviour: 'Customer behaviour',
    months: 'Months', economics: 'Seller economics', margin: 'Gross margin %', redemption: 'Points redeemed %', churn: 'Monthly churn %',
    impact: 'Margin impact', revenue: 'Revenue', profitWithout: 'Gross profit without the program', cost: 'Program cost',
    profitWith: 'Gross profit with the program', share: 'Share of gross profit given away', uplift: 'Volume needed to break even',
    liability: 'Points liability', compare: 'Same face value, four ways', variant: 'Offer', benefit: 'Customer benefit',
    chartDesc: 'Longer bars cost the seller more; each bar is labelled with its value.',
    thisProgram: 'This program', discount5: '5% discount', points5: '5% in points', cashback5: '5% cashback', membership: 'Paid membership: 10% off for a 5% fee',
    catalog: 'Catalog rewards', reward: 'Reward', spendNeeded: 'Spend needed', effectiveReturn: 'Effective return',
    invalid: 'This value is refused ({code} at {path}): {message}', print: 'Print', loading: 'Loading the explorer…',
    unavailable: 'The explorer is unavailable right now.', notApplicable: 'n/a',
    feeIncome: 'Membership fees ({fees}), counted as income, exceed what customers get ({given}): would they pay them?',
    noEffect: 'Changes nothing in these figures: no order in the plan uses it.',
    belowMinimum: ' At {value} a point an order of {order} may use {most} points at most, under the {min}-point minimum: points are never redeemed.',
  },
};

/** The other languages, each a module of its own, fetched only for a page that shows it. */
const LOADERS = {
  ru: () => import('./i18n-explorer-ru.js'),
  hy: () => import('./i18n-explorer-hy.js'),
  ka: () => import('./i18n-explorer-ka.js'),
};

/** Loads the strings of `lang` once; until they arrive (or if they cannot), English stands in. */
export async function loadExplorerMessages(lang) {
  if (MESSAGES[lang] || !LOADERS[lang]) return;
  MESSAGES[lang] = (await LOADERS[lang]()).default;
}

export function explorerMessages(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}
