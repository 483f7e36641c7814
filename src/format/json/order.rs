//! Reading a customer and a cart.

use super::{FromJson, Json};
use crate::error::Result;
use crate::format::cart::{Cart, EventCount, Line, PartnerPoints};
use crate::format::customer::{CreditRecord, Customer, PointLot, SpendRecord};

impl FromJson for Customer {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let customer = Customer {
            tier: f.optional("tier"),
            tier_since: f.optional("tier_since"),
            spend: f.or_default("spend"),
            points: f.or_default("points"),
            employee_points: f.or_default("employee_points"),
            store_credit: f.optional("store_credit"),
            credit_history: f.or_default("credit_history"),
            member_until: f.optional("member_until"),
            last_purchase: f.optional("last_purchase"),
            first_purchase_made: f.or_default("first_purchase_made"),
            company_id: f.optional("company_id"),
            employee_id: f.optional("employee_id"),
            birth_date: f.optional("birth_date"),
        };
        f.end(customer)
    }
}

impl FromJson for SpendRecord {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let record = SpendRecord {
            date: f.optional("date"),
            from: f.optional("from"),
            to: f.optional("to"),
            amount: f.required("amount"),
        };
        f.end(record)
    }
}

impl FromJson for PointLot {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let lot = PointLot {
            points: f.required("points"),
            earned: f.required("earned"),
            expires: f.optional("expires"),
        };
        f.end(lot)
    }
}

impl FromJson for CreditRecord {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let record = CreditRecord {
            date: f.required("date"),
            amount: f.required("amount"),
        };
        f.end(record)
    }
}

impl FromJson for Cart {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let cart = Cart {
            date: f.required("date"),
            lines: f.or_default("lines"),
            shipping: f.or_default("shipping"),
            promo_code: f.optional("promo_code"),
            redeem_points: f.or_default("redeem_points"),
            events: f.or_default("events"),
            partner_points: f.or_default("partner_points"),
            usage: f.or_default("usage"),
        };
        f.end(cart)
    }
}

impl FromJson for crate::format::cart::Usage {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let usage = crate::format::cart::Usage {
            codes: f.or_default("codes"),
            discounts: f.or_default("discounts"),
        };
        f.end(usage)
    }
}

impl FromJson for crate::format::cart::UsedSoFar {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let used = crate::format::cart::UsedSoFar {
            uses: f.or_default("uses"),
            customer_uses: f.or_default("customer_uses"),
            spent: f.or_default("spent"),
        };
        f.end(used)
    }
}

impl FromJson for Line {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let line = Line {
            sku: f.required("sku"),
            category: f.or_default("category"),
            unit_price: f.required("unit_price"),
            quantity: f.required("quantity"),
            unit_cost: f.optional("unit_cost"),
            promotional: f.or_default("promotional"),
            attributes: f.or_default("attributes"),
        };
        f.end(line)
    }
}

impl FromJson for crate::format::cart::ShippingLine {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let line = crate::format::cart::ShippingLine {
            method: f.required("method"),
            price: f.required("price"),
        };
        f.end(line)
    }
}

impl FromJson for EventCount {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let event = EventCount {
            id: f.required("id"),
            count: f.or("count", crate::money::exact::one()),
        };
        f.end(event)
    }
}

impl FromJson for PartnerPoints {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let points = PartnerPoints {
            partner: f.required("partner"),
            points: f.required("points"),
        };
        f.end(points)
    }
}
