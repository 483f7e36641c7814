//! The source files import one another without cycles, and only downwards through the layers.
//!
//! The layers are the folders (and files) of `src/`, in the order of the `pub mod` list in
//! `src/lib.rs`, from the bottom up. A file may refer to its own layer and to the layers below it;
//! inside one top-level folder any order is accepted, but the files there still form no cycle.
//! The `loyalty` binary's own files (under `src/bindings/cli/`) may use any part of the library.
//!
//! A reference is any crate-internal path: `use crate::…`, `use super::…`, grouped
//! `use crate::{a, b::{c, d}}`, a child module's path from its parent (`pub use names::X`), a path
//! written out in code (`crate::x::f()`, `super::x::T`) or in an intra-doc link (`[`crate::x`]`).
//! Each is mapped to the file that holds the longest module prefix of the path. `mod x;` only
//! declares a module: it is not an import. Plain std, so that it runs wherever the crate builds.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Folders whose cycles and upward imports are reported but do not fail the test yet: src/rules/
/// is being rewritten into sub-layers (the known cycles there go with that rewrite). Empty this
/// list once it has landed.
const PENDING: &[&str] = &[];

/// The binary's own files: a crate of their own, over the library.
const BINARY: &str = "src/bindings/cli/";

/// One crate-internal reference of a file.
#[derive(Debug, Clone)]
struct Import {
    /// The file referred to, relative to the crate (`src/format/program.rs`).
    to: String,
    line: usize,
    /// The path as written, expanded out of any group.
    path: String,
}

/// One source file and what it refers to.
struct Source {
    /// The module path of the file, from its crate's root (`["format", "program"]`).
    module: Vec<String>,
    /// Which crate the file belongs to: the library (`""`) or the binary (`BINARY`).
    krate: &'static str,
    imports: Vec<Import>,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as paths relative to the crate (`src/…`), sorted.
fn rust_files(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path
                .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
                .unwrap();
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The crate a file belongs to and its module path in that crate.
fn module_of(file: &str) -> (&'static str, Vec<String>) {
    let (krate, rest) = match file.strip_prefix(BINARY) {
        Some(rest) => (BINARY, rest),
        None => ("", file.strip_prefix("src/").unwrap()),
    };
    let rest = rest.strip_suffix(".rs").unwrap();
    let mut segments: Vec<String> = rest.split('/').map(str::to_string).collect();
    let last = segments.last().unwrap().as_str();
    if last == "mod" || (krate.is_empty() && rest == "lib") || (!krate.is_empty() && rest == "main")
    {
        segments.pop();
    }
    (krate, segments)
}

/// The layers from the bottom up: the `pub mod` declarations of src/lib.rs in their order.
fn layers() -> Vec<String> {
    let lib = fs::read_to_string(src_dir().join("lib.rs")).unwrap();
    lib.lines()
        .map(str::trim)
        .filter_map(|line| line.strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';').trim().to_string())
        .collect()
}

/// The source with comments, strings and character literals blanked (newlines kept, so that
/// line numbers stay); the text of its doc comments (`///`, `//!`, `/** */`, `/*! */`) kept at
/// their own places in a second copy that is blank elsewhere; and in a third, the string literals
/// that are a path and nothing else (`#[serde(default = "crate::x::f")]`).
fn split_code_and_docs(text: &str) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let mut code = String::with_capacity(text.len());
    let mut docs = String::with_capacity(text.len());
    let mut strings = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            let is_doc =
                matches!(chars.get(i + 2), Some('/') | Some('!')) && chars.get(i + 3) != Some(&'/');
            while i < chars.len() && chars[i] != '\n' {
                code.push(' ');
                docs.push(if is_doc { chars[i] } else { ' ' });
                strings.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let is_doc =
                matches!(chars.get(i + 2), Some('*') | Some('!')) && chars.get(i + 3) != Some(&'/');
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    if depth == 0 {
                        code.push_str("  ");
                        docs.push_str("  ");
                        strings.push_str("  ");
                        i += 2;
                        break;
                    }
                }
                code.push(blank(chars[i]));
                docs.push(if is_doc { chars[i] } else { blank(chars[i]) });
                strings.push(blank(chars[i]));
                i += 1;
            }
        } else if c == 'r'
            && matches!(next, Some('"') | Some('#'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#, …
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                code.push(c);
                docs.push(' ');
                strings.push(' ');
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &chars[i..j.min(chars.len())] {
                code.push(blank(ch));
                docs.push(blank(ch));
                strings.push(blank(ch));
            }
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            let content: String = chars[i + 1..j.min(chars.len())].iter().collect();
            let is_path = ["crate::", "super::", "self::"]
                .iter()
                .any(|root| content.starts_with(root))
                && content.chars().all(|c| is_ident_char(c) || c == ':');
            for (k, &ch) in chars[i..(j + 1).min(chars.len())].iter().enumerate() {
                code.push(blank(ch));
                docs.push(blank(ch));
                let inside = k > 0 && k <= content.chars().count();
                strings.push(if is_path && inside { ch } else { blank(ch) });
            }
            i = j + 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'), or else a lifetime.
            let end = if next == Some('\\') {
                (i + 2..chars.len()).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for &ch in &chars[i..=end] {
                        code.push(blank(ch));
                        docs.push(blank(ch));
                        strings.push(blank(ch));
                    }
                    i = end + 1;
                }
                None => {
                    code.push(c);
                    docs.push(' ');
                    strings.push(' ');
                    i += 1;
                }
            }
        } else {
            code.push(c);
            docs.push(blank(c));
            strings.push(blank(c));
            i += 1;
        }
    }
    (code, docs, strings)
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands a `use` tree (`crate::{a::b, c::{d, e}}`) into its paths.
fn expand_use_tree(tree: &str) -> Vec<String> {
    // `a as b` keeps its path `a`: the alias is marked by `@` before the blanks go.
    let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree: String = tree
        .replace(" as ", "@")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    expand_into("", &tree, &mut out);
    out
}

