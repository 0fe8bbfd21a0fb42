//! Spec text is always text: a spec whose every text field holds code blocks that would write a
//! marker file and exit, and raw HTML (`fixtures/hostile/hostile.yaml`), generates a crate whose doc
//! comments hold no code but the generator's own examples and no HTML, whose `Cargo.toml` parses,
//! and whose headers are comments, even when the spec's path holds line breaks, quotes and
//! brackets. The last test builds that crate: `cargo test --all-features` (doctests included) and
//! `cargo doc` pass, nothing is written, and the pages hold no raw `<script>`.

use openapi_sdk_codegen::ir::NoteKind;
use openapi_sdk_codegen::{generate, CrateOptions, Generated, Options, Output};
use pulldown_cmark::{CodeBlockKind, Event, Options as Markdown, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};
use std::process::Command;

const SPEC: &str = include_str!("fixtures/hostile/hostile.yaml");

/// What the spec's code would write, relative to where it ran.
const MARKER: &str = "PWNED-hostile";

/// A spec path whose text would end the header's comment if it were copied.
const SPEC_PATH: &str = "specs\n/x\"[y]\nfn pwned() {}\n).yaml";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

fn generated(version: &str, runtime_path: Option<String>) -> Generated {
    let options = Options {
        spec_name: SPEC_PATH.to_owned(),
        output: Output::Crate(CrateOptions {
            name: "hostile-api".to_owned(),
            version: version.to_owned(),
            runtime: runtime_path.map(|path| openapi_sdk_codegen::RuntimeSource::Path {
                path,
                version: "0.1.0".to_owned(),
            }),
        }),
        ..Options::default()
    };
    generate(SPEC, &options).unwrap_or_else(|e| panic!("the hostile spec generates: {e}"))
}

/// The doc comments of a Rust file: each run of `///` or `//!` lines as rustdoc reads it.
fn doc_comments(source: &str) -> Vec<String> {
    let mut docs = Vec::new();
    let mut current: Option<(&str, String)> = None;
    for line in source.lines() {
        let line = line.trim_start();
        let kind = ["///", "//!"].into_iter().find(|k| line.starts_with(k));
        match (kind, current.as_mut()) {
            (Some(k), Some((open, text))) if *open == k => {
                text.push_str(line[3..].strip_prefix(' ').unwrap_or(&line[3..]));
                text.push('\n');
            }
            (Some(k), _) => {
                docs.extend(current.take().map(|(_, t)| t));
                let text = line[3..].strip_prefix(' ').unwrap_or(&line[3..]);
                current = Some((k, format!("{text}\n")));
            }
            (None, _) => docs.extend(current.take().map(|(_, t)| t)),
        }
    }
    docs.extend(current.map(|(_, t)| t));
    docs
}

#[test]
fn doc_comments_hold_no_code_and_no_html_from_the_spec() {
    let generated = generated("0.1.0", None);
    let options = Markdown::ENABLE_TABLES
        | Markdown::ENABLE_FOOTNOTES
        | Markdown::ENABLE_STRIKETHROUGH
        | Markdown::ENABLE_TASKLISTS;
    let (mut text_blocks_with_marker, mut examples) = (0, 0);
    for (path, source) in generated.files.iter().filter(|(p, _)| p.ends_with(".rs")) {
        syn::parse_file(source).unwrap_or_else(|e| panic!("{path} parses: {e}"));
        for doc in doc_comments(source) {
            let mut events = Parser::new_ext(&doc, options);
            while let Some(event) = events.next() {
                match event {
                    Event::Start(Tag::CodeBlock(kind)) => {
                        let mut code = String::new();
                        for event in events.by_ref() {
                            match event {
                                Event::Text(t) => code.push_str(&t),
                                Event::End(TagEnd::CodeBlock) => break,
                                _ => {}
                            }
                        }
                        match kind {
                            CodeBlockKind::Fenced(info) if &*info == "text" => {
                                text_blocks_with_marker += usize::from(code.contains(MARKER));
                            }
                            // The generator's own example, in which the spec's text is at most
                            // a string literal.
                            CodeBlockKind::Fenced(info) if &*info == "no_run" => {
                                examples += 1;
                                assert!(
                                    !code.contains("std::process::exit"),
                                    "{path}: spec code in an example:\n{code}"
                                );
                            }
                            other => panic!("{path}: a {other:?} block in\n{doc}"),
                        }
                    }
                    Event::Html(html) | Event::InlineHtml(html) => {
                        panic!("{path}: raw HTML {html:?} in\n{doc}")
                    }
                    _ => {}
                }
            }
        }
    }
    // The spec's blocks are there, as text, in many places; and both operations have an example.
    assert!(text_blocks_with_marker > 20, "{text_blocks_with_marker}");
    assert_eq!(examples, 2);
}

