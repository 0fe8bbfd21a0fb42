//! Sloppy specs get correct code and a note, not an error: what real documents do that the
//! OpenAPI rules do not allow, and what the generator makes of it.

use openapi_sdk_codegen::{generate, Generated, Options};

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

/// One operation returning `#/components/schemas/A`, with `schemas` as the components.
fn with_schemas(schemas: &str) -> Generated {
    let text = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      operationId: GetA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/A'}}\ncomponents:\n  schemas:\n{schemas}"
    );
    generate(&text, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn notes(generated: &Generated) -> String {
    generated
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect()
}

fn models(generated: &Generated) -> String {
    generated
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("models/"))
        .map(|(_, f)| f.as_str())
        .collect()
}

#[test]
fn a_required_property_without_a_schema_is_any_json_value() {
    let generated = with_schemas("    A:\n      type: object\n      required: [id, ghost]\n      properties:\n        id: {type: string}\n");
    let code = models(&generated);
    assert!(code.contains("pub id: String,"), "{code}");
    assert!(code.contains("pub ghost: serde_json::Value,"), "{code}");
    assert!(
        code.contains("ghost(required) = \"ghost\""),
        "still required when decoding: {code}"
    );
    assert!(
        notes(&generated)
            .contains("/components/schemas/A/required/1: required property `ghost` has no schema"),
        "{}",
        notes(&generated)
    );
}

#[test]
fn keywords_that_do_not_fit_the_type_keep_the_declared_type() {
    let generated = with_schemas(
        "    A:\n      type: object\n      properties:\n        flag: {type: boolean, maxLength: 255}\n        tag: {type: string, uniqueItems: true}\n        list: {type: array, maxLength: 3, items: {type: integer, format: int32}}\n        kind: {type: string, minItems: 1, enum: [one, two]}\n",
    );
    let code = models(&generated);
    assert!(code.contains("pub flag: Option<bool>,"), "{code}");
    assert!(code.contains("pub tag: Option<String>,"), "{code}");
    assert!(code.contains("pub list: Option<Vec<i32>>,"), "{code}");
    assert!(
        code.contains("pub enum AKind") && code.contains("One,") && code.contains("Two,"),
        "{code}"
    );
    let text = notes(&generated);
    for field in ["flag", "tag", "list", "kind"] {
        assert!(
            text.contains(&format!(
                "/components/schemas/A/properties/{field}: keywords that do not fit"
            )),
            "{field}: {text}"
        );
    }
}

#[test]
fn all_of_members_that_are_not_objects() {
    // An object with a member that adds no properties: the struct, and a note.
    let generated = with_schemas(
        "    A:\n      allOf:\n        - {type: object, properties: {a: {type: string}}}\n        - oneOf: [{type: string}, {type: integer}]\n",
    );
    assert!(
        models(&generated).contains("pub a: Option<String>,"),
        "{}",
        models(&generated)
    );
    assert!(
        notes(&generated)
            .contains("/components/schemas/A/allOf/1: allOf member that is not an object"),
        "{}",
        notes(&generated)
    );

    // Only scalars: the first typed member.
    let generated = with_schemas("    A:\n      allOf: [{$ref: '#/components/schemas/Id'}, {maxLength: 5}]\n    Id: {type: string, format: uuid}\n");
    assert!(
        models(&generated).contains("pub type A = Id;"),
        "{}",
        models(&generated)
    );
    let generated = with_schemas("    A:\n      allOf: [{type: string}, {type: integer}]\n");
    assert!(
        models(&generated).contains("pub type A = String;"),
        "{}",
        models(&generated)
    );
    assert!(
        notes(&generated).contains("typed as the first"),
        "{}",
        notes(&generated)
    );
}

