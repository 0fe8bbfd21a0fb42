//! Snapshot tests: each fixture spec in `tests/fixtures/` generates the files checked in under
//! `tests/snapshots/<fixture>/`, byte for byte. The snapshots are also compiled, warnings denied, as
//! modules of the SDK crate's tests (see `sdk/src/lib.rs`).
//!
//! A fixture's generator configuration, when it has one, is `tests/fixtures/config/<fixture>.yaml`.
//!
//! To accept new output: `UPDATE_SNAPSHOTS=1 cargo test -p openapi-sdk-codegen --test snapshots`.

use openapi_sdk_codegen::{generate, Config, Options};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn existing(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    out
}

/// Generates `fixture` and compares (or, when updating, rewrites) its snapshot folder.
fn check(fixture: &str) -> Vec<String> {
    let spec_path = dir("fixtures").join(format!("{fixture}.yaml"));
    let text = fs::read_to_string(&spec_path).unwrap();
    // A fixture's generator configuration, if it has one, is `fixtures/config/<fixture>.yaml`.
    let config = match fs::read_to_string(
        dir("fixtures")
            .join("config")
            .join(format!("{fixture}.yaml")),
    ) {
        Ok(text) => Config::parse(&text).unwrap_or_else(|e| panic!("{fixture} configuration: {e}")),
        Err(_) => Config::default(),
    };
    let options = Options {
        spec_name: format!("codegen/tests/fixtures/{fixture}.yaml"),
        config,
        ..Options::default()
    };
    let generated = generate(&text, &options).unwrap_or_else(|e| panic!("{fixture}: {e}"));
    let mut expected = generated.files.clone();
    let notes: String = generated
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    expected.insert("diagnostics.txt".into(), notes);

    let out = dir("snapshots").join(fixture);
    let actual = existing(&out);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let _ = fs::remove_dir_all(&out);
        for (rel, contents) in &expected {
            let path = out.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, contents).unwrap();
        }
        return Vec::new();
    }
    let mut problems = Vec::new();
    for (rel, contents) in &expected {
        match actual.get(rel) {
            None => problems.push(format!("{fixture}/{rel}: missing snapshot")),
            Some(old) if old != contents => {
                let diff = similar::TextDiff::from_lines(old.as_str(), contents.as_str())
                    .unified_diff()
                    .context_radius(2)
                    .to_string();
                problems.push(format!("{fixture}/{rel}: differs\n{diff}"));
            }
            Some(_) => {}
        }
    }
    for rel in actual.keys().filter(|k| !expected.contains_key(*k)) {
        problems.push(format!("{fixture}/{rel}: orphaned snapshot"));
    }
    problems
}

#[test]
fn fixtures_match_snapshots() {
    let mut fixtures: Vec<String> = fs::read_dir(dir("fixtures"))
        .unwrap()
        .flatten()
        // Fixture specs only: folders (`refs/multi/`, `hostile/`) belong to other tests.
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .filter_map(|e| {
            e.path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 3, "fixtures: {fixtures:?}");
    let problems: Vec<String> = fixtures.iter().flat_map(|f| check(f)).collect();
    assert!(
        problems.is_empty(),
        "{}\n\nIf the change is intended: UPDATE_SNAPSHOTS=1 cargo test -p openapi-sdk-codegen --test snapshots",
        problems.join("\n")
    );
}

#[test]
fn generation_is_deterministic() {
    let spec = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/datadog-connections.yaml"),
    )
    .unwrap();
    let a = generate(&spec, &Options::default()).unwrap();
    let b = generate(&spec, &Options::default()).unwrap();
    assert_eq!(a, b);
    assert!(a
        .files
        .values()
        .all(|f| f.starts_with("// @generated from datadog-connections.yaml")));
}
