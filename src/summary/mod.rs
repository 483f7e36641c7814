//! Plain-language summaries of a program in English, Russian, Armenian and Georgian.

use crate::format::names::LocalizedText;
use crate::format::program::{
    BrokenMinimums, DiscountRule, DiscountValue, Period, PointsBack, Program, Qualifier, Window,
};
use rust_decimal::Decimal;
use serde::Serialize;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Hy,
    Ka,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            "hy" => Ok(Lang::Hy),
            "ka" => Ok(Lang::Ka),
            _ => Err(format!("\"{text}\" is not one of en, ru, hy, ka")),
        }
    }
}

impl Lang {
    /// The language tag that names are chosen by.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Hy => "hy",
            Lang::Ka => "ka",
        }
    }
}

/// The sentence pieces of one language; `{x}` marks a value. A name (a tier's, a rule's, a
/// category's) only ever fills a slot where it stands on its own, quoted or after a colon, so
/// that no grammatical case is forced on a name the program wrote.
struct Words {
    tiers_spend: &'static str,
    tiers_points: &'static str,
    calendar_year: &'static str,
    quarter: &'static str,
    rolling: &'static str,
    tier_from: &'static str,
    percent_off: &'static str,
    amount_off: &'static str,
    amount_off_each: &'static str,
    tier_discount: &'static str,
    /// Delivery free, a percentage off it, an amount off it.
    shipping: [&'static str; 3],
    /// A set of items for a price.
    bundle: &'static str,
    /// The classes a discount does not combine with: product, order, delivery discounts.
    not_with: &'static str,
    classes: [&'static str; 3],
    step: &'static str,
    /// Buy X get Y: free, or at a percentage off; how often at most; the dearest units.
    buy_get_free: &'static str,
    buy_get_off: &'static str,
    at_most_times: &'static str,
    dearest: &'static str,
    /// A quantity break, and what follows the list when each product counts on its own.
    quantity_break: &'static str,
    same_product: &'static str,
    /// Scopes: one category, several, and SKUs; `{list}` holds quoted names.
    in_category: &'static str,
    in_categories: &'static str,
    on_products: &'static str,
    /// The marks a name is quoted in.
    quotes: (&'static str, &'static str),
    /// Between the last two items of a list.
    and: &'static str,
    /// A campaign's days (`{list}` of `weekdays`, Monday first), and its birthday window.
    on_days: &'static str,
    weekdays: [&'static str; 7],
    birthday: &'static str,
    /// A campaign's dates: from and to, from only, to only.
    dates: [&'static str; 3],
    /// "month" after a number: one, few (Russian 2–4), many.
    months: [&'static str; 3],
    min_order: &'static str,
    with_code: &'static str,
    members: &'static str,
    /// Only for customers at these tiers.
    for_tiers: &'static str,
    after_first: &'static str,
    first_only: &'static str,
    /// Before the earning rates, which follow as a list.
    earn: &'static str,
    /// A rate per amount, and per item, each first in the list and then after it.
    earn_rate: [&'static str; 2],
    earn_unit: [&'static str; 2],
    /// Points per item by a line attribute, from the fewest to the most.
    earn_unit_by: [&'static str; 2],
    /// Before the list of multipliers, and after it when they add up.
    multipliers: &'static str,
    multipliers_added: &'static str,
    /// "point" after a number: one, few, many (where a template says `{points}`).
    point_forms: [&'static str; 3],
    redeem: &'static str,
    expire: &'static str,
    /// After the redemption sentence, when points wait before they can be spent.
    pending: &'static str,
    /// On a return: a broken minimum's discount reclaimed, or kept; points paid with given back
    /// in proportion, or first.
    returns: [&'static str; 4],
    employee: &'static str,
    cashback: &'static str,
    cap: &'static str,
    /// Prices that include tax: the default rate, then others by category.
    tax: &'static str,
    tax_on: &'static str,
    /// After the earning rates, when points are earned on prices without tax.
    earn_net: &'static str,
    membership: &'static str,
    month: &'static str,
    quarter_period: &'static str,
    year: &'static str,
    event_points: &'static str,
    event_credit: &'static str,
    coalition: &'static str,
    decimal: char,
    group: char,
    /// Between a heading and its list.
    colon: &'static str,
    /// The end of a sentence.
    stop: &'static str,
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
        "от {low} до {high} за каждый товар{scope}, в зависимости от {attribute}",
        "от {low} до {high} за каждый товар{scope}, в зависимости от {attribute}",
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
        "{low}–{high} յուրաքանչյուր ապրանքի համար{scope} (ըստ {attribute})",
        "{low}–{high}՝ յուրաքանչյուր ապրանքի համար{scope} (ըստ {attribute})",
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
        "{low}–{high} თითოეულ ნივთზე{scope} ({attribute}-ის მიხედვით)",
        "{low}–{high} თითოეულ ნივთზე{scope} ({attribute}-ის მიხედვით)",
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

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Hy => &HY,
        Lang::Ka => &KA,
    }
}

/// Fills `{name}` slots of a template.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
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
fn plural(lang: Lang, n: u32, forms: &[&'static str; 3]) -> &'static str {
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

/// How a summary in one language writes names.
struct Namer<'p> {
    program: &'p Program,
    lang: Lang,
    words: &'static Words,
}

impl Namer<'_> {
    fn name<'t>(&self, text: &'t LocalizedText) -> &'t str {
        text.choose(self.lang.tag(), self.program.default_language())
    }

    /// "a, b and c".
    fn list(&self, mut items: Vec<String>) -> String {
        match items.pop() {
            Some(last) if !items.is_empty() => {
                format!("{}{}{last}", items.join(", "), self.words.and)
            }
            Some(last) => last,
            None => String::new(),
        }
    }

    fn quoted(&self, name: &str) -> String {
        let (open, close) = self.words.quotes;
        format!("{open}{name}{close}")
    }

    /// "in the category «coffee beans»", "in the categories «a», «b»", "on products «X»": the
    /// phrase for a scope, empty when it names nothing.
    fn scope(&self, categories: &[String], skus: &[String]) -> String {
        let w = self.words;
        let list = |items: Vec<String>| self.list(items);
        let mut text = String::new();
        if !categories.is_empty() {
            let names = categories
                .iter()
                .map(|id| self.quoted(self.program.category_name(id, self.lang.tag())))
                .collect();
            let template = match categories.len() {
                1 => w.in_category,
                _ => w.in_categories,
            };
            text += &fill(template, &[("list", &list(names))]);
        }
        if !skus.is_empty() {
            let names = skus.iter().map(|sku| self.quoted(sku)).collect();
            text += &fill(w.on_products, &[("list", &list(names))]);
        }
        text
    }

    /// Attribute tests, in a form every language reads: " (fare_class: J, C)".
    fn attributes(&self, tests: &[crate::format::program::AttributeMatch]) -> String {
        tests
            .iter()
            .map(|test| {
                let values = if test.one_of.is_empty() {
                    let end = |value: Option<Decimal>| {
                        value.map_or(String::new(), |v| number(v, self.lang))
                    };
                    format!("{}–{}", end(test.min), end(test.max))
                } else {
                    test.one_of.join(", ")
                };
                format!(" ({}: {values})", test.attribute)
            })
            .collect()
    }
}

/// Words in a summary: tokens holding a letter or a digit, so that a dash is not a word.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// The plain-language summary of `program` in `lang`: one short sentence per mechanism.
pub fn summarize(program: &Program, lang: Lang) -> String {
    let w = words(lang);
    let namer = Namer {
        program,
        lang,
        words: w,
    };
    let name = |text| namer.name(text);
    let months = |n: u32| plural(lang, n, &w.months);
    // "1 point", "5 points": a whole number picks its form, a fraction the plural.
    let points_word = |p: Decimal| {
        let p = p.normalize();
        let whole = (p.scale() == 0)
            .then(|| u32::try_from(p.mantissa()).ok())
            .flatten();
        whole.map_or(w.point_forms[2], |n| plural(lang, n, &w.point_forms))
    };
    let money = |value: Decimal| format!("{} {}", number(value, lang), program.currency);
    let sentence = |text: String| format!("{text}{}", w.stop);
    let mut sentences = Vec::new();

    if !program.tiers.is_empty() {
        let rules = &program.tier_rules;
        let basis = match rules.qualifies_on {
            Qualifier::Spend => w.tiers_spend,
            Qualifier::Points => w.tiers_points,
        };
        let window = match rules.window {
            Window::Lifetime => String::new(),
            Window::CalendarYear => w.calendar_year.to_string(),
            Window::CalendarQuarter => w.quarter.to_string(),
            Window::RollingMonths { months: n } => {
                fill(w.rolling, &[("n", &n.to_string()), ("months", months(n))])
            }
        };
        let list: Vec<String> = program
            .tiers
            .iter()
            .map(|tier| {
                let threshold = match rules.qualifies_on {
                    Qualifier::Spend => money(tier.threshold),
                    Qualifier::Points => number(tier.threshold, lang),
                };
                let quoted = namer.quoted(name(&tier.name));
                let mut text = fill(w.tier_from, &[("name", &quoted), ("amount", &threshold)]);
                if let Some(percent) = tier.discount_percent.filter(|p| !p.is_zero()) {
                    text += &format!(
                        " ({})",
                        fill(w.percent_off, &[("p", &number(percent, lang))])
                    );
                } else if let Some(multiplier) = tier.earn_multiplier.filter(|m| *m != Decimal::ONE)
                {
                    text += &format!(" (×{})", number(multiplier, lang));
                }
                text
            })
            .collect();
        sentences.push(format!(
            "{basis}{window}{}{}{}",
            w.colon,
            list.join(", "),
            w.stop
        ));
    }

    for rule in &program.discounts {
        sentences.push(format!(
            "{}{}{}{}",
            name(&rule.name),
            w.colon,
            describe_discount(rule, &namer, &money),
            w.stop
        ));
    }

    if let Some(points) = &program.points {
        // Every way points are earned, as one list: per amount (the base rate unless it is
        // zero, then by category) and per item.
        let earn = &points.earn;
        let mut rates: Vec<String> = Vec::new();
        let mut rate = |template: &[&'static str; 2], values: &[(&str, &str)]| {
            let template = template[usize::from(!rates.is_empty())];
            rates.push(fill(template, values));
        };
        if !earn.points.is_zero() {
            let (p, per) = (number(earn.points, lang), money(earn.per_amount));
            rate(&w.earn_rate, &[("p", &p), ("per", &per), ("scope", "")]);
        }
        for by_category in &earn.categories {
            let p = number(by_category.points, lang);
            let per = money(by_category.per_amount);
            let scope = namer.scope(&by_category.categories, &[]);
            rate(&w.earn_rate, &[("p", &p), ("per", &per), ("scope", &scope)]);
        }
        for per_unit in &earn.per_unit {
            let scope = namer.scope(&per_unit.categories, &per_unit.skus);
            match (&per_unit.points, &per_unit.by_attribute) {
                (_, Some(table)) => {
                    let all: Vec<u64> = table
                        .bands
                        .iter()
                        .map(|band| band.points)
                        .chain(table.values.iter().map(|(_, points)| *points))
                        .collect();
                    let low = number(all.iter().min().copied().unwrap_or(0).into(), lang);
                    let high = number(all.iter().max().copied().unwrap_or(0).into(), lang);
                    let values = [
                        ("low", low.as_str()),
                        ("high", &high),
                        ("scope", &scope),
                        ("attribute", &table.attribute),
                    ];
                    rate(&w.earn_unit_by, &values);
                }
                (points, None) => {
                    let p = number(points.unwrap_or(0).into(), lang);
                    rate(&w.earn_unit, &[("p", &p), ("scope", &scope)]);
                }
            }
        }
        if !rates.is_empty() {
            let net = program
                .included_tax
                .as_ref()
                .filter(|tax| tax.earn_on == crate::format::program::TaxBase::Net)
                .map_or("", |_| w.earn_net);
            sentences.push(sentence(format!("{}{}{net}", w.earn, rates.join(", "))));
        }
        if !points.multipliers.is_empty() {
            let list: Vec<String> = points
                .multipliers
                .iter()
                .map(|m| {
                    let mut text = format!("{} ×{}", name(&m.name), number(m.factor, lang));
                    text += &namer.scope(&m.scope.categories, &m.scope.skus);
                    text += &namer.attributes(&m.scope.attributes);
                    text + &describe_conditions(&m.conditions, &namer, &money)
                })
                .collect();
            let added = match points.combine_multipliers {
                crate::format::program::CombineMultipliers::Add => w.multipliers_added,
                crate::format::program::CombineMultipliers::Multiply => "",
            };
            sentences.push(sentence(format!(
                "{}{}{added}",
                w.multipliers,
                list.join("; ")
            )));
        }
        if let Some(employee) = &points.employee_earn {
            sentences.push(sentence(fill(
                w.employee,
                &[
                    ("p", &number(employee.points, lang)),
                    ("per", &money(employee.per_amount)),
                    ("points", points_word(employee.points)),
                ],
            )));
        }
        if !points.value_per_point.is_zero() {
            let mut text = fill(
                w.redeem,
                &[
                    ("max", &number(points.max_redeem_percent, lang)),
                    ("value", &money(points.value_per_point)),
                ],
            );
            if let Some(days) = points.pending_days.filter(|days| *days > 0) {
                text += &fill(w.pending, &[("d", &days.to_string())]);
            }
            if let Some(months) = points.expiry_months {
                text += &fill(
                    w.expire,
                    &[
                        ("m", &months.to_string()),
                        ("months", plural(lang, months, &w.months)),
                    ],
                );
            }
            sentences.push(sentence(text));
        }
    }

    if let Some(cashback) = &program.cashback {
        if !cashback.percent.is_zero() {
            let mut text = fill(w.cashback, &[("p", &number(cashback.percent, lang))]);
            if let Some(cap) = cashback.cap_per_month {
                text += &fill(w.cap, &[("cap", &money(cap))]);
            }
            sentences.push(sentence(text));
        }
    }
    if let Some(tax) = &program.included_tax {
        let mut text = fill(w.tax, &[("p", &number(tax.percent, lang))]);
        for rate in &tax.rates {
            let scope = namer.scope(&rate.categories, &[]);
            text += &fill(
                w.tax_on,
                &[("p", &number(rate.percent, lang)), ("scope", &scope)],
            );
        }
        sentences.push(sentence(text));
    }
    for event in &program.events {
        if event.points > 0 {
            sentences.push(sentence(fill(
                w.event_points,
                &[
                    ("name", name(&event.name)),
                    ("points", &number(event.points.into(), lang)),
                    ("pts", points_word(event.points.into())),
                ],
            )));
        }
        if let Some(credit) = event.credit {
            let mut text = fill(
                w.event_credit,
                &[("name", name(&event.name)), ("credit", &money(credit))],
            );
            // The monthly cap covers event credit too; say it here when no cashback sentence does.
            let cap = program
                .cashback
                .as_ref()
                .filter(|c| c.percent.is_zero())
                .and_then(|c| c.cap_per_month);
            if let Some(cap) = cap {
                text += &fill(w.cap, &[("cap", &money(cap))]);
            }
            sentences.push(sentence(text));
        }
    }
    if !program.coalition.is_empty() {
        let list: Vec<String> = program
            .coalition
            .iter()
            .map(|p| format!("{} ×{}", name(&p.name), number(p.exchange_rate, lang)))
            .collect();
        sentences.push(sentence(fill(w.coalition, &[("list", &list.join(", "))])));
    }
    if let Some(returns) = program.returns {
        let policy = match returns.broken_minimums {
            BrokenMinimums::Reclaim => w.returns[0],
            BrokenMinimums::Keep => w.returns[1],
        };
        let points = match (program.points.is_some(), returns.redeemed_points) {
            (false, _) => "",
            (true, PointsBack::InProportion) => w.returns[2],
            (true, PointsBack::First) => w.returns[3],
        };
        sentences.push(sentence(format!("{policy}{points}")));
    }
    if let Some(membership) = &program.membership {
        let period = match membership.period {
            Period::Month => w.month,
            Period::Quarter => w.quarter_period,
            Period::Year => w.year,
        };
        sentences.push(sentence(fill(
            w.membership,
            &[
                ("name", name(&membership.name)),
                ("fee", &money(membership.fee)),
                ("period", period),
            ],
        )));
    }
    sentences.join(" ")
}

fn describe_discount(
    rule: &DiscountRule,
    namer: &Namer,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let (w, lang) = (namer.words, namer.lang);
    let mut text = match &rule.value {
        DiscountValue::Percent { percent } => {
            fill(w.percent_off, &[("p", &number(*percent, lang))])
        }
        DiscountValue::Fixed { amount } => fill(w.amount_off, &[("a", &money(*amount))]),
        DiscountValue::FixedPerUnit { amount } => {
            fill(w.amount_off_each, &[("a", &money(*amount))])
        }
        DiscountValue::TierPercent => w.tier_discount.to_string(),
        DiscountValue::Bundle {
            items,
            price,
            max_applications,
        } => {
            let list: Vec<String> = items
                .iter()
                .map(|item| {
                    let names: Vec<String> =
                        item.skus
                            .iter()
                            .map(|sku| namer.quoted(sku))
                            .chain(item.categories.iter().map(|id| {
                                namer.quoted(namer.program.category_name(id, lang.tag()))
                            }))
                            .collect();
                    format!("{} × {}", item.quantity, names.join(" / "))
                })
                .collect();
            let mut text = fill(
                w.bundle,
                &[("list", &namer.list(list)), ("price", &money(*price))],
            );
            if let Some(n) = max_applications {
                text += &fill(w.at_most_times, &[("n", &n.to_string())]);
            }
            text
        }
        DiscountValue::FreeShipping => w.shipping[0].to_string(),
        DiscountValue::ShippingPercent { percent } => {
            fill(w.shipping[1], &[("p", &number(*percent, lang))])
        }
        DiscountValue::ShippingAmount { amount } => fill(w.shipping[2], &[("a", &money(*amount))]),
        DiscountValue::BuyGet {
            buy,
            get,
            percent,
            max_applications,
            pick,
        } => {
            let (buy, get) = (buy.to_string(), get.to_string());
            let mut text = if *percent == Decimal::ONE_HUNDRED {
                fill(w.buy_get_free, &[("buy", &buy), ("get", &get)])
            } else {
                let p = number(*percent, lang);
                fill(w.buy_get_off, &[("buy", &buy), ("get", &get), ("p", &p)])
            };
            if let Some(n) = max_applications {
                text += &fill(w.at_most_times, &[("n", &n.to_string())]);
            }
            if *pick == crate::format::program::Pick::MostExpensive {
                text += w.dearest;
            }
            text
        }
        DiscountValue::QuantityBreaks { breaks, counted } => {
            let list: Vec<String> = breaks
                .iter()
                .map(|b| {
                    fill(
                        w.quantity_break,
                        &[
                            ("p", &number(b.percent, lang)),
                            ("q", &b.quantity.to_string()),
                        ],
                    )
                })
                .collect();
            let same = match counted {
                crate::format::program::Counted::PerSku => w.same_product,
                crate::format::program::Counted::InScope => "",
            };
            format!("{}{same}", list.join(", "))
        }
        DiscountValue::SpendSteps { steps, .. } => steps
            .iter()
            .map(|step| {
                fill(
                    w.step,
                    &[
                        ("p", &number(step.percent, lang)),
                        ("from", &money(step.from)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    text += &namer.scope(&rule.scope.categories, &rule.scope.skus);
    text += &namer.attributes(&rule.scope.attributes);
    if let Some(combines) = &rule.combines_with {
        use crate::format::program::DiscountClass;
        let classes = [
            DiscountClass::Product,
            DiscountClass::Order,
            DiscountClass::Shipping,
        ];
        let excluded: Vec<String> = classes
            .iter()
            .zip(w.classes)
            .filter(|(class, _)| !combines.contains(class))
            .map(|(_, words)| words.to_string())
            .collect();
        if !excluded.is_empty() {
            text += &fill(w.not_with, &[("list", &namer.list(excluded))]);
        }
    }
    text + &describe_conditions(&rule.conditions, namer, money)
}

/// A rule's conditions, each as a phrase after what the rule gives.
fn describe_conditions(
    conditions: &crate::format::program::Conditions,
    namer: &Namer,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let w = namer.words;
    let mut text = String::new();
    if let Some(min) = conditions.min_subtotal {
        text += &fill(w.min_order, &[("min", &money(min))]);
    }
    if let Some(code) = &conditions.promo_code {
        text += &fill(w.with_code, &[("code", code)]);
    }
    if !conditions.tiers.is_empty() {
        let names: Vec<String> = conditions
            .tiers
            .iter()
            .map(|id| {
                let tier = namer.program.tier(id);
                namer.quoted(tier.map_or(id.as_str(), |t| namer.name(&t.name)))
            })
            .collect();
        text += &fill(w.for_tiers, &[("list", &namer.list(names))]);
    }
    if conditions.members_only {
        text += w.members;
    }
    let days: Vec<String> = conditions
        .days_of_week
        .iter()
        .filter_map(|day| {
            let at = crate::rules::compiled::WEEKDAYS
                .iter()
                .position(|known| known == day)?;
            Some(w.weekdays[at].to_string())
        })
        .collect();
    if !days.is_empty() {
        text += &fill(w.on_days, &[("list", &namer.list(days))]);
    }
    if let Some(window) = conditions.birthday_window_days {
        text += &fill(w.birthday, &[("n", &window.to_string())]);
    }
    let (from, to) = (conditions.valid_from, conditions.valid_until);
    let template = match (from, to) {
        (Some(_), Some(_)) => Some(w.dates[0]),
        (Some(_), None) => Some(w.dates[1]),
        (None, Some(_)) => Some(w.dates[2]),
        (None, None) => None,
    };
    if let Some(template) = template {
        let day = |date: Option<chrono::NaiveDate>| date.map_or(String::new(), |d| d.to_string());
        text += &fill(template, &[("from", &day(from)), ("to", &day(to))]);
    }
    match conditions.first_purchase_made {
        Some(true) => text += w.after_first,
        Some(false) => text += w.first_only,
        None => {}
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        let value = Decimal::from_str("12345.50").unwrap();
        assert_eq!(number(value, Lang::En), "12,345.5");
        assert_eq!(number(value, Lang::Ru), "12\u{a0}345,5");
        assert_eq!(number(Decimal::from(1000), Lang::En), "1000");
    }

    #[test]
    fn languages_parse_from_locale_tags() {
        assert_eq!("ka-GE".parse::<Lang>(), Ok(Lang::Ka));
        assert_eq!("HY".parse::<Lang>(), Ok(Lang::Hy));
        assert!("fr".parse::<Lang>().is_err());
    }
}