#[test]
fn enum_slips_are_notes() {
    let generated = with_schemas(
        "    A:\n      type: object\n      properties:\n        country: {type: string, enum: [UK, United Kingdom, United Kingdom], default: Wales}\n        new: {type: string}\n",
    );
    let code = models(&generated);
    assert!(
        code.contains("UnitedKingdom,") && !code.contains("UnitedKingdom2"),
        "{code}"
    );
    assert!(
        !code.contains("#[default]"),
        "a default that is no value is dropped: {code}"
    );
    assert!(
        code.contains("pub new2: Option<String>,") && code.contains("new2(optional) = \"new\""),
        "`new` is the constructor: {code}"
    );
    let text = notes(&generated);
    assert!(
        text.contains("/components/schemas/A/properties/country/enum/2: duplicate enum value"),
        "{text}"
    );
    assert!(text.contains("/components/schemas/A/properties/country/default: default \"Wales\" is not one of the enum values"), "{text}");
}

#[test]
fn notes_say_their_kind() {
    use openapi_sdk_codegen::ir::NoteKind;
    let generated = with_schemas(
        "    A:\n      type: object\n      required: [ghost]\n      properties:\n        Name: {type: string}\n        name: {type: string}\n    Unused: {type: string}\n",
    );
    let kinds: Vec<NoteKind> = generated.diagnostics.iter().map(|d| d.kind).collect();
    for kind in [NoteKind::Tolerated, NoteKind::Renamed, NoteKind::Skipped] {
        assert!(
            kinds.contains(&kind),
            "{kind:?} in {:?}",
            generated.diagnostics
        );
    }
    assert_eq!(NoteKind::Tolerated.label(), "tolerated");
}

/// The generated operations of `spec`, with `config` (YAML) as the generator configuration.
fn generate_with(spec: &str, config: &str) -> Generated {
    let options = Options {
        config: openapi_sdk_codegen::Config::parse(config).unwrap_or_else(|e| panic!("{e}")),
        ..Options::default()
    };
    generate(spec, &options).unwrap_or_else(|e| panic!("{e}"))
}

fn operations(generated: &Generated) -> String {
    generated
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("operations/"))
        .map(|(_, f)| f.as_str())
        .collect()
}

/// Code without whitespace or trailing commas, so a statement matches however it is wrapped.
fn squeezed(code: &str) -> String {
    let mut out: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    for (from, to) in [(",)", ")"), (",]", "]")] {
        out = out.replace(from, to);
    }
    out
}

/// How many times `statement` is in `code`, however either is wrapped.
fn count(code: &str, statement: &str) -> usize {
    squeezed(code).matches(&squeezed(statement)).count()
}

/// Two operations with a `deepObject` array `expand` and a `deepObject` object `filter`.
fn deep_object_spec() -> String {
    let op = |id: &str| {
        format!("    get:\n      operationId: {id}\n      parameters:\n        - {{name: expand, in: query, style: deepObject, schema: {{type: array, items: {{type: string}}}}}}\n        - {{name: filter, in: query, style: deepObject, schema: {{type: object, properties: {{tags: {{type: array, items: {{type: string}}}}}}}}}}\n      responses:\n        '204': {{description: ok}}\n")
    };
    format!(
        "{HEAD}paths:\n  /charges:\n{}  /customers:\n{}",
        op("ListCharges"),
        op("ListCustomers")
    )
}

#[test]
fn deep_object_arrays_are_indexed_by_default() {
    let generated = generate_with(&deep_object_spec(), "");
    let ops = operations(&generated);
    assert_eq!(
        count(
            &ops,
            "request.query_deep_object(\"expand\", self.expand.as_ref(), rt::DeepArrays::Indexed)?;"
        ),
        2,
        "{ops}"
    );
    // An object keeps the plain style, whose arrays repeat their key.
    assert!(
        count(&ops, "request.query_param(\"filter\", self.filter.as_ref(), rt::QueryStyle::DeepObject, false)?;") == 2,
        "{ops}"
    );
    assert!(
        count(
            &ops,
            "pub fn expand(mut self, expand: impl IntoIterator<Item = impl Into<String>>) -> Self"
        ) > 0,
        "{ops}"
    );
    let text = notes(&generated);
    assert!(
        text.contains("/paths/~1charges/get/parameters/0/style: style deepObject for an array, which OpenAPI leaves undefined: its items are sent under their indexes (`name[0]=a&name[1]=b`)"),
        "{text}"
    );
}

