// Every string the widget shows, in English, Russian, Armenian and Georgian.
// `{name}` marks a value; amounts are formatted by Intl.NumberFormat before they are filled in.

export const LANGS = ['en', 'ru', 'hy', 'ka'];

const MESSAGES = {
  en: {
    title: 'Your rewards',
    noTier: 'No tier yet',
    toNext: 'Spend {amount} more for {tier}',
    topTier: 'You are in the top tier',
    pending: '{tier} from {date}',
    progress: '{percent}% of the way to {tier}',
    percentOff: '{percent}% off',
    pointsTimes: '×{multiplier} points',
    subtotal: 'Subtotal',
    discount: 'Discount',
    pointsPaid: 'Paid with points',
    payable: 'To pay',
    earn: 'You earn {points} points',
    companyEarns: 'Your company earns {points} points',
    employeeEarns: 'You earn {points} personal points',
    cashback: 'Store credit earned: {amount}',
    redeemLabel: 'Points to use',
    redeemHint: 'Balance {balance} points; up to {cap} on this order',
    redeemNone: 'No points to use on this order',
    explainShow: 'How is this calculated?',
    explainHide: 'Hide the details',
    announce: 'To pay: {amount}',
    loading: 'Loading your rewards…',
    unavailable: 'Rewards are unavailable right now. Your checkout still works.',
    failed: 'Rewards could not be calculated ({code}).',
    tip: 'Did you know? Points you do not use expire; check the dates in the details.',
    // Explanations of the trace, by its machine code.
    applied: '{name}: {amount} off',
    appliedPercent: '{name}: {percent}% off, {amount}',
    appliedPerUnit: '{name}: {each} off each item, {amount}',
    inactive: '{name}: {percent}% after {days} days without a purchase, {amount}',
    belowMinSubtotal: '{name}: add {remaining} to your order to get it',
    belowFirstStep: '{name}: starts after {remaining} more in purchases',
    membersOnly: '{name}: for members only',
    needsFirstPurchase: '{name}: from your second purchase',
    lostToBetter: '{name}: not combined, a better offer applies',
    blockedByExclusive: '{name}: not combined with {by}',
    codeAccepted: 'Code {code} applied',
    codeRefused: 'Code {code} not applied: {reason}',
    reason_unknown_code: 'unknown code',
    reason_expired: 'expired',
    reason_not_yet_valid: 'not valid yet',
    reason_below_minimum_order: 'the order must reach {min}',
    reason_refused_excluded_items: 'not valid with {sku}',
    redeemed: '{points} points pay {amount}',
    redeemCapped: '{points} points pay {amount} (at most {cap} on this order)',
    redeemBelowMinimum: 'Points can be used from {min} points',
    earned: '{points} points on {base}',
    earnedTimes: '{points} points on {base} (×{multiplier})',
    employeeEarned: '{points} personal points on {base}',
    eventPoints: '{name}: {points} points',
    partnerPoints: '{name}: {points} points moved in',
    cashbackEarned: 'Store credit {amount}',
    cashbackCapped: 'Store credit {amount} (monthly cap reached)',
    upgraded: 'New tier: {tier}',
    upgradeLater: 'New tier from the next recalculation',
    commitmentOpen: 'Period minimum: {remaining} still to spend',
    commitmentMet: 'Period minimum reached',
    expiring: '{points} points expire on {date}',
  },
  ru: {
    title: 'Ваши бонусы',
    noTier: 'Уровня пока нет',
    toNext: 'Ещё {amount} до уровня {tier}',
    topTier: 'У вас высший уровень',
    pending: '{tier} с {date}',
    progress: '{percent}% пути до уровня {tier}',
    percentOff: 'скидка {percent}%',
    pointsTimes: 'баллы ×{multiplier}',
    subtotal: 'Сумма',
    discount: 'Скидка',
    pointsPaid: 'Оплачено баллами',
    payable: 'К оплате',
    earn: 'Вам начислят баллов: {points}',
    companyEarns: 'Компании начислят баллов: {points}',
    employeeEarns: 'Вам лично начислят баллов: {points}',
    cashback: 'На счёт в магазине: {amount}',
    redeemLabel: 'Списать баллы',
    redeemHint: 'Баланс: {balance}; в этом заказе — до {cap}',
    redeemNone: 'В этом заказе списать баллы нельзя',
    explainShow: 'Как это посчитано?',
    explainHide: 'Скрыть подробности',
    announce: 'К оплате: {amount}',
    loading: 'Загружаем ваши бонусы…',
    unavailable: 'Бонусы сейчас недоступны. Оформить заказ можно как обычно.',
    failed: 'Не удалось рассчитать бонусы ({code}).',
    tip: 'Знаете ли вы? Неиспользованные баллы сгорают — даты есть в подробностях.',
    applied: '{name}: скидка {amount}',
    appliedPercent: '{name}: скидка {percent}%, {amount}',
    appliedPerUnit: '{name}: {each} с каждого товара, {amount}',
    inactive: '{name}: {percent}% после {days} дн. без покупок, {amount}',
    belowMinSubtotal: '{name}: добавьте в заказ ещё {remaining}',
    belowFirstStep: '{name}: начнётся после покупок ещё на {remaining}',
    membersOnly: '{name}: только для участников клуба',
    needsFirstPurchase: '{name}: со второй покупки',
    lostToBetter: '{name}: не суммируется, действует более выгодное предложение',
    blockedByExclusive: '{name}: не суммируется с «{by}»',
    codeAccepted: 'Код {code} применён',
    codeRefused: 'Код {code} не применён: {reason}',
    reason_unknown_code: 'неизвестный код',
    reason_expired: 'срок действия истёк',
    reason_not_yet_valid: 'код ещё не действует',
    reason_below_minimum_order: 'заказ должен быть от {min}',
    reason_refused_excluded_items: 'не действует вместе с {sku}',
    redeemed: 'Баллами ({points}) оплачено {amount}',
    redeemCapped: 'Баллами ({points}) оплачено {amount}; в этом заказе не больше {cap}',
    redeemBelowMinimum: 'Списать можно от {min} баллов',
    earned: 'Баллов: {points} за {base}',
    earnedTimes: 'Баллов: {points} за {base} (×{multiplier})',
    employeeEarned: 'Личных баллов: {points} за {base}',
    eventPoints: '{name} — баллов: {points}',
    partnerPoints: '{name}: переведено баллов — {points}',
    cashbackEarned: 'На счёт в магазине: {amount}',
    cashbackCapped: 'На счёт в магазине: {amount} (месячный лимит)',
    upgraded: 'Новый уровень: {tier}',
    upgradeLater: 'Новый уровень — после ближайшего пересчёта',
    commitmentOpen: 'Минимум периода: осталось {remaining}',
    commitmentMet: 'Минимум периода выполнен',
    expiring: 'Баллов сгорит {date}: {points}',
  },
  hy: {
    title: 'Ձեր բոնուսները',
    noTier: 'Մակարդակ դեռ չկա',
    toNext: 'Եվս {amount}՝ {tier} մակարդակի համար',
    topTier: 'Դուք ամենաբարձր մակարդակում եք',
    pending: '{tier}՝ {date}-ից',
    progress: '{tier} մակարդակի ճանապարհի {percent}%-ը',
    percentOff: '{percent}% զեղչ',
    pointsTimes: 'միավորներ ×{multiplier}',
    subtotal: 'Գումար',
    discount: 'Զեղչ',
    pointsPaid: 'Վճարված է միավորներով',
    payable: 'Վճարման ենթակա',
    earn: 'Դուք կստանաք {points} միավոր',
    companyEarns: 'Ձեր ընկերությունը կստանա {points} միավոր',
    employeeEarns: 'Դուք անձամբ կստանաք {points} միավոր',
    cashback: 'Խանութի հաշվին՝ {amount}',
    redeemLabel: 'Օգտագործել միավորներ',
    redeemHint: 'Մնացորդ՝ {balance}, այս պատվերում՝ մինչև {cap}',
    redeemNone: 'Այս պատվերում միավորներ օգտագործել հնարավոր չէ',
    explainShow: 'Ինչպե՞ս է սա հաշվարկված',
    explainHide: 'Թաքցնել մանրամասները',
    announce: 'Վճարման ենթակա՝ {amount}',
    loading: 'Բեռնում ենք ձեր բոնուսները…',
    unavailable: 'Բոնուսներն այս պահին հասանելի չեն։ Պատվերը կարող եք ձևակերպել սովորականի պես։',
    failed: 'Բոնուսները հնարավոր չեղավ հաշվել ({code})։',
    tip: 'Գիտե՞ք արդյոք։ Չօգտագործված միավորներն այրվում են. ժամկետները տես մանրամասներում։',
    applied: '{name}՝ {amount} զեղչ',
    appliedPercent: '{name}՝ {percent}% զեղչ, {amount}',
    appliedPerUnit: '{name}՝ {each} յուրաքանչյուր ապրանքից, {amount}',
    inactive: '{name}՝ {percent}%, {days} օր առանց գնումների, {amount}',
    belowMinSubtotal: '{name}՝ ավելացրեք ևս {remaining}',
    belowFirstStep: '{name}՝ կսկսվի ևս {remaining} գնումներից հետո',
    membersOnly: '{name}՝ միայն անդամների համար',
    needsFirstPurchase: '{name}՝ երկրորդ գնումից',
    lostToBetter: '{name}՝ չի գումարվում, գործում է ավելի շահավետ առաջարկ',
    blockedByExclusive: '{name}՝ չի գումարվում «{by}»-ի հետ',
    codeAccepted: '{code} կոդը կիրառված է',
    codeRefused: '{code} կոդը կիրառված չէ՝ {reason}',
    reason_unknown_code: 'անհայտ կոդ',
    reason_expired: 'ժամկետն անցել է',
    reason_not_yet_valid: 'դեռ չի գործում',
    reason_below_minimum_order: 'պատվերը պետք է լինի առնվազն {min}',
    reason_refused_excluded_items: 'չի գործում {sku}-ի հետ',
    redeemed: '{points} միավորով վճարված է {amount}',
    redeemCapped: '{points} միավորով վճարված է {amount} (այս պատվերում առավելագույնը {cap})',
    redeemBelowMinimum: 'Միավորները կարելի է օգտագործել {min}-ից սկսած',
    earned: '{points} միավոր {base}-ի համար',
    earnedTimes: '{points} միավոր {base}-ի համար (×{multiplier})',
    employeeEarned: '{points} անձնական միավոր {base}-ի համար',
    eventPoints: '{name}՝ {points} միավոր',
    partnerPoints: '{name}՝ փոխանցվել է {points} միավոր',
    cashbackEarned: 'Խանութի հաշվին՝ {amount}',
    cashbackCapped: 'Խանութի հաշվին՝ {amount} (ամսական սահմանաչափ)',
    upgraded: 'Նոր մակարդակ՝ {tier}',
    upgradeLater: 'Նոր մակարդակը՝ հաջորդ վերահաշվարկից',
    commitmentOpen: 'Ժամանակահատվածի նվազագույնը՝ մնաց {remaining}',
    commitmentMet: 'Ժամանակահատվածի նվազագույնը կատարված է',
    expiring: '{date}-ին կայրվի {points} միավոր',
  },
  ka: {
    title: 'თქვენი ბონუსები',
    noTier: 'დონე ჯერ არ გაქვთ',
    toNext: 'კიდევ {amount} დონემდე {tier}',
    topTier: 'თქვენ უმაღლეს დონეზე ხართ',
    pending: '{tier} — {date}-დან',
    progress: '{percent}% დონემდე {tier}',
    percentOff: '{percent}% ფასდაკლება',
    pointsTimes: 'ქულები ×{multiplier}',
    subtotal: 'ჯამი',
    discount: 'ფასდაკლება',
    pointsPaid: 'გადახდილია ქულებით',
    payable: 'გადასახდელი',
    earn: 'დაგერიცხებათ {points} ქულა',
    companyEarns: 'თქვენს კომპანიას დაერიცხება {points} ქულა',
    employeeEarns: 'თქვენ პირადად დაგერიცხებათ {points} ქულა',
    cashback: 'მაღაზიის ანგარიშზე: {amount}',
    redeemLabel: 'ქულების გამოყენება',
    redeemHint: 'ბალანსი: {balance}; ამ შეკვეთაში — {cap}-მდე',
    redeemNone: 'ამ შეკვეთაში ქულების გამოყენება შეუძლებელია',
    explainShow: 'როგორ არის ეს გამოთვლილი?',
    explainHide: 'დეტალების დამალვა',
    announce: 'გადასახდელი: {amount}',
    loading: 'იტვირთება თქვენი ბონუსები…',
    unavailable: 'ბონუსები ახლა მიუწვდომელია. შეკვეთის გაფორმება ჩვეულებრივ შეგიძლიათ.',
    failed: 'ბონუსების გამოთვლა ვერ მოხერხდა ({code}).',
    tip: 'იცით თუ არა? გამოუყენებელი ქულები იწვება — ვადები იხილეთ დეტალებში.',
    applied: '{name}: {amount} ფასდაკლება',
    appliedPercent: '{name}: {percent}% ფასდაკლება, {amount}',
    appliedPerUnit: '{name}: {each} თითოეულ ნივთზე, {amount}',
    inactive: '{name}: {percent}% {days} დღე შენაძენის გარეშე, {amount}',
    belowMinSubtotal: '{name}: დაამატეთ კიდევ {remaining}',
    belowFirstStep: '{name}: დაიწყება კიდევ {remaining} შენაძენის შემდეგ',
    membersOnly: '{name}: მხოლოდ წევრებისთვის',
    needsFirstPurchase: '{name}: მეორე შენაძენიდან',
    lostToBetter: '{name}: არ ჯამდება, მოქმედებს უკეთესი შეთავაზება',
    blockedByExclusive: '{name}: არ ჯამდება „{by}“-თან',
    codeAccepted: 'კოდი {code} გამოყენებულია',
    codeRefused: 'კოდი {code} არ გამოიყენება: {reason}',
    reason_unknown_code: 'უცნობი კოდი',
    reason_expired: 'ვადა გაუვიდა',
    reason_not_yet_valid: 'ჯერ არ მოქმედებს',
    reason_below_minimum_order: 'შეკვეთა უნდა იყოს მინიმუმ {min}',
    reason_refused_excluded_items: 'არ მოქმედებს {sku}-თან ერთად',
    redeemed: '{points} ქულით გადახდილია {amount}',
    redeemCapped: '{points} ქულით გადახდილია {amount} (ამ შეკვეთაში მაქსიმუმ {cap})',
    redeemBelowMinimum: 'ქულების გამოყენება შეიძლება {min} ქულიდან',
    earned: '{points} ქულა {base}-ზე',
    earnedTimes: '{points} ქულა {base}-ზე (×{multiplier})',
    employeeEarned: '{points} პირადი ქულა {base}-ზე',
    eventPoints: '{name}: {points} ქულა',
    partnerPoints: '{name}: გადმოვიდა {points} ქულა',
    cashbackEarned: 'მაღაზიის ანგარიშზე: {amount}',
    cashbackCapped: 'მაღაზიის ანგარიშზე: {amount} (თვიური ლიმიტი)',
    upgraded: 'ახალი დონე: {tier}',
    upgradeLater: 'ახალი დონე — მომდევნო გადათვლიდან',
    commitmentOpen: 'პერიოდის მინიმუმი: დარჩა {remaining}',
    commitmentMet: 'პერიოდის მინიმუმი შესრულებულია',
    expiring: '{date}-ს დაიწვება {points} ქულა',
  },
};

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

