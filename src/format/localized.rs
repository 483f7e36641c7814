//! A name shown to people, in one language or in several, and the one rule that chooses among
//! them: the quote, the summary and the three elements all ask [`LocalizedText::choose`]. The
//! checks of one name live here too; a whole program's names are checked in `names`.

use crate::error::{Error, ErrorCode, Result};
use crate::format::keyed::Keyed;
use serde::Serialize;

/// The language a program's names are in when it does not say.
pub const DEFAULT_LANGUAGE: &str = "en";

/// A display name: one text, or a text per language tag (`{"en": "Gold", "ka": "ოქრო"}`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum LocalizedText {
    Plain(String),
    /// Keyed by BCP 47 language tag: `en`, `ru`, `hy`, `ka`, `ka-GE`, …
    ByLanguage(Keyed<String>),
}

impl Default for LocalizedText {
    fn default() -> Self {
        LocalizedText::Plain(String::new())
    }
}

impl From<&str> for LocalizedText {
    fn from(text: &str) -> Self {
        LocalizedText::Plain(text.to_string())
    }
}

impl LocalizedText {
    /// The text for `locale` (`ka-GE`, `ru`, or empty for none): the locale's own; then its
    /// language's without a region; then the program's default language's; then the first given.
    /// A locale is a preference, not data: one that is not a tag simply matches nothing.
    pub fn choose(&self, locale: &str, default_language: &str) -> &str {
        let texts = match self {
            LocalizedText::Plain(text) => return text,
            LocalizedText::ByLanguage(texts) => &texts.0,
        };
        let region_at = locale.bytes().position(|b| b == b'-' || b == b'_');
        let language = &locale[..region_at.unwrap_or(locale.len())];
        [locale, language, default_language]
            .iter()
            .filter(|wanted| !wanted.is_empty())
            .find_map(|wanted| texts.iter().find(|(tag, _)| same_tag(tag, wanted)))
            .or(texts.first())
            .map_or("", |(_, text)| text.as_str())
    }

    /// Refuses a map whose keys are not language tags, a blank text in it, and a map without
    /// the program's default language, at `path`. A plain name is checked where it always was.
    pub(crate) fn check(&self, path: &Where, default_language: &str) -> Result<()> {
        let texts = match self {
            LocalizedText::Plain(_) => return Ok(()),
            LocalizedText::ByLanguage(texts) => &texts.0,
        };
        for (tag, text) in texts {
            if !is_language_tag(tag) {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    path.key(tag),
                    format!("\"{tag}\" is not a language tag such as \"en\", \"ru\" or \"ka-GE\""),
                ));
            }
            if text.trim().is_empty() {
                return Err(Error::new(
                    ErrorCode::Empty,
                    path.key(tag),
                    "a name must not be empty",
                ));
            }
        }
        if !texts.iter().any(|(tag, _)| same_tag(tag, default_language)) {
            return Err(Error::new(
                ErrorCode::MissingField,
                path.render(),
                format!(
                    "the name has no text in the program's default language, \
                     \"{default_language}\"; add it, or set default_language"
                ),
            ));
        }
        Ok(())
    }
}

/// Where a name sits, written out only for an error: `tiers[2].perks[0]`, `categories.beans`.
pub(crate) struct Where<'a> {
    pub(crate) list: &'a str,
    pub(crate) index: Option<usize>,
    pub(crate) field: &'a str,
    pub(crate) item: Option<usize>,
}

impl Where<'_> {
    pub(crate) fn render(&self) -> String {
        let mut path = self.list.to_string();
        if let Some(index) = self.index {
            path += &format!("[{index}]");
        }
        if !self.field.is_empty() {
            path += ".";
            path += self.field;
        }
        if let Some(item) = self.item {
            path += &format!("[{item}]");
        }
        path
    }

    pub(crate) fn key(&self, key: &str) -> String {
        format!("{}.{key}", self.render())
    }
}

/// Language tags compare without regard to case or to `_` written for `-`.
fn same_tag(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).all(|(x, y)| {
            x.eq_ignore_ascii_case(&y) || (matches!(x, b'-' | b'_') && matches!(y, b'-' | b'_'))
        })
}

/// A BCP 47 tag as programs write them: a language of two or three letters, then subtags of
/// two to eight letters or digits (`ka-GE`, `sr-Latn-RS`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.as_bytes().split(|b| *b == b'-');
    let language = parts.next().unwrap_or(&[]);
    (2..=3).contains(&language.len())
        && language.iter().all(u8::is_ascii_alphabetic)
        && parts
            .all(|part| (2..=8).contains(&part.len()) && part.iter().all(u8::is_ascii_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold() -> LocalizedText {
        LocalizedText::ByLanguage(Keyed::from_iter([
            ("en".to_string(), "Gold".to_string()),
            ("ka".to_string(), "ოქრო".to_string()),
            ("pt-BR".to_string(), "Ouro".to_string()),
            ("ru".to_string(), "Золото".to_string()),
        ]))
    }

    #[test]
    fn the_locale_then_its_language_then_the_default_then_the_first() {
        assert_eq!(gold().choose("pt-BR", "en"), "Ouro");
        assert_eq!(gold().choose("pt_br", "en"), "Ouro");
        assert_eq!(gold().choose("ka-GE", "en"), "ოქრო");
        assert_eq!(gold().choose("hy", "ru"), "Золото");
        assert_eq!(gold().choose("", "en"), "Gold");
        assert_eq!(gold().choose("hy", "fr"), "Gold", "the first given");
        assert_eq!(LocalizedText::from("Gold").choose("ka", "en"), "Gold");
    }

    #[test]
    fn bad_maps_are_refused_with_code_and_path() {
        let path = Where {
            list: "tiers",
            index: Some(1),
            field: "name",
            item: None,
        };
        assert!(gold().check(&path, "en").is_ok());
        let error = gold().check(&path, "hy").unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::MissingField, "tiers[1].name")
        );
        let bad = LocalizedText::ByLanguage(Keyed::from_iter([
            ("en".to_string(), "Gold".to_string()),
            ("english".to_string(), "Gold".to_string()),
        ]));
        let error = bad.check(&path, "en").unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::InvalidValue, "tiers[1].name.english")
        );
        let blank = LocalizedText::ByLanguage(Keyed::from_iter([("en".to_string(), " ".into())]));
        let error = blank.check(&path, "en").unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::Empty, "tiers[1].name.en")
        );
    }

    #[test]
    fn language_tags() {
        for good in ["en", "ru", "hy", "ka", "ka-GE", "sr-Latn-RS", "fil"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en-", "en_US", "-en", "e1", "en-x"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