#[test]
fn the_configuration_chooses_how_deep_object_arrays_are_sent() {
    let generated = generate_with(
        &deep_object_spec(),
        "deep_object_arrays:\n  default: brackets\n  parameters: { filter: indexed, ghost: brackets }\n  operations:\n    ListCustomers: { expand: repeated }\n    Gone: { expand: indexed }\n",
    );
    let ops = operations(&generated);
    // ListCharges takes the default, ListCustomers its own entry; `filter` its name's, in both.
    for (call, times) in [
        ("request.query_deep_object(\"expand\", self.expand.as_ref(), rt::DeepArrays::Brackets)?;", 1),
        ("request.query_deep_object(\"expand\", self.expand.as_ref(), rt::DeepArrays::Repeated)?;", 1),
        ("request.query_deep_object(\"filter\", self.filter.as_ref(), rt::DeepArrays::Indexed)?;", 2),
    ] {
        assert_eq!(count(&ops, call), times, "{call} in\n{ops}");
    }
    assert!(!ops.contains("rt::QueryStyle::DeepObject"), "{ops}");
    let text = notes(&generated);
    assert!(
        text.contains("config:/deep_object_arrays/operations/Gone/expand: the configuration sets how `expand` of `Gone` sends arrays, but names no deepObject parameter"),
        "{text}"
    );
    assert!(
        text.contains("config:/deep_object_arrays/parameters/ghost: the configuration sets how `ghost` sends arrays, but names no deepObject parameter"),
        "{text}"
    );
    assert_eq!(
        text.matches("config:/deep_object_arrays/").count(),
        2,
        "the entries in use have no note: {text}"
    );
    let err = openapi_sdk_codegen::Config::parse("deep_object_arrays: { default: commas }\n")
        .unwrap_err();
    assert!(
        err.to_string().contains("/deep_object_arrays/default"),
        "{err}"
    );
}

#[test]
fn a_path_name_no_parameter_defines_is_a_required_string() {
    let spec = format!("{HEAD}paths:\n  /orgs/{{org}}/teams/{{team-id}}:\n    get:\n      operationId: GetTeam\n      parameters:\n        - {{name: org, in: path, required: true, schema: {{type: integer}}}}\n      responses:\n        '204': {{description: ok}}\n");
    let generated = generate_with(&spec, "");
    let ops = operations(&generated);
    assert!(
        count(
            &ops,
            "pub fn get_team(&self, org: i64, team_id: impl std::fmt::Display) -> GetTeamRequest"
        ) == 1,
        "{ops}"
    );
    assert!(
        count(&ops, "&rt::encode_path_segment(&self.team_id)") > 0,
        "filled in, percent-encoded: {ops}"
    );
    assert!(
        notes(&generated).contains("/paths/~1orgs~1{org}~1teams~1{team-id}/get: the path `/orgs/{org}/teams/{team-id}` names `{team-id}`, which no path parameter defines: it is a required string parameter `team_id`"),
        "{}",
        notes(&generated)
    );
}

#[test]
fn a_parameter_of_any_media_type_is_text() {
    let spec = format!("{HEAD}paths:\n  /x:\n    get:\n      operationId: X\n      parameters:\n        - {{name: q, in: query, content: {{'*/*': {{schema: {{type: string}}}}}}}}\n        - {{name: X-Trace, in: header, content: {{'*/*': {{schema: {{type: integer}}}}}}}}\n      responses:\n        '204': {{description: ok}}\n");
    let generated = generate_with(&spec, "");
    let ops = operations(&generated);
    assert!(
        count(&ops, "request.query(\"q\", self.q.as_ref());") > 0,
        "{ops}"
    );
    assert!(
        count(&ops, "request.header(\"X-Trace\", self.x_trace.as_ref())?;") > 0,
        "{ops}"
    );
    let text = notes(&generated);
    for i in 0..2 {
        assert!(
            text.contains(&format!("/paths/~1x/get/parameters/{i}/content/*~1*: a parameter encoded as */* (any media type) is sent as text")),
            "{text}"
        );
    }
}