/** One plain sentence for a trace entry, or null for entries that would only be noise. */
export function explainEntry(entry, m, f, names) {
  const p = entry.params ?? {};
  const name = names.get(entry.rule) ?? entry.rule;
  const amount = entry.amount === undefined ? '' : entry.amount;
  switch (`${entry.kind}:${entry.code}`) {
    case 'discount:applied':
      if (p.inactive_days) return fill(m.inactive, { name, percent: f.count(p.percent), days: p.inactive_days, amount: f.money(amount) });
      if (p.percent) return fill(m.appliedPercent, { name, percent: f.count(p.percent), amount: f.money(amount) });
      if (p.amount_per_unit) return fill(m.appliedPerUnit, { name, each: f.money(p.amount_per_unit), amount: f.money(amount) });
      return fill(m.applied, { name, amount: f.money(amount) });
    case 'discount:below_min_subtotal': return fill(m.belowMinSubtotal, { name, remaining: f.money(p.remaining) });
    case 'discount:below_first_step': return fill(m.belowFirstStep, { name, remaining: f.money(p.remaining) });
    case 'discount:members_only': return fill(m.membersOnly, { name });
    case 'discount:needs_first_purchase': return fill(m.needsFirstPurchase, { name });
    case 'discount:lost_to_better_offer': return fill(m.lostToBetter, { name });
    case 'discount:blocked_by_exclusive': return fill(m.blockedByExclusive, { name, by: names.get(p.by) ?? p.by });
    case 'promo_code:accepted': return fill(m.codeAccepted, { code: entry.rule });
    case 'redemption:redeemed':
      return fill(p.limited_by === 'share_cap' ? m.redeemCapped : m.redeemed, { points: f.count(p.points), amount: f.money(amount), cap: f.count(p.cap) });
    case 'redemption:not_redeemed':
      return p.limited_by === 'below_minimum' ? fill(m.redeemBelowMinimum, { min: f.count(p.min ?? '') }) : null;
    case 'points:earned':
      return fill(p.multiplier && p.multiplier !== '1' ? m.earnedTimes : m.earned, { points: f.count(amount), base: f.money(p.base), multiplier: f.count(p.multiplier ?? '1') });
    case 'employee_points:earned': return fill(m.employeeEarned, { points: f.count(amount), base: f.money(p.base) });
    case 'event:event_points': return fill(m.eventPoints, { name, points: f.count(amount) });
    case 'coalition:transferred': return fill(m.partnerPoints, { name, points: f.count(amount) });
    case 'cashback:earned': return fill(m.cashbackEarned, { amount: f.money(amount) });
    case 'cashback:capped': return fill(m.cashbackCapped, { amount: f.money(amount) });
    case 'tier:upgraded': return fill(m.upgraded, { tier: names.get(entry.rule) ?? entry.rule });
    case 'tier:upgrade_at_recalculation': return m.upgradeLater;
    case 'commitment:commitment_open': return fill(m.commitmentOpen, { remaining: f.money(p.remaining) });
    case 'commitment:commitment_met': return m.commitmentMet;
    default:
      if (entry.kind === 'promo_code' && !entry.applied) {
        const reason = fill(m[`reason_${entry.code}`] ?? entry.code, { min: p.min_order ? f.money(p.min_order) : '', sku: p.sku ?? '' });
        return fill(m.codeRefused, { code: entry.rule, reason });
      }
      return null;
  }
}
