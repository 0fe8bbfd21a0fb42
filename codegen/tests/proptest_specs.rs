//! Property tests: malformed and random specs never panic the generator. Text mutations of the
//! real spec exercise the parser and reference checks; random schema graphs (refs, cycles,
//! composition, awkward names) exercise lowering and emission, which must also be deterministic,
//! and give the same code when the same document is written as OpenAPI 3.1 or Swagger 2.0.
//! Random reference shapes (JSON pointers into paths and properties, path items that are
//! references, discriminator mappings by bare name), recursion shapes (arrays, maps, aliases and
//! unions that contain themselves, alias cycles) and reserved names (`Self`, `crate`, `fn`, prelude
//! names…) in every name position each generate or are refused with a pointer.
//!
//! `PROPTEST_CASES` sets every property's case count (`cargo xtask proptest-long` raises it), and
//! with `PROPTEST_SPECS_SAMPLE_DIR` set each drawn document that generates is also written there,
//! named by a hash of its text, for `proptest-long` to compile a sample of them.

use openapi_sdk_codegen::{generate, Error, Generated, Options};
use proptest::prelude::*;
use std::hash::{Hash, Hasher};

/// A property's case count: `PROPTEST_CASES` when set, else `default` (kept small enough that the
/// whole file runs in about the time `cargo test` gave it before the shape properties came).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default_cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default_cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Writes a document that generated into `PROPTEST_SPECS_SAMPLE_DIR`, when it is set, under a name
/// made from a hash of its text (so a document drawn twice is kept once). A write that fails is
/// not the property's concern and is ignored.
fn keep_sample(property: &str, text: &str) {
    let Some(dir) = std::env::var_os("PROPTEST_SPECS_SAMPLE_DIR") else {
        return;
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let path = std::path::Path::new(&dir).join(format!("{property}-{:016x}.yaml", hasher.finish()));
    let _ = std::fs::write(path, text);
}

/// The shape properties' assertion: the document generates the same files twice, or is refused
/// both times with the same typed error, which has a pointer and is not `Format` (a generator bug).
fn generates_or_is_refused(
    property: &str,
    text: &str,
    first: &Result<Generated, Error>,
    second: &Result<Generated, Error>,
) -> Result<(), TestCaseError> {
    match (first, second) {
        (Ok(a), Ok(b)) => {
            prop_assert!(!a.files.is_empty());
            prop_assert!(a.files == b.files, "not deterministic:\n{}", text);
            keep_sample(property, text);
        }
        (Err(a), Err(b)) => {
            prop_assert_eq!(a.to_string(), b.to_string());
            prop_assert!(
                a.pointer().is_some() && !matches!(a, Error::Format { .. }),
                "{:?}\n{}",
                a,
                text
            );
        }
        _ => prop_assert!(false, "not deterministic:\n{}", text),
    }
    Ok(())
}

const SPEC: &str = include_str!("../../spec/datadog-connections.yaml");

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Replace(usize, &'static str),
    Indent(usize, bool),
    Truncate(usize),
}

const REPLACEMENTS: &[&str] = &[
    "",
    "7",
    "[]",
    "{}",
    "null",
    "true",
    "- x",
    "$ref: '#/components/schemas/Nope'",
    "$ref: '#/components/schemas/OrgConnection'",
    "type: [string]",
    "oneOf: [{type: string}, {$ref: '#/components/schemas/OrgConnection'}]",
    "allOf: [{type: integer}]",
    "enum: [1, a, null]",
    "'{'",
    "\"\\u0000\"",
];

fn mutation(lines: usize) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0..lines).prop_map(Mutation::Delete),
        (0..lines).prop_map(Mutation::Duplicate),
        (0..lines, 0..lines).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (0..lines, prop::sample::select(REPLACEMENTS)).prop_map(|(i, r)| Mutation::Replace(i, r)),
        (0..lines, any::<bool>()).prop_map(|(i, d)| Mutation::Indent(i, d)),
        (0..lines).prop_map(Mutation::Truncate),
    ]
}

