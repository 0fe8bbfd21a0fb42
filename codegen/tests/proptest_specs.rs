//! Property tests: malformed and random specs never panic the generator. Text mutations of the
//! real spec exercise the parser and reference checks; random schema graphs (refs, cycles,
//! composition, awkward names) exercise lowering and emission, which must also be deterministic.

use datadog_connections_codegen::{generate, Error, Options};
use proptest::prelude::*;

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
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_schema_graphs_lower_deterministically(a in schema(3), b in schema(3), c in schema(2)) {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /x/{{id}}:\n    post:\n      operationId: PostX\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n      requestBody:\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/A'}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/B'}}\ncomponents:\n  schemas:\n    A: {a}\n    B: {b}\n    C: {c}\n    type: {{type: string}}\n    AwsId: {{type: string}}\n    AWSId: {{type: integer}}\n"
        );
        let first = generate(&text, &Options::default());
        let second = generate(&text, &Options::default());
        prop_assert_eq!(&first, &second);
        // A `Format` error would mean the generator emitted invalid Rust: a bug, not a bad spec.
        if let Err(e) = first {
            prop_assert!(e.pointer().is_some() && !matches!(e, Error::Format { .. }), "{:?}", e);
        }
    }
}
