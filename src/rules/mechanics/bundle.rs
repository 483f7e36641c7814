//! Sets for a price (bundles): a set of items (by category or SKU, with quantities) for a fixed
//! price, up to a number of sets; the cheapest matching units make each set, and the sets' worth
//! above their price is the discount, split over all the set units by what is left of their
//! lines. Trace: `applied` with the sets and the set price, or `below_bundle` with the units
//! missing.

use super::limits::most_applications;
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::MAX_QUANTITY;
use crate::format::program as format;
use crate::format::trace::Code;
use crate::money::exact::Fraction;
use crate::money::Rounding;
use crate::rules::allocation::{allocate_into, apply_share};
use crate::rules::order::{by_unit_price, OrderLine, Rate, RuleEntries, Split, Verdict};
use crate::rules::values::{Amount, Check, Names};

/// A set of `parts` for `price`, up to `max` times (u64::MAX: no limit).
#[derive(Debug, Clone)]
pub struct Bundle {
    pub parts: Vec<BundlePart>,
    pub price: Amount,
    pub max: u64,
}

#[derive(Debug, Clone)]
pub struct BundlePart {
    pub skus: Vec<u32>,
    pub categories: Vec<u32>,
    pub quantity: u64,
}

impl BundlePart {
    pub fn takes(&self, category: Option<u32>, sku: Option<u32>) -> bool {
        category.is_some_and(|c| self.categories.contains(&c))
            || sku.is_some_and(|s| self.skus.contains(&s))
    }
}

/// Compiles a `bundle` value: at least one item, each naming a category or SKU and a quantity.
pub(crate) fn compile(
    items: &[format::BundleItem],
    price: rust_decimal::Decimal,
    max_applications: Option<u32>,
    check: &Check,
    names: (&mut Names, &mut Names),
    path: &impl Fn(&str) -> String,
) -> Result<Bundle> {
    let (categories_known, skus_known) = names;
    if items.is_empty() {
        return Err(Error::new(
            ErrorCode::Empty,
            path("value.items"),
            "a set has at least one item",
        ));
    }
    let mut parts = Vec::with_capacity(items.len());
    for (
        at,
        format::BundleItem {
            skus,
            categories,
            quantity,
        },
    ) in items.iter().enumerate()
    {
        if skus.is_empty() && categories.is_empty() {
            return Err(Error::new(
                ErrorCode::Empty,
                path(&format!("value.items[{at}]")),
                "name at least one category or SKU",
            ));
        }
        if !(1..=MAX_QUANTITY).contains(quantity) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                path(&format!("value.items[{at}].quantity")),
                format!("a quantity is 1 to {MAX_QUANTITY}"),
            ));
        }
        parts.push(BundlePart {
            skus: skus_known.all(skus),
            categories: categories_known.all(categories),
            quantity: u64::from(*quantity),
        });
    }
    let max = most_applications(max_applications, &|| path("value.max_applications"))?;
    Ok(Bundle {
        parts,
        price: check.amount(price, &|| path("value.price"))?,
        max,
    })
}

impl Bundle {
    /// Whether the units in scope make at least one set; `rule`: the rule's index.
    #[inline]
    pub(crate) fn eligible(
        &self,
        rule: usize,
        lines: &[OrderLine],
        in_scope: &[usize],
        entries: RuleEntries,
    ) -> Verdict {
        let (sets, missing) = self.sets(lines, in_scope);
        if sets == 0 {
            return Err(entries.refused(Code::BelowBundle, |e| e.param("quantity", missing)));
        }
        let entry = entries.applied(|e| e.param("sets", sets).param("set_price", self.price.text));
        Ok((Rate::Bundle(rule), entry))
    }

    /// How many sets the lines in scope make, and how many units the first set lacks.
    fn sets(&self, lines: &[OrderLine], in_scope: &[usize]) -> (u64, u64) {
        let set = &self.parts;
        let mut units = vec![0u64; set.len()];
        for &at in in_scope {
            let line = &lines[at];
            if let Some(part) = set
                .iter()
                .position(|part| part.takes(line.category_id, line.sku_id))
            {
                units[part] += u64::from(line.quantity);
            }
        }
        let sets = set
            .iter()
            .zip(&units)
            .map(|(part, units)| units / part.quantity)
            .min()
            .unwrap_or(0)
            .min(self.max);
        let missing = set
            .iter()
            .zip(&units)
            .map(|(part, units)| part.quantity.saturating_sub(*units))
            .sum();
        (sets, missing)
    }

    /// What the sets take off each line in scope (by position), from what is left of it.
    pub(crate) fn split(
        &self,
        lines: &[OrderLine],
        in_scope: &[usize],
        remaining: &[i128],
        rounding: Rounding,
        buffers: &mut Split,
    ) {
        let Split {
            weights,
            parts,
            remainders,
        } = buffers;
        let set = &self.parts;
        let (sets, _) = self.sets(lines, in_scope);
        // Each part's units, the cheapest first (ties in cart order), at what is left of
        // their line; the sets' worth above their price is the discount, split over them.
        let mut by_price = Vec::with_capacity(in_scope.len());
        by_unit_price(lines, in_scope, false, &mut by_price);
        let mut wanted: Vec<u64> = set.iter().map(|part| part.quantity * sets).collect();
        weights.clear();
        weights.resize(in_scope.len(), 0);
        for (_, position) in by_price {
            let at = in_scope[position];
            let line = &lines[at];
            let Some(part) = set
                .iter()
                .position(|part| part.takes(line.category_id, line.sku_id))
            else {
                continue;
            };
            let quantity = u64::from(line.quantity);
            let taken = wanted[part].min(quantity);
            wanted[part] -= taken;
            weights[position] = Fraction::new(u128::from(taken), u128::from(quantity.max(1)))
                .and_then(|share| apply_share(share, remaining[at], rounding).ok())
                .unwrap_or(0);
        }
        let worth: i128 = weights.iter().sum();
        let discount = (worth - self.price.minor.saturating_mul(i128::from(sets))).max(0);
        allocate_into(discount, weights, parts, remainders);
    }
}
