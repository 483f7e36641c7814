// The tier preview's strings in English; Russian, Armenian and Georgian are in i18n-preview-ru.js,
// i18n-preview-hy.js and i18n-preview-ka.js, which a page loads only for the language it shows.
// `{name}` marks a value.

const MESSAGES = {
  en: {
    chartAxis: 'Points at each month’s end',
    title: 'Your tier',
    ladder: 'Tiers',
    current: 'your tier',
    from: 'from {amount} spent',
    fromPoints: ['from {amount} point', 'from {amount} points'],
    noTier: 'No tier yet',
    noTiers: 'No tiers in this program',
    progress: '{percent}% of the way to {tier}',
    topTier: 'You are in the top tier',
    reach: 'Spend {amount} more by {date} to reach {tier}',
    reachNoDate: 'Spend {amount} more to reach {tier}',
    keep: 'Spend {amount} more by {date} to keep {tier} at the review on {review}',
    reachPoints: 'Earn {amount} more points by {date} to reach {tier}',
    reachPointsNoDate: 'Earn {amount} more points to reach {tier}',
    keepPoints: 'Earn {amount} more points by {date} to keep {tier} at the review on {review}',
    kept: 'Your {tier} tier is safe at the review on {review}',
    falls: 'At this spend your {tier} tier falls to {lower} in {month}',
    whatIfBasket: 'If you place your usual order ({amount}) this many times a month',
    ordersFigure: '{orders} a month, {total}',
    chartTitle: 'Your points over the next {months} months',
    chartDesc: 'Bars show the point balance at each month’s end; hatched bars show points that expire.',
    showTable: 'Show as a table',
    hideTable: 'Hide the table',
    month: 'Month',
    tier: 'Tier',
    balance: 'Points',
    pending: 'Of which pending',
    expiring: 'Expiring',
    companyBalance: 'Company points',
    employeeBalance: 'Your points',
    accountEarned: '{points} points earned in {months} months',
    accountBalance: 'Balance at the end: {points}',
    expiryTitle: 'When points expire',
    expiryLine: '{points} points on {date}',
    expiryMonthLine: '{points} points in {month}',
    noExpiry: 'No points are due to expire.',
    campaignsTitle: 'Campaigns ahead',
    campaignPoints: '{name}: points ×{multiplier}',
    campaignPercent: '{name}: {percent}% off',
    campaignDates: '{from} – {until}',
    campaignFrom: 'from {from}',
    campaignUntil: 'until {until}',
    campaignBirthday: 'within {days} days of your birthday',
    weekdays: ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'],
    summaryTitle: 'The program in brief',
    totals: 'In {months} months: {points} points and {benefit} of benefits, {return}% back on your spend',
    loading: 'Loading your tier…',
    unavailable: 'Your tier preview is unavailable right now.',
    failed: 'Your tier could not be calculated: {reason}.',
  },
};

/** The other languages, each a module of its own, fetched only for a page that shows it. */
const LOADERS = {
  ru: () => import('./i18n-preview-ru.js'),
  hy: () => import('./i18n-preview-hy.js'),
  ka: () => import('./i18n-preview-ka.js'),
};

/** Loads the strings of `lang` once; until they arrive (or if they cannot), English stands in. */
export async function loadPreviewMessages(lang) {
  if (MESSAGES[lang] || !LOADERS[lang]) return;
  MESSAGES[lang] = (await LOADERS[lang]()).default;
}

export function previewMessages(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}
