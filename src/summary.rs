//! Plain-language summaries of a program in English, Russian, Armenian and Georgian.

use crate::program::{DiscountRule, DiscountValue, Period, Program, Qualifier, Window};
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

/// The sentence pieces of one language; `{x}` marks a value.
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
    step: &'static str,
    on: &'static str,
    min_order: &'static str,
    with_code: &'static str,
    members: &'static str,
    after_first: &'static str,
    first_only: &'static str,
    earn: &'static str,
    earn_on: &'static str,
    redeem: &'static str,
    expire: &'static str,
    employee: &'static str,
    cashback: &'static str,
    cap: &'static str,
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
    rolling: " over the last {n} months",
    tier_from: "{name} from {amount}",
    percent_off: "{p}% off",
    amount_off: "{a} off",
    amount_off_each: "{a} off each item",
    tier_discount: "your tier's discount",
    step: "{p}% from {from} spent",
    on: " on {list}",
    min_order: " on orders from {min}",
    with_code: " with code {code}",
    members: " for members",
    after_first: " after the first purchase",
    first_only: " on the first purchase",
    earn: "Points: {p} per {per}",
    earn_on: ", {p} per {per} on {list}",
    redeem: "Points pay up to {max}% of an order at {value} each",
    expire: " and expire after {m} months",
    employee: "Employees also earn {p} personal points per {per}",
    cashback: "{p}% back as store credit",
    cap: ", up to {cap} a month",
    membership: "{name} membership: {fee} {period}",
    month: "a month",
    quarter_period: "a quarter",
    year: "a year",
    event_points: "{name}: {points} points",
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
    rolling: " за последние месяцы ({n})",
    tier_from: "{name} от {amount}",
    percent_off: "скидка {p}%",
    amount_off: "скидка {a}",
    amount_off_each: "скидка {a} на каждый товар",
    tier_discount: "скидка вашего уровня",
    step: "{p}% при покупках от {from}",
    on: " на {list}",
    min_order: " при заказе от {min}",
    with_code: " по коду {code}",
    members: " для участников клуба",
    after_first: " после первой покупки",
    first_only: " на первую покупку",
    earn: "Баллы: {p} за каждые {per}",
    earn_on: ", {p} за каждые {per} на {list}",
    redeem: "Баллами можно оплатить до {max}% заказа, 1 балл = {value}",
    expire: "; баллы сгорают через {m} месяцев",
    employee: "Сотрудники также получают личные баллы: {p} за каждые {per}",
    cashback: "{p}% возвращается на счёт в магазине",
    cap: ", до {cap} в месяц",
    membership: "Членство «{name}»: {fee} {period}",
    month: "в месяц",
    quarter_period: "в квартал",
    year: "в год",
    event_points: "{name} — баллов: {points}",
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
    rolling: " վերջին {n} ամսում",
    tier_from: "{name}՝ {amount}-ից",
    percent_off: "{p}% զեղչ",
    amount_off: "{a} զեղչ",
    amount_off_each: "{a} զեղչ յուրաքանչյուր ապրանքի համար",
    tier_discount: "ձեր մակարդակի զեղչը",
    step: "{p}%՝ {from} գնումներից սկսած",
    on: "՝ {list}",
    min_order: "՝ {min}-ից սկսած պատվերների համար",
    with_code: "՝ {code} կոդով",
    members: "՝ անդամների համար",
    after_first: "՝ առաջին գնումից հետո",
    first_only: "՝ առաջին գնման համար",
    earn: "Միավորներ՝ {p} յուրաքանչյուր {per}-ի համար",
    earn_on: ", {p}՝ յուրաքանչյուր {per}-ի համար ({list})",
    redeem: "Միավորներով կարելի է վճարել պատվերի մինչև {max}%-ը, 1 միավոր = {value}",
    expire: ", միավորները այրվում են {m} ամիս անց",
    employee:
        "Աշխատակիցները նույնպես ստանում են անձնական միավորներ՝ {p} յուրաքանչյուր {per}-ի համար",
    cashback: "{p}%-ը վերադառնում է խանութի հաշվին",
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
    rolling: " ბოლო {n} თვის განმავლობაში",
    tier_from: "{name} — {amount}-დან",
    percent_off: "{p}% ფასდაკლება",
    amount_off: "{a} ფასდაკლება",
    amount_off_each: "{a} ფასდაკლება თითოეულ ნივთზე",
    tier_discount: "თქვენი დონის ფასდაკლება",
    step: "{p}% — {from}-ის შენაძენიდან",
    on: " ({list})",
    min_order: " {min}-დან შეკვეთებზე",
    with_code: " კოდით {code}",
    members: " წევრებისთვის",
    after_first: " პირველი შენაძენის შემდეგ",
    first_only: " პირველ შენაძენზე",
    earn: "ქულები: {p} ყოველ {per}-ზე",
    earn_on: ", {p} ყოველ {per}-ზე ({list})",
    redeem: "ქულებით შეგიძლიათ გადაიხადოთ შეკვეთის {max}%-მდე, 1 ქულა = {value}",
    expire: ", ქულები იწვება {m} თვის შემდეგ",
    employee: "თანამშრომლებიც იღებენ პირად ქულებს: {p} ყოველ {per}-ზე",
    cashback: "{p}% ბრუნდება მაღაზიის ანგარიშზე",
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

