//! Reading the requests of projections, margin impact, comparisons, calculators and previews.

use super::{FromJson, Json, Path};
use crate::calculators::Calculation;
use crate::economics::{CategoryMargin, CompareRequest, Economics, MarginRequest, Variant};
use crate::error::{Error, ErrorCode, Result};
use crate::portfolio::{PortfolioCustomer, PortfolioRequest};
use crate::preview::PreviewRequest;
use crate::projection::{
    mid_month, one_order, CategorySpend, Plan, PlannedOrder, ProjectionRequest, Redeem,
};
use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};

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
        let (variant, body) = json.variant(&["monthly", "orders"])?;
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

impl FromJson for Redeem {
    fn read(json: Json<'_>) -> Result<Self> {
        json.one_of(&[("never", Redeem::Never), ("max", Redeem::Max)])
    }
}

impl FromJson for Economics {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let economics = Economics {
            gross_margin_percent: f.required("gross_margin_percent"),
            category_margins: f.or_default("category_margins"),
            redemption_rate_percent: f.or("redemption_rate_percent", crate::economics::hundred()),
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
            monthly: f.required("monthly"),
            months: f.or("months", crate::preview::a_year()),
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

/// Reads a portfolio request one customer at a time, so that no JSON tree of every customer is
/// ever built (a small JSON object takes a B-tree node of about half a kilobyte).
pub fn portfolio_from_json(text: &str) -> Result<PortfolioRequest> {
    super::refuse_over(text, MAX_PORTFOLIO_BYTES)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let streamed = StreamedRequest::deserialize(&mut deserializer)
        .and_then(|streamed| deserializer.end().map(|()| streamed))
        .map_err(|error| super::syntax_error(text, error))?;
    let mut rest = streamed.rest;
    if streamed.customers.is_some() {
        rest.insert("customers".into(), Value::Array(Vec::new()));
    }
    let mut request: PortfolioRequest = super::from_value(&Value::Object(rest))?;
    if let Some(customers) = streamed.customers {
        request.customers = customers?;
    }
    Ok(request)
}

/// A portfolio's customers alone, as a JSON list (the `customers` of a request), read one at a
/// time; paths still start at `customers`.
pub fn portfolio_customers_from_json(text: &str) -> Result<Vec<PortfolioCustomer>> {
    super::refuse_over(text, MAX_PORTFOLIO_BYTES)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Customers
        .deserialize(&mut deserializer)
        .and_then(|customers| deserializer.end().map(|()| customers))
        .map_err(|error| super::syntax_error(text, error))?
}

/// A forecast's settings for customers loaded already: a portfolio request without `customers`.
pub fn forecast_settings_from_json(text: &str) -> Result<PortfolioRequest> {
    super::refuse_over(text, super::MAX_INPUT_BYTES)?;
    let mut value: Value =
        serde_json::from_str(text).map_err(|error| super::syntax_error(text, error))?;
    if let Value::Object(fields) = &mut value {
        if fields.contains_key("customers") {
            return Err(Error::new(
                ErrorCode::UnknownField,
                "customers",
                "the customers are loaded already; send only the forecast's settings",
            ));
        }
        fields.insert("customers".into(), Value::Array(Vec::new()));
    }
    super::from_value(&value)
}

/// The request's fields as a tree, except its customers, read as they stream past.
struct StreamedRequest {
    rest: Map<String, Value>,
    customers: Option<Result<Vec<PortfolioCustomer>>>,
}

impl<'de> Deserialize<'de> for StreamedRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_map(StreamedRequestVisitor)
    }
}

struct StreamedRequestVisitor;

impl<'de> Visitor<'de> for StreamedRequestVisitor {
    type Value = StreamedRequest;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a portfolio request object")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<StreamedRequest, A::Error> {
        let mut streamed = StreamedRequest {
            rest: Map::new(),
            customers: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == "customers" {
                streamed.customers = Some(map.next_value_seed(Customers)?);
            } else {
                let value: Value = map.next_value()?;
                streamed.rest.insert(key, value);
            }
        }
        Ok(streamed)
    }
}

/// The customers list: each one is read, and its tree dropped, before the next is parsed.
struct Customers;

impl<'de> DeserializeSeed<'de> for Customers {
    type Value = Result<Vec<PortfolioCustomer>>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Customers {
    type Value = Result<Vec<PortfolioCustomer>>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a list of customers")
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut customers = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let list = Path::Key(&Path::Root, "customers");
        while let Some(value) = seq.next_element::<Value>()? {
            let json = Json {
                value: &value,
                path: Path::Index(&list, customers.len()),
            };
            match PortfolioCustomer::read(json) {
                Ok(customer) => customers.push(customer),
                Err(error) => {
                    // The rest is still parsed, so that the text's own errors come first.
                    while seq.next_element::<IgnoredAny>()?.is_some() {}
                    return Ok(Err(error));
                }
            }
        }
        Ok(Ok(customers))
    }
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
