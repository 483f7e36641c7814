//! The languages a summary is written in, read from a locale tag.

use serde::Serialize;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Hy,
    Ka,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            "hy" => Ok(Lang::Hy),
            "ka" => Ok(Lang::Ka),
            _ => Err(format!("\"{text}\" is not one of en, ru, hy, ka")),
        }
    }
}

impl Lang {
    /// The language tag that names are chosen by.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Hy => "hy",
            Lang::Ka => "ka",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_from_locale_tags() {
        assert_eq!("ka-GE".parse::<Lang>(), Ok(Lang::Ka));
        assert_eq!("HY".parse::<Lang>(), Ok(Lang::Hy));
        assert!("fr".parse::<Lang>().is_err());
    }
}
