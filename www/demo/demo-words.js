// The demo pages' own words: the shop around the widgets (its cart, its Pay button, its receipt),
// in the four languages the widgets speak. They live here, not in www/i18n/, which holds only
// what the widgets ship to a shop (and is held to size ceilings). Amounts are written as the
// widgets write them, so that a receipt reads exactly as the widget's "To pay".
//
// In the pages' HTML, `data-words="key"` puts a key's words in an element's text, and
// `data-words-label` and `data-words-placeholder` in its aria-label and placeholder.

const LANGS = ['en', 'ru', 'hy', 'ka'];

/** The language of a locale tag ("ka-GE" → "ka"); English for any other (as the widgets read it). */
const langOf = (locale) => {
  const base = String(locale || 'en').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(base) ? base : 'en';
};

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));

// The widgets' way of writing amounts (formatters() in www/i18n/i18n.js), repeated here because
// the pages load the widgets as one bundle that does not export it, and importing www/i18n/ would
// load a second copy beside the bundle. tests/browser/demo-words.test.mjs and
// checkout-demo.test.mjs hold the receipt to the widget's "To pay" in all four languages.
// Intl formats a decimal string exactly (never through a float); where the browser has no data
// for the locale (Chromium lacks Armenian and Georgian), the CLDR conventions are applied by hand:
// decimal comma, no-break-space groups from five digits, the sign after the amount.
const FALLBACK = { hy: { decimal: ',', group: '\u00a0' }, ka: { decimal: ',', group: '\u00a0' } };
const SIGNS = { AMD: '֏', GEL: '₾', RUB: '₽', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

function formatDecimal(text, digits, { decimal, group }) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  const shown = digits === undefined ? fraction.replace(/0+$/, '') : fraction.padEnd(digits, '0').slice(0, digits);
  return `${negative ? '-' : ''}${grouped}${shown ? decimal + shown : ''}`;
}

function formatters(locale, currency, minorUnits) {
  const fallback = Intl.NumberFormat.supportedLocalesOf([locale]).length === 0 ? FALLBACK[langOf(locale)] : undefined;
  if (fallback) {
    return {
      money: (amount) => `${formatDecimal(String(amount), minorUnits, fallback)}\u00a0${SIGNS[currency] ?? currency}`,
      count: (value) => formatDecimal(String(value), undefined, fallback),
    };
  }
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minorUnits, maximumFractionDigits: minorUnits });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return { money: (amount) => money.format(String(amount)), count: (value) => count.format(String(value)) };
}

