//! The house rules, read off the source so that they survive the next wave:
//! - a feature imports the domain, the shared core, the UI kit, the text and its own children,
//!   never another feature (`shell.rs`, the router, is the one module that names them all);
//! - a feature's child (`profile/requests/`) names neither its parent nor a sibling: what they
//!   share is passed down by the parent, or lives in the core or the UI kit;
//! - the domain imports nothing outside itself and does no I/O;
//! - the text depends on the domain only (what it words, the view models and error codes
//!   included, lives in the domain).
//!
//! Imports that break a rule today are listed below, each to be moved into the shared core (issue
//! 21). The lists only shrink: the test fails on a new import and on an entry that no longer
//! occurs, so a fixed one must be struck off.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules every feature may use: the domain, the shared core (services and the
/// infrastructure under them), the UI kit, the text, and the error type's conversions. The
/// property tests are a test module.
const SHARED: &[&str] = &["domain", "core", "ui", "text", "error", "properties"];

/// The router: it may import every feature, and no feature may import it.
const ROUTER: &str = "shell";

/// Feature-to-feature imports still to be moved into the shared core (from, to): none left, and
/// the list stays for the next wave's transitional cases.
const KNOWN_FEATURE_IMPORTS: &[(&str, &str)] = &[];

/// Imports of a parent or a sibling by a feature's child (feature, child, what it names).
const KNOWN_CHILD_IMPORTS: &[(&str, &str, &str)] = &[
    // The access request's banner sends the data through the profile's email action.
    ("profile", "requests", "outreach"),
];

/// Crates that do I/O or rendering, which the pure domain must not name.
const IMPURE_CRATES: &[&str] = &[
    "sqlx", "leptos", "tokio", "axum", "lettre", "std::fs", "std::net",
];

fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &mut out);
    out.sort();
    out
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file belongs to: `profile/query.rs` → `profile`, `text.rs` → `text`.
fn top_module(path: &Path) -> String {
    let relative = path.strip_prefix(root()).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// The code of a file without its comments (a doc comment may name another module).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module a piece of code names through `crate::` (including inside braces:
/// `use crate::{a, b::c}`).
fn crate_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each item at the group's own level (items may nest braces).
            let (mut depth, mut item_start) = (0, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        let name: String = group[i..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        found.insert(name);
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

fn is_feature(module: &str) -> bool {
    module != "lib" && module != "layering" && !SHARED.contains(&module)
}

/// (from, to) for every import of one feature by another (or of the router by a feature).
fn feature_imports() -> BTreeMap<(String, String), PathBuf> {
    let mut found = BTreeMap::new();
    for path in sources() {
        let from = top_module(&path);
        if !is_feature(&from) || from == ROUTER {
            continue;
        }
        for to in crate_modules(&code(&path)) {
            if to != from && is_feature(&to) {
                found.entry((from.clone(), to)).or_insert(path.clone());
            }
        }
    }
    found
}

/// (feature, child, named) for every `crate::feature::named` in `feature/child/…` (named not the
/// child itself), and (feature, child, "super") for a child's `mod.rs` reaching up with `super::`.
fn child_imports() -> BTreeMap<(String, String, String), PathBuf> {
    let mut found = BTreeMap::new();
    for path in sources() {
        let relative = path.strip_prefix(root()).unwrap().to_path_buf();
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.len() < 3 || !is_feature(&parts[0]) {
            continue;
        }
        let (feature, child) = (&parts[0], &parts[1]);
        let code = code(&path);
        let prefix = format!("crate::{feature}::");
        let mut rest = code.as_str();
        while let Some(at) = rest.find(&prefix) {
            rest = &rest[at + prefix.len()..];
            let named: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if &named != child {
                found
                    .entry((feature.clone(), child.clone(), named))
                    .or_insert(path.clone());
            }
        }
        if parts.len() == 3 && parts[2] == "mod.rs" && code.contains("super::") {
            found
                .entry((feature.clone(), child.clone(), "super".to_owned()))
                .or_insert(path.clone());
        }
    }
    found
}

#[test]
fn children_never_import_their_parent_or_siblings() {
    let found = child_imports();
    let known: BTreeSet<(String, String, String)> = KNOWN_CHILD_IMPORTS
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    let new: Vec<String> = found
        .iter()
        .filter(|(key, _)| !known.contains(*key))
        .map(|((feature, child, named), path)| {
            format!("{feature}/{child} names {named} (in {})", path.display())
        })
        .collect();
    assert!(
        new.is_empty(),
        "a child reaches into its host or a sibling:\n{}",
        new.join("\n")
    );
    let gone: Vec<_> = known.iter().filter(|k| !found.contains_key(*k)).collect();
    assert!(
        gone.is_empty(),
        "fixed, strike off KNOWN_CHILD_IMPORTS: {gone:?}"
    );
}

#[test]
fn features_never_import_each_other() {
    let found = feature_imports();
    let known: BTreeSet<(String, String)> = KNOWN_FEATURE_IMPORTS
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<String> = found
        .iter()
        .filter(|(pair, _)| !known.contains(*pair))
        .map(|((from, to), path)| format!("{from} imports {to} (in {})", path.display()))
        .collect();
    assert!(
        new.is_empty(),
        "a feature imports another; move what they share into core/ or ui/:\n{}",
        new.join("\n")
    );
    let gone: Vec<String> = known
        .iter()
        .filter(|pair| !found.contains_key(*pair))
        .map(|(from, to)| format!("({from:?}, {to:?})"))
        .collect();
    assert!(
        gone.is_empty(),
        "fixed, strike these off KNOWN_FEATURE_IMPORTS: {}",
        gone.join(", ")
    );
}

#[test]
fn the_domain_imports_only_itself_and_does_no_io() {
    for path in sources().iter().filter(|p| top_module(p) == "domain") {
        let code = code(path);
        let outside: Vec<String> = crate_modules(&code)
            .into_iter()
            .filter(|m| m != "domain")
            .collect();
        assert!(outside.is_empty(), "{} imports {outside:?}", path.display());
        for name in IMPURE_CRATES {
            assert!(
                !code.contains(&format!("{name}::")),
                "{} uses {name}",
                path.display()
            );
        }
    }
}

#[test]
fn the_shared_modules_never_import_a_feature() {
    // The core and the UI kit serve every feature; naming one would bring back the hidden
    // dependencies this layering removed (the router is the one place features are named).
    let found: Vec<String> = sources()
        .iter()
        .filter(|p| SHARED.contains(&top_module(p).as_str()))
        .flat_map(|p| {
            crate_modules(&code(p))
                .into_iter()
                .filter(|m| is_feature(m))
                .map(move |m| format!("{} imports {m}", p.display()))
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The queries in `code` that lock a candidate's row (`FROM candidates … FOR UPDATE`).
fn candidate_locks(code: &str) -> usize {
    code.match_indices("FOR UPDATE")
        .filter(|(at, _)| {
            // The query is the string literal the lock ends: back to its opening quote.
            let query = &code[..*at];
            let query = &query[query.rfind('"').map_or(0, |q| q + 1)..];
            query.contains("FROM candidates ")
        })
        .count()
}

#[test]
fn a_candidate_is_locked_in_one_place() {
    // Every action on a candidate takes the same lock first (core::candidates::lock), so
    // concurrent actions queue in one order and never deadlock.
    let home = root().join("core/candidates.rs");
    let elsewhere: Vec<String> = sources()
        .iter()
        .filter(|p| **p != home && top_module(p) != "layering" && candidate_locks(&code(p)) > 0)
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        elsewhere.is_empty(),
        "lock candidates with core::candidates::lock: {elsewhere:?}"
    );
    assert_eq!(candidate_locks(&code(&home)), 1);
    assert_eq!(
        candidate_locks("sqlx::query!(\"SELECT id FROM candidates WHERE id = $1 FOR UPDATE\")"),
        1
    );
    assert_eq!(
        candidate_locks("\"SELECT id FROM data_requests WHERE candidate_id = $1 FOR UPDATE\""),
        0
    );
}

#[test]
fn the_text_depends_on_the_domain_only() {
    let found: BTreeSet<String> = sources()
        .iter()
        .filter(|p| top_module(p) == "text")
        .flat_map(|p| crate_modules(&code(p)))
        .filter(|m| m != "domain")
        .collect();
    assert!(
        found.is_empty(),
        "the text imports {found:?}: move what it words into the domain"
    );
}

#[test]
fn the_import_reader_sees_what_a_feature_imports() {
    // The reader itself could fail silently (and every rule above would pass): check it on code.
    let code = "use crate::{domain::{X, y::Z}, profile::query};\nfn f() { crate::jobs::apply(); }";
    let found: Vec<String> = crate_modules(code).into_iter().collect();
    assert_eq!(found, ["domain", "jobs", "profile"]);
    assert_eq!(top_module(&root().join("profile/query.rs")), "profile");
    assert!(is_feature("profile") && !is_feature("domain") && !is_feature("core"));
}