fn apply(mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = SPEC.lines().map(str::to_owned).collect();
    for m in mutations {
        let n = lines.len();
        if n == 0 {
            break;
        }
        match *m {
            Mutation::Delete(i) => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) => lines.insert(i % n, lines[i % n].clone()),
            Mutation::Swap(a, b) => lines.swap(a % n, b % n),
            Mutation::Replace(i, r) => {
                // Keep the key, replace the value (or the whole line when there is no key).
                let line = &lines[i % n];
                lines[i % n] = match line.split_once(": ") {
                    Some((key, _)) => format!("{key}: {r}"),
                    None => format!("{}{r}", &line[..line.len() - line.trim_start().len()]),
                };
            }
            Mutation::Indent(i, deeper) => {
                let line = &lines[i % n];
                lines[i % n] = if deeper {
                    format!("  {line}")
                } else {
                    line.strip_prefix("  ").unwrap_or(line).to_owned()
                };
            }
            Mutation::Truncate(i) => lines.truncate(i % n),
        }
    }
    lines.join("\n")
}

fn check_no_panic(text: &str) {
    match generate(text, &Options::default()) {
        Ok(g) => assert!(!g.files.is_empty()),
        Err(e) => {
            assert!(!e.to_string().is_empty());
            assert!(
                !matches!(e, Error::Format { .. }),
                "the generator emitted invalid Rust: {e:?}"
            );
            assert!(e.pointer().is_some(), "{e:?}");
        }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn mutated_specs_give_errors_not_panics(mutations in prop::collection::vec(mutation(SPEC.lines().count()), 1..4)) {
        check_no_panic(&apply(&mutations));
    }
}

/// A random schema: a tree of constructs whose leaves refer to other random components by name
/// (so there are dangling refs, self refs and longer cycles).
fn schema(depth: u32) -> BoxedStrategy<String> {
    let names = prop::sample::select(vec!["A", "B", "C", "type", "AwsId", "AWSId", "Missing"]);
    let leaf = prop_oneof![
        Just("{type: string}".to_owned()),
        Just("{type: string, format: uuid}".to_owned()),
        Just("{type: string, format: date-time, nullable: true}".to_owned()),
        Just("{type: integer, format: int32, enum: [1, 2, -3]}".to_owned()),
        Just("{type: string, enum: ['', '1x', '+', '-', unknown, Unknown]}".to_owned()),
        Just("{type: number}".to_owned()),
        Just("{type: boolean}".to_owned()),
        // Written differently in 3.1 (see `Dialect::rewrite`).
        Just("{type: string, enum: [fixed]}".to_owned()),
        Just("{anyOf: [{type: integer}, {type: string}]}".to_owned()),
        Just("{type: object}".to_owned()),
        Just("{}".to_owned()),
        names.prop_map(|n| format!("{{$ref: '#/components/schemas/{n}'}}")),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        let props = prop::collection::vec(
            (
                prop::sample::select(vec![
                    "type",
                    "self",
                    "fooBar",
                    "foo_bar",
                    "id",
                    "additional_properties",
                    "data",
                ]),
                inner.clone(),
            ),
            1..4,
        );
        prop_oneof![
            inner
                .clone()
                .prop_map(|s| format!("{{type: array, items: {s}}}")),
            inner
                .clone()
                .prop_map(|s| format!("{{type: object, additionalProperties: {s}}}")),
            props.clone().prop_map(|ps| {
                let body: Vec<String> = ps.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                let required = ps.first().map(|(k, _)| *k).unwrap_or("id");
                format!(
                    "{{type: object, required: [{required}], properties: {{{}}}}}",
                    body.join(", ")
                )
            }),
            prop::collection::vec(inner.clone(), 1..4)
                .prop_map(|v| format!("{{oneOf: [{}]}}", v.join(", "))),
            prop::collection::vec(inner.clone(), 1..4)
                .prop_map(|v| format!("{{anyOf: [{}]}}", v.join(", "))),
            prop::collection::vec(inner, 1..3)
                .prop_map(|v| format!("{{allOf: [{}]}}", v.join(", "))),
        ]
    })
    .boxed()
}

