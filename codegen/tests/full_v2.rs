//! Datadog's whole v2 spec (985 operations, 5,202 schemas) parses, resolves and emits. Compiling
//! the generated crate is `cargo xtask bench-build`'s job (minutes), not this test's.

use datadog_connections_codegen::{generate, CrateOptions, Options};
use datadog_connections_replay::shared::shared_path;

#[test]
fn full_v2_spec_generates_a_complete_crate() {
    let Some(path) = shared_path("full_v2_spec_generates_a_complete_crate", "specs/datadog-v2-openapi.yaml") else { return };
    let text = std::fs::read_to_string(&path).expect("read the v2 spec");
    let options = Options {
        spec_name: "datadog-v2-openapi.yaml".into(),
        runtime: "datadog_connections".into(),
        krate: Some(CrateOptions { name: "datadog-api-v2".into(), sdk_path: "../sdk".into() }),
    };
    let generated = generate(&text, &options).unwrap_or_else(|e| panic!("{e}"));

    // Every operation of the spec has a request builder.
    let spec: serde_json::Value = serde_yaml::from_str(&text).expect("YAML");
    let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
    let expected: usize = spec["paths"]
        .as_object()
        .expect("paths")
        .values()
        .map(|item| item.as_object().map_or(0, |o| o.keys().filter(|k| methods.contains(&k.as_str())).count()))
        .sum();
    let emitted: usize = generated
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("src/operations/"))
        .map(|(_, f)| f.matches("const OPERATION: rt::Operation").count())
        .sum();
    assert_eq!(emitted, expected, "one builder per operation");
    assert!(expected > 900, "{expected} operations");

    // Split into sane files, one feature per tag.
    let largest = generated.files.iter().map(|(p, f)| (f.len(), p)).max().expect("files");
    assert!(largest.0 < 1_000_000, "largest file {} is {} bytes", largest.1, largest.0);
    let cargo = &generated.files["Cargo.toml"];
    let tags = generated.files.keys().filter(|p| p.starts_with("src/operations/") && !p.ends_with("mod.rs")).count();
    let features = cargo.lines().filter(|l| l.ends_with(" = []") && !l.starts_with("default")).count();
    assert_eq!(features, tags, "a feature per tag");
    assert!(generated.files["src/lib.rs"].contains("pub struct Client"));
}
