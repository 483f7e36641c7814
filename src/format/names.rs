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