const WORDS = {
  en: {
    'title.checkout': 'Demo shop checkout — loyalty calculator',
    'title.listing': 'Demo shop listing — loyalty calculator',
    'title.tier': 'Your tier — loyalty calculator',
    'title.explorer': 'Sales rep’s screen — loyalty calculator',
    checkoutHeading: 'Demo shop — checkout',
    listingHeading: 'Demo shop — products',
    tierHeading: 'Your tier',
    explorerHeading: 'Sales rep’s screen',
    allDemos: 'All demos',
    program: 'Program',
    customer: 'Customer',
    language: 'Language',
    customerNew: 'New customer',
    customerRegular: 'Regular customer',
    customerB2b: 'Business client’s employee',
    choices: 'Choices',
    cart: 'Your cart',
    item: 'Item',
    category: 'Category',
    price: 'Price',
    qty: 'Qty',
    remove: 'Remove',
    removeItem: 'Remove {item}',
    quantityOf: 'Quantity of {item}',
    itemToAdd: 'Item to add',
    add: 'Add to cart',
    promo: 'Promo code',
    applyCode: 'Apply code',
    summary: 'Summary',
    pay: 'Pay',
    payWaits: 'You can pay once your rewards are calculated.',
    cartEmpty: 'Add an item to pay.',
    charged: 'Charged {amount}. Thank you!',
    chargedWithout: 'Charged {amount}, without rewards. Thank you!',
    goods: 'Goods',
    delivery: 'Delivery',
    'delivery.courier': 'Courier delivery',
    total: 'To pay',
    fallback: 'Rewards are shown here when your browser can load them. You can pay without them.',
    emptyQuantity: 'An empty quantity',
    quoted: '“{entry}”',
    notQuantity: '{entry} is not a quantity: enter a whole number from 1 to {max}. The cart keeps {kept}.',
    products: '{count} products, each with the customer’s price',
    tierFallback: 'Your tier preview appears here when your browser can load it.',
    explorerFallback: 'The offer explorer appears here when your browser can load it.',
  },
  ru: {
    'title.checkout': 'Оформление заказа в демо-магазине — калькулятор лояльности',
    'title.listing': 'Каталог демо-магазина — калькулятор лояльности',
    'title.tier': 'Ваш уровень — калькулятор лояльности',
    'title.explorer': 'Экран менеджера по продажам — калькулятор лояльности',
    checkoutHeading: 'Демо-магазин — оформление заказа',
    listingHeading: 'Демо-магазин — товары',
    tierHeading: 'Ваш уровень',
    explorerHeading: 'Экран менеджера по продажам',
    allDemos: 'Все демо',
    program: 'Программа',
    customer: 'Покупатель',
    language: 'Язык',
    customerNew: 'Новый покупатель',
    customerRegular: 'Постоянный покупатель',
    customerB2b: 'Сотрудник корпоративного клиента',
    choices: 'Параметры',
    cart: 'Ваша корзина',
    item: 'Товар',
    category: 'Категория',
    price: 'Цена',
    qty: 'Кол-во',
    remove: 'Удалить',
    removeItem: 'Удалить «{item}»',
    quantityOf: 'Количество товара «{item}»',
    itemToAdd: 'Товар, который добавить',
    add: 'Добавить в корзину',
    promo: 'Промокод',
    applyCode: 'Применить',
    summary: 'Итого',
    pay: 'Оплатить',
    payWaits: 'Оплатить можно, когда бонусы будут рассчитаны.',
    cartEmpty: 'Добавьте товар, чтобы оплатить заказ.',
    charged: 'Оплачено: {amount}. Спасибо!',
    chargedWithout: 'Оплачено без бонусов: {amount}. Спасибо!',
    goods: 'Товары',
    delivery: 'Доставка',
    'delivery.courier': 'Доставка курьером',
    total: 'К оплате',
    fallback: 'Бонусы появятся здесь, если браузер сможет их загрузить. Оплатить заказ можно и без них.',
    emptyQuantity: 'Пустое поле',
    quoted: '«{entry}»',
    notQuantity: '{entry} — не количество: введите целое число от 1 до {max}. В корзине остаётся {kept}.',
    products: '{count} товаров, у каждого — цена для покупателя',
    tierFallback: 'Ваш уровень появится здесь, если браузер сможет его загрузить.',
    explorerFallback: 'Конструктор предложений появится здесь, если браузер сможет его загрузить.',
  },
  hy: {
    'title.checkout': 'Դեմո խանութի պատվերի ձևակերպում — հավատարմության հաշվիչ',
    'title.listing': 'Դեմո խանութի ապրանքներ — հավատարմության հաշվիչ',
    'title.tier': 'Ձեր մակարդակը — հավատարմության հաշվիչ',
    'title.explorer': 'Վաճառքի մենեջերի էկրան — հավատարմության հաշվիչ',
    checkoutHeading: 'Դեմո խանութ — պատվերի ձևակերպում',
    listingHeading: 'Դեմո խանութ — ապրանքներ',
    tierHeading: 'Ձեր մակարդակը',
    explorerHeading: 'Վաճառքի մենեջերի էկրան',
    allDemos: 'Բոլոր դեմոները',
    program: 'Ծրագիր',
    customer: 'Գնորդ',
    language: 'Լեզու',
    customerNew: 'Նոր գնորդ',
    customerRegular: 'Մշտական գնորդ',
    customerB2b: 'Կորպորատիվ հաճախորդի աշխատակից',
    choices: 'Ընտրություն',
    cart: 'Ձեր զամբյուղը',
    item: 'Ապրանք',
    category: 'Կատեգորիա',
    price: 'Գին',
    qty: 'Քանակ',
    remove: 'Հեռացնել',
    removeItem: 'Հեռացնել «{item}» ապրանքը',
    quantityOf: '«{item}» ապրանքի քանակը',
    itemToAdd: 'Ավելացվող ապրանքը',
    add: 'Ավելացնել զամբյուղում',
    promo: 'Պրոմոկոդ',
    applyCode: 'Կիրառել',
    summary: 'Ամփոփում',
    pay: 'Վճարել',
    payWaits: 'Կարող եք վճարել, երբ բոնուսները հաշվարկվեն։',
    cartEmpty: 'Վճարելու համար ավելացրեք ապրանք։',
    charged: 'Վճարված է՝ {amount}։ Շնորհակալություն։',
    chargedWithout: 'Վճարված է առանց բոնուսների՝ {amount}։ Շնորհակալություն։',
    goods: 'Ապրանքներ',
    delivery: 'Առաքում',
    'delivery.courier': 'Առաքում սուրհանդակով',
    total: 'Վճարման ենթակա',
    fallback: 'Բոնուսները կերևան այստեղ, երբ դիտարկիչը կարողանա դրանք բեռնել։ Կարող եք վճարել նաև առանց դրանց։',
    emptyQuantity: 'Դատարկ դաշտը',
    quoted: '«{entry}»',
    notQuantity: '{entry} քանակ չէ. մուտքագրեք ամբողջ թիվ 1-ից {max}։ Զամբյուղում մնում է {kept}։',
    products: '{count} ապրանք, յուրաքանչյուրը՝ գնորդի գնով',
    tierFallback: 'Ձեր մակարդակը կերևա այստեղ, երբ դիտարկիչը կարողանա այն բեռնել։',
    explorerFallback: 'Առաջարկների կառուցիչը կերևա այստեղ, երբ դիտարկիչը կարողանա այն բեռնել։',
  },
  ka: {
    'title.checkout': 'დემო მაღაზიის შეკვეთის გაფორმება — ლოიალობის კალკულატორი',
    'title.listing': 'დემო მაღაზიის პროდუქცია — ლოიალობის კალკულატორი',
    'title.tier': 'თქვენი დონე — ლოიალობის კალკულატორი',
    'title.explorer': 'გაყიდვების მენეჯერის ეკრანი — ლოიალობის კალკულატორი',
    checkoutHeading: 'დემო მაღაზია — შეკვეთის გაფორმება',
    listingHeading: 'დემო მაღაზია — პროდუქცია',
    tierHeading: 'თქვენი დონე',
    explorerHeading: 'გაყიდვების მენეჯერის ეკრანი',
    allDemos: 'ყველა დემო',
    program: 'პროგრამა',
    customer: 'მყიდველი',
    language: 'ენა',
    customerNew: 'ახალი მყიდველი',
    customerRegular: 'მუდმივი მყიდველი',
    customerB2b: 'კორპორატიული კლიენტის თანამშრომელი',
    choices: 'არჩევანი',
    cart: 'თქვენი კალათა',
    item: 'პროდუქტი',
    category: 'კატეგორია',
    price: 'ფასი',
    qty: 'რაოდ.',
    remove: 'წაშლა',
    removeItem: '„{item}“-ის წაშლა',
    quantityOf: '„{item}“-ის რაოდენობა',
    itemToAdd: 'დასამატებელი პროდუქტი',
    add: 'კალათაში დამატება',
    promo: 'პრომოკოდი',
    applyCode: 'გამოყენება',
    summary: 'შეჯამება',
    pay: 'გადახდა',
    payWaits: 'გადახდა შესაძლებელი იქნება ბონუსების გამოთვლის შემდეგ.',
    cartEmpty: 'გადასახდელად დაამატეთ პროდუქტი.',
    charged: 'გადახდილია {amount}. გმადლობთ!',
    chargedWithout: 'გადახდილია ბონუსების გარეშე: {amount}. გმადლობთ!',
    goods: 'პროდუქცია',
    delivery: 'მიტანა',
    'delivery.courier': 'კურიერით მიტანა',
    total: 'გადასახდელი',
    fallback: 'ბონუსები აქ გამოჩნდება, როცა ბრაუზერი შეძლებს მათ ჩატვირთვას. გადახდა მათ გარეშეც შეგიძლიათ.',
    emptyQuantity: 'ცარიელი ველი',
    quoted: '„{entry}“',
    notQuantity: '{entry} არ არის რაოდენობა: შეიყვანეთ მთელი რიცხვი 1-დან {max}-მდე. კალათაში რჩება {kept}.',
    products: '{count} პროდუქტი, თითოეული მყიდველის ფასით',
    tierFallback: 'თქვენი დონე აქ გამოჩნდება, როცა ბრაუზერი შეძლებს მის ჩატვირთვას.',
    explorerFallback: 'შეთავაზებების კონსტრუქტორი აქ გამოჩნდება, როცა ბრაუზერი შეძლებს მის ჩატვირთვას.',
  },
};

