//! Parameters and bodies the generator cannot encode are errors at generation time, each naming
//! the JSON pointer of the construct (never Rust that fails to compile); what it decides on its own
//! (names for operations without an id, ignored headers) is a note.

use openapi_sdk_codegen::{generate, Error, Options};

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

/// An operation `GET /x/{id}` with these parameters (YAML flow items, one per line).
fn with_params(params: &[&str]) -> String {
    let params: String = params.iter().map(|p| format!("        - {p}\n")).collect();
    format!("{HEAD}paths:\n  /x/{{id}}:\n    get:\n      operationId: X\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n{params}      responses:\n        '204': {{description: ok}}\n")
}

const P: &str = "/paths/~1x~1{id}/get/parameters/1";

#[test]
fn styles_that_do_not_fit_the_type_are_errors_with_pointers() {
    let cases: &[(&str, String, &str)] = &[
        (
            "{name: f, in: query, style: deepObject, explode: true, schema: {type: string}}",
            format!("{P}/style"),
            "deepObject for a scalar",
        ),
        (
            "{name: f, in: query, style: spaceDelimited, schema: {type: integer}}",
            format!("{P}/style"),
            "spaceDelimited for a scalar",
        ),
        (
            "{name: f, in: query, style: pipeDelimited, schema: {type: string, enum: [a, b]}}",
            format!("{P}/style"),
            "pipeDelimited for a scalar",
        ),
        (
            "{name: f, in: query, content: {application/xml: {schema: {type: object}}}}",
            format!("{P}/content/application~1xml"),
            "encoded as application/xml",
        ),
        (
            "{name: f, in: query, content: {application/json: {schema: {type: object}}, text/plain: {schema: {type: string}}}}",
            format!("{P}/content"),
            "exactly one media type",
        ),
        (
            "{name: f, in: query, content: {application/json: {}}}",
            format!("{P}/content/application~1json/schema"),
            "needs a schema",
        ),
        (
            "{name: f, in: cookie, content: {application/json: {schema: {type: object}}}}",
            format!("{P}/content/application~1json"),
            "cookie parameter described by JSON",
        ),
    ];
    for (param, pointer, words) in cases {
        let spec = with_params(&[param]);
        let err = generate(&spec, &Options::default()).expect_err(param);
        assert_eq!(err.pointer(), Some(pointer.as_str()), "{err}\n{param}");
        assert!(
            err.to_string().contains(words),
            "{err} should say {words:?}"
        );
    }
    let path_json = format!("{HEAD}paths:\n  /x/{{id}}:\n    get:\n      operationId: X\n      parameters:\n        - {{name: id, in: path, required: true, content: {{application/json: {{schema: {{type: object}}}}}}}}\n      responses:\n        '204': {{description: ok}}\n");
    let err = generate(&path_json, &Options::default()).unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    assert_eq!(
        err.pointer(),
        Some("/paths/~1x~1{id}/get/parameters/0/content/application~1json")
    );
}

/// A style the location does not have is refused when the document is read.
#[test]
fn styles_of_another_location_are_errors_with_pointers() {
    for param in [
        "{name: f, in: query, style: label, schema: {type: string}}",
        "{name: f, in: header, style: form, schema: {type: string}}",
        "{name: f, in: cookie, style: simple, schema: {type: string}}",
    ] {
        let err = generate(&with_params(&[param]), &Options::default()).expect_err(param);
        let pointer = err.pointer().unwrap_or_default();
        assert!(pointer.starts_with(P), "{err}: {pointer}");
    }
}

/// The same styles on objects, unions, maps and free-form values, and every style of path and
/// cookie parameters, generate.
#[test]
fn styles_that_fit_generate() {
    let spec = with_params(&[
        "{name: a, in: query, style: deepObject, schema: {type: object, properties: {x: {type: integer}}}}",
        "{name: b, in: query, style: deepObject, schema: {}}",
        "{name: c, in: query, style: pipeDelimited, schema: {type: object, additionalProperties: {type: integer}}}",
        "{name: d, in: query, style: spaceDelimited, schema: {oneOf: [{type: string}, {type: array, items: {type: string}}]}}",
        "{name: e, in: cookie, schema: {type: object, properties: {x: {type: string}}}}",
        "{name: f, in: header, schema: {type: object, additionalProperties: true}}",
    ]);
    let generated = generate(&spec, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let ops = generated
        .files
        .iter()
        .find(|(path, _)| path.starts_with("operations/untagged"))
        .map(|(_, text)| text.as_str())
        .unwrap_or_default();
    for call in [
        "request.query_param(\"a\", self.a.as_ref(), rt::QueryStyle::DeepObject, false)?;",
        "request.query_param(\"b\", self.b.as_ref(), rt::QueryStyle::DeepObject, false)?;",
        "request.cookie_param(\"e\", self.e.as_ref(), true)?;",
        "request.header_param(\"f\", self.f.as_ref(), false)?;",
    ] {
        assert!(ops.contains(call), "{call} in\n{ops}");
    }
}

#[test]
fn decisions_are_notes() {
    let spec = format!("{HEAD}paths:\n  /users/{{id}}/posts:\n    get:\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n        - {{name: q, in: query, allowReserved: true, schema: {{type: string}}}}\n        - {{name: Content-Type, in: header, schema: {{type: string}}}}\n      responses:\n        '204': {{description: ok}}\n  /x:\n    get:\n      operationId: get_users_id_posts\n      responses:\n        '204': {{description: ok}}\n");
    let generated = generate(&spec, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let notes: Vec<String> = generated
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    let has = |pointer: &str, words: &str| {
        assert!(
            notes
                .iter()
                .any(|n| n.starts_with(&format!("{pointer}: ")) && n.contains(words)),
            "{pointer} {words:?} in {notes:#?}"
        )
    };
    // The made-up name avoids the id another operation has.
    has(
        "/paths/~1users~1{id}~1posts/get",
        "named `get_users_id_posts_2` after its method and path",
    );
    has(
        "/paths/~1users~1{id}~1posts/get/parameters/1/allowReserved",
        "percent-encoded",
    );
    has(
        "/paths/~1users~1{id}~1posts/get/parameters/2/name",
        "`Content-Type` is ignored",
    );
    let ops = generated
        .files
        .iter()
        .find(|(path, _)| path.starts_with("operations/untagged"))
        .map(|(_, text)| text.as_str())
        .unwrap_or_default();
    assert!(ops.contains("pub fn get_users_id_posts_2("), "{ops}");
    assert!(ops.contains("pub struct GetUsersIdPosts2Request"), "{ops}");
    assert!(!ops.contains("Content-Type\""), "{ops}");
}

/// Form and multipart bodies whose schema is not an object still generate: a form is any
/// serializable value (an error when sent if it is not an object), a multipart body is built by
/// hand.
#[test]
fn form_bodies_without_objects_generate() {
    let spec = format!("{HEAD}paths:\n  /x:\n    post:\n      operationId: X\n      requestBody:\n        content:\n          multipart/form-data:\n            schema: {{type: string}}\n      responses:\n        '204': {{description: ok}}\n");
    let generated = generate(&spec, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let ops = generated
        .files
        .iter()
        .find(|(path, _)| path.starts_with("operations/untagged"))
        .map(|(_, text)| text.as_str())
        .unwrap_or_default();
    assert!(
        ops.contains("pub fn body(mut self, value: rt::Multipart) -> Self"),
        "{ops}"
    );
}
