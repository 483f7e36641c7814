//! Reading the requests of projections, margin impact, comparisons, calculators, previews and
//! refunds from JSON, and the portfolio in parts (the generic readers are in `format::json`).

use crate::analytics::calculators::Calculation;
use crate::analytics::economics::{
    CategoryMargin, CompareRequest, Economics, MarginRequest, Variant,
};
use crate::analytics::portfolio::{PortfolioCustomer, PortfolioRequest};
use crate::analytics::preview::PreviewRequest;
use crate::analytics::projection::{
    mid_month, one_order, Basket, CategorySpend, Plan, PlannedOrder, ProjectionRequest, Redeem,
};
use crate::error::{Error, ErrorCode, Result};
use crate::format::json::parse::{self, Node, Parser, Syntax};
use crate::format::json::{self as json, FromJson, Json, Path};
use std::borrow::Cow;

impl FromJson for ProjectionRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = ProjectionRequest {
            program: f.required("program"),
            customer: f.or_default("customer"),
            start: f.required("start"),
            months: f.required("months"),
            plan: f.required("plan"),
            redeem: f.or_default("redeem"),
        };
        f.end(request)
    }
}

impl FromJson for Plan {
    fn read(json: Json<'_>) -> Result<Self> {
        let (variant, body) = json.variant(&["monthly", "basket", "orders"])?;
        if variant == "basket" {
            return Ok(Plan::Basket(FromJson::read(body)?));
        }
        let mut f = body.fields()?;
        let plan = match variant {
            "monthly" => Plan::Monthly {
                spend: f.required("spend"),
                day: f.or("day", mid_month()),
                orders_per_month: f.or("orders_per_month", one_order()),
            },
            _ => Plan::Orders {
                orders: f.required("orders"),
            },
        };
        f.end(plan)
    }
}

impl FromJson for Basket {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let basket = Basket {
            lines: f.required("lines"),
            day: f.or("day", mid_month()),
            orders_per_month: f.or("orders_per_month", one_order()),
        };
        f.end(basket)
    }
}

impl FromJson for CategorySpend {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let spend = CategorySpend {
            category: f.or_default("category"),
            amount: f.required("amount"),
        };
        f.end(spend)
    }
}

impl FromJson for PlannedOrder {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let order = PlannedOrder {
            date: f.required("date"),
            lines: f.required("lines"),
            promo_code: f.optional("promo_code"),
        };
        f.end(order)
    }
}

/// `"never"`, `"max"`, or `{"share": "60"}`.
impl FromJson for Redeem {
    fn read(json: Json<'_>) -> Result<Self> {
        if json.str().is_err() {
            let (_, share) = json.variant(&["share"])?;
            return Ok(Redeem::Share(FromJson::read(share)?));
        }
        json.one_of(&[("never", Redeem::Never), ("max", Redeem::Max)])
    }
}

impl FromJson for Economics {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let economics = Economics {
            gross_margin_percent: f.required("gross_margin_percent"),
            category_margins: f.or_default("category_margins"),
            redemption_rate_percent: f
                .or("redemption_rate_percent", crate::money::exact::hundred()),
            monthly_churn_percent: f.optional("monthly_churn_percent"),
            monthly_churn_with_program_percent: f.optional("monthly_churn_with_program_percent"),
        };
        f.end(economics)
    }
}

impl FromJson for CategoryMargin {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let margin = CategoryMargin {
            category: f.required("category"),
            percent: f.required("percent"),
        };
        f.end(margin)
    }
}

impl FromJson for MarginRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = MarginRequest {
            projection: f.required("projection"),
            economics: f.required("economics"),
        };
        f.end(request)
    }
}

impl FromJson for CompareRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = CompareRequest {
            customer: f.or_default("customer"),
            start: f.required("start"),
            months: f.required("months"),
            plan: f.required("plan"),
            redeem: f.or_default("redeem"),
            economics: f.required("economics"),
            variants: f.required("variants"),
        };
        f.end(request)
    }
}

impl FromJson for Variant {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let variant = Variant {
            name: f.required("name"),
            program: f.required("program"),
        };
        f.end(variant)
    }
}

impl FromJson for PreviewRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = PreviewRequest {
            program: f.required("program"),
            customer: f.or_default("customer"),
            as_of: f.required("as_of"),
            monthly: f.or_default("monthly"),
            basket: f.optional("basket"),
            months: f.or("months", super::preview::a_year()),
            redeem: f.or_default("redeem"),
        };
        f.end(request)
    }
}

impl FromJson for Calculation {
    fn read(json: Json<'_>) -> Result<Self> {
        let names = [
            "catalog_return",
            "membership_break_even",
            "chance_cost",
            "coop_compensation",
            "channel_incentive",
            "referral_cost",
            "retention",
            "nps",
        ];
        let (variant, body) = json.variant(&names)?;
        let mut f = body.fields()?;
        let calculation = match variant {
            "catalog_return" => Calculation::CatalogReturn {
                program: f.required("program"),
            },
            "membership_break_even" => Calculation::MembershipBreakEven {
                fee: f.required("fee"),
                discount_percent: f.required("discount_percent"),
                expected_spend: f.required("expected_spend"),
                gross_margin_percent: f.required("gross_margin_percent"),
            },
            "chance_cost" => Calculation::ChanceCost {
                chance: f.required("chance"),
                cost: f.required("cost"),
            },
            "coop_compensation" => Calculation::CoopCompensation {
                ad_cost: f.required("ad_cost"),
                brands: f.required("brands"),
                shares: f.required("shares"),
            },
            "channel_incentive" => Calculation::ChannelIncentive {
                points_per_unit: f.required("points_per_unit"),
                value_per_point: f.required("value_per_point"),
                units: f.required("units"),
            },
            "referral_cost" => Calculation::ReferralCost {
                referrer_bonus: f.required("referrer_bonus"),
                friend_discount: f.required("friend_discount"),
                conversion_percent: f.required("conversion_percent"),
            },
            "retention" => Calculation::Retention {
                monthly_profit: f.required("monthly_profit"),
                churn_before_percent: f.required("churn_before_percent"),
                churn_after_percent: f.required("churn_after_percent"),
            },
            _ => Calculation::Nps {
                scores: f.required("scores"),
            },
        };
        f.end(calculation)
    }
}

