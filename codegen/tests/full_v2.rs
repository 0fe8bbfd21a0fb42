//! Datadog's whole v2 spec (985 operations, 5,202 schemas) parses, resolves and emits. Compiling
//! the generated crate is `cargo xtask bench-build`'s job (minutes), not this test's.

use datadog_connections_replay::shared::shared_path;
use openapi_sdk_codegen::{generate, Config, CrateOptions, Options, Output};

#[test]
fn full_v2_spec_generates_a_complete_crate() {
    let Some(path) = shared_path(
        "full_v2_spec_generates_a_complete_crate",
        "specs/datadog-v2-openapi.yaml",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read the v2 spec");
    let config = include_str!("../../spec/datadog-connections.codegen.yaml");
    let options = Options {
        spec_name: "datadog-v2-openapi.yaml".into(),
        config: Config::parse(config).expect("configuration"),
        output: Output::Crate(CrateOptions {
            name: "datadog-api-v2".into(),
            version: "0.1.0".into(),
            runtime: None,
        }),
        ..Options::default()
    };
    let generated = generate(&text, &options).unwrap_or_else(|e| panic!("{e}"));

    // Every operation of the spec has a request builder.
    let spec: serde_json::Value = serde_yaml::from_str(&text).expect("YAML");
    let methods = [
        "get", "put", "post", "delete", "patch", "head", "options", "trace",
    ];
    let expected: usize = spec["paths"]
        .as_object()
        .expect("paths")
        .values()
        .map(|item| {
            item.as_object().map_or(0, |o| {
                o.keys().filter(|k| methods.contains(&k.as_str())).count()
            })
        })
        .sum();
    let emitted: usize = generated
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("src/operations/"))
        .map(|(_, f)| f.matches("const OPERATION: rt::Operation").count())
        .sum();
    assert_eq!(emitted, expected, "one builder per operation");
    assert!(expected > 900, "{expected} operations");

    // Every operation's client method has an example, in the crate's own name (the SDK's
    // doctests compile its examples; this crate's would take minutes).
    let examples: usize = generated
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("src/operations/"))
        .map(|(_, f)| {
            f.matches("/// # Example\n    ///\n    /// ```no_run\n    /// use datadog_api_v2::")
                .count()
        })
        .sum();
    assert_eq!(examples, expected, "one example per operation");

    // Split into sane files, one feature per tag.
    let largest = generated
        .files
        .iter()
        .map(|(p, f)| (f.len(), p))
        .max()
        .expect("files");
    assert!(
        largest.0 < 1_000_000,
        "largest file {} is {} bytes",
        largest.1,
        largest.0
    );
    let cargo = &generated.files["Cargo.toml"];
    let tags = generated
        .files
        .keys()
        .filter(|p| p.starts_with("src/operations/") && !p.ends_with("mod.rs"))
        .count();
    let features: Vec<&str> = cargo
        .split("full = [")
        .nth(1)
        .expect("a full feature")
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(features.len(), tags, "a feature per tag: {features:?}");

    // The models are split into crates that cargo builds side by side: a shared one and parts,
    // each a path dependency; a tag's feature turns on the part holding its models.
    let parts: Vec<&str> = generated
        .files
        .keys()
        .filter_map(|p| p.strip_suffix("/Cargo.toml"))
        .collect();
    assert!(parts.contains(&"models-shared"), "{parts:?}");
    assert!(parts.len() >= 4, "{parts:?}");
    assert!(
        cargo.contains(
            "datadog-api-v2-models-shared = { version = \"=0.1.0\", path = \"models-shared\", default-features = false }"
        ),
        "{cargo}"
    );
    let teams = features
        .iter()
        .find(|l| l.starts_with("teams = "))
        .expect("a teams feature");
    let part = teams
        .split('"')
        .nth(1)
        .and_then(|d| d.strip_prefix("dep:"))
        .expect("teams turns on a part");
    let dir = part.trim_start_matches("datadog-api-v2-");
    assert!(
        generated.files.contains_key(&format!("{dir}/src/teams.rs")),
        "the teams models are in {dir}"
    );
    assert!(
        !generated
            .files
            .keys()
            .any(|p| p.starts_with("src/models/") && p != "src/models/mod.rs"),
        "no model file left in the crate itself"
    );
    for dir in parts.iter().filter(|d| **d != "models-shared") {
        let manifest = &generated.files[&format!("{dir}/Cargo.toml")];
        let internal: Vec<&str> = manifest
            .lines()
            .filter(|l| l.starts_with("datadog-api-v2-"))
            .collect();
        assert_eq!(
            internal.len(),
            1,
            "{dir} depends on the shared models alone"
        );
        assert!(generated.files[&format!("{dir}/src/lib.rs")]
            .contains("use datadog_api_v2_models_shared::*;"));
    }
    assert!(generated.files["src/client.rs"].contains("pub struct Client"));
    assert!(generated.files["src/lib.rs"].contains("pub use self::client::*"));

    // Every x-pagination annotation of the spec gets a stream, in all three styles.
    let annotated = spec["paths"]
        .as_object()
        .expect("paths")
        .values()
        .flat_map(|item| item.as_object().into_iter().flat_map(|o| o.values()))
        .filter(|op| op.get("x-pagination").is_some())
        .count();
    let streams: usize = generated
        .files
        .values()
        .map(|f| f.matches("impl rt::pagination::PageSource for").count())
        .sum();
    let style = |s: &str| {
        generated
            .files
            .values()
            .map(|f| f.matches(s).count())
            .sum::<usize>()
    };
    assert_eq!(streams, annotated, "a stream per x-pagination annotation");
    assert!(annotated >= 45, "{annotated}");
    for s in ["Style::Cursor", "Style::Offset", "Style::PageNumber"] {
        assert!(style(s) > 0, "{s}");
    }
    let notes: Vec<_> = generated
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no pagination stream"))
        .collect();
    assert!(notes.is_empty(), "{notes:?}");

    // The crate's own Preview registry, with Datadog's sites and keys from the configuration.
    let client = &generated.files["src/client.rs"];
    assert!(
        client.contains("\"ListMemberTeams\""),
        "ListMemberTeams is a Preview operation of this crate"
    );
    assert!(client.contains("pub enum Site") && client.contains("pub fn api_key("));
    assert!(
        !generated.files.contains_key("src/mod.rs"),
        "no stray root module"
    );
}
