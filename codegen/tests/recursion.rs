//! Recursive schemas: every shape generates code that builds (newtypes, boxes, flattened unions,
//! free-form JSON for alias cycles), and what cannot be made finite is an error with a pointer.
//! The snapshot fixture `recursion.yaml` compiles these shapes and round-trips JSON through them
//! (`sdk/src/snapshot_fixtures/recursion_tests.rs`); a property test here draws random recursive
//! schemas and checks the generated items' type graph independently of the generator.

use openapi_sdk_codegen::{generate, Error, Options};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A spec whose one operation returns `Root`, with `schemas` (YAML lines indented for
/// `components/schemas`).
fn spec(schemas: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /r:\n    get:\n      operationId: GetRoot\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Root'}}\ncomponents:\n  schemas:\n{schemas}"
    )
}

/// The generated model files, concatenated, and the notes as `pointer: message`.
fn models(schemas: &str) -> (String, Vec<String>) {
    let generated =
        generate(&spec(schemas), &Options::default()).unwrap_or_else(|e| panic!("{e}\n{schemas}"));
    let text = generated
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("models/"))
        .map(|(_, text)| text.as_str())
        .collect();
    let notes = generated
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    (text, notes)
}

/// `(schemas, lines the models must contain, lines they must not contain, a note that must be given)`.
type Shape = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Option<&'static str>,
);

const SHAPES: &[Shape] = &[
    (
        "    Root: {type: array, items: {$ref: '#/components/schemas/Root'}}\n",
        &["pub struct Root(pub Vec<Root>);", "impl std::ops::Deref for Root {", "impl From<Root> for Vec<Root> {"],
        &["pub type Root"],
        None,
    ),
    (
        "    Root: {type: object, additionalProperties: {$ref: '#/components/schemas/Root'}}\n",
        &["pub struct Root(pub std::collections::BTreeMap<String, Root>);"],
        &["pub type Root"],
        None,
    ),
    (
        "    Root: {type: array, items: {$ref: '#/components/schemas/Other'}}\n    Other: {$ref: '#/components/schemas/Root'}\n",
        &["pub struct Root(pub Vec<Other>);", "pub type Other = Root;"],
        &[],
        None,
    ),
    (
        "    Root: {type: array, items: {$ref: '#/components/schemas/Other'}}\n    Other: {type: array, nullable: true, items: {$ref: '#/components/schemas/Root'}}\n",
        &["pub struct Root(pub Vec<Other>);", "pub struct Other(pub Vec<Root>);"],
        &[],
        None,
    ),
    (
        "    Root: {type: array, items: {nullable: true, allOf: [{$ref: '#/components/schemas/Root'}]}}\n",
        &["pub struct Root(pub Vec<Root>);"],
        &[],
        None,
    ),
    (
        "    Root: {$ref: '#/components/schemas/Other'}\n    Other: {$ref: '#/components/schemas/Root'}\n",
        &["pub type Root = serde_json::Value;"],
        &[],
        Some("/components/schemas/Root: the schemas `Other`, `Root` only refer to each other and describe no value"),
    ),
    (
        "    Root: {oneOf: [{$ref: '#/components/schemas/Root'}, {type: string}]}\n",
        &["String(String),"],
        &["Root(Box<Root>)", "Root(Root)"],
        Some("/components/schemas/Root: the union lists itself as a member"),
    ),
    (
        "    Root: {oneOf: [{$ref: '#/components/schemas/Other'}, {type: string}]}\n    Other: {oneOf: [{$ref: '#/components/schemas/Root'}, {type: boolean}]}\n",
        &["Bool(bool),", "String(String),"],
        &["Other(Box<Other>)", "Other(Other)"],
        Some("/components/schemas/Root: the union includes itself through `Other`"),
    ),
    (
        "    Root: {oneOf: [{$ref: '#/components/schemas/Pair'}, {type: string}]}\n    Pair: {type: object, required: [a], properties: {a: {$ref: '#/components/schemas/Root'}}}\n",
        &["Pair(Box<Pair>),", "pub a: Box<Root>,"],
        &[],
        None,
    ),
    (
        "    Root: {type: object, required: [me], properties: {me: {$ref: '#/components/schemas/Alias'}}}\n    Alias: {$ref: '#/components/schemas/Root'}\n",
        &["pub me: Box<Alias>,", "pub type Alias = Root;"],
        &[],
        None,
    ),
];