impl FromJson for PortfolioRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = PortfolioRequest {
            program: f.required("program"),
            start: f.required("start"),
            months: f.required("months"),
            day: f.or("day", mid_month()),
            redeem: f.or_default("redeem"),
            customers: f.required("customers"),
        };
        f.end(request)
    }
}

/// The largest portfolio request accepted (256 MiB): a million customers with short histories.
pub const MAX_PORTFOLIO_BYTES: usize = 256 * 1024 * 1024;

/// Reads a portfolio request one customer at a time, so that no tree of every customer is ever
/// built.
pub fn portfolio_from_json(text: &str) -> Result<PortfolioRequest> {
    json::refuse_over(text, MAX_PORTFOLIO_BYTES)?;
    let mut parser = Parser::new(text);
    if parser.peek() != Some(b'{') {
        return json::from_json(text);
    }
    let mut rest: Vec<(Cow<str>, Node)> = Vec::new();
    let mut customers = None;
    parser
        .members(|parser, name| {
            if name == "customers" {
                customers = Some(customers_one_by_one(parser)?);
            } else {
                rest.push((name, parser.value()?));
            }
            Ok(())
        })
        .and_then(|()| parser.end())
        .map_err(|error| json::syntax_error(text, error))?;
    if customers.is_some() {
        rest.push((Cow::Borrowed("customers"), Node::List(Vec::new())));
    }
    let mut request: PortfolioRequest = json::from_node(&Node::Object(rest))?;
    if let Some(customers) = customers {
        request.customers = customers?;
    }
    Ok(request)
}

/// A portfolio's customers alone, as a JSON list (the `customers` of a request), read one at a
/// time; paths still start at `customers`.
pub fn portfolio_customers_from_json(text: &str) -> Result<Vec<PortfolioCustomer>> {
    json::refuse_over(text, MAX_PORTFOLIO_BYTES)?;
    let mut parser = Parser::new(text);
    customers_one_by_one(&mut parser)
        .and_then(|customers| parser.end().map(|()| customers))
        .map_err(|error| json::syntax_error(text, error))?
}

/// A forecast's settings for customers loaded already: a portfolio request without `customers`.
pub fn forecast_settings_from_json(text: &str) -> Result<PortfolioRequest> {
    json::refuse_over(text, json::MAX_INPUT_BYTES)?;
    let mut node = parse::parse(text).map_err(|error| json::syntax_error(text, error))?;
    if let Node::Object(members) = &mut node {
        if members.iter().any(|(name, _)| name == "customers") {
            return Err(Error::new(
                ErrorCode::UnknownField,
                "customers",
                "the customers are loaded already; send only the forecast's settings",
            ));
        }
        members.push((Cow::Borrowed("customers"), Node::List(Vec::new())));
    }
    json::from_node(&node)
}

/// The customers list at the parser: each one is read, and its tree dropped, before the next is
/// parsed. The whole list is parsed even after a bad customer, so that the text's own errors come
/// first.
fn customers_one_by_one(
    parser: &mut Parser<'_>,
) -> std::result::Result<Result<Vec<PortfolioCustomer>>, Syntax> {
    let list = Path::Key(&Path::Root, "customers");
    if parser.peek() != Some(b'[') {
        let node = parser.value()?;
        return Ok(Vec::<PortfolioCustomer>::read(Json {
            value: &node,
            path: list,
        }));
    }
    let mut customers = Vec::new();
    let mut refused = None;
    parser.items(|parser| {
        let node = parser.value()?;
        if refused.is_none() {
            let json = Json {
                value: &node,
                path: Path::Index(&list, customers.len()),
            };
            match PortfolioCustomer::read(json) {
                Ok(customer) => customers.push(customer),
                Err(error) => refused = Some(error),
            }
        }
        Ok(())
    })?;
    Ok(match refused {
        Some(error) => Err(error),
        None => Ok(customers),
    })
}

impl FromJson for PortfolioCustomer {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let customer = PortfolioCustomer {
            customer: f.or_default("customer"),
            monthly: f.required("monthly"),
        };
        f.end(customer)
    }
}

#[cfg(any(feature = "cli", feature = "analytics"))]
impl FromJson for super::refund::RefundRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = super::refund::RefundRequest {
            program: f.required("program"),
            customer: f.or_default("customer"),
            cart: f.required("cart"),
            returns: f.required("returns"),
            earlier: f.or_default("earlier"),
            refunded: f.optional("refunded"),
            balance: f.optional("balance"),
        };
        f.end(request)
    }
}

#[cfg(any(feature = "cli", feature = "analytics"))]
impl FromJson for super::refund::Returned {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let returned = super::refund::Returned {
            line: f.required("line"),
            quantity: f.required("quantity"),
        };
        f.end(returned)
    }
}
