//! Sets for a price (bundles): a set of items (by category or SKU, with quantities) for a fixed
//! price, up to a number of sets. The dearest matching units make each set, one set after another
//! while a set's units are worth more than its price, so that a set never costs more than its
//! units and one more unit never costs more than its price; the sets' worth above their price is
//! the discount, split over all the set units by what is left of their lines. Trace: `applied`
//! with the sets and the set price; `below_bundle` with the units missing; `bundle_not_cheaper`
//! when the units are there but cost no more than the set price.

use super::limits::most_applications;
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::MAX_QUANTITY;
use crate::format::program as format;
use crate::format::trace::Code;
use crate::money::exact::{mul_div, Fraction};
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

/// The sets the lines in scope make: how many, and the units each line (by position in scope)
/// gives to them.
struct Sets {
    count: u64,
    taken: Vec<u64>,
}

impl Bundle {
    /// Whether the units in scope make at least one set worth more than its price;
    /// `rule`: the rule's index.
    #[inline]
    pub(crate) fn eligible(
        &self,
        rule: usize,
        lines: &[OrderLine],
        in_scope: &[usize],
        entries: RuleEntries,
    ) -> Verdict {
        let at_shelf =
            |position: usize, units: u64| lines[in_scope[position]].unit_price * i128::from(units);
        let sets = self.sets(lines, in_scope, &at_shelf);
        if sets.count == 0 {
            let missing = self.missing(lines, in_scope);
            return Err(match missing {
                0 => entries.refused(Code::BundleNotCheaper, |e| {
                    e.param("set_price", self.price.text)
                }),
                _ => entries.refused(Code::BelowBundle, |e| e.param("quantity", missing)),
            });
        }
        let entry = entries.applied(|e| {
            e.param("sets", sets.count)
                .param("set_price", self.price.text)
        });
        Ok((Rate::Bundle(rule), entry))
    }

    /// The part of the set a line's units count for: the first that takes them.
    fn part_of(&self, line: &OrderLine) -> Option<usize> {
        self.parts
            .iter()
            .position(|part| part.takes(line.category_id, line.sku_id))
    }

    /// How many units the lines in scope lack for one set.
    fn missing(&self, lines: &[OrderLine], in_scope: &[usize]) -> u64 {
        let mut units = vec![0u64; self.parts.len()];
        for &at in in_scope {
            if let Some(part) = self.part_of(&lines[at]) {
                units[part] += u64::from(lines[at].quantity);
            }
        }
        self.parts
            .iter()
            .zip(&units)
            .map(|(part, units)| part.quantity.saturating_sub(*units))
            .sum()
    }

    /// The sets the lines in scope make, each from the dearest matching units left (ties in cart
    /// order), one after another while a set is worth more than its price (`worth`: what `units`
    /// units of the line at a position in scope are worth), up to the rule's most. Sets made so
    /// are worth less and less, so the count is found by halving.
    fn sets(
        &self,
        lines: &[OrderLine],
        in_scope: &[usize],
        worth: &dyn Fn(usize, u64) -> i128,
    ) -> Sets {
        let mut order = Vec::with_capacity(in_scope.len());
        by_unit_price(lines, in_scope, true, &mut order);
        // Each line in scope, dearest first, with the part it counts for.
        let order: Vec<(usize, Option<usize>)> = order
            .into_iter()
            .map(|(_, position)| (position, self.part_of(&lines[in_scope[position]])))
            .collect();
        let quantity = |position: usize| u64::from(lines[in_scope[position]].quantity);
        // Calls `each(position, units)` for a part's units `from..to`, dearest first.
        let units = |part: usize, from: u64, to: u64, each: &mut dyn FnMut(usize, u64)| {
            let mut seen = 0;
            for &(position, _) in order.iter().filter(|(_, of)| *of == Some(part)) {
                let (low, high) = (seen.max(from), (seen + quantity(position)).min(to));
                if low < high {
                    each(position, high - low);
                }
                seen += quantity(position);
            }
        };
        let set_worth = |set: u64| {
            let mut value = 0;
            for (part, item) in self.parts.iter().enumerate() {
                let from = set * item.quantity;
                units(part, from, from + item.quantity, &mut |position, count| {
                    value += worth(position, count)
                });
            }
            value
        };
        let mut possible = self.max;
        for (part, item) in self.parts.iter().enumerate() {
            let mut held = 0;
            units(part, 0, u64::MAX, &mut |_, count| held += count);
            possible = possible.min(held / item.quantity);
        }
        let (mut count, mut above) = (0, possible);
        while count < above {
            let middle = count + (above - count) / 2;
            match set_worth(middle) > self.price.minor {
                true => count = middle + 1,
                false => above = middle,
            }
        }
        let mut taken = vec![0; in_scope.len()];
        for (part, item) in self.parts.iter().enumerate() {
            units(part, 0, count * item.quantity, &mut |position, units| {
                taken[position] += units
            });
        }
        Sets { count, taken }
    }

    /// What the sets take off each line in scope (by position), from what is left of it: each
    /// set made as [`Bundle::sets`] says, at what is left of its units' lines, its worth above
    /// its price the discount, split over all the set units.
    pub(crate) fn split(
        &self,
        lines: &[OrderLine],
        in_scope: &[usize],
        remaining: &[i128],
        rounding: Rounding,
        buffers: &mut Split,
    ) {
        let left_of = |position: usize, units: u64| {
            let at = in_scope[position];
            let quantity = u128::from(lines[at].quantity.max(1));
            mul_div(
                remaining[at].max(0).unsigned_abs(),
                u128::from(units),
                quantity,
                Rounding::Down,
            )
            .and_then(|worth| i128::try_from(worth).ok())
            .unwrap_or(0)
        };
        let sets = self.sets(lines, in_scope, &left_of);
        let Split {
            weights,
            parts,
            remainders,
        } = buffers;
        weights.clear();
        weights.extend(in_scope.iter().zip(&sets.taken).map(|(&at, &taken)| {
            let quantity = u64::from(lines[at].quantity);
            Fraction::new(u128::from(taken), u128::from(quantity.max(1)))
                .and_then(|share| apply_share(share, remaining[at], rounding).ok())
                .unwrap_or(0)
        }));
        let worth: i128 = weights.iter().sum();
        let price = self.price.minor.saturating_mul(i128::from(sets.count));
        allocate_into((worth - price).max(0), weights, parts, remainders);
    }
}
