//! Reading a program. Field names and defaults follow the serde attributes on the types, which
//! still drive writing and the JSON Schema.

use super::parse::Node;
use super::{FromJson, Json};
use crate::error::Result;
use crate::format::program::*;
use crate::money::exact::hundred;
use crate::money::Rounding;

impl FromJson for Program {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let program = Program {
            schema: f.optional("$schema"),
            version: f.required("version"),
            id: f.required("id"),
            name: f.required("name"),
            description: f.optional("description"),
            default_language: f.optional("default_language"),
            fallback_languages: f.or_default("fallback_languages"),
            categories: f.or_default("categories"),
            attributes: f.or_default("attributes"),
            attribute_names: f.or_default("attribute_names"),
            currency: f.required("currency"),
            rounding: f.or_default("rounding"),
            tier_rules: f.or_default("tier_rules"),
            tiers: f.or_default("tiers"),
            discounts: f.or_default("discounts"),
            promo_codes: f.or_default("promo_codes"),
            points: f.optional("points"),
            cashback: f.optional("cashback"),
            included_tax: f.optional("included_tax"),
            shipping: f.optional("shipping"),
            returns: f.optional("returns"),
            events: f.or_default("events"),
            catalog: f.or_default("catalog"),
            membership: f.optional("membership"),
            coalition: f.or_default("coalition"),
            chance_rewards: f.or_default("chance_rewards"),
            coop_marketing: f.optional("coop_marketing"),
        };
        f.end(program)
    }
}

impl FromJson for Rounding {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("half_up", Rounding::HalfUp),
            ("half_even", Rounding::HalfEven),
            ("down", Rounding::Down),
            ("up", Rounding::Up),
        ])
    }
}

impl FromJson for TierRules {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let rules = TierRules {
            qualifies_on: f.or_default("qualifies_on"),
            window: f.or_default("window"),
            upgrade: f.or_default("upgrade"),
            downgrade: f.or_default("downgrade"),
            review_month: f.or("review_month", january()),
        };
        f.end(rules)
    }
}

impl FromJson for Qualifier {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[("spend", Qualifier::Spend), ("points", Qualifier::Points)])
    }
}

impl FromJson for Window {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let kinds = [
            "lifetime",
            "calendar_year",
            "calendar_quarter",
            "rolling_months",
        ];
        let window = match f.tag("kind", &kinds) {
            "lifetime" => Window::Lifetime,
            "calendar_year" => Window::CalendarYear,
            "calendar_quarter" => Window::CalendarQuarter,
            _ => Window::RollingMonths {
                months: f.required("months"),
            },
        };
        f.end(window)
    }
}

impl FromJson for Upgrade {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("immediate", Upgrade::Immediate),
            ("monthly", Upgrade::Monthly),
        ])
    }
}

impl FromJson for Downgrade {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("immediate", Downgrade::Immediate),
            ("yearly_review", Downgrade::YearlyReview),
        ])
    }
}

impl FromJson for Tier {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let tier = Tier {
            id: f.required("id"),
            name: f.required("name"),
            threshold: f.required("threshold"),
            discount_percent: f.optional("discount_percent"),
            earn_multiplier: f.optional("earn_multiplier"),
            perks: f.or_default("perks"),
            min_commitment: f.optional("min_commitment"),
        };
        f.end(tier)
    }
}

impl FromJson for Period {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("month", Period::Month),
            ("quarter", Period::Quarter),
            ("year", Period::Year),
        ])
    }
}

impl FromJson for Commitment {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let commitment = Commitment {
            amount: f.required("amount"),
            period: f.required("period"),
        };
        f.end(commitment)
    }
}

impl FromJson for DiscountRule {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let rule = DiscountRule {
            id: f.required("id"),
            name: f.required("name"),
            value: f.required("value"),
            scope: f.or_default("scope"),
            conditions: f.or_default("conditions"),
            inactivity: f.optional("inactivity"),
            stacking: f.or_default("stacking"),
            priority: f.or_default("priority"),
            limits: f.optional("limits"),
            combines_with: f.optional("combines_with"),
        };
        f.end(rule)
    }
}