#[test]
fn a_request_body_without_a_media_type_is_bytes() {
    // Optional, then required (a positional argument).
    for (body, method, statement) in [
        (
            "{content: {}}",
            "pub fn body(mut self, value: impl Into<rt::UploadBody>) -> Self",
            "request.upload_body(\"application/octet-stream\", body);",
        ),
        (
            "{required: true, description: The file.}",
            "pub fn upload(&self, body: impl Into<rt::UploadBody>) -> UploadRequest",
            "request.upload_body(\"application/octet-stream\", self.body);",
        ),
    ] {
        let spec = format!("{HEAD}paths:\n  /upload:\n    post:\n      operationId: Upload\n      requestBody: {body}\n      responses:\n        '204': {{description: ok}}\n");
        let generated = generate_with(&spec, "");
        let ops = operations(&generated);
        assert!(
            count(&ops, method) == 1 && count(&ops, statement) == 1,
            "{body}: {ops}"
        );
        assert!(
            notes(&generated).contains("/paths/~1upload/post/requestBody: the request body has no media type: the operation takes raw bytes, sent as application/octet-stream"),
            "{}",
            notes(&generated)
        );
    }
}

#[test]
fn scalars_where_text_is_meant_are_text() {
    let spec = "openapi: 3.0.3\ninfo: {title: 2024, version: 1.0, description: 42}\nservers: [{url: 'https://api.example.com', description: 7}]\ntags: [{name: 2024, description: true}]\npaths:\n  /x:\n    get:\n      operationId: 7\n      tags: [2024]\n      summary: 12\n      parameters:\n        - {name: level, in: query, description: 3, schema: {type: string, enum: [1, 2, high]}}\n      responses:\n        '200':\n          description: 200\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n    A: {type: object, title: 5, properties: {on: {type: boolean, description: false}}}\n";
    let generated = generate_with(spec, "");
    let ops = operations(&generated);
    let models = models(&generated);

    assert!(
        generated.files.contains_key("operations/n2024.rs"),
        "the tag is a module: {:?}",
        generated.files.keys().collect::<Vec<_>>()
    );
    assert!(
        count(&ops, "/// `GET /x` (operation `7`).") == 1,
        "the operation is named by its id: {ops}"
    );
    assert!(
        count(
            &models,
            "string_enum!(N7Level { V1 = \"1\", V2 = \"2\", High = \"high\" });"
        ) == 1,
        "the enum's values are text: {models}"
    );
    let text = notes(&generated);
    for (pointer, value) in [
        (
            "/info/title",
            "a number where text is meant: read as the text \"2024\"",
        ),
        (
            "/info/version",
            "a number where text is meant: read as the text \"1.0\"",
        ),
        ("/tags/0/name", "\"2024\""),
        (
            "/tags/0/description",
            "a boolean where text is meant: read as the text \"true\"",
        ),
        ("/paths/~1x/get/operationId", "\"7\""),
        ("/paths/~1x/get/tags/0", "\"2024\""),
        ("/paths/~1x/get/parameters/0/schema/enum/0", "\"1\""),
        ("/paths/~1x/get/responses/200/description", "\"200\""),
        (
            "/components/schemas/A/properties/on/description",
            "\"false\"",
        ),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{pointer}: ")) && l.contains(value)),
            "{pointer} {value} in\n{text}"
        );
    }
}

#[test]
fn a_path_item_that_is_not_an_object_is_skipped() {
    let spec = format!("{HEAD}paths:\n  /old: see /new\n  /new:\n    get:\n      operationId: GetNew\n      responses:\n        '204': {{description: ok}}\n");
    let generated = generate_with(&spec, "");
    assert!(operations(&generated).contains("pub fn get_new("));
    assert!(
        notes(&generated).contains(
            "/paths/~1old: the path item is a string, not an object: the path is skipped"
        ),
        "{}",
        notes(&generated)
    );
    // In a 2.0 document too, pointing at the path as written.
    let swagger = "swagger: '2.0'\ninfo: {title: T, version: 3}\npaths:\n  /old: 12\n  /new:\n    get:\n      operationId: GetNew\n      responses:\n        '204': {description: ok}\n";
    let generated = generate_with(swagger, "");
    let text = notes(&generated);
    assert!(
        text.contains("/paths/~1old: the path item is a number"),
        "{text}"
    );
    assert!(
        text.contains("/info/version: a number where text is meant"),
        "{text}"
    );
}
