//! Reading the requests of projections, margin impact, comparisons, calculators and previews.

use super::{FromJson, Json};
use crate::calculators::Calculation;
use crate::economics::{CategoryMargin, CompareRequest, Economics, MarginRequest, Variant};
use crate::error::Result;
use crate::portfolio::{PortfolioCustomer, PortfolioRequest};
use crate::preview::PreviewRequest;
use crate::projection::{
    mid_month, one_order, CategorySpend, Plan, PlannedOrder, ProjectionRequest, Redeem,
};

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
