//! A cart: lines, a promo code, points to redeem, events to credit, and the date.

use crate::error::{Error, ErrorCode, Result};
use crate::format::declared::Declared;
use crate::format::program::AttributeKind;
use crate::format::validate;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// The most lines one cart may hold.
pub const MAX_LINES: usize = 10_000;
/// The most units of one line.
pub const MAX_QUANTITY: u32 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cart {
    pub date: NaiveDate,
    #[serde(default)]
    pub lines: Vec<Line>,
    /// Delivery charged with the order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shipping: Vec<ShippingLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promo_code: Option<String>,
    #[serde(default)]
    pub redeem_points: u64,
    /// Earning events to credit with this quote, such as returned cartridges.
    #[serde(default)]
    pub events: Vec<EventCount>,
    /// Points earned at coalition partners, moved into this program at their exchange rates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partner_points: Vec<PartnerPoints>,
    /// What the host's records say of limited codes and rules so far.
    #[serde(default, skip_serializing_if = "Usage::is_empty")]
    pub usage: Usage,
}

/// The uses and spend so far of codes (by code) and discount rules (by id) that have limits.
#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Usage {
    #[serde(default, skip_serializing_if = "crate::format::keyed::Keyed::is_empty")]
    pub codes: crate::format::keyed::Keyed<UsedSoFar>,
    #[serde(default, skip_serializing_if = "crate::format::keyed::Keyed::is_empty")]
    pub discounts: crate::format::keyed::Keyed<UsedSoFar>,
}

impl Usage {
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.discounts.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UsedSoFar {
    /// Uses by every customer.
    #[serde(default)]
    pub uses: u64,
    /// Uses by this customer.
    #[serde(default)]
    pub customer_uses: u64,
    /// What it has given away in all.
    #[serde(default)]
    pub spent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub sku: String,
    #[serde(default)]
    pub category: String,
    pub unit_price: Decimal,
    pub quantity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<Decimal>,
    /// Already on promotion.
    #[serde(default)]
    pub promotional: bool,
    /// Attributes the program declares, such as `fare_class` or `distance_km`; numbers are
    /// written as decimal strings.
    #[serde(default, skip_serializing_if = "crate::format::keyed::Keyed::is_empty")]
    pub attributes: crate::format::keyed::Keyed<String>,
}

/// One delivery charge: its method (`courier`, `pickup-point`) and price.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShippingLine {
    pub method: String,
    pub price: Decimal,
}

/// The most delivery charges one cart may hold.
pub const MAX_SHIPPING_LINES: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventCount {
    pub id: String,
    #[serde(default = "crate::money::exact::one")]
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerPoints {
    pub partner: String,
    pub points: u64,
}

/// As derived, but with the attributes in key order: their order in the JSON means nothing, so
/// it must not change the fingerprint.
impl std::hash::Hash for Line {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Line {
            sku,
            category,
            unit_price,
            quantity,
            unit_cost,
            promotional,
            attributes,
        } = self;
        (sku, category, unit_price, quantity, unit_cost, promotional).hash(state);
        let mut sorted: Vec<&(String, String)> = attributes.0.iter().collect();
        sorted.sort();
        sorted.hash(state);
    }
}

impl Line {
    fn validate(&self, money: &crate::money::Money) -> Result<()> {
        validate::not_empty(&self.sku, "sku")?;
        validate::non_negative_amount(money, self.unit_price, "unit_price")?;
        if self.quantity == 0 || self.quantity > MAX_QUANTITY {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "quantity",
                format!("a quantity is 1 to {MAX_QUANTITY}"),
            ));
        }
        match self.unit_cost {
            Some(cost) => validate::amount_in_range(cost, "unit_cost"),
            None => Ok(()),
        }
    }
}

