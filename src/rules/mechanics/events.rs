//! Points and credit beyond purchases: non-purchase events (a review, a referral, a birthday
//! form), each worth points and optionally store credit, and points moved in from coalition
//! partners at their exchange rates. Trace: `event_points`, `transferred`.

use crate::error::Result;
use crate::format::program as format;
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate::{self, overflow};
use crate::money::exact::Fraction;
use crate::rules::order::Sheet;
use crate::rules::values::{at, too_precise, Amount, Check};
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub struct EventRule {
    pub id: String,
    pub points: u64,
    pub credit: Option<Amount>,
}

#[derive(Debug, Clone)]
pub struct PartnerRule {
    pub id: String,
    pub exchange_rate: Fraction,
    pub exchange_rate_text: Decimal,
}

/// Compiles the program's `events`: ids unique, points and credit checked.
pub(crate) fn compile_events(events: &[format::Event], check: &Check) -> Result<Vec<EventRule>> {
    validate::unique_ids(events.iter().map(|e| e.id.as_str()), |i| {
        format!("events[{i}].id")
    })?;
    let mut compiled_events = Vec::with_capacity(events.len());
    for (
        index,
        format::Event {
            id,
            name: _, // checked by `names::check_names`
            points,
            credit,
        },
    ) in events.iter().enumerate()
    {
        at(validate::points(*points, ""), &|| {
            format!("events[{index}].points")
        })?;
        compiled_events.push(EventRule {
            id: id.clone(),
            points: *points,
            credit: match credit {
                Some(c) => Some(check.amount(*c, &|| format!("events[{index}].credit"))?),
                None => None,
            },
        });
    }
    Ok(compiled_events)
}

/// Compiles the program's `coalition` partners and their exchange rates.
pub(crate) fn compile_partners(coalition: &[format::CoalitionPartner]) -> Result<Vec<PartnerRule>> {
    let mut partners = Vec::with_capacity(coalition.len());
    for (
        index,
        format::CoalitionPartner {
            id,
            name: _, // checked by `names::check_names`
            exchange_rate,
        },
    ) in coalition.iter().enumerate()
    {
        let path = format!("coalition[{index}].exchange_rate");
        at(validate::positive(*exchange_rate, ""), &|| path.clone())?;
        partners.push(PartnerRule {
            id: id.clone(),
            exchange_rate: Fraction::of(*exchange_rate).ok_or_else(|| too_precise(&path))?,
            exchange_rate_text: *exchange_rate,
        });
    }
    Ok(partners)
}

/// The points of the non-purchase events the cart reports (a review, a referral…).
#[inline]
pub(crate) fn event_points(sheet: &mut Sheet, events: &[EventRule]) -> Result<u64> {
    let mut total: u64 = 0;
    for &(event, count) in &sheet.order.events {
        let rule = &events[event];
        let points = rule
            .points
            .checked_mul(u64::from(count))
            .ok_or_else(|| overflow("cart.events"))?;
        if points > 0 {
            total = total
                .checked_add(points)
                .ok_or_else(|| overflow("cart.events"))?;
            sheet.note(|_| {
                Entry::new(Kind::Event, &rule.id, true, Code::EventPoints)
                    .amount(points)
                    .param("count", count)
            });
        }
    }
    Ok(total)
}

/// Partner points moved in at the coalition's exchange rates, rounded down to whole points.
#[inline]
pub(crate) fn partner_points(sheet: &mut Sheet, partners: &[PartnerRule]) -> Result<u64> {
    let mut total: u64 = 0;
    for (index, &(partner, partner_points)) in sheet.order.partner_points.iter().enumerate() {
        let rule = &partners[partner];
        let fail = || overflow(&format!("cart.partner_points[{index}].points"));
        let points = rule
            .exchange_rate
            .floor(u128::from(partner_points))
            .and_then(|points| u64::try_from(points).ok())
            .ok_or_else(fail)?;
        total = total.checked_add(points).ok_or_else(fail)?;
        sheet.note(|_| {
            Entry::new(Kind::Coalition, &rule.id, points > 0, Code::Transferred)
                .amount(points)
                .param("partner_points", partner_points)
                .param("exchange_rate", rule.exchange_rate_text)
        });
    }
    Ok(total)
}

/// The store credit the cart's events give, for cashback.
#[inline]
pub(crate) fn event_credit(sheet: &Sheet, events: &[EventRule]) -> Result<i128> {
    let mut event_credit: i128 = 0;
    for &(event, count) in &sheet.order.events {
        if let Some(credit) = events[event].credit {
            event_credit = credit
                .minor
                .checked_mul(i128::from(count))
                .and_then(|c| event_credit.checked_add(c))
                .ok_or_else(|| overflow("cart.events"))?;
        }
    }
    Ok(event_credit)
}