#[test]
fn every_recursive_shape_becomes_finite() {
    for (schemas, present, absent, note) in SHAPES {
        let (text, notes) = models(schemas);
        for line in *present {
            assert!(
                text.contains(line),
                "missing `{line}` for\n{schemas}\n{text}"
            );
        }
        for line in *absent {
            assert!(
                !text.contains(line),
                "unexpected `{line}` for\n{schemas}\n{text}"
            );
        }
        if let Some(note) = note {
            assert!(
                notes.iter().any(|n| n.starts_with(note)),
                "no note `{note}` in {notes:#?}"
            );
        }
    }
}

/// `(schemas, pointer, words of the message)` for what is refused.
const REFUSED: &[(&str, &str, &str)] = &[
    (
        "    Root: {$ref: '#/components/schemas/Root'}\n",
        "/components/schemas/Root",
        "refers to itself",
    ),
    (
        "    Root: {allOf: [{$ref: '#/components/schemas/Root'}]}\n",
        "/components/schemas/Root",
        "only a reference to itself",
    ),
];

#[test]
fn what_cannot_be_made_finite_is_an_error_with_a_pointer() {
    for (schemas, pointer, words) in REFUSED {
        match generate(&spec(schemas), &Options::default()) {
            Err(e) => {
                assert_eq!(e.pointer(), Some(*pointer), "{e}");
                assert!(e.to_string().contains(words), "{e}");
                assert!(!matches!(e, Error::Format { .. }), "{e}");
            }
            Ok(_) => panic!("generated:\n{schemas}"),
        }
    }
}

/// The generated items' type graph, read back from the syntax: a type alias may mention no alias
/// of its cycle at any depth, and no type may contain itself without a `Vec`, map or `Box` between.
fn check_items_are_finite(files: &BTreeMap<String, String>) -> Result<(), String> {
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut direct: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("models/")) {
        let file = syn::parse_file(text).map_err(|e| format!("{path}: {e}"))?;
        for item in file.items {
            match item {
                syn::Item::Type(t) => {
                    let mut all = Vec::new();
                    idents(&t.ty, true, &mut all);
                    aliases.insert(t.ident.to_string(), all.clone());
                    let mut near = Vec::new();
                    idents(&t.ty, false, &mut near);
                    direct.insert(t.ident.to_string(), near);
                }
                syn::Item::Struct(s) => {
                    let mut near = Vec::new();
                    s.fields
                        .iter()
                        .for_each(|f| idents(&f.ty, false, &mut near));
                    direct.insert(s.ident.to_string(), near);
                }
                syn::Item::Enum(e) => {
                    let mut near = Vec::new();
                    for v in &e.variants {
                        v.fields
                            .iter()
                            .for_each(|f| idents(&f.ty, false, &mut near));
                    }
                    direct.insert(e.ident.to_string(), near);
                }
                _ => {}
            }
        }
    }
    let alias_names: BTreeSet<String> = aliases.keys().cloned().collect();
    for edges in aliases.values_mut() {
        edges.retain(|t| alias_names.contains(t));
    }
    if let Some(cycle) = find_cycle(&aliases) {
        return Err(format!("type aliases in a cycle: {cycle:?}"));
    }
    if let Some(cycle) = find_cycle(&direct) {
        return Err(format!("types containing each other directly: {cycle:?}"));
    }
    Ok(())
}

