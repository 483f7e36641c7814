//! A customer's state: tier, qualifying spend, point lots, store credit and membership.

use crate::error::{Error, ErrorCode, Result};
use crate::format::declared::Declared;
use crate::format::validate;
use crate::money::Money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// The tier the seller's records hold; when absent it is worked out from qualifying spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_since: Option<NaiveDate>,
    /// Qualifying spend: dated orders, or totals over a period.
    #[serde(default)]
    pub spend: Vec<SpendRecord>,
    #[serde(default)]
    pub points: Vec<PointLot>,
    /// The employee's personal points, on a B2B program with dual accrual.
    #[serde(default)]
    pub employee_points: Vec<PointLot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_credit: Option<Decimal>,
    /// Store credit earned before, dated, for the monthly cap.
    #[serde(default)]
    pub credit_history: Vec<CreditRecord>,
    /// Paid membership valid up to and including this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_purchase: Option<NaiveDate>,
    #[serde(default)]
    pub first_purchase_made: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<String>,
    /// For campaigns around the customer's birthday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
}

/// Either `date` (one order) or `from` and `to` (a period total).
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    pub amount: Decimal,
}

impl SpendRecord {
    fn validate(&self, money: &Money) -> Result<()> {
        validate::non_negative_amount(money, self.amount, "amount")?;
        match (self.date, self.from, self.to) {
            (Some(_), None, None) => Ok(()),
            (None, Some(from), Some(to)) => validate::date_order(Some(from), Some(to), "to"),
            _ => Err(Error::new(
                ErrorCode::MissingField,
                "",
                "give either `date`, or both `from` and `to`",
            )),
        }
    }

    /// The first and last day the record covers.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        match (self.date, self.from, self.to) {
            (Some(date), _, _) => (date, date),
            (None, Some(from), Some(to)) => (from, to),
            _ => (NaiveDate::MIN, NaiveDate::MIN),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PointLot {
    pub points: u64,
    pub earned: NaiveDate,
    /// When absent, the program's `expiry_months` after `earned` applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditRecord {
    pub date: NaiveDate,
    pub amount: Decimal,
}

impl Customer {
    pub fn is_member(&self, on: NaiveDate) -> bool {
        self.member_until.is_some_and(|until| on <= until)
    }

    pub fn validate(&self, program: &(impl Declared + ?Sized)) -> Result<()> {
        self.validate_in(program, &program.money())
    }

    /// The same, with the program's money worked out once for many customers.
    pub(crate) fn validate_in(
        &self,
        program: &(impl Declared + ?Sized),
        money: &Money,
    ) -> Result<()> {
        if let Some(tier) = &self.tier {
            if !program.has_tier(tier) {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    "tier",
                    format!("the program has no tier \"{tier}\""),
                ));
            }
        }
        // Paths are written only for an error: a portfolio checks many customers.
        for (index, record) in self.spend.iter().enumerate() {
            record
                .validate(money)
                .map_err(|e| e.under(&format!("spend[{index}]")))?;
        }
        for (field, lots) in [
            ("points", &self.points),
            ("employee_points", &self.employee_points),
        ] {
            let mut total: u64 = 0;
            for (index, lot) in lots.iter().enumerate() {
                let checked = validate::points(lot.points, "points")
                    .and_then(|()| validate::date_order(Some(lot.earned), lot.expires, "expires"))
                    .and_then(|()| {
                        total = total
                            .checked_add(lot.points)
                            .ok_or_else(|| validate::overflow(""))?;
                        validate::points(total, "")
                    });
                checked.map_err(|e| e.under(&format!("{field}[{index}]")))?;
            }
        }
        if let Some(credit) = self.store_credit {
            validate::non_negative_amount(money, credit, "store_credit")?;
        }
        for (index, record) in self.credit_history.iter().enumerate() {
            validate::non_negative_amount(money, record.amount, "amount")
                .map_err(|e| e.under(&format!("credit_history[{index}]")))?;
        }
        Ok(())
    }
}
