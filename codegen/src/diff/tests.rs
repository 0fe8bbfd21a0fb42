//! The spec diff on small inline documents: one edit per case, and the exact list of changes (kind,
//! location, severity, Preview) it must produce. Then a guard that the signatures the diff reasons
//! about are the ones the emitters write.

use super::surface;
use super::*;
use crate::ir::{TypeKind, TypeRef};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use ChangeKind as K;
use Severity::{Breaking, Minor, Patch};

/// A small API: a `Things` tag with a GET (path id, optional query filter, 200 and 404) and a POST
/// (required JSON body, 201), a struct with required, optional and enum fields, a string enum, and
/// a request model with a nullable field.
fn base() -> Value {
    json!({
        "openapi": "3.0.0",
        "info": {"title": "Things", "version": "1"},
        "paths": {
            "/things/{thing_id}": {
                "get": {
                    "operationId": "GetThing",
                    "tags": ["Things"],
                    "parameters": [
                        {"name": "thing_id", "in": "path", "required": true, "schema": {"type": "string"}},
                        {"name": "filter", "in": "query", "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                        "404": {"description": "Not Found"}
                    }
                }
            },
            "/things": {
                "post": {
                    "operationId": "CreateThing",
                    "tags": ["Things"],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingCreate"}}}},
                    "responses": {
                        "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
                    }
                }
            }
        },
        "components": {"schemas": {
            "Thing": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"$ref": "#/components/schemas/ThingKind"},
                    "note": {"type": "string"},
                    "size": {"type": "integer", "format": "int64"}
                }
            },
            "ThingKind": {"type": "string", "enum": ["small", "large"]},
            "ThingCreate": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "color": {"type": "string", "nullable": true}
                }
            }
        }}
    })
}

fn api(doc: &Value) -> Api {
    load_api(&doc.to_string(), &Config::default()).unwrap_or_else(|e| panic!("{e}"))
}

type Expected<'a> = (Severity, ChangeKind, &'a str, bool);

fn compare(old: &Value, new: &Value, packaging: Packaging) -> Vec<Change> {
    diff(&api(old), &api(new), &DiffOptions { packaging })
}

fn listed(changes: &[Change]) -> Vec<Expected<'_>> {
    changes
        .iter()
        .map(|c| (c.severity, c.kind, c.location.as_str(), c.preview))
        .collect()
}