impl FromJson for DiscountClass {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("product", DiscountClass::Product),
            ("order", DiscountClass::Order),
            ("shipping", DiscountClass::Shipping),
        ])
    }
}

impl FromJson for Shipping {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let shipping = Shipping {
            earns_points: f.or_default("earns_points"),
            counts_toward_minimums: f.or_default("counts_toward_minimums"),
        };
        f.end(shipping)
    }
}

impl FromJson for DiscountValue {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let types = [
            "percent",
            "fixed",
            "fixed_per_unit",
            "tier_percent",
            "spend_steps",
            "quantity_breaks",
            "buy_get",
            "bundle",
            "free_shipping",
            "shipping_percent",
            "shipping_amount",
        ];
        let value = match f.tag("type", &types) {
            "percent" => DiscountValue::Percent {
                percent: f.required("percent"),
            },
            "fixed" => DiscountValue::Fixed {
                amount: f.required("amount"),
            },
            "fixed_per_unit" => DiscountValue::FixedPerUnit {
                amount: f.required("amount"),
            },
            "tier_percent" => DiscountValue::TierPercent,
            "bundle" => DiscountValue::Bundle {
                items: f.required("items"),
                price: f.required("price"),
                max_applications: f.optional("max_applications"),
            },
            "free_shipping" => DiscountValue::FreeShipping,
            "shipping_percent" => DiscountValue::ShippingPercent {
                percent: f.required("percent"),
            },
            "shipping_amount" => DiscountValue::ShippingAmount {
                amount: f.required("amount"),
            },
            "buy_get" => DiscountValue::BuyGet {
                buy: f.required("buy"),
                get: f.required("get"),
                percent: f.or("percent", rust_decimal::Decimal::ONE_HUNDRED),
                max_applications: f.optional("max_applications"),
                pick: f.or_default("pick"),
            },
            "quantity_breaks" => DiscountValue::QuantityBreaks {
                breaks: f.required("breaks"),
                counted: f.or_default("counted"),
            },
            _ => DiscountValue::SpendSteps {
                steps: f.required("steps"),
                include_current_order: f.or("include_current_order", yes()),
            },
        };
        f.end(value)
    }
}

impl FromJson for BundleItem {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let item = BundleItem {
            skus: f.or_default("skus"),
            categories: f.or_default("categories"),
            quantity: f.or("quantity", crate::money::exact::one()),
        };
        f.end(item)
    }
}

impl FromJson for QuantityBreak {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let step = QuantityBreak {
            quantity: f.required("quantity"),
            percent: f.required("percent"),
        };
        f.end(step)
    }
}

impl FromJson for Pick {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("cheapest", Pick::Cheapest),
            ("most_expensive", Pick::MostExpensive),
        ])
    }
}

impl FromJson for Counted {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[("per_sku", Counted::PerSku), ("in_scope", Counted::InScope)])
    }
}

impl FromJson for SpendStep {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let step = SpendStep {
            from: f.required("from"),
            percent: f.required("percent"),
        };
        f.end(step)
    }
}

impl FromJson for Scope {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let scope = Scope {
            categories: f.or_default("categories"),
            skus: f.or_default("skus"),
            exclude_categories: f.or_default("exclude_categories"),
            include_promotional: f.or("include_promotional", yes()),
            attributes: f.or_default("attributes"),
        };
        f.end(scope)
    }
}

impl FromJson for AttributeKind {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("text", AttributeKind::Text),
            ("number", AttributeKind::Number),
        ])
    }
}

impl FromJson for AttributeMatch {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let test = AttributeMatch {
            attribute: f.required("attribute"),
            one_of: f.or_default("one_of"),
            min: f.optional("min"),
            max: f.optional("max"),
        };
        f.end(test)
    }
}

