//! The words tables: each language's sentence pieces, and how it writes numbers and plurals.

use super::lang::Lang;
use rust_decimal::Decimal;

/// The sentence pieces of one language; `{x}` marks a value. A name (a tier's, a rule's, a
/// category's) only ever fills a slot where it stands on its own, quoted or after a colon, so
/// that no grammatical case is forced on a name the program wrote.
pub(super) struct Words {
    pub(super) tiers_spend: &'static str,
    pub(super) tiers_points: &'static str,
    pub(super) calendar_year: &'static str,
    pub(super) quarter: &'static str,
    pub(super) rolling: &'static str,
    pub(super) tier_from: &'static str,
    pub(super) percent_off: &'static str,
    pub(super) amount_off: &'static str,
    pub(super) amount_off_each: &'static str,
    pub(super) tier_discount: &'static str,
    /// Delivery free, a percentage off it, an amount off it.
    pub(super) shipping: [&'static str; 3],
    /// A set of items for a price.
    pub(super) bundle: &'static str,
    /// The classes a discount does not combine with: product, order, delivery discounts.
    pub(super) not_with: &'static str,
    pub(super) classes: [&'static str; 3],
    pub(super) step: &'static str,
    /// Buy X get Y: free, or at a percentage off; how often at most; the dearest units.
    pub(super) buy_get_free: &'static str,
    pub(super) buy_get_off: &'static str,
    pub(super) at_most_times: &'static str,
    pub(super) dearest: &'static str,
    /// A quantity break, and what follows the list when each product counts on its own.
    pub(super) quantity_break: &'static str,
    pub(super) same_product: &'static str,
    /// Scopes: one category, several, and SKUs; `{list}` holds quoted names.
    pub(super) in_category: &'static str,
    pub(super) in_categories: &'static str,
    pub(super) on_products: &'static str,
    /// The marks a name is quoted in.
    pub(super) quotes: (&'static str, &'static str),
    /// Between the last two items of a list.
    pub(super) and: &'static str,
    /// A campaign's days (`{list}` of `weekdays`, Monday first), and its birthday window.
    pub(super) on_days: &'static str,
    pub(super) weekdays: [&'static str; 7],
    pub(super) birthday: &'static str,
    /// A campaign's dates: from and to, from only, to only.
    pub(super) dates: [&'static str; 3],
    /// "month" after a number: one, few (Russian 2–4), many.
    pub(super) months: [&'static str; 3],
    pub(super) min_order: &'static str,
    pub(super) with_code: &'static str,
    pub(super) members: &'static str,
    /// Only for customers at these tiers.
    pub(super) for_tiers: &'static str,
    pub(super) after_first: &'static str,
    pub(super) first_only: &'static str,
    /// Before the earning rates, which follow as a list.
    pub(super) earn: &'static str,
    /// A rate per amount, and per item, each first in the list and then after it.
    pub(super) earn_rate: [&'static str; 2],
    pub(super) earn_unit: [&'static str; 2],
    /// Points per item by a line attribute, from the fewest to the most.
    pub(super) earn_unit_by: [&'static str; 2],
    /// Before the list of multipliers, and after it when they add up.
    pub(super) multipliers: &'static str,
    pub(super) multipliers_added: &'static str,
    /// "point" after a number: one, few, many (where a template says `{points}`).
    pub(super) point_forms: [&'static str; 3],
    pub(super) redeem: &'static str,
    pub(super) expire: &'static str,
    /// After the redemption sentence, when points wait before they can be spent.
    pub(super) pending: &'static str,
    /// On a return: a broken minimum's discount reclaimed, or kept; points paid with given back
    /// in proportion, or first.
    pub(super) returns: [&'static str; 4],
    pub(super) employee: &'static str,
    pub(super) cashback: &'static str,
    pub(super) cap: &'static str,
    /// Prices that include tax: the default rate, then others by category.
    pub(super) tax: &'static str,
    pub(super) tax_on: &'static str,
    /// After the rates, when delivery's tax is split over the goods' rates, or it has none.
    pub(super) tax_delivery: [&'static str; 2],
    /// After the earning rates, when points are earned on prices without tax.
    pub(super) earn_net: &'static str,
    pub(super) membership: &'static str,
    pub(super) month: &'static str,
    pub(super) quarter_period: &'static str,
    pub(super) year: &'static str,
    pub(super) event_points: &'static str,
    pub(super) event_credit: &'static str,
    pub(super) coalition: &'static str,
    pub(super) decimal: char,
    pub(super) group: char,
    /// Between a heading and its list.
    pub(super) colon: &'static str,
    /// The end of a sentence.
    pub(super) stop: &'static str,
}

const EN: Words = Words {
    tiers_spend: "Spend tiers",
    tiers_points: "Tiers by points",
    calendar_year: " in the calendar year",
    quarter: " in the quarter",
    rolling: " over the last {n} {months}",
    tier_from: "{name} from {amount}",
    percent_off: "{p}% off",
    amount_off: "{a} off",
    amount_off_each: "{a} off each item",
    tier_discount: "your tier's discount",
    shipping: ["free delivery", "{p}% off delivery", "{a} off delivery"],
    not_with: " (not combined with {list})",
    classes: ["product discounts", "order discounts", "delivery discounts"],
    step: "{p}% from {from} spent",
    buy_get_free: "buy {buy}, get {get} free",
    buy_get_off: "buy {buy}, get {get} at {p}% off",
    at_most_times: ", up to {n} times an order",
    dearest: " (the dearest items)",
    quantity_break: "{p}% off from {q} items",
    same_product: " of one product",
    in_category: " on {list}",
    in_categories: " on {list}",
    on_products: " on {list}",
    quotes: ("“", "”"),
    and: " and ",
    on_days: " on {list}",
    weekdays: [
        "Mondays",
        "Tuesdays",
        "Wednesdays",
        "Thursdays",
        "Fridays",
        "Saturdays",
        "Sundays",
    ],
    bundle: "a set of {list} for {price}",
    birthday: " within {n} days of your birthday",
    dates: [" from {from} to {to}", " from {from}", " until {to}"],
    months: ["month", "months", "months"],
    min_order: " on orders from {min}",
    with_code: " with code {code}",
    members: " for members",
    for_tiers: " for the {list} tier",
    after_first: " after the first purchase",
    first_only: " on the first purchase",
    earn: "Points: ",
    earn_rate: ["{p} per {per}{scope}", "{p} per {per}{scope}"],
    earn_unit: ["{p} per item{scope}", "{p} per item{scope}"],
    earn_unit_by: [
        "{low} to {high} per item{scope}, by {attribute}",
        "{low} to {high} per item{scope}, by {attribute}",
    ],
    multipliers: "Points multiplied: ",
    multipliers_added: " (the bonuses add up)",
    point_forms: ["point", "points", "points"],
    redeem: "Points pay up to {max}% of an order at {value} each",
    expire: " and expire after {m} {months}",
    pending: "; points can be spent {d} days after the purchase",
    returns: [
        "On a return, a discount the kept items no longer qualify for is taken from the refund",
        "On a return, the kept items keep their discounts even below a minimum",
        "; points paid with come back in proportion",
        "; points paid with come back first",
    ],
    employee: "Employees also earn {p} personal {points} per {per}",
    cashback: "{p}% back as store credit",
    tax: "Prices include {p}% VAT",
    tax_on: ", {p}%{scope}",
    tax_delivery: [
        "; delivery's VAT is split over the goods' rates in proportion",
        "; delivery is without VAT",
    ],
    earn_net: " of prices without VAT",
    cap: ", up to {cap} a month",
    membership: "{name} membership: {fee} {period}",
    month: "a month",
    quarter_period: "a quarter",
    year: "a year",
    event_points: "{name}: {points} {pts}",
    event_credit: "{name}: {credit}",
    coalition: "Partner points move in: {list}",
    decimal: '.',
    group: ',',
    colon: ": ",
    stop: ".",
};

const RU: Words = Words {
    tiers_spend: "Уровни по покупкам",
    tiers_points: "Уровни по баллам",
    calendar_year: " за календарный год",
    quarter: " за квартал",
    rolling: " за последние {n} {months}",
    tier_from: "{name} от {amount}",
    percent_off: "скидка {p}%",
    amount_off: "скидка {a}",
    amount_off_each: "скидка {a} на каждый товар",
    tier_discount: "скидка вашего уровня",
    shipping: [
        "бесплатная доставка",
        "скидка {p}% на доставку",
        "скидка {a} на доставку",
    ],
    bundle: "набор: {list} за {price}",
    not_with: " (не суммируется со {list})",
    classes: [
        "скидками на товары",
        "скидками на заказ",
        "скидками на доставку",
    ],
    step: "{p}% при покупках от {from}",
    buy_get_free: "при покупке {buy} шт. ещё {get} шт. в подарок",
    buy_get_off: "при покупке {buy} шт. ещё {get} шт. со скидкой {p}%",
    at_most_times: ", не более {n} раз за заказ",
    dearest: " (самые дорогие товары)",
    quantity_break: "скидка {p}% от {q} шт.",
    same_product: " одного товара",
    in_category: " в категории {list}",
    in_categories: " в категориях {list}",
    on_products: " на товары {list}",
    quotes: ("«", "»"),
    and: " и ",
    on_days: " по {list}",
    weekdays: [
        "понедельникам",
        "вторникам",
        "средам",
        "четвергам",
        "пятницам",
        "субботам",
        "воскресеньям",
    ],
    birthday: " за {n} дн. до и после дня рождения",
    dates: [" с {from} по {to}", " с {from}", " до {to} включительно"],
    months: ["месяц", "месяца", "месяцев"],
    min_order: " при заказе от {min}",
    with_code: " по коду {code}",
    members: " (только для участников)",
    for_tiers: " для уровня {list}",
    after_first: " после первой покупки",
    first_only: " на первую покупку",
    earn: "Баллы: ",
    earn_rate: ["{p} за {per}{scope}", "{p} за {per}{scope}"],
    earn_unit: ["{p} за каждый товар{scope}", "{p} за каждый товар{scope}"],
    earn_unit_by: [
        "от {low} до {high} за каждый товар{scope}, в зависимости от параметра {attribute}",
        "от {low} до {high} за каждый товар{scope}, в зависимости от параметра {attribute}",
    ],
    multipliers: "Множители баллов: ",
    multipliers_added: " (надбавки складываются)",
    point_forms: ["балл", "балла", "баллов"],
    redeem: "Баллами можно оплатить до {max}% заказа, 1 балл = {value}",
    expire: "; баллы сгорают через {m} {months}",
    pending: "; баллы можно потратить через {d} дн. после покупки",
    returns: [
        "При возврате скидка, на которую оставшиеся товары больше не проходят, удерживается из суммы возврата",
        "При возврате оставшиеся товары сохраняют скидку, даже если минимум больше не достигнут",
        "; баллы, которыми платили, возвращаются пропорционально",
        "; баллы, которыми платили, возвращаются в первую очередь",
    ],
    employee: "Сотрудники также получают личные баллы: {p} за {per}",
    cashback: "{p}% возвращается на счёт в магазине",
    tax: "Цены включают НДС {p}%",
    tax_on: ", {p}%{scope}",
    tax_delivery: ["; НДС в доставке делится по ставкам товаров", "; доставка без НДС"],
    earn_net: " (от цены без НДС)",
    cap: ", до {cap} в месяц",
    membership: "Членство «{name}»: {fee} {period}",
    month: "в месяц",
    quarter_period: "в квартал",
    year: "в год",
    event_points: "{name}: {points} {pts}",
    event_credit: "{name} — {credit}",
    coalition: "Баллы партнёров переводятся: {list}",
    decimal: ',',
    group: '\u{a0}',
    colon: ": ",
    stop: ".",
};

const HY: Words = Words {
    tiers_spend: "Մակարդակներ ըստ գնումների",
    tiers_points: "Մակարդակներ՝ ըստ միավորների",
    calendar_year: " օրացուցային տարվա ընթացքում",
    quarter: " եռամսյակի ընթացքում",
    rolling: " վերջին {n} ամսվա ընթացքում",
    tier_from: "{name}՝ {amount}-ից",
    percent_off: "{p}% զեղչ",
    amount_off: "{a} զեղչ",
    amount_off_each: "{a} զեղչ յուրաքանչյուր ապրանքի համար",
    tier_discount: "ձեր մակարդակի զեղչը",
    shipping: [
        "անվճար առաքում",
        "{p}% զեղչ առաքման համար",
        "{a} զեղչ առաքման համար",
    ],
    bundle: "հավաքածու՝ {list}, {price}",
    not_with: " (չի գումարվում {list} հետ)",
    classes: ["ապրանքների զեղչերի", "պատվերի զեղչերի", "առաքման զեղչերի"],
    step: "{p}%՝ {from} գնումներից սկսած",
    buy_get_free: "գնեք {buy} հատ, ևս {get} հատը՝ անվճար",
    buy_get_off: "գնեք {buy} հատ, ևս {get} հատը՝ {p}% զեղչով",
    at_most_times: ", մեկ պատվերում առավելագույնը {n} անգամ",
    dearest: " (ամենաթանկ ապրանքները)",
    quantity_break: "{p}% զեղչ՝ {q} հատից սկսած",
    same_product: "՝ նույն ապրանքից",
    in_category: "՝ {list} կատեգորիայում",
    in_categories: "՝ {list} կատեգորիաներում",
    on_products: "՝ {list} ապրանքների համար",
    quotes: ("«", "»"),
    and: " և ",
    on_days: "՝ {list} օրերին",
    weekdays: [
        "երկուշաբթի",
        "երեքշաբթի",
        "չորեքշաբթի",
        "հինգշաբթի",
        "ուրբաթ",
        "շաբաթ",
        "կիրակի",
    ],
    birthday: "՝ ծննդյան օրվանից {n} օր առաջ կամ հետո",
    dates: [
        "՝ {from}-ից {to}-ը ներառյալ",
        "՝ {from}-ից",
        "՝ մինչև {to}-ը ներառյալ",
    ],
    months: ["ամս", "ամս", "ամս"],
    min_order: "՝ {min}-ից սկսած պատվերների համար",
    with_code: "՝ {code} կոդով",
    members: "՝ անդամների համար",
    for_tiers: "՝ {list} մակարդակի համար",
    after_first: "՝ առաջին գնումից հետո",
    first_only: "՝ առաջին գնման համար",
    earn: "Միավորներ՝ ",
    earn_rate: [
        "{p} յուրաքանչյուր {per}-ի համար{scope}",
        "{p}՝ յուրաքանչյուր {per}-ի համար{scope}",
    ],
    earn_unit: [
        "{p} յուրաքանչյուր ապրանքի համար{scope}",
        "{p}՝ յուրաքանչյուր ապրանքի համար{scope}",
    ],
    earn_unit_by: [
        "{low}–{high} յուրաքանչյուր ապրանքի համար{scope} (ըստ {attribute} հատկանիշի)",
        "{low}–{high}՝ յուրաքանչյուր ապրանքի համար{scope} (ըստ {attribute} հատկանիշի)",
    ],
    multipliers: "Միավորների բազմապատկիչներ՝ ",
    multipliers_added: " (հավելումները գումարվում են)",
    point_forms: ["միավոր", "միավոր", "միավոր"],
    redeem: "Միավորներով կարելի է վճարել պատվերի մինչև {max}%-ը, 1 միավոր = {value}",
    expire: ", միավորներն այրվում են {m} ամիս անց",
    pending: ", միավորները կարելի է ծախսել գնումից {d} օր անց",
    returns: [
        "Վերադարձի դեպքում այն զեղչը, որին մնացած ապրանքներն այլևս չեն համապատասխանում, պահվում է վերադարձվող գումարից",
        "Վերադարձի դեպքում մնացած ապրանքները պահպանում են զեղչը, նույնիսկ եթե նվազագույնն այլևս չի ապահովվում",
        ", վճարման համար օգտագործված միավորները վերադարձվում են համամասնորեն",
        ", վճարման համար օգտագործված միավորները վերադարձվում են առաջին հերթին",
    ],
    employee:
        "Աշխատակիցները նույնպես ստանում են անձնական միավորներ՝ {p} յուրաքանչյուր {per}-ի համար",
    cashback: "Գնման {p}%-ը վերադարձվում է որպես քեշբեք",
    tax: "Գները ներառում են {p}% ԱԱՀ",
    tax_on: ", {p}%{scope}",
    tax_delivery: [", առաքման ԱԱՀ-ն բաշխվում է ապրանքների դրույքաչափերով", ", առաքումն առանց ԱԱՀ է"],
    earn_net: " (առանց ԱԱՀ գնից)",
    cap: ", ամսական մինչև {cap}",
    membership: "«{name}» անդամակցություն՝ {period} {fee}",
    month: "ամսական",
    quarter_period: "եռամսյակային",
    year: "տարեկան",
    event_points: "{name}՝ {points} միավոր",
    event_credit: "{name}՝ {credit}",
    coalition: "Գործընկերների միավորները փոխանցվում են՝ {list}",
    decimal: ',',
    group: '\u{a0}',
    colon: " — ",
    stop: "։",
};

const KA: Words = Words {
    tiers_spend: "დონეები შენაძენების თანხის მიხედვით",
    tiers_points: "დონეები ქულების მიხედვით",
    calendar_year: " კალენდარული წლის განმავლობაში",
    quarter: " კვარტლის განმავლობაში",
    rolling: " ბოლო {n} {months} განმავლობაში",
    tier_from: "{name} — {amount}-დან",
    percent_off: "{p}% ფასდაკლება",
    amount_off: "{a} ფასდაკლება",
    amount_off_each: "{a} ფასდაკლება თითოეულ ნივთზე",
    tier_discount: "თქვენი დონის ფასდაკლება",
    shipping: [
        "უფასო მიტანა",
        "{p}% ფასდაკლება მიტანაზე",
        "{a} ფასდაკლება მიტანაზე",
    ],
    bundle: "ნაკრები: {list} — {price}",
    not_with: " (არ ჯამდება {list})",
    classes: [
        "პროდუქტის ფასდაკლებებთან",
        "შეკვეთის ფასდაკლებებთან",
        "მიტანის ფასდაკლებებთან",
    ],
    step: "{p}% — {from}-ის შენაძენიდან",
    buy_get_free: "იყიდეთ {buy} ცალი და კიდევ {get} ცალი უფასოა",
    buy_get_off: "იყიდეთ {buy} ცალი და კიდევ {get} ცალი {p}% ფასდაკლებით",
    at_most_times: ", ერთ შეკვეთაზე მაქსიმუმ {n}-ჯერ",
    dearest: " (ყველაზე ძვირი ნივთები)",
    quantity_break: "{p}% ფასდაკლება {q} ცალიდან",
    same_product: " ერთი და იმავე პროდუქტზე",
    in_category: " კატეგორიაში {list}",
    in_categories: " კატეგორიებში {list}",
    on_products: " პროდუქტებზე {list}",
    quotes: ("„", "“"),
    and: " და ",
    on_days: " {list}",
    weekdays: [
        "ორშაბათობით",
        "სამშაბათობით",
        "ოთხშაბათობით",
        "ხუთშაბათობით",
        "პარასკევობით",
        "შაბათობით",
        "კვირაობით",
    ],
    birthday: " დაბადების დღიდან {n} დღის ფარგლებში",
    dates: [
        " {from}-დან {to}-ის ჩათვლით",
        " {from}-დან",
        " {to}-ის ჩათვლით",
    ],
    months: ["თვის", "თვის", "თვის"],
    min_order: " {min}-დან შეკვეთებზე",
    with_code: " კოდით {code}",
    members: " წევრებისთვის",
    for_tiers: " დონისთვის {list}",
    after_first: " პირველი შენაძენის შემდეგ",
    first_only: " პირველ შენაძენზე",
    earn: "ქულები: ",
    earn_rate: ["{p} ყოველ {per}-ზე{scope}", "{p} ყოველ {per}-ზე{scope}"],
    earn_unit: ["{p} თითოეულ ნივთზე{scope}", "{p} თითოეულ ნივთზე{scope}"],
    earn_unit_by: [
        "{low}–{high} თითოეულ ნივთზე{scope} (მახასიათებლის {attribute} მიხედვით)",
        "{low}–{high} თითოეულ ნივთზე{scope} (მახასიათებლის {attribute} მიხედვით)",
    ],
    multipliers: "ქულების მამრავლები: ",
    multipliers_added: " (ბონუსები იკრიბება)",
    point_forms: ["ქულა", "ქულა", "ქულა"],
    redeem: "ქულებით შეგიძლიათ გადაიხადოთ შეკვეთის {max}%-მდე, 1 ქულა = {value}",
    expire: ", ქულებს ვადა გასდის {m} თვეში",
    pending: "; ქულების გამოყენება შეიძლება შენაძენიდან {d} დღის შემდეგ",
    returns: [
        "დაბრუნებისას ფასდაკლება, რომელსაც დარჩენილი ნივთები აღარ აკმაყოფილებს, დაკავდება დასაბრუნებელი თანხიდან",
        "დაბრუნებისას დარჩენილ ნივთებს ფასდაკლება რჩებათ, მინიმუმის მიუღწევლობის მიუხედავად",
        "; გადახდისას გამოყენებული ქულები ბრუნდება პროპორციულად",
        "; გადახდისას გამოყენებული ქულები ბრუნდება პირველ რიგში",
    ],
    employee: "თანამშრომლებიც იღებენ პირად ქულებს: {p} ყოველ {per}-ზე",
    cashback: "შენაძენის {p}% გიბრუნდებათ ქეშბექად",
    tax: "ფასები მოიცავს {p}% დღგ-ს",
    tax_on: ", {p}%{scope}",
    tax_delivery: ["; მიტანის დღგ ნაწილდება საქონლის განაკვეთების მიხედვით", "; მიტანა დღგ-ს გარეშეა"],
    earn_net: " (ფასიდან დღგ-ს გარეშე)",
    cap: ", თვეში {cap}-მდე",
    membership: "წევრობა „{name}“: {fee} {period}",
    month: "თვეში",
    quarter_period: "კვარტალში",
    year: "წელიწადში",
    event_points: "{name}: {points} ქულა",
    event_credit: "{name}: {credit}",
    coalition: "პარტნიორების ქულები გადმოდის: {list}",
    decimal: ',',
    group: '\u{a0}',
    colon: ": ",
    stop: ".",
};

pub(super) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Hy => &HY,
        Lang::Ka => &KA,
    }
}

/// Fills `{name}` slots of a template.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A number in the language's digits grouping, without trailing zeros: 10000.50 → "10,000.5" in English.
pub fn number(value: Decimal, lang: Lang) -> String {
    let words = words(lang);
    let text = value.normalize().to_string();
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, digits) = integer
        .strip_prefix('-')
        .map_or(("", integer), |rest| ("-", rest));
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 && digits.len() > 4 {
            grouped.push(words.group);
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{fraction}", words.decimal)
    }
}

/// The form of `forms` (one, few, many) that follows the number `n` in `lang`.
pub(super) fn plural(lang: Lang, n: u32, forms: &[&'static str; 3]) -> &'static str {
    let form = match lang {
        Lang::Ru => match (n % 10, n % 100) {
            (1, 11) => 2,
            (1, _) => 0,
            (2..=4, 12..=14) => 2,
            (2..=4, _) => 1,
            _ => 2,
        },
        _ if n == 1 => 0,
        _ => 2,
    };
    forms[form]
}

/// A day as the language writes it: "Jun 1, 2026" in English (as the elements' medium dates), and
/// "01.06.2026" in Russian, Armenian and Georgian, their usual numeric form.
pub fn date(day: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::En => format!(
            "{} {}, {}",
            MONTHS[day.month0() as usize],
            day.day(),
            day.year()
        ),
        _ => format!("{:02}.{:02}.{}", day.day(), day.month(), day.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        let value = <Decimal as std::str::FromStr>::from_str("12345.50").unwrap();
        assert_eq!(number(value, Lang::En), "12,345.5");
        assert_eq!(number(value, Lang::Ru), "12\u{a0}345,5");
        assert_eq!(number(Decimal::from(1000), Lang::En), "1000");
    }
}