/// Asserts the changes from `old` to `new` are exactly `expected` (in the diff's order).
fn check_pair(old: &Value, new: &Value, packaging: Packaging, expected: &[Expected<'_>]) {
    let changes = compare(old, new, packaging);
    assert_eq!(listed(&changes), expected, "\n{}", render_text(&changes));
    for c in &changes {
        assert!(!c.reason.is_empty() && !c.reason.contains('\n'), "{c:?}");
    }
}

/// Applies `edit` to the base document and checks base → edited.
fn check(edit: impl FnOnce(&mut Value), expected: &[Expected<'_>]) {
    let old = base();
    let mut new = base();
    edit(&mut new);
    check_pair(&old, &new, Packaging::Modules, expected);
}

/// Applies `edit` to the base document and checks edited → base (the reverse change).
fn check_reverse(edit: impl FnOnce(&mut Value), expected: &[Expected<'_>]) {
    let mut old = base();
    edit(&mut old);
    check_pair(&old, &base(), Packaging::Modules, expected);
}

fn get_thing(doc: &mut Value) -> &mut Value {
    &mut doc["paths"]["/things/{thing_id}"]["get"]
}

fn create_thing(doc: &mut Value) -> &mut Value {
    &mut doc["paths"]["/things"]["post"]
}

fn schema<'a>(doc: &'a mut Value, name: &str) -> &'a mut Value {
    &mut doc["components"]["schemas"][name]
}

fn push(list: &mut Value, item: Value) {
    if let Some(items) = list.as_array_mut() {
        items.push(item);
    }
}

#[test]
fn identical_documents_have_no_changes() {
    let changes = compare(&base(), &base(), Packaging::Crate);
    assert_eq!(changes, []);
    assert_eq!(release(&changes), Release::Patch);
    assert_eq!(
        render_text(&changes),
        "0 breaking, 0 non-breaking → no change to the generated public API\n"
    );
}

#[test]
fn operations_added_removed_and_renamed() {
    let delete = json!({
        "operationId": "DeleteThing",
        "tags": ["Things"],
        "parameters": [{"name": "thing_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "Deleted"}}
    });
    check(
        |d| d["paths"]["/things/{thing_id}"]["delete"] = delete.clone(),
        &[(Minor, K::OperationAdded, "Client::delete_thing", false)],
    );
    check_reverse(
        |d| d["paths"]["/things/{thing_id}"]["delete"] = delete.clone(),
        &[(Breaking, K::OperationRemoved, "Client::delete_thing", false)],
    );
    // Removing the only operation that uses a model removes the model too.
    check(
        |d| d["paths"]["/things"] = json!({}),
        &[
            (Breaking, K::OperationRemoved, "Client::create_thing", false),
            (Breaking, K::ModelRemoved, "ThingCreate", false),
        ],
    );
    // An id whose Rust names do not change: only the id strings the client takes change.
    check(
        |d| get_thing(d)["operationId"] = json!("getThing"),
        &[(Minor, K::OperationRenamed, "Client::get_thing", false)],
    );
    // Unless it is in Preview: `enable_preview("GetThing")` would fail `build()`.
    let (mut old, mut new) = (base(), base());
    get_thing(&mut old)["x-unstable"] = json!("In Preview.");
    get_thing(&mut new)["x-unstable"] = json!("In Preview.");
    get_thing(&mut new)["operationId"] = json!("getThing");
    check_pair(
        &old,
        &new,
        Packaging::Modules,
        &[(Breaking, K::OperationRenamed, "Client::get_thing", true)],
    );
    // The same id under another Rust name: a new operation took `get_thing` first.
    check(
        |d| {
            d["paths"]["/things"]["get"] = json!({
                "operationId": "get_thing",
                "responses": {"204": {"description": "OK"}}
            });
        },
        &[
            (Breaking, K::OperationRenamed, "Client::get_thing", false),
            (Minor, K::OperationAdded, "Client::get_thing", false),
        ],
    );
    // A new id for the same method and path is a rename; the inline body model named after the
    // operation follows it, and is reported as renamed (same schema, new name).
    let inline = |d: &mut Value, id: &str| {
        create_thing(d)["operationId"] = json!(id);
        create_thing(d)["requestBody"]["content"]["application/json"]["schema"] =
            json!({"type": "object", "properties": {"name": {"type": "string"}}});
    };
    let mut old = base();
    inline(&mut old, "CreateThing");
    let mut new = base();
    inline(&mut new, "MakeThing");
    let changes = compare(&old, &new, Packaging::Modules);
    let renamed: Vec<_> = changes
        .iter()
        .map(|c| (c.severity, c.kind, c.location.as_str()))
        .collect();
    assert_eq!(
        renamed,
        [
            (Breaking, K::OperationRenamed, "Client::create_thing"),
            (Breaking, K::BodyTypeChanged, "Client::make_thing(body)"),
            (Breaking, K::ModelRenamed, "CreateThingBody"),
        ],
        "{}",
        render_text(&changes)
    );
    assert!(
        changes[0]
            .reason
            .contains("`CreateThing` is now `MakeThing`"),
        "{}",
        changes[0].reason
    );
}

#[test]
fn preview_status_changes_are_breaking_either_way() {
    let unstable = |d: &mut Value| get_thing(d)["x-unstable"] = json!("In Preview.");
    check(
        unstable,
        &[(Breaking, K::PreviewEntered, "Client::get_thing", false)],
    );
    // Leaving Preview concerns Preview users only, and their `enable_preview("GetThing")` still
    // builds: the runtime accepts every operation id of the API.
    check_reverse(
        unstable,
        &[(Minor, K::PreviewLeft, "Client::get_thing", true)],
    );
    let mut old = base();
    unstable(&mut old);
    let changes = compare(&old, &base(), Packaging::Modules);
    assert!(
        changes[0].reason.contains("enable_preview(\"GetThing\")")
            && changes[0].reason.contains("still builds"),
        "{}",
        changes[0].reason
    );
    // Changes inside a Preview operation, and to models only Preview operations use, are marked.
    let mut new = old.clone();
    get_thing(&mut new)["parameters"][1]["required"] = json!(true);
    create_thing(&mut old)["x-unstable"] = json!("In Preview.");
    create_thing(&mut new)["x-unstable"] = json!("In Preview.");
    schema(&mut new, "ThingCreate")["properties"]["size"] = json!({"type": "integer"});
    check_pair(
        &old,
        &new,
        Packaging::Modules,
        &[
            (
                Breaking,
                K::ParamRequiredChanged,
                "Client::get_thing().filter",
                true,
            ),
            (Minor, K::FieldAdded, "ThingCreate::size", true),
        ],
    );
    assert!(summary(&compare(&old, &new, Packaging::Modules))
        .starts_with("1 breaking (1 only in Preview operations), 1 non-breaking → needs a major"));
}

#[test]
fn endpoint_and_tag_changes() {
    check(
        |d| {
            let op = get_thing(d).take();
            d["paths"]["/things/{thing_id}"] = json!({"put": op});
        },
        &[(Minor, K::EndpointChanged, "Client::get_thing", false)],
    );
    let retag = |d: &mut Value| get_thing(d)["tags"] = json!(["Stuff"]);
    check(
        retag,
        &[(Patch, K::OperationMoved, "Client::get_thing", false)],
    );
    // In a standalone crate the tag is a Cargo feature.
    let mut new = base();
    retag(&mut new);
    check_pair(
        &base(),
        &new,
        Packaging::Crate,
        &[
            (Breaking, K::OperationMoved, "Client::get_thing", false),
            (Minor, K::FeatureAdded, "feature \"stuff\"", false),
        ],
    );
    let mut new = base();
    get_thing(&mut new)["tags"] = json!(["Stuff"]);
    create_thing(&mut new)["tags"] = json!(["Stuff"]);
    check_pair(
        &base(),
        &new,
        Packaging::Crate,
        &[
            (Breaking, K::OperationMoved, "Client::create_thing", false),
            (Breaking, K::OperationMoved, "Client::get_thing", false),
            (Breaking, K::FeatureRemoved, "feature \"things\"", false),
            (Minor, K::FeatureAdded, "feature \"stuff\"", false),
        ],
    );
}

#[test]
fn parameters() {
    let limit = json!({"name": "limit", "in": "query", "schema": {"type": "integer"}});
    check(
        |d| push(&mut get_thing(d)["parameters"], limit.clone()),
        &[(Minor, K::ParamAdded, "Client::get_thing().limit", false)],
    );
    let mut required = limit.clone();
    required["required"] = json!(true);
    check(
        |d| push(&mut get_thing(d)["parameters"], required.clone()),
        &[(Breaking, K::ParamAdded, "Client::get_thing(limit)", false)],
    );
    check(
        |d| {
            if let Some(p) = get_thing(d)["parameters"].as_array_mut() {
                p.truncate(1);
            }
        },
        &[(
            Breaking,
            K::ParamRemoved,
            "Client::get_thing().filter",
            false,
        )],
    );
    check(
        |d| get_thing(d)["parameters"][1]["required"] = json!(true),
        &[(
            Breaking,
            K::ParamRequiredChanged,
            "Client::get_thing().filter",
            false,
        )],
    );
    check_reverse(
        |d| get_thing(d)["parameters"][1]["required"] = json!(true),
        &[(
            Breaking,
            K::ParamRequiredChanged,
            "Client::get_thing(filter)",
            false,
        )],
    );
    check(
        |d| get_thing(d)["parameters"][1]["schema"] = json!({"type": "integer"}),
        &[(
            Breaking,
            K::ParamTypeChanged,
            "Client::get_thing().filter",
            false,
        )],
    );
    // A path id is `impl Display` either way: the schema type changes, the signature does not.
    check(
        |d| get_thing(d)["parameters"][0]["schema"] = json!({"type": "string", "format": "uuid"}),
        &[(
            Patch,
            K::ParamTypeChanged,
            "Client::get_thing(thing_id)",
            false,
        )],
    );
    check(
        |d| get_thing(d)["parameters"][1]["in"] = json!("header"),
        &[(
            Patch,
            K::ParamWireChanged,
            "Client::get_thing().filter",
            false,
        )],
    );
    check(
        |d| get_thing(d)["parameters"][1]["deprecated"] = json!(true),
        &[(
            Minor,
            K::ParamDeprecated,
            "Client::get_thing().filter",
            false,
        )],
    );
    // Two required query parameters that swap places swap the method's arguments.
    let two = |d: &mut Value, first: &str, second: &str| {
        let p = |name: &str| json!({"name": name, "in": "query", "required": true, "schema": {"type": "string"}});
        get_thing(d)["parameters"] = json!([
            {"name": "thing_id", "in": "path", "required": true, "schema": {"type": "string"}},
            p(first),
            p(second)
        ]);
    };
    let (mut old, mut new) = (base(), base());
    two(&mut old, "a", "b");
    two(&mut new, "b", "a");
    check_pair(
        &old,
        &new,
        Packaging::Modules,
        &[(Breaking, K::ParamOrderChanged, "Client::get_thing", false)],
    );
}

#[test]
fn bodies_results_statuses_and_pagination() {
    check(
        |d| create_thing(d)["requestBody"]["required"] = json!(false),
        &[(
            Breaking,
            K::BodyRequiredChanged,
            "Client::create_thing(body)",
            false,
        )],
    );
    check(
        |d| {
            create_thing(d)["requestBody"]["content"]["application/json"]["schema"] =
                json!({"$ref": "#/components/schemas/Thing"});
        },
        &[
            (
                Breaking,
                K::BodyTypeChanged,
                "Client::create_thing(body)",
                false,
            ),
            (Breaking, K::ModelRemoved, "ThingCreate", false),
        ],
    );
    check(
        |d| {
            get_thing(d)["requestBody"] =
                json!({"content": {"text/plain": {"schema": {"type": "string"}}}})
        },
        &[(Minor, K::BodyAdded, "Client::get_thing().body", false)],
    );
    check_reverse(
        |d| {
            get_thing(d)["requestBody"] =
                json!({"content": {"text/plain": {"schema": {"type": "string"}}}})
        },
        &[(Breaking, K::BodyRemoved, "Client::get_thing().body", false)],
    );
    check(
        |d| {
            get_thing(d)["responses"]["200"]["content"]["application/json"]["schema"] =
                json!({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}});
        },
        &[(
            Breaking,
            K::ResultTypeChanged,
            "Client::get_thing().send()",
            false,
        )],
    );
    check(
        |d| create_thing(d)["responses"]["409"] = json!({"description": "Conflict"}),
        &[(
            Patch,
            K::StatusAdded,
            "Client::create_thing().send() → 409",
            false,
        )],
    );
    check(
        |d| {
            if let Some(r) = get_thing(d)["responses"].as_object_mut() {
                r.remove("404");
            }
        },
        &[(
            Patch,
            K::StatusRemoved,
            "Client::get_thing().send() → 404",
            false,
        )],
    );
    // An operation that starts paging (x-pagination) gains the stream methods.
    let list = json!({
        "operationId": "ListThings",
        "tags": ["Things"],
        "parameters": [
            {"name": "page[offset]", "in": "query", "schema": {"type": "integer", "format": "int64"}},
            {"name": "page[limit]", "in": "query", "schema": {"type": "integer", "format": "int64"}}
        ],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}
        }}}}}
    });
    let mut paged = list.clone();
    paged["x-pagination"] = json!({
        "limitParam": "page[limit]",
        "pageOffsetParam": "page[offset]",
        "resultsPath": "data"
    });
    let (mut old, mut new) = (base(), base());
    old["paths"]["/things"]["get"] = list;
    new["paths"]["/things"]["get"] = paged;
    check_pair(
        &old,
        &new,
        Packaging::Modules,
        &[(
            Minor,
            K::PaginationAdded,
            "Client::list_things().into_stream()",
            false,
        )],
    );
    check_pair(
        &new,
        &old,
        Packaging::Modules,
        &[(
            Breaking,
            K::PaginationRemoved,
            "Client::list_things().into_stream()",
            false,
        )],
    );
}