/// How a random document is written: as OpenAPI 3.0, or the same document as 3.1 or Swagger 2.0.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dialect {
    V30,
    V31,
    V20,
}

impl Dialect {
    /// A schema (written for 3.0 by `schema`) as this dialect writes it.
    fn rewrite(self, schema: &str) -> String {
        match self {
            Dialect::V30 => schema.to_owned(),
            Dialect::V31 => schema
                .replace(
                    "type: string, format: date-time, nullable: true",
                    "type: [string, 'null'], format: date-time",
                )
                .replace("{type: string, enum: [fixed]}", "{const: fixed}")
                .replace(
                    "{anyOf: [{type: integer}, {type: string}]}",
                    "{type: [integer, string]}",
                ),
            Dialect::V20 => schema
                .replace("#/components/schemas/", "#/definitions/")
                .replace("nullable: true", "x-nullable: true"),
        }
    }

    /// The document around the three random schemas.
    fn document(self, a: &str, b: &str, c: &str) -> String {
        let (a, b, c) = (self.rewrite(a), self.rewrite(b), self.rewrite(c));
        let fixed =
            "    type: {type: string}\n    AwsId: {type: string}\n    AWSId: {type: integer}\n";
        match self {
            Dialect::V30 | Dialect::V31 => format!(
                "openapi: {}\ninfo: {{title: t, version: '1'}}\npaths:\n  /x/{{id}}:\n    post:\n      operationId: PostX\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n      requestBody:\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/A'}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/B'}}\ncomponents:\n  schemas:\n    A: {a}\n    B: {b}\n    C: {c}\n{fixed}",
                if self == Dialect::V30 { "3.0.3" } else { "3.1.0" }
            ),
            Dialect::V20 => format!(
                "swagger: '2.0'\ninfo: {{title: t, version: '1'}}\nconsumes: [application/json]\npaths:\n  /x/{{id}}:\n    post:\n      operationId: PostX\n      parameters:\n        - {{name: id, in: path, required: true, type: string}}\n        - {{name: body, in: body, schema: {{$ref: '#/definitions/A'}}}}\n      responses:\n        200: {{description: ok, schema: {{$ref: '#/definitions/B'}}}}\ndefinitions:\n    A: {a}\n    B: {b}\n    C: {c}\n{fixed}"
            ),
        }
    }

    /// A pointer into the 3.0 document as it reads in this dialect's (for the parts that move).
    fn pointer(self, pointer: &str) -> String {
        if self != Dialect::V20 {
            return pointer.to_owned();
        }
        let op = "/paths/~1x~1{id}/post";
        let moved = [
            ("/components/schemas".to_owned(), "/definitions".to_owned()),
            (
                format!("{op}/requestBody/content/application~1json/schema"),
                format!("{op}/parameters/1/schema"),
            ),
            (
                format!("{op}/responses/200/content/application~1json/schema"),
                format!("{op}/responses/200/schema"),
            ),
        ];
        for (from, to) in moved {
            match pointer.strip_prefix(&from) {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                    return format!("{to}{rest}")
                }
                _ => {}
            }
        }
        pointer.to_owned()
    }
}

fn dialect() -> impl Strategy<Value = Dialect> {
    prop_oneof![Just(Dialect::V30), Just(Dialect::V31), Just(Dialect::V20)]
}