/** The language a picker's value asks for: one of the four, English for any other. */
export const pageLang = (locale) => langOf(locale);

/** The words of `key` in `locale`, with `{name}` values filled in (English when a language lacks it; undefined for no such key). */
export function say(locale, key, values = {}) {
  const template = WORDS[langOf(locale)][key] ?? WORDS.en[key];
  return template === undefined ? undefined : fill(template, values);
}

/** `amount` (a decimal string) in `currency` as the widgets write it in `locale`, with `minorUnits` decimals. */
export function money(locale, currency, amount, minorUnits) {
  return formatters(locale, currency, minorUnits).money(amount);
}

/** A count (a whole number) as the widgets write it in `locale`. */
export function count(locale, value) {
  return formatters(locale, 'USD', 2).count(value);
}

/** Puts the page in `locale`: <html lang>, the title, and every element marked with data-words. */
export function translatePage(locale) {
  document.documentElement.lang = langOf(locale);
  for (const el of document.querySelectorAll('[data-words]')) el.textContent = say(locale, el.dataset.words);
  for (const el of document.querySelectorAll('[data-words-label]')) el.setAttribute('aria-label', say(locale, el.dataset.wordsLabel));
  for (const el of document.querySelectorAll('[data-words-placeholder]')) el.setAttribute('placeholder', say(locale, el.dataset.wordsPlaceholder));
}
