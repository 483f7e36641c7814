//! The names of a whole program: all of them checked against its default language, and the
//! table of them for one locale that the elements show.

use crate::error::{Error, ErrorCode, Result};
use crate::format::json::write::{Object, ToJson};
use crate::format::localized::Where;
pub use crate::format::localized::{is_language_tag, LocalizedText, DEFAULT_LANGUAGE};
use crate::format::program::Program;

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
    for (index, tag) in program.fallback_languages.iter().enumerate() {
        if !is_language_tag(tag) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("fallback_languages[{index}]"),
                format!("\"{tag}\" is not a language tag such as \"en\", \"ru\" or \"ka-GE\""),
            ));
        }
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
    for (attribute, text) in program.attribute_names.iter() {
        if program.attributes.get(attribute).is_none() {
            return Err(Error::new(
                ErrorCode::UnknownReference,
                format!("attribute_names.{attribute}"),
                format!("\"{attribute}\" is not an attribute the program declares"),
            ));
        }
        add("attribute_names", None, attribute, None, text);
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

/// Every name a program shows, by id: what the elements look names up in. Kept apart from the
/// program so that a compiled program carries them without the program's text.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramNames {
    /// The languages shown when the reader's is missing (see [`Program::name_languages`]).
    pub name_languages: String,
    pub program: LocalizedText,
    pub description: Option<LocalizedText>,
    /// Each tier's id, name and perks.
    pub tiers: Vec<(String, (LocalizedText, Vec<LocalizedText>))>,
    /// `discounts`, `events`, `catalog`, `coalition`, `chance_rewards`, `categories` and
    /// `multipliers`, each as `(id, name)` in the program's order.
    pub groups: Vec<(String, Vec<(String, LocalizedText)>)>,
    pub membership: Option<(LocalizedText, Vec<LocalizedText>)>,
}

impl ProgramNames {
    pub fn of(program: &Program) -> ProgramNames {
        let owned = |items: Vec<(&String, &LocalizedText)>| {
            items
                .into_iter()
                .map(|(id, name)| (id.clone(), name.clone()))
                .collect::<Vec<_>>()
        };
        let mut groups: Vec<(String, Vec<(String, LocalizedText)>)> = named_lists(program)
            .into_iter()
            .map(|(group, items)| (group.to_string(), owned(items)))
            .collect();
        groups.push((
            "categories".to_string(),
            owned(program.categories.iter().collect()),
        ));
        let multipliers = program.points.iter().flat_map(|p| &p.multipliers);
        groups.push((
            "multipliers".to_string(),
            owned(multipliers.map(|m| (&m.id, &m.name)).collect()),
        ));
        ProgramNames {
            name_languages: program.name_languages(),
            program: program.name.clone(),
            description: program.description.clone(),
            tiers: program
                .tiers
                .iter()
                .map(|tier| (tier.id.clone(), (tier.name.clone(), tier.perks.clone())))
                .collect(),
            groups,
            membership: program
                .membership
                .as_ref()
                .map(|membership| (membership.name.clone(), membership.perks.clone())),
        }
    }

    /// Every name chosen for `locale` (empty: the default language), as JSON: `{"program",
    /// "description"?, "tiers": {id: {"name", "perks"}}, "discounts": {id: name}, "events",
    /// "catalog", "coalition", "chance_rewards", "categories": {id: name}, "multipliers": {id:
    /// name}, "membership"?: {"name", "perks"}}`.
    pub fn json(&self, locale: &str) -> String {
        let choose = |text: &LocalizedText| text.choose(locale, &self.name_languages).to_string();
        let with_perks = |out: &mut String, (name, perks): &(LocalizedText, Vec<LocalizedText>)| {
            let perks: Vec<String> = perks.iter().map(choose).collect();
            Object::start(out)
                .field("name", &choose(name))
                .field("perks", &perks)
                .end();
        };
        let mut out = String::with_capacity(1024);
        out.push_str("{\"program\":");
        choose(&self.program).write_json(&mut out);
        if let Some(description) = &self.description {
            out.push_str(",\"description\":");
            choose(description).write_json(&mut out);
        }
        out.push_str(",\"tiers\":{");
        for (at, (id, tier)) in self.tiers.iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            id.write_json(&mut out);
            out.push(':');
            with_perks(&mut out, tier);
        }
        out.push('}');
        for (group, items) in &self.groups {
            out.push_str(",\"");
            out.push_str(group);
            out.push_str("\":{");
            for (at, (id, name)) in items.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                id.write_json(&mut out);
                out.push(':');
                choose(name).write_json(&mut out);
            }
            out.push('}');
        }
        if let Some(membership) = &self.membership {
            out.push_str(",\"membership\":");
            with_perks(&mut out, membership);
        }
        out.push('}');
        out
    }
}

/// Every name `program` shows, chosen for `locale` (see [`ProgramNames::json`]).
pub fn names_json(program: &Program, locale: &str) -> String {
    ProgramNames::of(program).json(locale)
}
