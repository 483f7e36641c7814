//! How each part of [`Rules`] is written: field by field, in the order of its declaration.

use super::{choice, record, Codec, Reader};
use crate::format::keyed::Keyed;
use crate::format::localized::LocalizedText;
use crate::format::program::{
    AttributeKind, DeliveryTax, DiscountClass, Downgrade, EarnBase, EarnPer, Granularity,
    OnExcluded, Period, Qualifier, Shipping, Stacking, Upgrade, Window,
};
use crate::money::Rounding;
use crate::rules::compiled::*;
use crate::rules::discount_rule::{DiscountValue, Inactivity};
use crate::rules::mechanics::bundle::Bundle;
use crate::rules::mechanics::buy_get::BuyGet;
use crate::rules::mechanics::included_tax::{TaxRateRule, TaxRule};
use crate::rules::mechanics::quantity_breaks::QuantityBreaks;
use crate::rules::mechanics::spend_steps::SpendSteps;

choice!(Rounding {
    HalfUp,
    HalfEven,
    Down,
    Up
});
choice!(Stacking {
    Combine,
    BestOf,
    Exclusive
});
choice!(DiscountClass {
    Product,
    Order,
    Shipping
});
choice!(OnExcluded { Skip, Refuse });
choice!(Granularity {
    FullUnits,
    Proportional
});
choice!(EarnPer { Line, Order });
choice!(EarnBase {
    AfterDiscounts,
    BeforeDiscounts
});
choice!(Qualifier { Spend, Points });
choice!(Upgrade { Immediate, Monthly });
choice!(Downgrade {
    Immediate,
    YearlyReview
});
choice!(Period {
    Month,
    Quarter,
    Year
});
choice!(AttributeKind { Text, Number });
choice!(DeliveryTax {
    DefaultRate,
    Proportional,
    None
});

record!(Shipping {
    earns_points,
    counts_toward_minimums
});
record!(Amount { minor, text });
record!(Percent { share, text });
record!(Multiplier { value, text });
record!(Scope {
    categories,
    skus,
    exclude_categories,
    include_promotional,
    attributes
});
record!(Inactivity {
    after_days,
    percent
});
record!(Bundle { parts, price, max });
record!(BundlePart {
    skus,
    categories,
    quantity
});
record!(BuyGet {
    buy,
    get,
    percent,
    max,
    dearest_first
});
record!(CashbackRule {
    percent,
    categories,
    cap_per_month
});
record!(ChanceRule {
    id,
    chance,
    expected_cost
});
record!(Commitment { amount, period });
record!(Conditions {
    min_subtotal,
    first_purchase_made,
    tiers,
    tiers_text,
    promo_code,
    valid_from,
    valid_until,
    members_only,
    days_of_week,
    days_text,
    birthday_window_days,
});
record!(EarnRule {
    rates,
    per_unit,
    granularity,
    per,
    base,
    apply_tier_multiplier
});
record!(EarnRate {
    categories,
    categories_text,
    points,
    per_minor
});
record!(UnitRate {
    categories,
    skus,
    points
});
record!(EventRule { id, points, credit });
record!(PartnerRule {
    id,
    exchange_rate,
    exchange_rate_text
});
record!(TaxRule {
    rates,
    per_total,
    earn_on_net,
    delivery
});
record!(TaxRateRule {
    categories,
    percent,
    contained
});
record!(Limits {
    uses,
    uses_per_customer,
    budget
});
record!(MembershipRule { earn_multiplier });
record!(EarnMultiplier {
    id,
    factor,
    scope,
    conditions
});
record!(PointsRule {
    earn,
    employee_earn,
    step,
    minor_per_step,
    value_per_point,
    redeem_share,
    min_redeem,
    expiry_months,
    pending_days,
    pending_count_toward_tiers,
    multipliers,
    add_multipliers,
    round_each_step,
});
record!(PromoRule {
    code,
    limits,
    valid_from,
    valid_until,
    min_order,
    exclude_categories,
    exclude_promotional,
    on_excluded,
});
record!(QuantityBreaks { breaks, per_sku });
record!(SpendSteps {
    steps,
    include_current_order
});
record!(SpendStep { from, percent });
record!(Tiering {
    qualifies_on,
    window,
    upgrade,
    downgrade,
    review_month
});
record!(TierRule {
    id,
    name,
    reach,
    threshold,
    discount,
    perks,
    commitment
});
record!(DiscountRule {
    id,
    name,
    value,
    scope,
    conditions,
    inactivity,
    stacking,
    limits,
    class,
    combines_with,
});
record!(Rules {
    id,
    name_languages,
    currency,
    units,
    rounding,
    tiering,
    tiers,
    discounts,
    by_priority,
    promo_codes,
    points,
    cashback,
    tax,
    events,
    membership,
    partners,
    chances,
    categories,
    skus,
    attributes,
    shipping,
    multipliers,
});

