//! `Program::validate`: a program is checked by compiling it into rules, so it lives above both.

use crate::error::Result;
use crate::format::program::Program;
use crate::rules::Rules;

impl Program {
    /// Refuses a program that could give a wrong number, naming the first bad field: the
    /// program is compiled (see [`Rules::new`]), which is where every field is checked.
    pub fn validate(&self) -> Result<()> {
        Rules::new(self).map(|_| ())
    }
}
