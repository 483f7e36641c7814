//! Promo codes: whether the cart's code is accepted, and which lines it may touch.

use crate::cart::{Cart, Line};
use crate::money::Money;
use crate::program::{OnExcluded, Program, PromoCode};
use crate::trace::{Entry, Kind};
use rust_decimal::Decimal;

/// The outcome of checking the cart's promo code.
#[derive(Debug, Clone)]
pub struct PromoCheck<'a> {
    /// The code as the program spells it, or as the cart gave it when unknown.
    pub code: String,
    pub definition: Option<&'a PromoCode>,
    pub accepted: bool,
    pub entry: Entry,
}

/// Codes compare without regard to case or surrounding spaces, as shoppers type them.
pub fn same_code(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Whether `line` is one the code refuses or skips.
pub fn excludes(promo: &PromoCode, line: &Line) -> bool {
    promo.exclude_categories.iter().any(|c| c == &line.category)
        || (promo.exclude_promotional && line.promotional)
}

pub fn check<'a>(program: &'a Program, cart: &Cart, money: &Money) -> Option<PromoCheck<'a>> {
    let given = cart.promo_code.as_deref()?.trim();
    if given.is_empty() {
        return None;
    }
    let Some(promo) = program
        .promo_codes
        .iter()
        .find(|p| same_code(&p.code, given))
    else {
        let entry = Entry::new(Kind::PromoCode, given, false, "unknown_code");
        return Some(PromoCheck {
            code: given.to_string(),
            definition: None,
            accepted: false,
            entry,
        });
    };
    let refuse = |code: &'static str| Entry::new(Kind::PromoCode, &promo.code, false, code);
    let entry = if promo.valid_from.is_some_and(|from| cart.date < from) {
        refuse("not_yet_valid").param("valid_from", promo.valid_from.unwrap_or(cart.date))
    } else if promo.valid_until.is_some_and(|until| cart.date > until) {
        refuse("expired").param("valid_until", promo.valid_until.unwrap_or(cart.date))
    } else if let Some(line) = cart
        .lines
        .iter()
        .find(|line| promo.on_excluded == OnExcluded::Refuse && excludes(promo, line))
    {
        refuse("refused_excluded_items").param("sku", &line.sku)
    } else {
        let eligible: Decimal = cart
            .lines
            .iter()
            .filter(|line| !excludes(promo, line))
            .map(|line| line.unit_price * Decimal::from(line.quantity))
            .sum();
        match promo.min_order {
            Some(min) if eligible < min => refuse("below_minimum_order")
                .param("min_order", min)
                .param("subtotal", money.round(eligible))
                .param("remaining", money.round(min - eligible)),
            _ => Entry::new(Kind::PromoCode, &promo.code, true, "accepted"),
        }
    };
    Some(PromoCheck {
        code: promo.code.clone(),
        definition: Some(promo),
        accepted: entry.applied,
        entry,
    })
}