proptest! {
    #![proptest_config(config(700))]

    #[test]
    fn random_schema_graphs_lower_deterministically(a in schema(3), b in schema(3), c in schema(2), dialect in dialect()) {
        let first = generate(&Dialect::V30.document(&a, &b, &c), &Options::default());
        // A 3.0 document is generated twice (determinism); otherwise the same document in another
        // dialect must give the same code, and notes and errors at the same places as written.
        let second = generate(&dialect.document(&a, &b, &c), &Options::default());
        match (&first, &second) {
            (Ok(first), Ok(second)) => {
                prop_assert_eq!(&first.files, &second.files);
                keep_sample("graphs", &Dialect::V30.document(&a, &b, &c));
                let mut expected: Vec<(String, String)> = first.diagnostics.iter().map(|d| (dialect.pointer(&d.pointer), d.message.clone())).collect();
                let mut found: Vec<(String, String)> = second.diagnostics.iter().map(|d| (d.pointer.clone(), d.message.clone())).collect();
                if dialect == Dialect::V31 {
                    // A type list becomes an `anyOf`: notes about its members point at the list.
                    expected.iter_mut().chain(found.iter_mut()).for_each(|d| d.0.clear());
                }
                expected.sort();
                found.sort();
                prop_assert_eq!(expected, found);
            }
            (Err(first), Err(second)) => {
                prop_assert_eq!(std::mem::discriminant(first), std::mem::discriminant(second));
                if dialect != Dialect::V31 {
                    let expected = first.pointer().map(|p| dialect.pointer(p));
                    prop_assert_eq!(expected.as_deref(), second.pointer(), "{} / {}", first, second);
                }
            }
            _ => prop_assert!(false, "{:?} vs {:?}", first.as_ref().err(), second.as_ref().err()),
        }
        // A `Format` error would mean the generator emitted invalid Rust: a bug, not a bad spec.
        if let Err(e) = first {
            prop_assert!(e.pointer().is_some() && !matches!(e, Error::Format { .. }), "{:?}", e);
        }
    }
}

/// One parameter of a random location, style, explode and shape (or JSON `content`).
fn parameter(name: &'static str, location: &'static str) -> impl Strategy<Value = String> {
    let style = prop_oneof![
        Just(""),
        Just("form"),
        Just("spaceDelimited"),
        Just("pipeDelimited"),
        Just("deepObject"),
        Just("simple"),
        Just("label"),
        Just("matrix"),
    ];
    let shape = prop_oneof![
        Just("{type: string}"),
        Just("{type: integer, format: int32}"),
        Just("{type: array, items: {type: string}}"),
        Just("{type: array, items: {type: object, properties: {x: {type: string}}}}"),
        Just("{type: object, properties: {a: {type: string}, b: {type: integer}}}"),
        Just("{type: object, additionalProperties: {type: string}}"),
        Just("{oneOf: [{type: string}, {type: integer}]}"),
        Just("{}"),
        Just("{$ref: '#/components/schemas/A'}"),
    ];
    (style, any::<Option<bool>>(), shape, any::<bool>()).prop_map(move |(style, explode, shape, content)| {
        let required = if location == "path" { ", required: true" } else { "" };
        let style = if style.is_empty() { String::new() } else { format!(", style: {style}") };
        let explode = explode.map(|e| format!(", explode: {e}")).unwrap_or_default();
        if content {
            format!("        - {{name: {name}, in: {location}{required}, content: {{application/json: {{schema: {shape}}}}}}}\n")
        } else {
            format!("        - {{name: {name}, in: {location}{required}{style}{explode}, schema: {shape}}}\n")
        }
    })
}

