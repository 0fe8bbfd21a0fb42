//! The declared `rust-version` is true: no package of the locked dependency set (every package
//! `cargo metadata --locked` resolves, for every target, dev- and build-dependencies included)
//! needs a newer Rust than the workspace declares, and every member declares the same version.
//! Crates the generator writes declare it too.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// `1.89`, `1.89.0` → `(1, 89, 0)`.
fn version(text: &str) -> Option<(u64, u64, u64)> {
    let mut parts = text.trim().split('.').map(|p| p.parse::<u64>().ok());
    let major = parts.next()??;
    let minor = parts.next().flatten().unwrap_or(0);
    let patch = parts.next().flatten().unwrap_or(0);
    Some((major, minor, patch))
}

fn metadata(root: &Path) -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root)
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata --locked failed (is Cargo.lock up to date?):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

#[test]
fn no_locked_dependency_needs_a_newer_rust_than_declared() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let metadata = metadata(&root);
    let members: Vec<&str> = metadata["workspace_members"]
        .as_array()
        .expect("workspace_members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let packages = metadata["packages"].as_array().expect("packages");
    let mut declared = None;
    let mut too_new = Vec::new();
    let mut newest = ((0, 0, 0), String::new());
    for package in packages {
        let name = package["name"].as_str().unwrap_or("?");
        let id = package["id"].as_str().unwrap_or("?");
        let needs = package["rust_version"].as_str();
        if members.contains(&id) {
            let needs =
                needs.unwrap_or_else(|| panic!("workspace member {name} declares no rust-version"));
            match &declared {
                None => declared = Some(needs.to_owned()),
                Some(first) => assert_eq!(first, needs, "{name} declares another rust-version"),
            }
            continue;
        }
        if let Some(needs) = needs.and_then(version) {
            if needs > newest.0 {
                newest = (
                    needs,
                    format!("{name} {}", package["version"].as_str().unwrap_or("?")),
                );
            }
            too_new.push((
                needs,
                name.to_owned(),
                package["version"].as_str().unwrap_or("?").to_owned(),
            ));
        }
    }
    let declared = declared.expect("the workspace has members");
    let floor = version(&declared).expect("a version");
    too_new.retain(|(needs, _, _)| *needs > floor);
    too_new.sort();
    assert!(
        too_new.is_empty(),
        "the workspace declares rust-version {declared}, but the lockfile has packages that need more:\n{}\n\
         Raise rust-version (Cargo.toml, README, the generator's crate template) to the highest, or pin \
         those packages to versions that support {declared} (`cargo update -p NAME --precise VERSION`).",
        too_new
            .iter()
            .map(|((a, b, c), name, v)| format!("  {name} {v} needs {a}.{b}.{c}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    println!(
        "rust-version {declared}; the newest requirement in the lockfile is {}.{}.{} ({})",
        newest.0 .0, newest.0 .1, newest.0 .2, newest.1
    );

    // Crates the generator writes depend on the runtime, so they declare the same version.
    let template =
        std::fs::read_to_string(root.join("codegen/src/emit/mod.rs")).expect("generator");
    assert!(
        template.contains(&format!(r#"const RUST_VERSION: &str = "{declared}";"#)),
        "codegen/src/emit/mod.rs writes another rust-version than the workspace's {declared}"
    );
    // And the README says so.
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    assert!(
        readme.contains(&format!("({declared} or later)")),
        "README.md names another minimum Rust than {declared}"
    );
}

#[test]
fn versions_compare_numerically() {
    assert!(version("1.89.0") > version("1.9"));
    assert_eq!(version("1.89"), Some((1, 89, 0)));
    assert_eq!(version("x"), None);
}
