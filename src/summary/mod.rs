//! Plain-language summaries of a program in English, Russian, Armenian and Georgian.
//!
//! - `lang`: the languages, read from a locale tag.
//! - `words`: each language's sentence pieces, numbers and plurals.
//! - `namer`: how names are chosen, quoted and listed.
//! - `discounts`: a discount rule worded, with its conditions.
//! - `program`: the whole program worded, one sentence per mechanism ([`summarize`]).

mod discounts;
mod lang;
mod namer;
mod program;
mod words;

pub use lang::Lang;
pub use program::{summarize, word_count};
pub use words::number;