proptest! {
    #![proptest_config(config(400))]

    /// Every parameter style, location and shape either generates or is refused with a pointer: the
    /// generator never panics and never emits invalid Rust, and the same document gives the same code.
    #[test]
    fn random_parameter_styles_generate_or_are_refused(
        path in parameter("id", "path"),
        query in parameter("q", "query"),
        header in parameter("X-H", "header"),
        cookie in parameter("c", "cookie"),
        object in schema(2),
    ) {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /p/{{id}}:\n    get:\n      operationId: GetP\n      parameters:\n{path}{query}{header}{cookie}      responses:\n        '204': {{description: none}}\ncomponents:\n  schemas:\n    A: {object}\n    B: {{type: string}}\n    C: {{type: string}}\n"
        );
        let first = generate(&text, &Options::default());
        let second = generate(&text, &Options::default());
        generates_or_is_refused("parameters", &text, &first, &second)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Reference shapes

/// The document the reference shapes are drawn into: an operation with an inline request and
/// response schema (the targets of deep pointers), a path item without operation ids (the target
/// of path-item references), components to point into, and a union with a discriminator mapping.
fn reference_document(
    a: &str,
    deep: [&str; 3],
    parameter: &str,
    path_item: &str,
    mapping: [&str; 2],
) -> String {
    let [response, property, item] = deep;
    let [map_a, map_b] = mapping;
    format!(
        r#"openapi: 3.0.3
info: {{title: t, version: '1'}}
paths:
  /x/{{id}}:
    parameters:
      - {{name: id, in: path, required: true, schema: {{type: string}}}}
    post:
      operationId: PostX
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                a: {{type: string, enum: [on, off]}}
                b: {{type: array, items: {{type: object, properties: {{n: {{type: integer}}}}}}}}
                c: {{type: object, additionalProperties: {{$ref: '#/components/schemas/A'}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [r]
                properties:
                  r: {{type: string}}
                  s: {{type: array, items: {{type: integer}}}}
                  t: {{$ref: '#/components/schemas/U'}}
  /y/{{id}}:
    get:
      operationId: GetY
      parameters:
        - $ref: '#/paths/~1x~1{{id}}/parameters/0'
        - $ref: '{parameter}'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '{response}'}}
  /w:
    get:
      responses:
        '204': {{description: none}}
  /v:
    put:
      requestBody:
        content:
          application/json:
            schema: {{$ref: '#/paths/~1x~1{{id}}/post/requestBody/content/application~1json/schema/properties/b'}}
      responses:
        '204': {{description: none}}
  /z:
    $ref: '{path_item}'
components:
  parameters:
    Q: {{name: q, in: query, schema: {{$ref: '{item}'}}}}
  schemas:
    A: {a}
    B:
      type: object
      required: [kind]
      properties:
        kind: {{type: string}}
        p: {{$ref: '{property}'}}
        q: {{type: array, items: {{$ref: '{item}'}}}}
    U:
      oneOf: [{{$ref: '#/components/schemas/A'}}, {{$ref: '#/components/schemas/B'}}]
      discriminator:
        propertyName: kind
        mapping: {{a: '{map_a}', b: '{map_b}'}}
"#
    )
}

/// What component `A` is: mostly a fixed shape that a discriminator can select, sometimes a random
/// schema graph.
fn reference_target() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "{type: object, required: [kind], properties: {kind: {type: string}, id: {type: string}}}",
            "{type: object, properties: {kind: {type: string}, next: {$ref: '#/components/schemas/A'}}}",
            "{type: object, properties: {kind: {type: string}, all: {type: array, items: {$ref: '#/components/schemas/B'}}}}",
            "{type: object, properties: {kind: {type: string, enum: [a]}}, additionalProperties: {type: integer}}",
        ])
        .prop_map(str::to_owned),
        1 => schema(2),
    ]
}

/// A choice among `valid` references, and one time in ten among `odd` ones (which name nothing,
/// the wrong kind of object, or themselves).
fn reference(
    valid: &'static [&'static str],
    odd: &'static [&'static str],
) -> impl Strategy<Value = &'static str> {
    prop_oneof![9 => prop::sample::select(valid), 1 => prop::sample::select(odd)]
}

