//! How a summary in one language writes names: chosen by locale, quoted, listed, scoped.

use super::lang::Lang;
use super::words::{fill, number, Words};
use crate::format::names::LocalizedText;
use crate::format::program::Program;
use rust_decimal::Decimal;

/// How a summary in one language writes names.
pub(super) struct Namer<'p> {
    pub(super) program: &'p Program,
    pub(super) lang: Lang,
    pub(super) words: &'static Words,
}

impl Namer<'_> {
    pub(super) fn name<'t>(&self, text: &'t LocalizedText) -> &'t str {
        text.choose(self.lang.tag(), &self.program.name_languages())
    }

    /// "a, b and c".
    pub(super) fn list(&self, mut items: Vec<String>) -> String {
        match items.pop() {
            Some(last) if !items.is_empty() => {
                format!("{}{}{last}", items.join(", "), self.words.and)
            }
            Some(last) => last,
            None => String::new(),
        }
    }

    pub(super) fn quoted(&self, name: &str) -> String {
        let (open, close) = self.words.quotes;
        format!("{open}{name}{close}")
    }

    /// "in the category «coffee beans»", "in the categories «a», «b»", "on products «X»": the
    /// phrase for a scope, empty when it names nothing.
    pub(super) fn scope(&self, categories: &[String], skus: &[String]) -> String {
        let w = self.words;
        let list = |items: Vec<String>| self.list(items);
        let mut text = String::new();
        if !categories.is_empty() {
            let names = categories
                .iter()
                .map(|id| self.quoted(self.program.category_name(id, self.lang.tag())))
                .collect();
            let template = match categories.len() {
                1 => w.in_category,
                _ => w.in_categories,
            };
            text += &fill(template, &[("list", &list(names))]);
        }
        if !skus.is_empty() {
            let names = skus.iter().map(|sku| self.quoted(sku)).collect();
            text += &fill(w.on_products, &[("list", &list(names))]);
        }
        text
    }

    /// An attribute by the name the program gives it, quoted, or by its id.
    pub(super) fn attribute(&self, id: &str) -> String {
        let name = self
            .program
            .attribute_names
            .get(id)
            .map_or(id, |n| self.name(n));
        self.quoted(name)
    }

    /// Attribute tests, in a form every language reads: " (“fare class”: J, C)".
    pub(super) fn attributes(&self, tests: &[crate::format::program::AttributeMatch]) -> String {
        tests
            .iter()
            .map(|test| {
                let values = if test.one_of.is_empty() {
                    let end = |value: Option<Decimal>| {
                        value.map_or(String::new(), |v| number(v, self.lang))
                    };
                    format!("{}–{}", end(test.min), end(test.max))
                } else {
                    test.one_of.join(", ")
                };
                format!(" ({}: {values})", self.attribute(&test.attribute))
            })
            .collect()
    }
}
