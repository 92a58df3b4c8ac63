//! The shape of the house (STYLE.md): dependencies point one way,
//! app → pages → components/charts → routes/state → persist → domain.
//! Nothing imports a layer above its own, no page imports another page, and
//! the domain stays free of browser and UI crates. This test reads every
//! file under src/ and fails on the first import that breaks the order, so
//! the layering cannot decay unnoticed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// The layer of a top-level module of the crate: lower numbers sit higher.
fn rank(module: &str) -> Option<u8> {
    Some(match module {
        "main" | "lib" | "app" => 0,
        "pages" => 1,
        "components" | "charts" => 2,
        "routes" | "state" => 3,
        "persist" => 4,
        "domain" => 5,
        _ => return None,
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its `#[cfg(test)] mod tests` (unit tests may
/// reach anywhere) and without comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b` path in the code, as (a, Some(b)).
fn crate_paths(code: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for part in code.split("crate::").skip(1) {
        let mut names = part.split("::").map(|n| {
            n.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        if let Some(first) = names.next().filter(|n| !n.is_empty()) {
            out.push((first, names.next().filter(|n| !n.is_empty())));
        }
    }
    out
}

/// (top-level module, page) of a file under src/.
fn place(src: &Path, file: &Path) -> (String, Option<String>) {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string());
    let top = parts.next().unwrap_or_default();
    let page = if top == "pages" { parts.next() } else { None };
    (top, page)
}

fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 50,
        "found only {} files under src/",
        files.len()
    );
    let mut bad = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let code = code(&text);
        let (top, page) = place(&src, file);
        let Some(own) = rank(&top) else {
            continue;
        };
        for (target, sub) in crate_paths(&code) {
            let Some(theirs) = rank(&target) else {
                continue;
            };
            let shown = file.strip_prefix(&src).unwrap_or(file).display();
            if target == "pages" && top == "pages" {
                if let (Some(mine), Some(other)) = (&page, &sub) {
                    if mine != other && mine != "mod" {
                        bad.push(format!("{shown}: page {mine} uses page {other}"));
                    }
                }
            } else if theirs < own {
                bad.push(format!("{shown}: {top} uses {target}, which is above it"));
            }
        }
        if top == "domain" {
            for forbidden in ["leptos", "web_sys", "wasm_bindgen", "gloo", "js_sys"] {
                if code.contains(&format!("use {forbidden}"))
                    || code.contains(&format!("{forbidden}::"))
                {
                    bad.push(format!("{}: the domain uses {forbidden}", file.display()));
                }
            }
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

#[test]
fn no_module_imports_a_layer_above_it_and_no_page_imports_another() {
    let bad = violations();
    assert!(bad.is_empty(), "layering broken:\n{}", bad.join("\n"));
}

/// The check itself catches what it is for.
#[test]
fn the_check_sees_upward_and_page_to_page_paths() {
    let sample = "use crate::app::App;\nlet x = crate::pages::simulate::thing;";
    assert_eq!(
        crate_paths(sample),
        vec![
            ("app".to_string(), Some("App".to_string())),
            ("pages".to_string(), Some("simulate".to_string()))
        ]
    );
    assert!(rank("app") < rank("pages") && rank("state") < rank("persist"));
    // Comments and unit tests are not imports.
    let with_tests = "fn real() {} // crate::app\n#[cfg(test)]\nmod tests { use crate::app; }";
    assert!(crate_paths(&code(with_tests)).is_empty());
}