/// The single-segment type names in `ty`: all of them (`deep`), or only those not behind a `Vec`,
/// `Box` or `BTreeMap` (`Option` is not an indirection).
fn idents(ty: &syn::Type, deep: bool, out: &mut Vec<String>) {
    let syn::Type::Path(p) = ty else { return };
    let Some(last) = p.path.segments.last() else {
        return;
    };
    let name = last.ident.to_string();
    if p.path.segments.len() == 1 && last.arguments.is_none() {
        out.push(name.clone());
    }
    if !deep && matches!(name.as_str(), "Vec" | "Box" | "BTreeMap") {
        return;
    }
    if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
        for arg in &args.args {
            if let syn::GenericArgument::Type(inner) = arg {
                idents(inner, deep, out);
            }
        }
    }
}

/// Some cycle of `edges`, if there is one (depth-first search with colours).
fn find_cycle(edges: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, Vec<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(1) => return Some(path.clone()),
            Some(_) => return None,
            None => {}
        }
        state.insert(node.to_owned(), 1);
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut state, &mut Vec::new()))
}

#[test]
fn the_independent_check_sees_an_infinite_type() {
    let files = BTreeMap::from([
        ("models/a.rs".to_owned(), "pub type A = Vec<A>;".to_owned()),
        (
            "models/b.rs".to_owned(),
            "pub struct B { b: Option<C> } pub enum C { B(B) }".to_owned(),
        ),
    ]);
    let err = check_items_are_finite(&files).unwrap_err();
    assert!(err.contains("aliases"), "{err}");
    let files = BTreeMap::from([(
        "models/b.rs".to_owned(),
        "pub struct B { b: Option<C> } pub enum C { B(B) }".to_owned(),
    )]);
    assert!(check_items_are_finite(&files).is_err());
}

/// One schema of a random recursive shape, over the names `S0`…`S3`.
fn shape() -> impl Strategy<Value = String> {
    let target = (0..4usize).prop_map(|i| format!("{{$ref: '#/components/schemas/S{i}'}}"));
    prop_oneof![
        target
            .clone()
            .prop_map(|t| format!("{{type: array, items: {t}}}")),
        target
            .clone()
            .prop_map(|t| format!("{{type: object, additionalProperties: {t}}}")),
        target.clone(),
        target.clone().prop_map(|t| format!(
            "{{type: array, nullable: true, items: {{nullable: true, allOf: [{t}]}}}}"
        )),
        (target.clone(), target.clone())
            .prop_map(|(a, b)| format!("{{oneOf: [{a}, {b}, {{type: string}}]}}")),
        (target.clone(), target.clone(), any::<bool>()).prop_map(|(a, b, required)| {
            let required = if required { "required: [a], " } else { "" };
            format!("{{type: object, {required}properties: {{a: {a}, b: {b}}}}}")
        }),
        Just("{type: string}".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_recursive_schemas_generate_finite_types_or_are_refused(shapes in proptest::collection::vec(shape(), 4)) {
        let mut schemas = String::from("    Root: {type: object, properties: {a: {$ref: '#/components/schemas/S0'}, b: {$ref: '#/components/schemas/S1'}, c: {$ref: '#/components/schemas/S2'}, d: {$ref: '#/components/schemas/S3'}}}\n");
        for (i, s) in shapes.iter().enumerate() {
            schemas.push_str(&format!("    S{i}: {s}\n"));
        }
        match generate(&spec(&schemas), &Options::default()) {
            Ok(generated) => {
                if let Err(e) = check_items_are_finite(&generated.files) {
                    prop_assert!(false, "{e}\n{schemas}");
                }
            }
            Err(e) => {
                prop_assert!(e.pointer().is_some_and(|p| p.starts_with("/components/schemas/")), "{e}\n{schemas}");
                // Only a schema that is nothing but a reference to itself is refused: every other
                // shape drawn here can be made finite.
                prop_assert!(e.to_string().contains("itself"), "{e}\n{schemas}");
                prop_assert!(!matches!(e, Error::Format { .. }), "{e}");
            }
        }
    }
}
