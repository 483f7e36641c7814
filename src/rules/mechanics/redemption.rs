//! Redeeming points: what the customer asks to spend, within their balance, the share of the
//! order points may pay, the minimum redemption and whole minor units; with an expected share
//! (projections), toward that share of what the orders so far could have used. What points pay
//! is split over the lines. Trace: `redeemed` or `not_redeemed`, with what limited it, and in a
//! quote the points still pending that would free up first and the day they can be spent.

use super::points::PointsRule;
use crate::format::trace::{Code, Entry, Kind, RedeemLimit};
use crate::rules::allocation::allocate_into;
use crate::rules::order::{PointsResult, Sheet, Split};

/// The points redeemed on the order and what they pay, line by line; returns the points
/// earned, which count towards a points tier.
#[inline]
pub(crate) fn price(sheet: &mut Sheet, points_rule: Option<&PointsRule>) -> u64 {
    let (Some(points_rule), Some((earned, employee_earned))) =
        (points_rule, sheet.out.order_points)
    else {
        sheet.out.points = None;
        sheet.out.points_value = 0;
        sheet.out.line_points.clear();
        sheet
            .out
            .line_points
            .resize(sheet.out.line_subtotals.len(), 0);
        return 0;
    };
    let standing = sheet.standing;
    let redeem_now = |requested| {
        redeem(
            points_rule,
            sheet.out.after_discounts,
            standing.balance,
            requested,
        )
    };
    let mut redemption = redeem_now(sheet.order.redeem_points);
    if let Some(share) = sheet.order.redeem_share {
        // Toward that share of what the orders so far could have used, in whole points: an
        // order below a minimum redemption defers its points to the next rather than losing
        // them, so a higher share never redeems less.
        let could = redemption.redeemed;
        let target = share
            .floor(u128::from(standing.could_redeem.saturating_add(could)))
            .and_then(|points| u64::try_from(points).ok())
            .unwrap_or(0);
        redemption = redeem_now(target.saturating_sub(standing.redeemed).min(could));
        redemption.could = could;
    }
    if sheet.trace.is_some() {
        let entry = redemption_entry(sheet, &redemption, points_rule.min_redeem);
        if let Some(trace) = &mut sheet.trace {
            trace.insert(sheet.redemption_at, entry);
        }
    }
    let out = &mut *sheet.out;
    out.points_value = redemption.value;
    out.points = Some(PointsResult {
        balance_before: standing.balance,
        earned,
        employee_earned,
        ..redemption
    });
    // What points pay, split over the lines in proportion to what is left of each.
    let Split {
        weights: nets,
        remainders,
        ..
    } = &mut sheet.scratch.split;
    nets.clear();
    nets.extend(
        out.line_subtotals
            .iter()
            .zip(&out.line_discounts)
            .map(|(s, d)| s - d),
    );
    allocate_into(redemption.value, nets, &mut out.line_points, remainders);
    earned
}

/// Names on the redemption's trace entry the customer's points still pending that can be spent
/// soonest (`pending`) and the day the last of them can be (`pending_from`): for a customer who
/// asks for points the balance does not hold yet.
pub(crate) fn name_pending(trace: &mut [Entry], pending: u64, from: chrono::NaiveDate) {
    if let Some(entry) = trace.iter_mut().find(|e| e.kind == Kind::Redemption) {
        entry.params.insert("pending", pending.to_string());
        entry.params.insert("pending_from", from.to_string());
    }
}

fn redemption_entry(sheet: &Sheet, redemption: &PointsResult, min_redeem: u64) -> Entry {
    let redeemed = redemption.redeemed > 0;
    let code = if redeemed {
        Code::Redeemed
    } else {
        Code::NotRedeemed
    };
    let mut entry = Entry::new(Kind::Redemption, "points", redeemed, code)
        .param("requested", redemption.requested)
        .param("min", min_redeem)
        .param("cap", redemption.cap)
        .param("cap_amount", sheet.money(redemption.cap_amount));
    if let Some(limit) = redemption.limited_by {
        entry = entry.param("limited_by", limit.as_str());
    }
    if redeemed {
        entry = entry
            .amount(sheet.money(redemption.value))
            .param("points", redemption.redeemed);
    }
    entry
}

