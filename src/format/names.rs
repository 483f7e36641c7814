//! Names a program shows to people, in one language or in several, and the one rule that
//! chooses among them: the quote, the summary and the three elements all ask [`LocalizedText::choose`].

use crate::error::{Error, ErrorCode, Result};
use crate::format::json::write::{Object, ToJson};
use crate::format::keyed::Keyed;
use crate::format::program::Program;
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
    fn check(&self, path: &Where, default_language: &str) -> Result<()> {
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
struct Where<'a> {
    list: &'a str,
    index: Option<usize>,
    field: &'a str,
    item: Option<usize>,
}

impl Where<'_> {
    fn render(&self) -> String {
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

    fn key(&self, key: &str) -> String {
        format!("{}.{key}", self.render())
    }
}

/// Checks every name of `program` (see [`LocalizedText::check`]) and its default language.
pub fn check_names(program: &Program) -> Result<()> {
    let language = program.default_language();
    if !is_language_tag(language) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "default_language",
            format!("\"{language}\" is not a language tag such as \"en\", \"ru\" or \"ka-GE\""),
        ));
    }
    let mut names: Vec<(Where, &LocalizedText)> = Vec::new();
    let mut add = |list, index, field, item, text| {
        names.push((
            Where {
                list,
                index,
                field,
                item,
            },
            text,
        ));
    };
    add("name", None, "", None, &program.name);
    if let Some(description) = &program.description {
        add("description", None, "", None, description);
    }
    for (category, text) in program.categories.iter() {
        add("categories", None, category, None, text);
    }
    for (index, tier) in program.tiers.iter().enumerate() {
        add("tiers", Some(index), "name", None, &tier.name);
        for (item, perk) in tier.perks.iter().enumerate() {
            add("tiers", Some(index), "perks", Some(item), perk);
        }
    }
    for (list, items) in named_lists(program) {
        for (index, (_, name)) in items.into_iter().enumerate() {
            add(list, Some(index), "name", None, name);
        }
    }
    for (index, multiplier) in program
        .points
        .iter()
        .flat_map(|p| &p.multipliers)
        .enumerate()
    {
        add(
            "points.multipliers",
            Some(index),
            "name",
            None,
            &multiplier.name,
        );
    }
    if let Some(membership) = &program.membership {
        add("membership", None, "name", None, &membership.name);
        for (item, perk) in membership.perks.iter().enumerate() {
            add("membership", None, "perks", Some(item), perk);
        }
    }
    names
        .iter()
        .try_for_each(|(path, text)| text.check(path, language))
}

/// The program's lists whose items have an id and a name, as `(list, [(id, name)])`: what the
/// checks and the names view both walk.
fn named_lists(program: &Program) -> [(&'static str, Vec<(&String, &LocalizedText)>); 5] {
    // Plain loops: a generic helper here costs the checkout module a kilobyte.
    let mut lists = [
        "discounts",
        "events",
        "catalog",
        "coalition",
        "chance_rewards",
    ]
    .map(|list| (list, Vec::new()));
    for rule in &program.discounts {
        lists[0].1.push((&rule.id, &rule.name));
    }
    for event in &program.events {
        lists[1].1.push((&event.id, &event.name));
    }
    for reward in &program.catalog {
        lists[2].1.push((&reward.id, &reward.name));
    }
    for partner in &program.coalition {
        lists[3].1.push((&partner.id, &partner.name));
    }
    for reward in &program.chance_rewards {
        lists[4].1.push((&reward.id, &reward.name));
    }
    lists
}

/// Every name `program` shows, chosen for `locale` (empty: its default language), as JSON: what
/// the elements look names up in, by id, so that the rule of choosing stays in one place.
/// `{"program", "description"?, "tiers": {id: {"name", "perks"}}, "discounts": {id: name},
/// "events", "catalog", "coalition", "chance_rewards", "membership"?: {"name", "perks"},
/// "categories": {id: name}, "multipliers": {id: name}}`.
pub fn names_json(program: &Program, locale: &str) -> String {
    let language = program.default_language();
    let choose = |text: &LocalizedText| text.choose(locale, language).to_string();
    let by_id = |out: &mut String, items: Vec<(&String, &LocalizedText)>| {
        out.push('{');
        for (at, (id, name)) in items.into_iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            id.write_json(out);
            out.push(':');
            choose(name).write_json(out);
        }
        out.push('}');
    };
    let with_perks = |out: &mut String, name: &LocalizedText, perks: &[LocalizedText]| {
        let perks: Vec<String> = perks.iter().map(choose).collect();
        Object::start(out)
            .field("name", &choose(name))
            .field("perks", &perks)
            .end();
    };
    let mut out = String::with_capacity(1024);
    out.push_str("{\"program\":");
    choose(&program.name).write_json(&mut out);
    if let Some(description) = &program.description {
        out.push_str(",\"description\":");
        choose(description).write_json(&mut out);
    }
    out.push_str(",\"tiers\":{");
    for (at, tier) in program.tiers.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        tier.id.write_json(&mut out);
        out.push(':');
        with_perks(&mut out, &tier.name, &tier.perks);
    }
    out.push('}');
    let mut groups = named_lists(program).to_vec();
    groups.push(("categories", program.categories.iter().collect()));
    let multipliers = program.points.iter().flat_map(|p| &p.multipliers);
    groups.push((
        "multipliers",
        multipliers.map(|m| (&m.id, &m.name)).collect(),
    ));
    for (group, items) in groups {
        out.push_str(",\"");
        out.push_str(group);
        out.push_str("\":");
        by_id(&mut out, items);
    }
    if let Some(membership) = &program.membership {
        out.push_str(",\"membership\":");
        with_perks(&mut out, &membership.name, &membership.perks);
    }
    out.push('}');
    out
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
