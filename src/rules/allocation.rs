//! Exact allocation: an amount split over lines in proportion, in minor units, so that the parts
//! add up to it exactly (the largest-remainder method), and shrunk to a budget the same way.

use super::order::Split;
use crate::error::Result;
use crate::format::validate::overflow;
use crate::money::exact::Fraction;
use crate::money::Rounding;

/// `amount × share`, rounded as the program says.
#[inline]
pub fn apply_share(share: Fraction, amount: i128, rounding: Rounding) -> Result<i128> {
    share
        .apply(amount.max(0).unsigned_abs(), rounding)
        .and_then(|v| i128::try_from(v).ok())
        .ok_or_else(|| overflow("cart.lines"))
}

/// Shrinks the parts from `start` on to `left` in all, in proportion (a budget's cap), and
/// leaves out the lines it leaves nothing; returns what they now come to.
pub(crate) fn cap_parts(
    parts: &mut Vec<(usize, i128)>,
    start: usize,
    left: i128,
    split: &mut Split,
) -> i128 {
    let amount: i128 = parts[start..].iter().map(|(_, part)| part).sum();
    if amount <= left {
        return amount;
    }
    split.weights.clear();
    split
        .weights
        .extend(parts[start..].iter().map(|(_, part)| *part));
    allocate_into(
        left.max(0),
        &split.weights,
        &mut split.parts,
        &mut split.remainders,
    );
    for ((_, part), capped) in parts[start..].iter_mut().zip(&split.parts) {
        *part = *capped;
    }
    let kept: Vec<(usize, i128)> = parts
        .drain(start..)
        .filter(|(_, part)| *part != 0)
        .collect();
    parts.extend(kept);
    left.max(0)
}

/// Splits `total` across `weights` in proportion, in minor units, so that the parts add up to
/// `total` exactly and no part exceeds its weight. Leftover units go to the largest remainders,
/// ties to the earlier line (the largest-remainder method). `total` is at most the weights' sum.
pub fn allocate_into(
    total: i128,
    weights: &[i128],
    parts: &mut Vec<i128>,
    remainders: &mut Vec<(i128, usize)>,
) {
    parts.clear();
    let sum: i128 = weights.iter().sum();
    if sum <= 0 || total <= 0 {
        parts.resize(weights.len(), 0);
        return;
    }
    if total == sum {
        parts.extend_from_slice(weights);
        return;
    }
    if let [_] = weights {
        parts.push(total);
        return;
    }
    // total × weight ≤ 10^18 × 10^18 < 2^127: a cart totals at most 10^18 minor units.
    remainders.clear();
    for (at, weight) in weights.iter().enumerate() {
        let exact = total * weight;
        parts.push(exact / sum);
        remainders.push((exact % sum, at));
    }
    let mut leftover = total - parts.iter().sum::<i128>();
    if leftover == 0 {
        return;
    }
    remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, at) in remainders.iter().cycle().take(weights.len() * 2) {
        if leftover == 0 {
            break;
        }
        if parts[*at] < weights[*at] {
            parts[*at] += 1;
            leftover -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(total: i128, weights: &[i128]) -> Vec<i128> {
        let mut parts = Vec::new();
        allocate_into(total, weights, &mut parts, &mut Vec::new());
        parts
    }

    #[test]
    fn allocation_adds_up_and_respects_weights() {
        assert_eq!(split(1000, &[300, 300, 300, 100]), [300, 300, 300, 100]);
        // Leftover minor units go to the largest remainders, ties to the earlier line.
        assert_eq!(split(100, &[100, 100, 100]), [34, 33, 33]);
        assert_eq!(split(3, &[5]), [3]);
    }

    #[test]
    fn allocation_is_exact_for_the_largest_carts() {
        // total × weight is about 3 × 10^35: past 64 bits, within 128.
        let third = 33_333_333_333_333_333;
        let weights = [third, third, third + 1];
        assert_eq!(
            split(99_999_999_999_999_999, &weights),
            [third, third, third]
        );
        assert_eq!(split(1, &weights), [0, 0, 1]);
    }

    #[test]
    fn allocation_of_nothing_is_zero_everywhere() {
        assert_eq!(split(0, &[500, 0]), [0, 0]);
        assert_eq!(split(10, &[0, 0]), [0, 0]);
    }
}
