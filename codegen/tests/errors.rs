//! Bad specs give a typed error naming the JSON pointer and the reason, never a panic.

use openapi_sdk_codegen::{generate, Error, Options};

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

/// `(spec body after the header, expected pointer, expected words in the message)`.
const CASES: &[(&str, &str, &str)] = &[
    (
        "paths:\n  /x:\n    get:\n      operationId: X\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\n",
        "/paths/~1x/get/responses/200/content/application~1json/schema",
        "no schema named `Missing`",
    ),
    (
        "paths:\n  /x:\n    get:\n      operationId: X\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '200': {description: ok}\n",
        "/paths/~1x/get/parameters/0/name",
        "does not appear in the path",
    ),
    (
        "paths:\n  /x:\n    get:\n      operationId: X\n      parameters:\n        - $ref: '#/components/parameters/Nope'\n      responses:\n        '200': {description: ok}\n",
        "/paths/~1x/get/parameters/0",
        "no parameters named `Nope`",
    ),
    (
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/A'}\n",
        "/components/schemas/A",
        "refers to itself",
    ),
    (
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'other.yaml#/A'}\n",
        "/components/schemas/A",
        "local reference",
    ),
    (
        "paths:\n  /x:\n    get:\n      operationId: X\n      responses: 7\n",
        "/paths/~1x/get/responses",
        "invalid type",
    ),
    (
        "paths:\n  /x:\n    get:\n      operationId: X\n      responses:\n        '200': {description: ok}\n  /y:\n    get:\n      operationId: X\n      responses:\n        '200': {description: ok}\n",
        "/paths/~1y/get/operationId",
        "also used at `/paths/~1x/get`",
    ),
];

#[test]
fn malformed_specs_give_pointed_errors() {
    for (body, pointer, words) in CASES {
        let err = generate(&format!("{HEAD}{body}"), &Options::default()).expect_err(body);
        assert_eq!(err.pointer(), Some(*pointer), "{err}\n{body}");
        assert!(
            err.to_string().contains(words),
            "{err:?} should mention {words:?}"
        );
    }
}

#[test]
fn unsupported_constructs_are_errors_not_panics() {
    let xml = "paths:\n  /x:\n    get:\n      operationId: X\n      parameters:\n        - {name: c, in: query, content: {application/xml: {schema: {type: object}}}}\n      responses:\n        '200': {description: ok}\n";
    let err = generate(&format!("{HEAD}{xml}"), &Options::default()).unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    assert_eq!(
        err.pointer(),
        Some("/paths/~1x/get/parameters/0/content/application~1xml")
    );
}

#[test]
fn invalid_runtime_or_crate_path_is_an_error() {
    let options = Options {
        runtime: "not a path".into(),
        ..Options::default()
    };
    assert!(matches!(
        generate(&format!("{HEAD}paths: {{}}\n"), &options),
        Err(Error::Invalid { .. })
    ));
    let options = Options {
        crate_path: "my-crate".into(),
        ..Options::default()
    };
    assert!(matches!(
        generate(&format!("{HEAD}paths: {{}}\n"), &options),
        Err(Error::Invalid { reason, .. }) if reason.contains("crate path")
    ));
}

/// Lowers (and every tenth time fully generates) a mutated spec; `true` when it was refused.
fn refused(text: &str, full: bool) -> bool {
    if full {
        return generate(text, &Options::default()).is_err();
    }
    match openapi_sdk_codegen::load::load(text) {
        Ok(loaded) => openapi_sdk_codegen::lower::lower(&loaded.spec, &Default::default()).is_err(),
        Err(_) => true,
    }
}

/// Every one-line deletion and some truncations of the real spec either generate or error; the
/// sweep is bounded by the spec's length. (Deleting a response's status line once made a
/// dependency's `expect` fire: `load` now guards against that.)
#[test]
fn mutated_specs_never_panic() {
    let spec = include_str!("../../spec/datadog-connections.yaml");
    let lines: Vec<&str> = spec.lines().collect();
    let mut errors = 0;
    for i in 0..lines.len() {
        let mut mutated = lines.clone();
        mutated.remove(i);
        if refused(&mutated.join("\n"), i % 10 == 0) {
            errors += 1;
        }
        if i % 13 == 0 && refused(&lines[..i].join("\n"), false) {
            errors += 1;
        }
    }
    // Sanity: the sweep reached the validation code (many mutations break the spec).
    assert!(
        errors > lines.len() / 20,
        "only {errors} of {} mutations failed",
        lines.len()
    );
}

/// An `allOf` that merges its own component inside itself would expand forever: an error, not a
/// stack overflow. (Found by the property test.) With only an annotation beside the reference, it
/// is just the reference.
#[test]
fn self_merging_all_of_is_an_error_and_annotations_are_ignored() {
    let op = "paths:\n  /x:\n    get:\n      operationId: X\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/A'}\n";
    let looping = format!("{HEAD}{op}components:\n  schemas:\n    A: {{type: object, properties: {{data: {{allOf: [{{$ref: '#/components/schemas/A'}}, {{properties: {{x: {{type: string}}}}}}]}}}}}}\n");
    let err = generate(&looping, &Options::default()).unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    assert_eq!(
        err.pointer(),
        Some("/components/schemas/A/properties/data/properties/data")
    );
    let annotated = format!("{HEAD}{op}components:\n  schemas:\n    A: {{type: object, properties: {{data: {{allOf: [{{$ref: '#/components/schemas/A'}}, {{description: d}}]}}}}}}\n");
    let generated = generate(&annotated, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let model = generated
        .files
        .values()
        .find(|f| f.contains("pub struct A "))
        .expect("A is generated");
    assert!(model.contains("pub data: Option<Box<A>>"), "{model}");
}

/// A component whose `allOf` lists itself many times is merged once (this used to expand
/// exponentially), leaving the other members' properties.
#[test]
fn self_listing_all_of_terminates() {
    let op = "paths:\n  /x:\n    get:\n      operationId: X\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/A'}\n";
    let a = "{$ref: '#/components/schemas/A'}";
    let text = format!("{HEAD}{op}components:\n  schemas:\n    A: {{allOf: [{a}, {a}, {a}, {a}, {{properties: {{x: {{type: string}}}}}}]}}\n");
    let generated = generate(&text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let model = generated
        .files
        .values()
        .find(|f| f.contains("pub struct A "))
        .expect("A is generated");
    assert!(model.contains("pub x: Option<String>"), "{model}");
}