/// JSON pointers to schemas anywhere in [`reference_document`]: into operations' request and
/// response schemas, their properties, items and maps, a parameter's schema, components and
/// union members.
const DEEP_POINTERS: &[&str] = &[
    "#/paths/~1x~1{id}/post/requestBody/content/application~1json/schema",
    "#/paths/~1x~1{id}/post/requestBody/content/application~1json/schema/properties/a",
    "#/paths/~1x~1{id}/post/requestBody/content/application~1json/schema/properties/b/items",
    "#/paths/~1x~1{id}/post/requestBody/content/application~1json/schema/properties/c/additionalProperties",
    "#/paths/~1x~1{id}/post/responses/200/content/application~1json/schema",
    "#/paths/~1x~1{id}/post/responses/200/content/application~1json/schema/properties/s",
    "#/paths/~1x~1{id}/post/responses/200/content/application~1json/schema/properties/t",
    "#/paths/~1x~1{id}/parameters/0/schema",
    "#/components/schemas/A",
    "#/components/schemas/B/properties/kind",
    "#/components/schemas/U/oneOf/1",
];

/// Pointers that name nothing, a non-schema, or a schema that is (or may be) themselves.
const ODD_POINTERS: &[&str] = &[
    "#/components/schemas/A/properties/id",
    "#/components/schemas/A/items",
    "#/components/schemas/B/properties/p",
    "#/components/schemas/B/properties/q/items",
    "#/components/parameters/Q/schema",
    "#/paths/~1nope/get",
    "#/info",
    "#/components/schemas/A/",
    "#/components/schemas/~0weird",
];

/// What the second parameter of `/y/{id}` refers to (the first is another path item's).
const PARAMETER_POINTERS: &[&str] = &["#/components/parameters/Q"];
const ODD_PARAMETER_POINTERS: &[&str] = &[
    "#/paths/~1x~1{id}/post/requestBody",
    "#/paths/~1y~1{id}/get/parameters/1",
    "#/components/parameters/Missing",
];

/// What `/z` refers to: path items without operation ids.
const PATH_ITEM_POINTERS: &[&str] = &["#/paths/~1w", "#/paths/~1v"];
/// One with operation ids (which then repeat), itself, nothing, or a schema.
const ODD_PATH_ITEM_POINTERS: &[&str] = &[
    "#/paths/~1x~1{id}",
    "#/paths/~1z",
    "#/paths/~1nope",
    "#/components/schemas/A",
];

/// Discriminator mapping values: bare names and references.
const MAPPING_VALUES: &[&str] = &["A", "B", "#/components/schemas/A", "#/components/schemas/B"];
/// A missing name, the union itself, a schema that is no member.
const ODD_MAPPING_VALUES: &[&str] = &[
    "Missing",
    "U",
    "#/paths/~1x~1{id}/post/responses/200/content/application~1json/schema",
];

