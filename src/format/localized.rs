//! A name shown to people, in one language or in several, and the one rule that chooses among
//! them: the quote, the summary and the elements all ask [`LocalizedText::choose`]. The
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
    /// The text for `locale` (`ka-GE`, `ru`, or empty for none). `languages` is the program's
    /// own language, then the languages it falls back on, space-separated (`"ka en"`), English
    /// when it names none (see `Program::name_languages`). Without a locale: its own language's.
    /// With one: the locale's; then its language's without a region; then the first fallback's
    /// it has; then its own language's. At the last, the first given. A locale is a preference,
    /// not data: one that is not a tag simply matches nothing.
    pub fn choose(&self, locale: &str, languages: &str) -> &str {
        let texts = match self {
            LocalizedText::Plain(text) => return text,
            LocalizedText::ByLanguage(texts) => &texts.0,
        };
        let find = |wanted: &str| texts.iter().find(|(tag, _)| same_tag(tag, wanted));
        let region_at = locale.bytes().position(|b| b == b'-' || b == b'_');
        let language = &locale[..region_at.unwrap_or(locale.len())];
        // Split by hand: str's pattern search would cost the checkout's module a kilobyte.
        let (own, mut rest) = languages.split_at(next_space(languages));
        if rest.is_empty() {
            rest = " en";
        }
        let mut found = match locale {
            "" => find(own),
            _ => find(locale).or_else(|| find(language)),
        };
        while found.is_none() && !rest.is_empty() {
            rest = &rest[1..];
            let (wanted, after) = rest.split_at(next_space(rest));
            found = find(wanted);
            rest = after;
        }
        found
            .or_else(|| find(own))
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

/// Where the first space in `text` is, or its end.
fn next_space(text: &str) -> usize {
    text.bytes().position(|b| b == b' ').unwrap_or(text.len())
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
    fn the_locale_then_its_language_then_the_fallbacks_then_the_first() {
        assert_eq!(gold().choose("pt-BR", "en"), "Ouro");
        assert_eq!(gold().choose("pt_br", "en"), "Ouro");
        assert_eq!(gold().choose("ka-GE", "en"), "ოქრო");
        assert_eq!(gold().choose("hy", "ru"), "Gold", "English before its own");
        assert_eq!(
            gold().choose("hy", "ru ru"),
            "Золото",
            "its own, as it asks"
        );
        assert_eq!(
            gold().choose("hy", "ka en"),
            "Gold",
            "a fallback before its own"
        );
        assert_eq!(
            gold().choose("hy", "fr ka en"),
            "ოქრო",
            "in the program's order"
        );
        assert_eq!(gold().choose("", "en"), "Gold");
        assert_eq!(gold().choose("", "ka en"), "ოქრო", "no locale: its own");
        assert_eq!(gold().choose("hy", "fr it"), "Gold", "the first given");
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