/// Words in a summary: tokens holding a letter or a digit, so that a dash is not a word.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// The plain-language summary of `program` in `lang`: one short sentence per mechanism.
pub fn summarize(program: &Program, lang: Lang) -> String {
    let w = words(lang);
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
            Window::RollingMonths { months } => fill(w.rolling, &[("n", &months.to_string())]),
        };
        let list: Vec<String> = program
            .tiers
            .iter()
            .map(|tier| {
                let threshold = match rules.qualifies_on {
                    Qualifier::Spend => money(tier.threshold),
                    Qualifier::Points => number(tier.threshold, lang),
                };
                let mut text = fill(w.tier_from, &[("name", &tier.name), ("amount", &threshold)]);
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
            rule.name,
            w.colon,
            describe_discount(rule, w, lang, &money),
            w.stop
        ));
    }

    if let Some(points) = &program.points {
        let earn = &points.earn;
        let mut text = fill(
            w.earn,
            &[
                ("p", &number(earn.points, lang)),
                ("per", &money(earn.per_amount)),
            ],
        );
        for rate in &earn.categories {
            text += &fill(
                w.earn_on,
                &[
                    ("p", &number(rate.points, lang)),
                    ("per", &money(rate.per_amount)),
                    ("list", &rate.categories.join(", ")),
                ],
            );
        }
        sentences.push(sentence(text));
        if let Some(employee) = &points.employee_earn {
            sentences.push(sentence(fill(
                w.employee,
                &[
                    ("p", &number(employee.points, lang)),
                    ("per", &money(employee.per_amount)),
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
            if let Some(months) = points.expiry_months {
                text += &fill(w.expire, &[("m", &months.to_string())]);
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
    for event in &program.events {
        if event.points > 0 {
            sentences.push(sentence(fill(
                w.event_points,
                &[
                    ("name", &event.name),
                    ("points", &number(event.points.into(), lang)),
                ],
            )));
        }
        if let Some(credit) = event.credit {
            let mut text = fill(
                w.event_credit,
                &[("name", &event.name), ("credit", &money(credit))],
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
            .map(|p| format!("{} ×{}", p.name, number(p.exchange_rate, lang)))
            .collect();
        sentences.push(sentence(fill(w.coalition, &[("list", &list.join(", "))])));
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
                ("name", &membership.name),
                ("fee", &money(membership.fee)),
                ("period", period),
            ],
        )));
    }
    sentences.join(" ")
}

fn describe_discount(
    rule: &DiscountRule,
    w: &Words,
    lang: Lang,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let mut text = match &rule.value {
        DiscountValue::Percent { percent } => {
            fill(w.percent_off, &[("p", &number(*percent, lang))])
        }
        DiscountValue::Fixed { amount } => fill(w.amount_off, &[("a", &money(*amount))]),
        DiscountValue::FixedPerUnit { amount } => {
            fill(w.amount_off_each, &[("a", &money(*amount))])
        }
        DiscountValue::TierPercent => w.tier_discount.to_string(),
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
    let listed: Vec<&str> = rule
        .scope
        .categories
        .iter()
        .chain(&rule.scope.skus)
        .map(String::as_str)
        .collect();
    if !listed.is_empty() {
        text += &fill(w.on, &[("list", &listed.join(", "))]);
    }
    let conditions = &rule.conditions;
    if let Some(min) = conditions.min_subtotal {
        text += &fill(w.min_order, &[("min", &money(min))]);
    }
    if let Some(code) = &conditions.promo_code {
        text += &fill(w.with_code, &[("code", code)]);
    }
    if conditions.members_only {
        text += w.members;
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