impl FromJson for Conditions {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let conditions = Conditions {
            min_subtotal: f.optional("min_subtotal"),
            first_purchase_made: f.optional("first_purchase_made"),
            tiers: f.or_default("tiers"),
            promo_code: f.optional("promo_code"),
            valid_from: f.optional("valid_from"),
            valid_until: f.optional("valid_until"),
            members_only: f.or_default("members_only"),
            days_of_week: f.or_default("days_of_week"),
            birthday_window_days: f.optional("birthday_window_days"),
        };
        f.end(conditions)
    }
}

impl FromJson for Inactivity {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let inactivity = Inactivity {
            after_days: f.required("after_days"),
            percent: f.required("percent"),
        };
        f.end(inactivity)
    }
}

impl FromJson for Returns {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let returns = Returns {
            broken_minimums: f.or_default("broken_minimums"),
            redeemed_points: f.or_default("redeemed_points"),
        };
        f.end(returns)
    }
}

impl FromJson for BrokenMinimums {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("reclaim", BrokenMinimums::Reclaim),
            ("keep", BrokenMinimums::Keep),
        ])
    }
}

impl FromJson for PointsBack {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("in_proportion", PointsBack::InProportion),
            ("first", PointsBack::First),
        ])
    }
}

impl FromJson for Stacking {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("combine", Stacking::Combine),
            ("best_of", Stacking::BestOf),
            ("exclusive", Stacking::Exclusive),
        ])
    }
}

impl FromJson for PromoCode {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let promo = PromoCode {
            code: f.required("code"),
            valid_from: f.optional("valid_from"),
            valid_until: f.optional("valid_until"),
            min_order: f.optional("min_order"),
            exclude_categories: f.or_default("exclude_categories"),
            exclude_promotional: f.or_default("exclude_promotional"),
            on_excluded: f.or_default("on_excluded"),
            reusable: f.or("reusable", yes()),
            limits: f.optional("limits"),
        };
        f.end(promo)
    }
}

impl FromJson for UsageLimits {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let limits = UsageLimits {
            uses: f.optional("uses"),
            uses_per_customer: f.optional("uses_per_customer"),
            budget: f.optional("budget"),
        };
        f.end(limits)
    }
}

impl FromJson for OnExcluded {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[("skip", OnExcluded::Skip), ("refuse", OnExcluded::Refuse)])
    }
}

impl FromJson for Points {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let points = Points {
            earn: f.required("earn"),
            employee_earn: f.optional("employee_earn"),
            value_per_point: f.required("value_per_point"),
            max_redeem_percent: f.or("max_redeem_percent", hundred()),
            min_redeem: f.or_default("min_redeem"),
            expiry_months: f.optional("expiry_months"),
            pending_days: f.optional("pending_days"),
            pending_count_toward_tiers: f.or("pending_count_toward_tiers", yes()),
            multipliers: f.or_default("multipliers"),
            combine_multipliers: f.or_default("combine_multipliers"),
            round_points: f.or_default("round_points"),
        };
        f.end(points)
    }
}

impl FromJson for EarnMultiplier {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let multiplier = EarnMultiplier {
            id: f.required("id"),
            name: f.required("name"),
            factor: f.required("factor"),
            scope: f.or_default("scope"),
            conditions: f.or_default("conditions"),
        };
        f.end(multiplier)
    }
}

impl FromJson for CombineMultipliers {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("multiply", CombineMultipliers::Multiply),
            ("add", CombineMultipliers::Add),
        ])
    }
}

impl FromJson for RoundPoints {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("at_end", RoundPoints::AtEnd),
            ("each_step", RoundPoints::EachStep),
        ])
    }
}

impl FromJson for EarnRule {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let rule = EarnRule {
            points: f.required("points"),
            per_amount: f.required("per_amount"),
            categories: f.or_default("categories"),
            per_unit: f.or_default("per_unit"),
            granularity: f.or_default("granularity"),
            per: f.or_default("per"),
            base: f.or_default("base"),
            apply_tier_multiplier: f.or("apply_tier_multiplier", yes()),
        };
        f.end(rule)
    }
}

impl FromJson for CategoryRate {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let rate = CategoryRate {
            categories: f.required("categories"),
            points: f.required("points"),
            per_amount: f.required("per_amount"),
        };
        f.end(rate)
    }
}

