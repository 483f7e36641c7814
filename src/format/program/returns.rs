//! What a return takes back: the points of the returned lines, and the discounts whose minimums
//! the return breaks.

use serde::Serialize;

/// What a return does: to a discount whose minimum the kept items no longer reach, and to the
/// points the order was paid with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Returns {
    #[serde(default)]
    pub broken_minimums: BrokenMinimums,
    #[serde(default)]
    pub redeemed_points: PointsBack,
}

/// A discount (a rule or a code's) that the kept items no longer qualify for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BrokenMinimums {
    /// Its share on the kept items is taken out of the refund (the usual rule).
    #[default]
    Reclaim,
    /// The customer keeps it.
    Keep,
}

/// How the points an order was paid with come back on a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PointsBack {
    /// Each returned unit gives back its share of the points and of the money.
    #[default]
    InProportion,
    /// The returned value comes back as points until every point redeemed is back, then as money.
    First,
}