proptest! {
    #![proptest_config(config(250))]

    /// Any local reference a document may hold (deep JSON pointers into paths, properties and
    /// items; parameters and path items by reference; mappings by bare name) generates or is
    /// refused with a pointer, the same way every time.
    #[test]
    fn random_reference_shapes_generate_or_are_refused(
        a in reference_target(),
        response in reference(DEEP_POINTERS, ODD_POINTERS),
        property in reference(DEEP_POINTERS, ODD_POINTERS),
        item in reference(DEEP_POINTERS, ODD_POINTERS),
        parameter in reference(PARAMETER_POINTERS, ODD_PARAMETER_POINTERS),
        path_item in reference(PATH_ITEM_POINTERS, ODD_PATH_ITEM_POINTERS),
        map_a in reference(MAPPING_VALUES, ODD_MAPPING_VALUES),
        map_b in reference(MAPPING_VALUES, ODD_MAPPING_VALUES),
    ) {
        let text = reference_document(&a, [response, property, item], parameter, path_item, [map_a, map_b]);
        let first = generate(&text, &Options::default());
        let second = generate(&text, &Options::default());
        generates_or_is_refused("references", &text, &first, &second)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Recursion shapes

/// A schema that refers to `target` through one construct: an array, a map, an alias, a union, an
/// intersection, or a property (plain, nullable or inside an array).
fn refers_to(target: &'static str) -> impl Strategy<Value = String> {
    let r = format!("{{$ref: '#/components/schemas/{target}'}}");
    prop_oneof![
        Just(format!("{{type: array, items: {r}}}")),
        Just(format!("{{type: array, nullable: true, items: {r}}}")),
        Just(format!("{{type: object, additionalProperties: {r}}}")),
        Just(r.clone()),
        Just(format!("{{oneOf: [{{type: string}}, {r}]}}")),
        Just(format!(
            "{{oneOf: [{{type: array, items: {r}}}, {{type: integer}}]}}"
        )),
        Just(format!(
            "{{anyOf: [{r}, {{type: object, additionalProperties: {r}}}]}}"
        )),
        Just(format!("{{allOf: [{r}]}}")),
        Just(format!("{{type: object, properties: {{next: {r}}}}}")),
        Just(format!(
            "{{type: object, required: [next], properties: {{next: {r}}}}}"
        )),
        Just(format!(
            "{{type: object, properties: {{all: {{type: array, items: {r}}}}}}}"
        )),
    ]
}

fn recursion_document(r: &str, s: &str, t: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /r:\n    post:\n      operationId: PostR\n      requestBody:\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/S'}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/R'}}\n  /t:\n    get:\n      operationId: GetT\n      parameters:\n        - {{name: q, in: query, content: {{application/json: {{schema: {{$ref: '#/components/schemas/T'}}}}}}}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{type: array, items: {{$ref: '#/components/schemas/T'}}}}\ncomponents:\n  schemas:\n    R: {r}\n    S: {s}\n    T: {t}\n"
    )
}

proptest! {
    #![proptest_config(config(200))]

    /// Types that contain themselves (arrays, maps, aliases, unions, alias cycles, mutual
    /// recursion through any of those) generate or are refused with a pointer, deterministically.
    #[test]
    fn random_recursion_shapes_generate_or_are_refused(
        r in prop_oneof![refers_to("R"), refers_to("S")],
        s in prop_oneof![refers_to("R"), refers_to("S"), refers_to("T")],
        t in prop_oneof![refers_to("T"), refers_to("R")],
    ) {
        let text = recursion_document(&r, &s, &t);
        let first = generate(&text, &Options::default());
        let second = generate(&text, &Options::default());
        generates_or_is_refused("recursion", &text, &first, &second)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Reserved names

/// Names Rust reserves, or that a generated crate has in scope: keywords (strict, reserved and
/// weak), `Self`/`self`/`crate`/`super`, prelude and std names, the crate's own item and module
/// names, and names that only differ by case or by a suffix the renamer adds.
const RESERVED: &[&str] = &[
    "Self",
    "self",
    "crate",
    "super",
    "std",
    "core",
    "alloc",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Box",
    "String",
    "Vec",
    "fn",
    "type",
    "impl",
    "async",
    "await",
    "dyn",
    "mod",
    "use",
    "move",
    "try",
    "gen",
    "union",
    "macro_rules",
    "_",
    "r#type",
    "Client",
    "ClientBuilder",
    "Error",
    "API",
    "models",
    "operations",
    "client",
    "default",
    "full",
    "serde",
    "rt",
    "1st",
    "self_",
    "Self_",
    "SELF",
    "Type",
    "TYPE",
];

fn reserved() -> impl Strategy<Value = &'static str> {
    prop::sample::select(RESERVED)
}

/// Three different reserved names (for mapping keys that must not repeat).
fn three_reserved() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(RESERVED, 3).prop_shuffle()
}