fn expand_into(prefix: &str, tree: &str, out: &mut Vec<String>) {
    // Split the tree at top-level commas.
    let mut depth = 0;
    let mut start = 0;
    let mut parts = Vec::new();
    for (index, c) in tree.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&tree[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&tree[start..]);
    for part in parts.into_iter().filter(|part| !part.is_empty()) {
        match part.find('{') {
            Some(open) => {
                let head = part[..open].trim_end_matches("::");
                let inner = &part[open + 1..part.rfind('}').unwrap()];
                expand_into(&join(prefix, head), inner, out);
            }
            None => out.push(join(prefix, part)),
        }
    }
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}::{path}"),
    }
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The module paths of the file's inline modules (`mod tests { … }`), as (start, end, name path)
/// byte ranges of the code.
fn inline_modules(code: &str) -> Vec<(usize, usize, Vec<String>)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut open: Vec<(usize, Option<(usize, String)>)> = Vec::new(); // (depth, module start)
    let mut stack: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c == 'm'
            && code[i..].starts_with("mod ")
            && (i == 0 || !is_ident_char(bytes[i - 1] as char))
        {
            let rest = &code[i + 4..];
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|&c| is_ident_char(c))
                .collect();
            let after = rest.trim_start()[name.len()..].trim_start();
            if after.starts_with('{') {
                pending = Some(name);
            }
            i += 4;
            continue;
        }
        if c == '{' {
            match pending.take() {
                Some(name) => {
                    stack.push(name.clone());
                    open.push((i, Some((i, name))));
                }
                None => open.push((i, None)),
            }
        } else if c == '}' {
            if let Some((_, Some((start, _)))) = open.pop() {
                out.push((start, i, stack.clone()));
                stack.pop();
            }
        } else if c == ';' {
            pending = None;
        }
        i += 1;
    }
    out
}

/// The inline module path at a byte offset of the code.
fn inline_module_at(modules: &[(usize, usize, Vec<String>)], offset: usize) -> Vec<String> {
    modules
        .iter()
        .filter(|(start, end, _)| *start < offset && offset < *end)
        .max_by_key(|(_, _, path)| path.len())
        .map(|(_, _, path)| path.clone())
        .unwrap_or_default()
}