impl FromJson for UnitRate {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let rate = UnitRate {
            categories: f.or_default("categories"),
            skus: f.or_default("skus"),
            points: f.optional("points"),
            by_attribute: f.optional("by_attribute"),
        };
        f.end(rate)
    }
}

impl FromJson for AttributePoints {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let table = AttributePoints {
            attribute: f.required("attribute"),
            bands: f.or_default("bands"),
            values: f.or_default("values"),
        };
        f.end(table)
    }
}

impl FromJson for PointsBand {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let band = PointsBand {
            from: f.required("from"),
            points: f.required("points"),
        };
        f.end(band)
    }
}

impl FromJson for Granularity {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("full_units", Granularity::FullUnits),
            ("proportional", Granularity::Proportional),
        ])
    }
}

impl FromJson for EarnPer {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[("line", EarnPer::Line), ("order", EarnPer::Order)])
    }
}

impl FromJson for EarnBase {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("after_discounts", EarnBase::AfterDiscounts),
            ("before_discounts", EarnBase::BeforeDiscounts),
        ])
    }
}

impl FromJson for Cashback {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let cashback = Cashback {
            percent: f.or_default("percent"),
            categories: f.or_default("categories"),
            cap_per_month: f.optional("cap_per_month"),
        };
        f.end(cashback)
    }
}

impl FromJson for IncludedTax {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let tax = IncludedTax {
            percent: f.required("percent"),
            rates: f.or_default("rates"),
            rounding: f.or_default("rounding"),
            earn_on: f.or_default("earn_on"),
            delivery: f.or_default("delivery"),
        };
        f.end(tax)
    }
}

impl FromJson for TaxRate {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let rate = TaxRate {
            categories: f.required("categories"),
            percent: f.required("percent"),
        };
        f.end(rate)
    }
}

impl FromJson for TaxRounding {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("per_line", TaxRounding::PerLine),
            ("per_total", TaxRounding::PerTotal),
        ])
    }
}

impl FromJson for DeliveryTax {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[
            ("default_rate", DeliveryTax::DefaultRate),
            ("proportional", DeliveryTax::Proportional),
            ("none", DeliveryTax::None),
        ])
    }
}

impl FromJson for TaxBase {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[("gross", TaxBase::Gross), ("net", TaxBase::Net)])
    }
}

impl FromJson for Event {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let event = Event {
            id: f.required("id"),
            name: f.required("name"),
            points: f.or_default("points"),
            credit: f.optional("credit"),
        };
        f.end(event)
    }
}

impl FromJson for Reward {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let reward = Reward {
            id: f.required("id"),
            name: f.required("name"),
            points: f.required("points"),
            value: f.required("value"),
        };
        f.end(reward)
    }
}

impl FromJson for Membership {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let membership = Membership {
            name: f.required("name"),
            fee: f.required("fee"),
            period: f.required("period"),
            perks: f.or_default("perks"),
            earn_multiplier: f.optional("earn_multiplier"),
        };
        f.end(membership)
    }
}

impl FromJson for CoalitionPartner {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let partner = CoalitionPartner {
            id: f.required("id"),
            name: f.required("name"),
            exchange_rate: f.required("exchange_rate"),
        };
        f.end(partner)
    }
}

impl FromJson for ChanceReward {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let reward = ChanceReward {
            id: f.required("id"),
            name: f.required("name"),
            chance: f.required("chance"),
            cost: f.required("cost"),
        };
        f.end(reward)
    }
}

impl FromJson for CoopMarketing {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let coop = CoopMarketing {
            shares: f.required("shares"),
        };
        f.end(coop)
    }
}

impl FromJson for LocalizedText {
    fn read(json: Json<'_>) -> Result<Self> {
        match json.value {
            Node::Text(text) => Ok(LocalizedText::Plain(text.to_string())),
            Node::Object(_) => FromJson::read(json).map(LocalizedText::ByLanguage),
            _ => Err(json.wrong_type("a string, or an object with a text per language")),
        }
    }
}