/// YAML single-quoted text.
fn q(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// A JSON pointer token (`~` and `/` escaped), single-quoted for YAML.
fn schema_ref(name: &str) -> String {
    q(&format!(
        "#/components/schemas/{}",
        name.replace('~', "~0").replace('/', "~1")
    ))
}

#[allow(clippy::too_many_arguments)]
fn reserved_document(
    schemas: &[&str],
    properties: &[&str],
    values: &[&str],
    tags: [&str; 2],
    operations: [&str; 2],
    parameters: [&str; 3],
    scheme: &str,
    variable: &str,
) -> String {
    let [n1, n2, n3] = [schemas[0], schemas[1], schemas[2]];
    let [f1, f2, f3] = [properties[0], properties[1], properties[2]];
    let enum_values: Vec<String> = values.iter().map(|v| q(v)).collect();
    let [p, query, header] = parameters;
    format!(
        r#"openapi: 3.0.3
info: {{title: t, version: '1'}}
servers:
  - url: 'https://x.example.com/{{{variable}}}'
    variables: {{{var}: {{default: {v0}, enum: [{values}]}}}}
tags: [{{name: {t1}}}, {{name: {t2}}}]
paths:
  '/p/{{{p}}}':
    get:
      operationId: {o1}
      tags: [{t1}]
      security: [{{{s}: []}}]
      parameters:
        - {{name: {pq}, in: path, required: true, schema: {{type: string}}}}
        - {{name: {qq}, in: query, schema: {{$ref: {r2}}}}}
        - {{name: {hq}, in: header, schema: {{type: integer}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: {r1}}}
  /q:
    post:
      operationId: {o2}
      tags: [{t2}]
      requestBody:
        content:
          application/json:
            schema: {{$ref: {r3}}}
      responses:
        '204': {{description: none}}
components:
  securitySchemes:
    {s}: {{type: apiKey, in: header, name: X-Key}}
  schemas:
    {q1}:
      type: object
      required: [{g1}]
      properties:
        {g1}: {{type: string}}
        {g2}: {{$ref: {r1}}}
        {g3}: {{$ref: {r2}}}
    {q2}: {{type: string, enum: [{values}]}}
    {q3}:
      oneOf: [{{$ref: {r1}}}, {{type: array, items: {{$ref: {r2}}}}}, {{type: integer}}]
"#,
        var = q(variable),
        v0 = q(values[0]),
        values = enum_values.join(", "),
        t1 = q(tags[0]),
        t2 = q(tags[1]),
        o1 = q(operations[0]),
        o2 = q(operations[1]),
        s = q(scheme),
        pq = q(p),
        qq = q(query),
        hq = q(header),
        q1 = q(n1),
        q2 = q(n2),
        q3 = q(n3),
        g1 = q(f1),
        g2 = q(f2),
        g3 = q(f3),
        r1 = schema_ref(n1),
        r2 = schema_ref(n2),
        r3 = schema_ref(n3),
    )
}

proptest! {
    #![proptest_config(config(150))]

    /// Reserved names in every position a name takes (schemas, properties, enum values, tags,
    /// operation ids, parameters, a security scheme, a server variable) generate or are refused
    /// with a pointer, deterministically.
    #[test]
    fn reserved_names_in_every_position_generate_or_are_refused(
        schemas in three_reserved(),
        properties in three_reserved(),
        values in three_reserved(),
        tags in (reserved(), reserved()),
        operations in (reserved(), reserved()),
        parameters in (reserved(), reserved(), reserved()),
        scheme in reserved(),
        variable in reserved(),
    ) {
        let text = reserved_document(
            &schemas,
            &properties,
            &values,
            [tags.0, tags.1],
            [operations.0, operations.1],
            [parameters.0, parameters.1, parameters.2],
            scheme,
            variable,
        );
        let first = generate(&text, &Options::default());
        let second = generate(&text, &Options::default());
        generates_or_is_refused("reserved", &text, &first, &second)?;
    }
}