impl Line {
    /// Each attribute declared by the program, a number written as a decimal.
    fn validate_attributes(&self, program: &(impl Declared + ?Sized)) -> Result<()> {
        for (name, value) in self.attributes.iter() {
            let path = || format!("attributes.{name}");
            match program.attribute(name) {
                None => {
                    return Err(Error::new(
                        ErrorCode::UnknownReference,
                        path(),
                        format!("the program declares no attribute \"{name}\""),
                    ))
                }
                Some(AttributeKind::Number) if crate::format::json::decimal_of(value).is_none() => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        path(),
                        format!("\"{value}\" is not a number such as \"1250\" or \"7.5\""),
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

impl Cart {
    pub fn validate(&self, program: &(impl Declared + ?Sized)) -> Result<()> {
        self.validate_in(program, &program.money())
    }

    /// The same, with the program's money worked out once for many carts.
    pub(crate) fn validate_in(
        &self,
        program: &(impl Declared + ?Sized),
        money: &crate::money::Money,
    ) -> Result<()> {
        if self.lines.len() > MAX_LINES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "lines",
                format!("a cart holds at most {MAX_LINES} lines"),
            ));
        }
        // In minor units, which cannot overflow: at most 10^4 lines of 10^6 units of 10^18.
        let mut subtotal = 0u128;
        for (index, line) in self.lines.iter().enumerate() {
            // The path is written only for an error: simulations check millions of lines.
            line.validate(money)
                .and_then(|()| line.validate_attributes(program))
                .map_err(|e| e.under(&format!("lines[{index}]")))?;
            let price =
                crate::money::exact::minor_of(line.unit_price, money.minor_units).unwrap_or(0);
            subtotal += price.unsigned_abs() * u128::from(line.quantity);
        }
        if self.shipping.len() > MAX_SHIPPING_LINES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "shipping",
                format!("a cart holds at most {MAX_SHIPPING_LINES} delivery charges"),
            ));
        }
        for (index, shipping) in self.shipping.iter().enumerate() {
            let path = |field: &str| format!("shipping[{index}].{field}");
            validate::not_empty(&shipping.method, &path("method"))?;
            validate::non_negative_amount(money, shipping.price, &path("price"))?;
            let price =
                crate::money::exact::minor_of(shipping.price, money.minor_units).unwrap_or(0);
            subtotal += price.unsigned_abs();
        }
        // Any one amount may reach 10^15, and so may the whole cart: the order's arithmetic
        // (the exact split of discounts across lines) is sized for that.
        let most = 10u128.pow(15) * 10u128.pow(money.minor_units);
        if subtotal > most {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "lines",
                "the cart totals more than 1000000000000000, the most accepted",
            ));
        }
        validate::points(self.redeem_points, "redeem_points")?;
        if self.redeem_points > 0 && !program.has_points() {
            return Err(Error::new(
                ErrorCode::UnknownReference,
                "redeem_points",
                "the program has no points",
            ));
        }
        for (index, event) in self.events.iter().enumerate() {
            if !program.has_event(&event.id) {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    format!("events[{index}].id"),
                    format!("the program has no event \"{}\"", event.id),
                ));
            }
            if event.count == 0 || event.count > MAX_QUANTITY {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    format!("events[{index}].count"),
                    format!("a count is 1 to {MAX_QUANTITY}"),
                ));
            }
        }
        for (index, transfer) in self.partner_points.iter().enumerate() {
            if !program.has_partner(&transfer.partner) {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    format!("partner_points[{index}].partner"),
                    format!(
                        "the program has no coalition partner \"{}\"",
                        transfer.partner
                    ),
                ));
            }
            validate::points(transfer.points, &format!("partner_points[{index}].points"))?;
            if !program.has_points() {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    format!("partner_points[{index}]"),
                    "the program has no points",
                ));
            }
        }
        // Usage of a code or rule the program does not limit would be silently ignored.
        let groups = [
            ("codes", &self.usage.codes, "a limited promo code"),
            (
                "discounts",
                &self.usage.discounts,
                "a limited discount rule",
            ),
        ];
        for (group, used, what) in groups {
            for (key, so_far) in used.iter() {
                let path = |field: &str| format!("usage.{group}.{key}{field}");
                let known = match group {
                    "codes" => program.limits_code(key),
                    _ => program.limits_discount(key),
                };
                if !known {
                    return Err(Error::new(
                        ErrorCode::UnknownReference,
                        path(""),
                        format!("\"{key}\" is not {what} of the program"),
                    ));
                }
                validate::non_negative_amount(money, so_far.spent, &path(".spent"))?;
            }
        }
        Ok(())
    }
}