#[test]
fn model_fields() {
    check(
        |d| schema(d, "Thing")["properties"]["color"] = json!({"type": "string"}),
        &[(Minor, K::FieldAdded, "Thing::color", false)],
    );
    // A required field is a new argument of `new()`.
    check(
        |d| {
            schema(d, "Thing")["properties"]["color"] = json!({"type": "string"});
            push(&mut schema(d, "Thing")["required"], json!("color"));
        },
        &[(Breaking, K::FieldAdded, "Thing::color", false)],
    );
    check(
        |d| {
            if let Some(p) = schema(d, "Thing")["properties"].as_object_mut() {
                p.remove("note");
            }
        },
        &[(Breaking, K::FieldRemoved, "Thing::note", false)],
    );
    check(
        |d| push(&mut schema(d, "Thing")["required"], json!("note")),
        &[(Breaking, K::FieldRequiredChanged, "Thing::note", false)],
    );
    // Required → optional on a response field: `String` becomes `Option<String>`.
    check(
        |d| schema(d, "Thing")["required"] = json!(["kind"]),
        &[(Breaking, K::FieldRequiredChanged, "Thing::id", false)],
    );
    check(
        |d| schema(d, "Thing")["properties"]["note"]["nullable"] = json!(true),
        &[(Breaking, K::FieldNullableChanged, "Thing::note", false)],
    );
    check(
        |d| schema(d, "Thing")["properties"]["size"] = json!({"type": "string"}),
        &[(Breaking, K::FieldTypeChanged, "Thing::size", false)],
    );
    check(
        |d| schema(d, "Thing")["properties"]["note"]["deprecated"] = json!(true),
        &[(Minor, K::FieldDeprecated, "Thing::note", false)],
    );
    // `new()` takes required fields in field order. (`Value` sorts keys, so the reordered
    // document is edited as text; the loader keeps the text's order.)
    let old = base().to_string();
    let (id, kind) = (
        r##""id":{"type":"string"},"##,
        r##""kind":{"$ref":"#/components/schemas/ThingKind"},"##,
    );
    let new = old.replace(&format!("{id}{kind}"), &format!("{kind}{id}"));
    assert_ne!(old, new);
    let changes = diff(
        &load_api(&old, &Config::default()).expect("old"),
        &load_api(&new, &Config::default()).expect("new"),
        &DiffOptions::default(),
    );
    assert_eq!(
        listed(&changes),
        [(Breaking, K::ConstructorChanged, "Thing::new", false)]
    );
    assert_eq!(
        changes[0].reason,
        "arguments (id, kind) are now in the order (kind, id)"
    );
    // A new model reached through a new optional field.
    check(
        |d| {
            schema(d, "Thing")["properties"]["owner"] =
                json!({"$ref": "#/components/schemas/Owner"});
            d["components"]["schemas"]["Owner"] =
                json!({"type": "object", "properties": {"name": {"type": "string"}}});
        },
        &[
            (Minor, K::ModelAdded, "Owner", false),
            (Minor, K::FieldAdded, "Thing::owner", false),
        ],
    );
    check(
        |d| d["components"]["schemas"]["ThingKind"] = json!({"type": "integer", "enum": [1, 2]}),
        &[(Breaking, K::ModelKindChanged, "ThingKind", false)],
    );
}

