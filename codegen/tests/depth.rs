//! The nesting limit: documents nested deeper than 100 collections are refused with a pointer to
//! where the limit was crossed (JSON, YAML flow and block forms, 100,000 deep included), before
//! any parser walks them; deep-but-legitimate documents and Datadog's full spec still load. How
//! long the refusals take is measured by `cargo bench -p openapi-sdk-codegen --bench
//! depth`, not here.

use datadog_connections_replay::shared::shared_path;
use openapi_sdk_codegen::load::load;
use openapi_sdk_codegen::Error;

/// The most collections inside one another a document may have, the root counted.
const LIMIT: usize = 100;

const HEAD_JSON: &str =
    r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": "#;
const HEAD_YAML: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-deep: ";

/// A JSON document whose `x-deep` holds `arrays` arrays inside one another.
fn json_arrays(arrays: usize) -> String {
    format!("{HEAD_JSON}{}{}}}", "[".repeat(arrays), "]".repeat(arrays))
}

/// A YAML document whose `x-deep` holds `arrays` flow sequences inside one another.
fn yaml_flow(arrays: usize) -> String {
    format!("{HEAD_YAML}{}{}\n", "[".repeat(arrays), "]".repeat(arrays))
}

/// A YAML document whose `x-deep` holds `sequences` block sequences inside one another, on one
/// line (`- - - x`).
fn yaml_compact(sequences: usize) -> String {
    format!("{HEAD_YAML}\n  {}x\n", "- ".repeat(sequences))
}

/// A YAML document whose `x-deep` holds `mappings` block mappings inside one another, by
/// indentation (`a:` under `a:` under …).
fn yaml_block(mappings: usize) -> String {
    let mut text = format!("{HEAD_YAML}\n");
    for level in 0..mappings {
        text.push_str(&"  ".repeat(level + 1));
        text.push_str("a:");
        text.push_str(if level + 1 == mappings { " 1\n" } else { "\n" });
    }
    text
}

/// Builds a document nested this many levels inside `x-deep`.
type Maker = fn(usize) -> String;

/// The pointer and location of a depth refusal.
fn refused(text: &str) -> (String, (usize, usize)) {
    match load(text) {
        Err(Error::Parse {
            pointer,
            location: Some(location),
            message,
        }) if message.contains("nested more than 100 levels deep") => (pointer, location),
        Err(other) => panic!("expected a depth refusal, got {other:?}"),
        Ok(_) => panic!("expected a depth refusal, the document loaded"),
    }
}

fn zeros(count: usize) -> String {
    "/0".repeat(count)
}

#[test]
fn one_level_under_the_limit_loads_and_one_over_is_refused() {
    // The root is one collection, so `x-deep` may hold LIMIT - 1 more.
    let makers: [(&str, Maker); 4] = [
        ("json", json_arrays),
        ("yaml flow", yaml_flow),
        ("yaml compact", yaml_compact),
        ("yaml block", yaml_block),
    ];
    for (name, make) in makers {
        if let Err(e) = load(&make(LIMIT - 1)) {
            panic!("{name}: {e}");
        }
        let (pointer, _) = refused(&make(LIMIT));
        // The root and the 99 collections around the one too many, by key or index.
        let expected = if name == "yaml block" {
            format!("/x-deep{}", "/a".repeat(LIMIT - 1))
        } else {
            format!("/x-deep{}", zeros(LIMIT - 1))
        };
        assert_eq!(pointer, expected, "{name}");
    }
}

#[test]
fn a_hundred_thousand_deep_is_refused_where_the_limit_is_crossed() {
    const DEEP: usize = 100_000;
    let json = json_arrays(DEEP);
    assert!(json.len() > 200_000);
    let (pointer, location) = refused(&json);
    assert_eq!(pointer, format!("/x-deep{}", zeros(LIMIT - 1)));
    // The 100th array (the 101st collection) opens at this column of the one line.
    assert_eq!(location, (1, HEAD_JSON.len() + LIMIT));

    for text in [yaml_flow(DEEP), yaml_compact(DEEP)] {
        let (pointer, (line, _)) = refused(&text);
        assert_eq!(pointer, format!("/x-deep{}", zeros(LIMIT - 1)));
        assert!(line == 4 || line == 5, "{line}");
    }
}

#[test]
fn the_pointer_names_keys_and_indices_on_the_way() {
    let mut text = String::from(
        "openapi: 3.0.3\npaths:\n  /a/b:\n    get:\n      x-list:\n        - one\n        - two: ",
    );
    text.push_str(&"{k: ".repeat(LIMIT));
    text.push_str(&"}".repeat(LIMIT));
    text.push('\n');
    let (pointer, (line, _)) = refused(&text);
    // Root, paths, /a/b, get, the list, its item 1: six collections, then ninety-four `{k:`
    // around the one too many.
    assert_eq!(
        pointer,
        format!("/paths/~1a~1b/get/x-list/1/two{}", "/k".repeat(LIMIT - 6))
    );
    assert_eq!(line, 7);
}

#[test]
fn a_json_syntax_error_is_reported_as_one() {
    // Invalid JSON (a bare word), valid YAML: it used to be read as YAML.
    let mut text = json_arrays(LIMIT - 1);
    text.insert_str(HEAD_JSON.len() + 10, "nope, ");
    match load(&text) {
        Err(Error::Parse {
            location: Some((1, _)),
            message,
            ..
        }) => assert!(message.contains("expected ident"), "{message}"),
        other => panic!("expected the JSON error, got {other:?}"),
    }
}

#[test]
fn deep_but_legitimate_specs_load() {
    // An inline schema forty properties deep: 4 + 2 × 40 + 3 = 87 collections.
    let mut schema = String::from("{type: string}");
    for _ in 0..40 {
        schema = format!("{{type: object, properties: {{inner: {schema}}}}}");
    }
    let text = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    Deep: {schema}\n"
    );
    if let Err(e) = load(&text) {
        panic!("{e}");
    }
    // The same schema in JSON.
    let mut schema = String::from(r#"{"type": "string"}"#);
    for _ in 0..40 {
        schema = format!(r#"{{"type": "object", "properties": {{"inner": {schema}}}}}"#);
    }
    let text = format!(
        r#"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}}, "paths": {{}}, "components": {{"schemas": {{"Deep": {schema}}}}}}}"#
    );
    if let Err(e) = load(&text) {
        panic!("{e}");
    }
}

#[test]
fn billion_laughs_yaml_is_still_refused() {
    let mut text = String::from("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 9].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    let err = load(&text).err().map(|e| e.to_string());
    assert!(
        err.as_deref()
            .is_some_and(|e| e.contains("repetition limit exceeded")),
        "{err:?}"
    );
}

#[test]
fn datadogs_full_v2_spec_loads() {
    let Some(path) = shared_path(
        "datadogs_full_v2_spec_loads",
        "specs/datadog-v2-openapi.yaml",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    if let Err(e) = load(&text) {
        panic!("{e}");
    }
}