#[test]
fn manifest_parses_and_headers_are_comments() {
    let generated = generated("1.0\n[evil]\n", None);
    let manifest = &generated.files["Cargo.toml"];
    let parsed: toml_edit::DocumentMut = manifest
        .parse()
        .unwrap_or_else(|e| panic!("Cargo.toml parses: {e}\n{manifest}"));
    let package = &parsed["package"];
    assert_eq!(package["name"].as_str(), Some("hostile-api"));
    // The version asked for is not semver: a valid one, with a note.
    assert_eq!(package["version"].as_str(), Some("0.1.0"), "{manifest}");
    assert!(
        generated
            .diagnostics
            .iter()
            .any(|d| d.kind == NoteKind::Configuration && d.message.contains("semantic version")),
        "{:?}",
        generated.diagnostics
    );
    let description = package["description"].as_str().unwrap_or_default();
    assert!(
        description.starts_with("Rust client for the Hostile \"API\" [x] <b>bold</b>"),
        "{description}"
    );
    assert!(!description.contains('\n'), "{description:?}");
    assert!(
        parsed["features"]["full"].as_array().is_some(),
        "{manifest}"
    );

    // The header names the file alone, on one comment line.
    let label = "x\"[y]_fn pwned() {}_).yaml";
    assert!(
        manifest.starts_with(&format!("# @generated from {label} by ")),
        "{manifest}"
    );
    for (path, source) in generated.files.iter().filter(|(p, _)| p.ends_with(".rs")) {
        let mut lines = source.lines();
        assert_eq!(
            lines
                .next()
                .map(|l| l.starts_with(&format!("// @generated from {label} by "))),
            Some(true),
            "{path}"
        );
        assert!(lines.next().is_some_and(|l| l.starts_with("// ")), "{path}");
        assert_eq!(lines.next(), Some(""), "{path}");
        let file = syn::parse_file(source).unwrap_or_else(|e| panic!("{path}: {e}"));
        let pwned = file
            .items
            .iter()
            .any(|item| matches!(item, syn::Item::Fn(f) if f.sig.ident == "pwned"));
        assert!(!pwned, "{path}");
    }
}

/// Every file under `dir` whose name starts with `prefix`.
fn find(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if entry.file_name().to_string_lossy().starts_with(prefix) {
                found.push(path);
            }
        }
    }
    found
}

/// `--all-features`, or, where OpenSSL's headers are missing (a fresh machine without
/// `libssl-dev`), every feature but `native-tls`, said visibly. CI installs the headers, so there
/// it is always every feature.
fn feature_args(manifest: &str) -> Vec<String> {
    let has_openssl = Command::new("pkg-config")
        .args(["--exists", "openssl"])
        .status()
        .is_ok_and(|s| s.success());
    if has_openssl {
        return vec!["--all-features".to_owned()];
    }
    let parsed: toml_edit::DocumentMut = manifest.parse().expect("the generated manifest parses");
    let features: Vec<&str> = parsed["features"]
        .as_table()
        .map(|t| {
            t.iter()
                .map(|(k, _)| k)
                .filter(|k| *k != "native-tls")
                .collect()
        })
        .unwrap_or_default();
    eprintln!(
        "note: no OpenSSL headers (pkg-config openssl); building every feature but native-tls"
    );
    vec!["--features".to_owned(), features.join(",")]
}

fn cargo(dir: &Path, target: &Path, features: &[String], args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command
        .args(args)
        .args(["--offline", "--quiet"])
        .args(features)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTDOCFLAGS", "-D warnings")
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_MANIFEST_DIR");
    command
}

#[test]
fn generated_crate_tests_and_documents_cleanly() {
    let root = workspace();
    // Built in a folder of the workspace's target, so the dependencies build once and are reused.
    let target = root.join("target").join("hostile");
    let dir = target.join(format!("crate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let runtime = root.join("sdk").join("runtime").display().to_string();
    let generated = generated("0.1.0", Some(runtime));
    for (path, text) in &generated.files {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
        }
        std::fs::write(&file, text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
    // The workspace's lock file pins the versions already built (and works offline).
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
        .unwrap_or_else(|e| panic!("copy Cargo.lock: {e}"));

    let features = feature_args(&generated.files["Cargo.toml"]);
    for args in [&["test"][..], &["doc", "--no-deps"][..]] {
        let out = cargo(&dir, &target, &features, args)
            .output()
            .unwrap_or_else(|e| panic!("run cargo {args:?}: {e}"));
        assert!(
            out.status.success(),
            "cargo {args:?} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if args[0] == "test" {
            // Both examples compiled as doctests (and nothing else did).
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.contains("2 passed"), "{stdout}");
        }
    }
    assert_eq!(find(&dir, MARKER), Vec::<PathBuf>::new());
    assert!(!root.join("codegen").join(MARKER).exists());

    let pages = find(&target.join("doc").join("hostile_api"), "");
    let html: Vec<&PathBuf> = pages
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(html.len() > 5, "{pages:?}");
    let mut escaped = 0;
    for page in html {
        let text = std::fs::read_to_string(page).unwrap_or_default();
        assert!(!text.contains("<script>alert"), "{}", page.display());
        assert!(!text.contains("<b>bold"), "{}", page.display());
        escaped += text.matches("&lt;script&gt;alert").count();
    }
    assert!(escaped > 0, "the HTML shows as text somewhere");
    let _ = std::fs::remove_dir_all(&dir);
}