impl<T: Codec> Codec for Keyed<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(Keyed(Codec::decode(input)?))
    }
}

impl Codec for LocalizedText {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            LocalizedText::Plain(text) => {
                out.push(0);
                text.encode(out);
            }
            LocalizedText::ByLanguage(texts) => {
                out.push(1);
                texts.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        match input.byte()? {
            0 => Some(LocalizedText::Plain(Codec::decode(input)?)),
            1 => Some(LocalizedText::ByLanguage(Codec::decode(input)?)),
            _ => None,
        }
    }
}

impl Codec for Window {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Window::Lifetime => out.push(0),
            Window::CalendarYear => out.push(1),
            Window::CalendarQuarter => out.push(2),
            Window::RollingMonths { months } => {
                out.push(3);
                months.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(match input.byte()? {
            0 => Window::Lifetime,
            1 => Window::CalendarYear,
            2 => Window::CalendarQuarter,
            3 => Window::RollingMonths {
                months: Codec::decode(input)?,
            },
            _ => return None,
        })
    }
}

impl Codec for AttributeTest {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            AttributeTest::OneOf(values) => {
                out.push(0);
                values.encode(out);
            }
            AttributeTest::Range { min, max } => {
                out.push(1);
                min.encode(out);
                max.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(match input.byte()? {
            0 => AttributeTest::OneOf(Codec::decode(input)?),
            1 => AttributeTest::Range {
                min: Codec::decode(input)?,
                max: Codec::decode(input)?,
            },
            _ => return None,
        })
    }
}

impl Codec for UnitPoints {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            UnitPoints::Flat(points) => {
                out.push(0);
                points.encode(out);
            }
            UnitPoints::Bands { attribute, bands } => {
                out.push(1);
                attribute.encode(out);
                bands.encode(out);
            }
            UnitPoints::Values { attribute, values } => {
                out.push(2);
                attribute.encode(out);
                values.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(match input.byte()? {
            0 => UnitPoints::Flat(Codec::decode(input)?),
            1 => UnitPoints::Bands {
                attribute: Codec::decode(input)?,
                bands: Codec::decode(input)?,
            },
            2 => UnitPoints::Values {
                attribute: Codec::decode(input)?,
                values: Codec::decode(input)?,
            },
            _ => return None,
        })
    }
}

impl Codec for DiscountValue {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            DiscountValue::Percent(percent) => {
                out.push(0);
                percent.encode(out);
            }
            DiscountValue::Fixed(amount) => {
                out.push(1);
                amount.encode(out);
            }
            DiscountValue::PerUnit(amount) => {
                out.push(2);
                amount.encode(out);
            }
            DiscountValue::TierPercent => out.push(3),
            DiscountValue::SpendSteps(steps) => {
                out.push(4);
                steps.encode(out);
            }
            DiscountValue::BuyGet(buy_get) => {
                out.push(5);
                buy_get.encode(out);
            }
            DiscountValue::QuantityBreaks(breaks) => {
                out.push(6);
                breaks.encode(out);
            }
            DiscountValue::Bundle(bundle) => {
                out.push(7);
                bundle.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(match input.byte()? {
            0 => DiscountValue::Percent(Codec::decode(input)?),
            1 => DiscountValue::Fixed(Codec::decode(input)?),
            2 => DiscountValue::PerUnit(Codec::decode(input)?),
            3 => DiscountValue::TierPercent,
            4 => DiscountValue::SpendSteps(Codec::decode(input)?),
            5 => DiscountValue::BuyGet(Codec::decode(input)?),
            6 => DiscountValue::QuantityBreaks(Codec::decode(input)?),
            7 => DiscountValue::Bundle(Codec::decode(input)?),
            _ => return None,
        })
    }
}

impl Codec for Names {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(Names(Codec::decode(input)?))
    }
}
