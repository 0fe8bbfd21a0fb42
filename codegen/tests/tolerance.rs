//! Sloppy specs get correct code and a note, not an error: what real documents do that the
//! OpenAPI rules do not allow, and what the generator makes of it.

use datadog_connections_codegen::{generate, Generated, Options};

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
        .map(|d| format!("{}: {}\n", d.pointer, d.message))
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
    use datadog_connections_codegen::ir::NoteKind;
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
