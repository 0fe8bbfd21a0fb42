//! Generated crates do not depend on where they are generated: two generations into different
//! folders are byte-identical, their `Cargo.toml` names no absolute path (inside this workspace it
//! finds the runtime by a relative path), and the drift check covers `Cargo.toml` too.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use xtask::{check_files, generate_files, workspace_root, Task, TaskError, DATADOG_CONFIG};

/// A folder removed when the test ends, even when it fails.
struct Scratch(PathBuf);

impl Scratch {
    /// A fresh, unique folder under `parent`.
    fn new(parent: &Path, tag: &str) -> Scratch {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = parent.join(format!(
            "xtask-portable-{tag}-{}-{nanos}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create a scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every file under `dir`, by relative path with `/` separators.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read a generated folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under the folder")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, fs::read(&path).expect("read a generated file"));
            }
        }
    }
    out
}

/// A crate-generation task: the crate is named `name` whatever its folder.
fn crate_task(spec: &Path, spec_name: &str, config: Option<PathBuf>, out: PathBuf) -> Task {
    Task {
        spec: spec.to_path_buf(),
        out,
        spec_name: spec_name.to_owned(),
        config,
        crate_name: Some("portable-api".to_owned()),
    }
}

/// The `path = "…"` values of a manifest.
fn manifest_paths(manifest: &str) -> Vec<String> {
    manifest
        .match_indices("path = \"")
        .filter_map(|(at, m)| {
            let rest = &manifest[at + m.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

fn assert_no_absolute_path(manifest: &str, folders: &[&Path]) {
    for folder in folders {
        let shown = folder.display().to_string();
        assert!(
            !manifest.contains(&shown),
            "Cargo.toml names {shown}:\n{manifest}"
        );
    }
    for path in manifest_paths(manifest) {
        assert!(
            !Path::new(&path).is_absolute() && !path.starts_with('/') && !path.contains(':'),
            "Cargo.toml has an absolute path {path:?}:\n{manifest}"
        );
    }
}

/// Generates `spec` as a crate into two different folders outside the workspace and compares
/// every file byte for byte.
fn generates_identically(spec: &Path, spec_name: &str, config: Option<PathBuf>, tag: &str) {
    let root = workspace_root();
    let temp = std::env::temp_dir();
    assert!(
        !std::path::absolute(&temp).unwrap().starts_with(&root),
        "the temp folder must be outside the workspace for this test"
    );
    let first = Scratch::new(&temp, &format!("{tag}-a"));
    let second = Scratch::new(&temp, &format!("{tag}-b"));
    let a = first.0.join("nested").join("portable-api");
    let b = second.0.join("portable-api");
    for out in [&a, &b] {
        let report = generate_files(&crate_task(spec, spec_name, config.clone(), out.clone()))
            .unwrap_or_else(|e| panic!("generate into {}: {e}", out.display()));
        assert!(report.written.contains(&"Cargo.toml".to_owned()));
    }
    let (files_a, files_b) = (files(&a), files(&b));
    assert!(files_a.contains_key("Cargo.toml") && files_a.contains_key("src/lib.rs"));
    assert_eq!(
        files_a.keys().collect::<Vec<_>>(),
        files_b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (rel, bytes) in &files_a {
        assert!(
            bytes == &files_b[rel],
            "{rel} differs between {} and {}",
            a.display(),
            b.display()
        );
        let text = String::from_utf8_lossy(bytes);
        for folder in [&first.0, &second.0, &root] {
            assert!(
                !text.contains(&folder.display().to_string()),
                "{rel} names the folder {}",
                folder.display()
            );
        }
    }
    let manifest = String::from_utf8(files_a["Cargo.toml"].clone()).expect("UTF-8 manifest");
    assert_no_absolute_path(&manifest, &[&first.0, &second.0, &root]);
    // Outside the workspace the runtime is a dependency by version alone; the only paths are to
    // the crate's own split model crates, folders inside it (and from a part, the shared one).
    let paths = manifest_paths(&manifest);
    assert!(
        paths
            .iter()
            .all(|p| p.starts_with("models-") && !p.contains('/')),
        "a crate outside the workspace has no path dependency but its model crates:\n{manifest}"
    );
    let mut parts = 0;
    for (rel, bytes) in files_a
        .iter()
        .filter(|(rel, _)| rel.starts_with("models-") && rel.ends_with("/Cargo.toml"))
    {
        parts += 1;
        let part = String::from_utf8_lossy(bytes);
        assert_no_absolute_path(&part, &[&first.0, &second.0, &root]);
        let paths = manifest_paths(&part);
        assert!(
            paths.iter().all(|p| p == "../models-shared"),
            "{rel} depends by path on the shared models alone:\n{part}"
        );
    }
    // The connections spec is small; the full v2 spec's models are split into crates.
    assert_eq!(
        parts >= 2,
        tag.contains("v2"),
        "{tag}: {parts} model crates"
    );
    assert!(
        manifest
            .contains("openapi-sdk-runtime = { version = \"0.1.0\", default-features = false }"),
        "{manifest}"
    );
    // The runtime's TLS, HTTP/2 and gzip features are forwarded, with the SDK's defaults.
    assert!(
        manifest.contains("default = [\"rustls\", \"http2\", \"gzip\"]\n")
            && manifest
                .contains("rustls-no-provider = [\"openapi-sdk-runtime/rustls-no-provider\"]\n")
            && manifest.contains("native-tls = [\"openapi-sdk-runtime/native-tls\"]\n"),
        "{manifest}"
    );
}

#[test]
fn connections_crate_is_identical_in_any_folder() {
    let root = workspace_root();
    generates_identically(
        &root.join(xtask::DEFAULT_SPEC),
        xtask::DEFAULT_SPEC,
        None,
        "connections",
    );
}

#[test]
fn full_v2_crate_is_identical_in_any_folder() {
    let Some(spec) = datadog_connections_replay::shared::shared_path(
        "full_v2_crate_is_identical_in_any_folder",
        "specs/datadog-v2-openapi.yaml",
    ) else {
        return;
    };
    let root = workspace_root();
    generates_identically(
        &spec,
        "datadog-v2-openapi.yaml",
        Some(root.join(DATADOG_CONFIG)),
        "v2",
    );
}

/// Inside the workspace the crate also finds the runtime by a path relative to its own folder.
#[test]
fn crate_inside_the_workspace_finds_the_runtime_relatively() {
    let root = workspace_root();
    let scratch = Scratch::new(&root.join("target"), "inside");
    let spec = root.join(xtask::DEFAULT_SPEC);
    // target/<scratch>/portable-api and target/<scratch>/deeper/portable-api
    let cases = [
        (scratch.0.join("portable-api"), "../../../sdk/runtime"),
        (
            scratch.0.join("deeper").join("portable-api"),
            "../../../../sdk/runtime",
        ),
    ];
    for (out, expected) in cases {
        generate_files(&crate_task(&spec, xtask::DEFAULT_SPEC, None, out.clone()))
            .unwrap_or_else(|e| panic!("generate into {}: {e}", out.display()));
        let manifest = fs::read_to_string(out.join("Cargo.toml")).expect("Cargo.toml");
        assert_no_absolute_path(&manifest, &[&root, &scratch.0]);
        assert_eq!(manifest_paths(&manifest), vec![expected.to_owned()]);
        assert!(
            manifest.contains(&format!(
                "openapi-sdk-runtime = {{ version = \"0.1.0\", path = \"{expected}\", default-features = false }}"
            )),
            "{manifest}"
        );
        // The relative path leads to the runtime.
        let runtime = out.join(expected).join("Cargo.toml");
        let text =
            fs::read_to_string(&runtime).unwrap_or_else(|e| panic!("{}: {e}", runtime.display()));
        assert!(text.contains("name = \"openapi-sdk-runtime\""));
    }
}

/// A folder directly under `target/` (as in `target/portable-test-x`) gets `../../sdk/runtime`.
#[test]
fn crate_in_target_gets_a_two_level_relative_path() {
    let root = workspace_root();
    let out = Scratch::new(&root.join("target"), "portable-test");
    generate_files(&crate_task(
        &root.join(xtask::DEFAULT_SPEC),
        xtask::DEFAULT_SPEC,
        None,
        out.0.clone(),
    ))
    .expect("generate");
    let manifest = fs::read_to_string(out.0.join("Cargo.toml")).expect("Cargo.toml");
    assert_no_absolute_path(&manifest, &[&root, &out.0]);
    assert_eq!(
        manifest_paths(&manifest),
        vec!["../../sdk/runtime".to_owned()]
    );
}

/// In crate mode `check` compares `Cargo.toml` as well as the sources.
#[test]
fn crate_check_covers_the_manifest() {
    let root = workspace_root();
    let scratch = Scratch::new(&std::env::temp_dir(), "check");
    let out = scratch.0.join("portable-api");
    let task = crate_task(
        &root.join(xtask::DEFAULT_SPEC),
        xtask::DEFAULT_SPEC,
        None,
        out.clone(),
    );
    generate_files(&task).expect("generate");
    check_files(&task, "fix").expect("a fresh crate is up to date");

    let manifest = out.join("Cargo.toml");
    let original = fs::read_to_string(&manifest).expect("Cargo.toml");
    fs::write(
        &manifest,
        format!("{original}\n[profile.dev]\nopt-level = 3\n"),
    )
    .unwrap();
    let Err(TaskError::Drift(drift)) = check_files(&task, "fix") else {
        panic!("an edited Cargo.toml is not reported")
    };
    let changed: Vec<&str> = drift.changed.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(changed, vec!["Cargo.toml"]);
    assert!(
        drift.changed[0].1.contains("-opt-level = 3"),
        "{}",
        drift.changed[0].1
    );
    assert!(drift.missing.is_empty() && drift.orphaned.is_empty());
    assert!(drift.to_string().contains("changed: Cargo.toml"));

    fs::remove_file(&manifest).unwrap();
    let Err(TaskError::Drift(drift)) = check_files(&task, "fix") else {
        panic!("a missing Cargo.toml is not reported")
    };
    assert_eq!(drift.missing, vec!["Cargo.toml"]);

    generate_files(&task).expect("regenerate");
    check_files(&task, "fix").expect("generate repairs the manifest");
    assert_eq!(fs::read_to_string(&manifest).unwrap(), original);
}