/// The `mod x;` / `mod x { … }` names a file declares at its top level: its child modules.
fn declared_children(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(position) = words.iter().position(|word| *word == "mod") {
            if let Some(name) = words.get(position + 1) {
                let name: String = name.chars().take_while(|&c| is_ident_char(c)).collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// One path a file writes: where, the path, and for a `use` declaration the name it brings in.
struct Written {
    offset: usize,
    path: String,
    /// The name a `use` gives the item (its alias or its last segment); `None` outside `use`.
    name: Option<String>,
}

/// The crate-internal paths of one file (and the external ones of its `use` declarations).
fn written_paths(code: &str, docs: &str, strings: &str) -> Vec<Written> {
    let mut out = Vec::new();
    // `use` declarations, groups expanded.
    let mut search = 0;
    while let Some(found) = code[search..].find("use ") {
        let start = search + found;
        search = start + 4;
        if start > 0 && is_ident_char(code.as_bytes()[start - 1] as char) {
            continue;
        }
        let Some(end) = code[start..].find(';') else {
            break;
        };
        let tree = &code[start + 4..start + end];
        if tree.contains("fn ") || tree.contains('=') {
            continue;
        }
        for path in expand_use_tree(tree) {
            let mut parts = path.split('@');
            let path = parts.next().unwrap().trim_start_matches("::");
            let path = path.strip_suffix("::self").unwrap_or(path).to_string();
            let name = match parts.next() {
                Some(alias) => alias.to_string(),
                None => path.rsplit("::").next().unwrap().to_string(),
            };
            out.push(Written {
                offset: start,
                path,
                name: Some(name),
            });
        }
        search = start + end;
    }
    // Paths written out in code, in doc comments and in path strings: crate::…, super::…, self::….
    for (which, text) in [code, docs, strings].into_iter().enumerate() {
        for root in ["crate::", "super::", "self::"] {
            let mut search = 0;
            while let Some(found) = text[search..].find(root) {
                let start = search + found;
                search = start + root.len();
                let before = text[..start].chars().next_back();
                if before.is_some_and(|c| is_ident_char(c) || c == '$' || c == ':') {
                    continue;
                }
                if text[..start].trim_end().ends_with("(in") {
                    continue; // pub(in crate::x): a visibility
                }
                let path: String = text[start..]
                    .chars()
                    .take_while(|&c| is_ident_char(c) || c == ':')
                    .collect();
                let path = path.trim_end_matches(':').to_string();
                // A group of a `use` tree, already expanded above.
                if which == 0 && text[start + path.len()..].starts_with("::{") {
                    continue;
                }
                out.push(Written {
                    offset: start,
                    path,
                    name: None,
                });
            }
        }
    }
    out
}

/// A file read and taken apart.
struct Parsed {
    krate: &'static str,
    module: Vec<String>,
    code: String,
    written: Vec<Written>,
    inline: Vec<(usize, usize, Vec<String>)>,
    children: BTreeSet<String>,
}

fn parse(file: &str, text: &str) -> Parsed {
    let (krate, module) = module_of(file);
    let (code, docs, strings) = split_code_and_docs(text);
    let written = written_paths(&code, &docs, &strings);
    let inline = inline_modules(&code);
    let children = declared_children(&code);
    Parsed {
        krate,
        module,
        code,
        written,
        inline,
        children,
    }
}

/// The absolute module path (from the crate root) of a path written at `offset`, if it is
/// crate-internal.
fn absolute(parsed: &Parsed, offset: usize, path: &str) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let first = *segments.first()?;
    let inline = inline_module_at(&parsed.inline, offset);
    let mut here = parsed.module.clone();
    here.extend(inline.iter().cloned());
    let mut rest = &segments[..];
    let mut base: Vec<String> = match first {
        "crate" => {
            rest = &rest[1..];
            Vec::new()
        }
        "self" => {
            rest = &rest[1..];
            here
        }
        "super" => {
            let mut base = here;
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
            base
        }
        child if parsed.children.contains(child) && inline.is_empty() => parsed.module.clone(),
        _ => return None, // std, an external crate, or a local name
    };
    base.extend(rest.iter().map(|segment| segment.to_string()));
    Some(base)
}

type Files = BTreeMap<(&'static str, Vec<String>), String>;
/// Per file, the names its top-level `use` declarations bring in, with their absolute paths.
type Uses = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The file that defines what an absolute path names: the file of its longest module prefix,
/// followed through that file's `use` declarations when the next segment is a name it imports
/// (a re-export such as `crate::Program`, or a parent's `use` that a child reaches by `super::`).
fn locate(krate: &'static str, path: &[String], files: &Files, uses: &Uses) -> Option<String> {
    let mut path = path.to_vec();
    for _ in 0..16 {
        let (len, file) = (0..=path.len())
            .rev()
            .find_map(|len| files.get(&(krate, path[..len].to_vec())).map(|f| (len, f)))?;
        match path
            .get(len)
            .and_then(|name| uses.get(file).and_then(|names| names.get(name)))
        {
            Some(target) if target[..] != path[..] => {
                let mut next = target.clone();
                next.extend(path[len + 1..].iter().cloned());
                path = next;
            }
            _ => return Some(file.clone()),
        }
    }
    None
}

fn analyse(file: &str, parsed: &Parsed, files: &Files, uses: &Uses) -> Source {
    let mut imports = Vec::new();
    let mut seen = BTreeSet::new();
    for written in &parsed.written {
        let Some(path) = absolute(parsed, written.offset, &written.path) else {
            continue;
        };
        let Some(target) = locate(parsed.krate, &path, files, uses) else {
            continue;
        };
        if target == file {
            continue;
        }
        let line = line_of(&parsed.code, written.offset);
        if seen.insert((target.clone(), line, written.path.clone())) {
            imports.push(Import {
                to: target,
                line,
                path: written.path.clone(),
            });
        }
    }
    Source {
        module: parsed.module.clone(),
        krate: parsed.krate,
        imports,
    }
}

fn pending(file: &str) -> bool {
    PENDING.iter().any(|folder| file.starts_with(folder))
}

/// A cycle through the strongly connected component that holds `start`: the files in order.
fn find_cycle(
    start: &str,
    component: &BTreeSet<String>,
    edges: &BTreeMap<String, Vec<Import>>,
) -> Vec<String> {
    // Breadth-first from start's successors back to start, inside the component.
    let mut previous: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::new();
    queue.push_back(start.to_string());
    while let Some(file) = queue.pop_front() {
        for import in edges.get(&file).into_iter().flatten() {
            if !component.contains(&import.to) {
                continue;
            }
            if import.to == start {
                let mut cycle = vec![file.clone()];
                let mut at = file.clone();
                while at != start {
                    at = previous[&at].clone();
                    cycle.push(at.clone());
                }
                cycle.reverse();
                return cycle;
            }
            if !previous.contains_key(&import.to) {
                previous.insert(import.to.clone(), file.clone());
                queue.push_back(import.to.clone());
            }
        }
    }
    vec![start.to_string()]
}

/// The strongly connected components of more than one file (Tarjan).
fn components(edges: &BTreeMap<String, Vec<Import>>) -> Vec<BTreeSet<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, Vec<Import>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        next: usize,
        out: Vec<BTreeSet<String>>,
    }
    fn visit(state: &mut State, file: &str) {
        state.index.insert(file.to_string(), state.next);
        state.low.insert(file.to_string(), state.next);
        state.next += 1;
        state.stack.push(file.to_string());
        state.on_stack.insert(file.to_string());
        let targets: Vec<String> = state
            .edges
            .get(file)
            .into_iter()
            .flatten()
            .map(|import| import.to.clone())
            .collect();
        for to in targets {
            if !state.index.contains_key(&to) {
                visit(state, &to);
                let low = state.low[file].min(state.low[&to]);
                state.low.insert(file.to_string(), low);
            } else if state.on_stack.contains(&to) {
                let low = state.low[file].min(state.index[&to]);
                state.low.insert(file.to_string(), low);
            }
        }
        if state.low[file] == state.index[file] {
            let mut component = BTreeSet::new();
            loop {
                let top = state.stack.pop().unwrap();
                state.on_stack.remove(&top);
                let done = top == file;
                component.insert(top);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                state.out.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for file in edges.keys() {
        if !state.index.contains_key(file) {
            visit(&mut state, file);
        }
    }
    state.out
}

#[test]
fn imports_form_no_cycle_and_point_down_the_layers() {
    let layers = layers();
    assert!(
        layers.len() >= 2,
        "src/lib.rs declares its layers with `pub mod`: found {layers:?}"
    );
    let mut names = Vec::new();
    rust_files(&src_dir(), &mut names);
    let files: BTreeMap<(&'static str, Vec<String>), String> = names
        .iter()
        .map(|file| (module_of(file), file.clone()))
        .collect();
    let mut edges: BTreeMap<String, Vec<Import>> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut reported = Vec::new();
    let parsed: BTreeMap<&String, Parsed> = names
        .iter()
        .map(|file| {
            let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file));
            (file, parse(file, &text.unwrap()))
        })
        .collect();
    let mut uses: Uses = BTreeMap::new();
    for (file, parsed) in &parsed {
        let names = uses.entry(file.to_string()).or_default();
        for written in &parsed.written {
            let Some(name) = &written.name else { continue };
            if !inline_module_at(&parsed.inline, written.offset).is_empty() || name == "*" {
                continue;
            }
            if let Some(path) = absolute(parsed, written.offset, &written.path) {
                names.insert(name.clone(), path);
            }
        }
    }
    for file in &names {
        let source = analyse(file, &parsed[file], &files, &uses);
        // (b) Downwards only: a file's layer is its top-level module; the crate root is above all.
        if source.krate.is_empty() {
            let layer_of = |module: &[String]| match module.first() {
                None => layers.len(),
                Some(top) => layers
                    .iter()
                    .position(|layer| layer == top)
                    .unwrap_or_else(|| {
                        panic!("{top} is not a `pub mod` of src/lib.rs: add it to the layers there")
                    }),
            };
            let own = layer_of(&source.module);
            for import in &source.imports {
                let target = module_of(&import.to).1;
                let theirs = layer_of(&target);
                if theirs > own {
                    let message = format!(
                        "{file}:{}: `{}` imports {} (layer `{}`) from the lower layer `{}`",
                        import.line,
                        import.path,
                        import.to,
                        target.first().map_or("crate root", String::as_str),
                        source.module.first().map_or("crate root", String::as_str),
                    );
                    if pending(file) {
                        reported.push(message);
                    } else {
                        failures.push(message);
                    }
                }
            }
        }
        edges.insert(file.clone(), source.imports);
    }
    // (a) No cycle, inside each crate.
    for component in components(&edges) {
        let start = component.iter().next().unwrap();
        let cycle = find_cycle(start, &component, &edges);
        let mut message = format!(
            "import cycle among {} files ({}):",
            component.len(),
            component.iter().cloned().collect::<Vec<_>>().join(", ")
        );
        for (index, from) in cycle.iter().enumerate() {
            let to = &cycle[(index + 1) % cycle.len()];
            let import = edges[from].iter().find(|import| &import.to == to).unwrap();
            message += &format!("\n    {from}:{}: `{}` -> {to}", import.line, import.path);
        }
        if component.iter().all(|file| pending(file)) {
            reported.push(message);
        } else {
            failures.push(message);
        }
    }
    for message in &reported {
        eprintln!("pending ({}): {message}", PENDING.join(", "));
    }
    assert!(
        failures.is_empty(),
        "{} import problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_checker_reads_grouped_imports() {
    let mut paths =
        expand_use_tree("crate::{format::{names::X, program}, money::exact::hundred as h}");
    paths.sort();
    assert_eq!(
        paths,
        [
            "crate::format::names::X",
            "crate::format::program",
            "crate::money::exact::hundred@h"
        ]
    );
    let (code, docs, strings) =
        split_code_and_docs("let s = \"crate::x\"; /// [`crate::y`]\nuse super::z;");
    assert!(strings.contains("crate::x"));
    assert!(!code.contains("crate::"));
    assert!(docs.contains("crate::y"));
    assert!(code.contains("super::z"));
}

#[test]
fn the_checker_sees_each_kind_of_reference() {
    let names = [
        "src/lib.rs",
        "src/format/mod.rs",
        "src/format/cart.rs",
        "src/format/program.rs",
        "src/checkout/quote.rs",
    ];
    let files: Files = names
        .iter()
        .map(|file| (module_of(file), file.to_string()))
        .collect();
    let text = "use crate::checkout::quote::Request;\n/// See [`super::cart`].\n\
        fn f() -> u32 { crate::format::cart::one() }\n\
        #[serde(default = \"crate::checkout::quote::f\")]\n\
        mod tests { use super::*; }\n";
    let parsed = parse("src/format/program.rs", text);
    let source = analyse("src/format/program.rs", &parsed, &files, &Uses::new());
    let mut found: Vec<(&str, usize)> = source
        .imports
        .iter()
        .map(|import| (import.to.as_str(), import.line))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("src/checkout/quote.rs", 1),
            ("src/checkout/quote.rs", 4),
            ("src/format/cart.rs", 2),
            ("src/format/cart.rs", 3),
        ]
    );
    let import = |to: &str| Import {
        to: to.to_string(),
        line: 1,
        path: String::new(),
    };
    let edges = BTreeMap::from([
        ("a".to_string(), vec![import("b")]),
        ("b".to_string(), vec![import("c")]),
        ("c".to_string(), vec![import("a")]),
        ("d".to_string(), vec![import("a")]),
    ]);
    let found = components(&edges);
    assert_eq!(found.len(), 1);
    assert_eq!(find_cycle("a", &found[0], &edges), ["a", "b", "c"]);
}

/// One mechanic, one module: no source file over this many lines.
const MAX_LINES: usize = 800;

#[test]
fn no_source_file_is_too_long() {
    let mut names = Vec::new();
    rust_files(&src_dir(), &mut names);
    let mut too_long = Vec::new();
    for file in &names {
        let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        let lines = text.lines().count();
        if lines > MAX_LINES {
            let message = format!("{file}: {lines} lines (at most {MAX_LINES})");
            if pending(file) {
                eprintln!("pending ({}): {message}", PENDING.join(", "));
            } else {
                too_long.push(message);
            }
        }
    }
    assert!(too_long.is_empty(), "{}", too_long.join("\n"));
}
