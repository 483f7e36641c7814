//! What a cart or a customer may refer to in its program, asked by their checks: answered by the
//! program as written and by the compiled one, so that the checkout checks an order without the
//! program's text.

use crate::format::program::{AttributeKind, Program};
use crate::money::Money;

pub trait Declared {
    /// The currency's minor units and the program's rounding.
    fn money(&self) -> Money;
    fn has_tier(&self, id: &str) -> bool;
    fn has_points(&self) -> bool;
    fn has_event(&self, id: &str) -> bool;
    fn has_partner(&self, id: &str) -> bool;
    /// Whether a promo code of this text (in any case) has usage limits.
    fn limits_code(&self, code: &str) -> bool;
    /// Whether the discount rule of this id has usage limits.
    fn limits_discount(&self, id: &str) -> bool;
    /// What the attribute of this name holds, if the program declares it.
    fn attribute(&self, name: &str) -> Option<AttributeKind>;
}

impl Declared for Program {
    fn money(&self) -> Money {
        Program::money(self)
    }
    fn has_tier(&self, id: &str) -> bool {
        self.tier(id).is_some()
    }
    fn has_points(&self) -> bool {
        self.points.is_some()
    }
    fn has_event(&self, id: &str) -> bool {
        self.events.iter().any(|known| known.id == id)
    }
    fn has_partner(&self, id: &str) -> bool {
        self.coalition.iter().any(|partner| partner.id == id)
    }
    fn limits_code(&self, code: &str) -> bool {
        self.promo_codes
            .iter()
            .any(|p| p.limits.is_some() && p.code.eq_ignore_ascii_case(code))
    }
    fn limits_discount(&self, id: &str) -> bool {
        self.discounts
            .iter()
            .any(|d| d.limits.is_some() && d.id == id)
    }
    fn attribute(&self, name: &str) -> Option<AttributeKind> {
        self.attributes.get(name).copied()
    }
}