/// What redeeming `requested` points on an order of `payable` comes to, for a balance.
/// How many points an order may use and what they pay. Only whole steps of points are taken,
/// a step being the fewest points worth a whole number of minor units, so that no point is taken
/// without paying its value.
pub fn redeem(rule: &PointsRule, payable: i128, balance: u64, requested: u64) -> PointsResult {
    redeem_within(rule, share_cap(rule, payable), balance, requested)
}

/// The most points may pay on an order of `payable` under the program's share, in minor units.
#[inline(always)]
pub fn share_cap(rule: &PointsRule, payable: i128) -> i128 {
    i128::try_from(
        rule.redeem_share
            .floor(payable.max(0).unsigned_abs())
            .unwrap_or(0),
    )
    .unwrap_or(0)
}

/// [`redeem`] on an order whose [`share_cap`] is `cap_amount`: a customer's repeated order
/// works its cap out once.
#[inline(always)]
pub fn redeem_within(
    rule: &PointsRule,
    cap_amount: i128,
    balance: u64,
    requested: u64,
) -> PointsResult {
    let cap_by_share = points_within(rule, cap_amount);
    let cap = usable(rule, cap_by_share, balance);
    let (redeemed, limited_by) = redeemed_within(rule, cap_by_share, cap, balance, requested);
    let value = rule
        .value_of(redeemed)
        .and_then(|v| i128::try_from(v).ok())
        .unwrap_or(0);
    PointsResult {
        balance_before: balance,
        earned: 0,
        employee_earned: None,
        requested,
        redeemed,
        cap,
        cap_amount,
        value,
        limited_by,
        could: 0,
    }
}

/// The whole steps of points that `cap_amount` (a [`share_cap`]) lets an order use; none when
/// points are worth nothing.
#[inline(always)]
pub fn points_within(rule: &PointsRule, cap_amount: i128) -> u64 {
    cap_amount
        .unsigned_abs()
        .checked_div(rule.minor_per_step)
        .map_or(0, |steps| {
            u64::try_from(steps)
                .unwrap_or(u64::MAX)
                .saturating_mul(rule.step)
        })
}

/// The most of `balance` an order may use: whole steps within `cap_by_share` points
/// ([`points_within`]).
#[inline(always)]
pub fn usable(rule: &PointsRule, cap_by_share: u64, balance: u64) -> u64 {
    let most = cap_by_share.min(balance);
    most - most % rule.step
}

/// The points redeemed of `requested` from `balance` within `cap_by_share` points
/// ([`points_within`]), of which `cap` are [`usable`], and what limited them.
#[inline(always)]
pub fn redeemed_within(
    rule: &PointsRule,
    cap_by_share: u64,
    cap: u64,
    balance: u64,
    requested: u64,
) -> (u64, Option<RedeemLimit>) {
    let step = rule.step;
    let whole_steps = |points: u64| points - points % step;
    if requested == 0 {
        (0, None)
    } else if requested < rule.min_redeem || cap < rule.min_redeem {
        (0, Some(RedeemLimit::BelowMinimum))
    } else if requested > cap_by_share && cap_by_share <= balance {
        (cap, Some(RedeemLimit::ShareCap))
    } else if requested > balance {
        (cap, Some(RedeemLimit::Balance))
    } else if whole_steps(requested) < rule.min_redeem {
        (0, Some(RedeemLimit::BelowMinimum))
    } else if whole_steps(requested) < requested {
        (whole_steps(requested), Some(RedeemLimit::WholeMinorUnits))
    } else {
        (requested, None)
    }
}