#[test]
fn enum_values() {
    check(
        |d| schema(d, "ThingKind")["enum"] = json!(["small", "large", "medium"]),
        &[(Minor, K::EnumValueAdded, "ThingKind::Medium", false)],
    );
    // Down to one value, the enum fills itself in: `Thing::new` stops taking `kind`.
    check(
        |d| schema(d, "ThingKind")["enum"] = json!(["small"]),
        &[
            (Breaking, K::ConstructorChanged, "Thing::kind", false),
            (Breaking, K::EnumValueRemoved, "ThingKind::Large", false),
            (Minor, K::EnumDefaultChanged, "ThingKind::default", false),
        ],
    );
    check(
        |d| schema(d, "ThingKind")["default"] = json!("small"),
        &[
            (Breaking, K::ConstructorChanged, "Thing::kind", false),
            (Minor, K::EnumDefaultChanged, "ThingKind::default", false),
        ],
    );
    // `LARGE` is still the variant `Large`, which now stands for another wire value.
    check(
        |d| schema(d, "ThingKind")["enum"] = json!(["small", "LARGE"]),
        &[(Breaking, K::EnumValueChanged, "ThingKind::Large", false)],
    );
}

#[test]
fn reasons_name_the_rust_signatures() {
    let mut new = base();
    schema(&mut new, "Thing")["required"] = json!(["kind"]);
    push(
        &mut get_thing(&mut new)["parameters"],
        json!({"name": "page[size]", "in": "query", "required": true, "schema": {"type": "integer", "format": "int64"}}),
    );
    let changes = compare(&base(), &new, Packaging::Modules);
    let reasons: BTreeMap<&str, &str> = changes
        .iter()
        .map(|c| (c.location.as_str(), c.reason.as_str()))
        .collect();
    assert_eq!(
        reasons["Thing::id"],
        "required → optional; its type is `Option<String>` (was `String`); `Thing::new` no longer takes it; it gains a setter"
    );
    assert_eq!(
        reasons["Client::get_thing(page_size)"],
        "`Client::get_thing` takes a new positional argument `page_size: i64` (required query parameter `page[size]`)"
    );
    let text = render_text(&changes);
    assert!(
        text.starts_with("Breaking changes (2):\n  Client::get_thing(page_size): parameter added\n      `Client::get_thing` takes"),
        "{text}"
    );
    assert!(
        text.ends_with("\n2 breaking, 0 non-breaking → needs a major release\n"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&render_json(&changes)).expect("JSON");
    assert_eq!(json["breaking"], 2);
    assert_eq!(json["release"], "major");
    assert_eq!(json["changes"][0]["kind"], "param_added");
    assert_eq!(json["changes"][0]["severity"], "breaking");
    assert_eq!(
        json["changes"][0]["location"],
        "Client::get_thing(page_size)"
    );
}

#[test]
fn order_is_deterministic_and_breaking_first() {
    let mut new = base();
    schema(&mut new, "ThingKind")["enum"] = json!(["small", "medium"]);
    create_thing(&mut new)["responses"]["409"] = json!({"description": "Conflict"});
    push(
        &mut get_thing(&mut new)["parameters"],
        json!({"name": "limit", "in": "query", "schema": {"type": "integer"}}),
    );
    let a = compare(&base(), &new, Packaging::Modules);
    let b = compare(&base(), &new, Packaging::Modules);
    assert_eq!(a, b);
    let severities: Vec<Severity> = a.iter().map(|c| c.severity).collect();
    assert_eq!(severities, [Breaking, Minor, Minor, Patch]);
    assert_eq!(release(&a), Release::Major);
    assert_eq!(release(&a[1..]), Release::Minor);
    assert_eq!(release(&a[3..]), Release::Patch);
}

#[test]
fn a_bad_spec_is_an_error_with_a_pointer() {
    let mut bad = base();
    get_thing(&mut bad)["responses"]["200"]["content"]["application/json"]["schema"] =
        json!({"$ref": "#/components/schemas/Missing"});
    let err = load_api(&bad.to_string(), &Config::default()).expect_err("a dangling $ref");
    assert!(
        err.pointer().is_some_and(|p| p.starts_with("/paths/")),
        "{err}"
    );
}

// The signatures in `surface.rs` against the generated code.

/// What the generated files declare, read back with syn: client methods' arguments, builder and
/// model setters' arguments, `send()`'s result, `new()`'s arguments and struct fields' types.
#[derive(Debug, Default)]
struct Declared {
    /// `impl X { fn name(args) }` → argument (name, type), without the receiver.
    functions: BTreeMap<(String, String), Vec<(String, String)>>,
    /// `X::send` → the `T` of `Result<T, Error>`.
    results: BTreeMap<String, String>,
    /// (struct, field) → type.
    fields: BTreeMap<(String, String), String>,
}

fn tokens(t: &impl quote::ToTokens) -> String {
    t.to_token_stream().to_string()
}

fn normalized(ty: &str) -> String {
    let parsed: syn::Type = syn::parse_str(ty).unwrap_or_else(|e| panic!("{ty}: {e}"));
    tokens(&parsed)
}

fn declared(files: &BTreeMap<String, String>) -> Declared {
    let mut out = Declared::default();
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".rs")) {
        let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        for item in file.items {
            match item {
                syn::Item::Impl(imp) if imp.trait_.is_none() => {
                    let owner = tokens(&imp.self_ty);
                    for member in imp.items {
                        let syn::ImplItem::Fn(f) = member else {
                            continue;
                        };
                        let args = f
                            .sig
                            .inputs
                            .iter()
                            .filter_map(|a| match a {
                                syn::FnArg::Typed(t) => Some((tokens(&t.pat), tokens(&t.ty))),
                                syn::FnArg::Receiver(_) => None,
                            })
                            .collect();
                        let name = f.sig.ident.to_string();
                        if name == "send" {
                            if let syn::ReturnType::Type(_, ty) = &f.sig.output {
                                if let syn::Type::Path(p) = &**ty {
                                    // A streamed binary body's future names no body type.
                                    if p.path
                                        .segments
                                        .last()
                                        .is_some_and(|s| s.ident == "StreamBodyFuture")
                                    {
                                        out.results
                                            .insert(owner.clone(), normalized("rt::ByteStream"));
                                    }
                                    if let Some(syn::PathArguments::AngleBracketed(args)) =
                                        p.path.segments.last().map(|s| &s.arguments)
                                    {
                                        if let Some(first) = args.args.first() {
                                            out.results.insert(owner.clone(), tokens(first));
                                        }
                                    }
                                }
                            }
                        }
                        out.functions.insert((owner.clone(), name), args);
                    }
                }
                syn::Item::Struct(s) => {
                    for f in &s.fields {
                        if let Some(id) = &f.ident {
                            out.fields
                                .insert((s.ident.to_string(), id.to_string()), tokens(&f.ty));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Checks every signature the diff computes for `text` against the code `generate` writes for it.
fn surface_matches_the_emitters(name: &str, text: &str, config: &Config) {
    let options = crate::Options {
        config: config.clone(),
        ..crate::Options::default()
    };
    let generated = crate::generate(text, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let api = load_api(text, config).unwrap_or_else(|e| panic!("{name}: {e}"));
    let declared = declared(&generated.files);
    let function = |owner: &str, f: &str| {
        declared
            .functions
            .get(&(owner.to_owned(), f.to_owned()))
            .unwrap_or_else(|| panic!("{name}: no {owner}::{f}"))
    };
    let args = |list: &[(String, String)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(n, t)| (n.clone(), normalized(t)))
            .collect()
    };
    let mut checked = 0;
    for op in api.modules.values().flat_map(|m| m.operations.iter()) {
        let at = format!("{name}: {}", op.id);
        assert_eq!(
            function("Client", &op.method_name),
            &args(&surface::positional(op)),
            "{at}: client method"
        );
        for p in op.params.iter().filter(|p| !p.required) {
            let setter = function(&op.builder_name, &p.name);
            assert_eq!(
                setter[0].1,
                normalized(&surface::param_argument(p)),
                "{at}: {}",
                p.name
            );
        }
        if let Some(b) = op.body.as_ref().filter(|b| !b.required) {
            let setter = function(&op.builder_name, "body");
            assert_eq!(
                setter[0].1,
                normalized(&surface::body_argument(b)),
                "{at}: body"
            );
        }
        assert_eq!(
            declared.results.get(&op.builder_name),
            Some(&normalized(&surface::output(op))),
            "{at}: send()"
        );
        checked += 1;
    }
    for t in api.types.values() {
        let TypeKind::Struct(s) = &t.kind else {
            continue;
        };
        let at = format!("{name}: {}", t.name);
        let constructor: Vec<(String, String)> = s
            .fields
            .iter()
            .filter_map(|f| {
                surface::field_surface(f)
                    .constructor
                    .map(|ty| (f.name.clone(), ty))
            })
            .collect();
        assert_eq!(function(&t.name, "new"), &args(&constructor), "{at}: new()");
        for f in &s.fields {
            let x = surface::field_surface(f);
            assert_eq!(
                declared.fields.get(&(t.name.clone(), f.name.clone())),
                Some(&normalized(&x.ty)),
                "{at}::{}: field type",
                f.name
            );
            match &x.setter {
                Some(ty) => assert_eq!(
                    function(&t.name, &f.name)[0].1,
                    normalized(ty),
                    "{at}::{}: setter",
                    f.name
                ),
                None => assert!(
                    !declared
                        .functions
                        .contains_key(&(t.name.clone(), f.name.clone())),
                    "{at}::{}: no setter",
                    f.name
                ),
            }
        }
        checked += 1;
    }
    assert!(checked > 0, "{name}: nothing checked");
}

#[test]
fn the_diff_reads_the_signatures_the_emitters_write() {
    surface_matches_the_emitters("base", &base().to_string(), &Config::default());
    let config = Config::parse(include_str!(
        "../../../spec/datadog-connections.codegen.yaml"
    ))
    .expect("the SDK's configuration");
    surface_matches_the_emitters(
        "spec/datadog-connections.yaml",
        include_str!("../../../spec/datadog-connections.yaml"),
        &config,
    );
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("codegen/tests/fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for path in names {
        let text = std::fs::read_to_string(&path).expect("a fixture");
        surface_matches_the_emitters(&path.display().to_string(), &text, &Config::default());
    }
    // Types the surface writes with paths are the emitters' own spelling.
    assert_eq!(
        surface::rust_type(&TypeRef::Map(Box::new(TypeRef::Uuid))),
        "std::collections::BTreeMap<String, uuid::Uuid>"
    );
    assert_eq!(
        surface::short("std::collections::BTreeMap<String, uuid::Uuid>"),
        "BTreeMap<String, Uuid>"
    );
}
