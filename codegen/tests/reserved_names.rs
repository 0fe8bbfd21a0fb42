//! Reserved names in every position (type, module and Cargo feature, field, enum and union variant,
//! method, parameter and builder setter) are renamed with a note, and the output is valid Rust. The
//! snapshot fixture `reserved.yaml` is also compiled with warnings denied
//! (`sdk/src/snapshot_fixtures/reserved_tests.rs`); the name functions' property tests are in
//! `src/names.rs`.

use openapi_sdk_codegen::ir::NoteKind;
use openapi_sdk_codegen::{generate, CrateOptions, Options, Output};
use std::path::Path;

/// Words reserved somewhere: keywords of every edition, names that cannot be raw, prelude and std
/// names, crates generated code names by path, and the client's and builders' own methods.
const WORDS: &[&str] = &[
    "Self",
    "self",
    "crate",
    "super",
    "_",
    "type",
    "fn",
    "gen",
    "async",
    "await",
    "try",
    "dyn",
    "abstract",
    "yield",
    "Option",
    "Result",
    "Vec",
    "String",
    "Box",
    "Some",
    "None",
    "Ok",
    "Err",
    "Default",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "Into",
    "From",
    "ToString",
    "Eq",
    "PartialEq",
    "Hash",
    "Debug",
    "Display",
    "Client",
    "Error",
    "std",
    "core",
    "alloc",
    "serde",
    "serde_json",
    "openapi_sdk_runtime",
    "rt",
    "models",
    "operations",
    "client",
    "send",
    "into_request",
    "with_options",
    "new",
    "clone",
    "runtime",
    "builder",
    "Unknown",
    "unknown",
    "additional_properties",
];

/// A spec with `word` in every position: a schema, a tag, a property, an enum value, an
/// operationId, a query parameter, a server variable's value and a union member's name.
fn spec_with(word: &str) -> String {
    let w = serde_json::to_string(word).unwrap_or_default();
    let reference =
        serde_json::to_string(&format!("#/components/schemas/{word}")).unwrap_or_default();
    let member =
        serde_json::to_string(&format!("#/components/schemas/Pick{word}")).unwrap_or_default();
    let member_name = serde_json::to_string(&format!("Pick{word}")).unwrap_or_default();
    format!(
        r##"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}},
  "servers": [{{"url": "https://{{v}}.example.com", "variables": {{"v": {{"default": "a", "enum": ["a", {w}]}}}}}}],
  "paths": {{"/x": {{"get": {{"operationId": {w}, "tags": [{w}],
    "parameters": [{{"name": {w}, "in": "query", "schema": {{"type": "string"}}}}],
    "responses": {{"200": {{"description": "ok", "content": {{"application/json": {{"schema": {{"$ref": {reference}}}}}}}}}}}}}}}}},
  "components": {{"schemas": {{
    {w}: {{"type": "object", "properties": {{{w}: {{"type": "string"}}, "kind": {{"type": "string", "enum": [{w}, "other"]}}, "pick": {{"$ref": "#/components/schemas/Pick"}}}}}},
    "Pick": {{"oneOf": [{{"$ref": {member}}}, {{"type": "integer"}}]}},
    {member_name}: {{"type": "object", "required": ["on"], "properties": {{"on": {{"type": "boolean"}}}}}}
  }}}}
}}"##
    )
}

#[test]
fn every_reserved_word_in_every_position_generates_valid_rust() {
    for word in WORDS {
        let generated = generate(&spec_with(word), &Options::default())
            .unwrap_or_else(|e| panic!("{word}: {e}\n{}", spec_with(word)));
        for (path, text) in &generated.files {
            if let Err(e) = syn::parse_file(text) {
                panic!("{word}: {path} is not valid Rust: {e}");
            }
        }
        let names: Vec<&str> = generated.files.keys().map(String::as_str).collect();
        for path in &names {
            let stem = Path::new(path)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            assert!(
                ![
                    "std",
                    "core",
                    "alloc",
                    "serde",
                    "serde_json",
                    "self",
                    "crate",
                    "super"
                ]
                .contains(&stem),
                "{word}: module file {path}"
            );
        }
    }
}

fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reserved.yaml");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn each_position_is_renamed_with_a_note() {
    let generated = generate(&fixture(), &Options::default()).unwrap();
    // (pointer, the name the note gives)
    let expected = [
        ("/components/schemas/Self", "`SelfModel`"),
        ("/components/schemas/self", "`SelfModel2`"),
        ("/components/schemas/Option", "`OptionModel`"),
        ("/components/schemas/Client", "`ClientModel`"),
        ("/paths/~1self/get/tags", "`self_`"),
        ("/paths/~1std~1{super}/get/tags", "`std_`"),
        ("/paths/~1send/get/tags", "`serde_json_`"),
        ("/components/schemas/Self/properties/self", "`self_`"),
        ("/components/schemas/Self/properties/Self", "`self_2`"),
        ("/components/schemas/Self/properties/new", "`new2`"),
        ("/components/schemas/Some/enum/0", "`SelfValue`"),
        ("/components/schemas/Some/enum/2", "`Unknown2`"),
        ("/paths/~1self/get", "`self_`"),
        ("/paths/~1std~1{super}/get", "`runtime2`"),
        ("/paths/~1builder/get", "`builder2`"),
        ("/paths/~1self/get/parameters/6", "`into_request2`"),
        ("/paths/~1self/get/parameters/7", "`with_options2`"),
        ("/paths/~1self/get/parameters/8", "`new2`"),
        ("/paths/~1std~1{super}/get/parameters/0", "`super_`"),
    ];
    for (pointer, name) in expected {
        let note = generated
            .diagnostics
            .iter()
            .find(|d| d.pointer == pointer)
            .unwrap_or_else(|| panic!("no note at {pointer}"));
        assert_eq!(note.kind, NoteKind::Renamed, "{note:?}");
        assert!(
            note.message.ends_with(&format!("named {name} instead")),
            "{pointer}: {}",
            note.message
        );
    }
    let all: String = generated.files.values().map(String::as_str).collect();
    for item in [
        "pub struct SelfModel {",
        "pub self_: Option<String>,",
        "pub r#type: Option<String>,",
        "pub r#gen: Option<String>,",
        "SelfValue(ChoiceSelf),",
        "pub fn self_(",
        "pub fn into_request2(mut self",
        "pub fn r#type(",
    ] {
        assert!(all.contains(item), "missing `{item}`");
    }
}

#[test]
fn cargo_features_of_reserved_tags_are_valid() {
    let options = Options {
        output: Output::Crate(CrateOptions {
            name: "reserved-names".to_owned(),
            version: "0.1.0".to_owned(),
            runtime: None,
        }),
        ..Options::default()
    };
    let generated = generate(&fixture(), &options).unwrap();
    let manifest = &generated.files["Cargo.toml"];
    let features: Vec<&str> = manifest
        .split("\n[features]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(name, _)| name))
        .collect();
    for tag in [
        "self_",
        "std_",
        "serde_",
        "type_",
        "crate_",
        "core_",
        "serde_json_",
    ] {
        assert!(features.contains(&tag), "no feature {tag} in {features:?}");
    }
    for feature in &features {
        let valid = feature.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            && feature
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-+.".contains(c));
        assert!(valid, "invalid feature name {feature:?}");
    }
}
