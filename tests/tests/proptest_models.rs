//! Property tests of every generated connections model (each component schema of
//! `spec/datadog-connections.yaml`, structs and enums):
//!
//! - **Round trip.** JSON generated from the schema, with unknown properties at every level
//!   (nested objects, arrays, strings with escapes, numbers beyond `u64` and `f64` such as
//!   `123456789012345678901234567890` and `1e400`), unknown enum values, absent, `null` and
//!   present optional fields, decodes, and encodes back to the same JSON (compared as a tree
//!   whose numbers are their exact text; known typed values are generated in their canonical
//!   form, as a server sends them).
//! - **No panics.** Arbitrary bytes, arbitrary JSON values and mutated valid documents (bytes
//!   deleted, inserted, replaced, duplicated, truncated) decode or fail with an error, as every
//!   model, never a panic.
//!
//! `cargo test` runs a short form (`PROPTEST_CASES`, default 200 cases per property);
//! `cargo xtask proptest-long` runs 10,000 cases per property in a release build.

use datadog_connections::models::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

// ---- the models under test ----

type RoundTrip = fn(&str) -> Result<String, String>;
type Decode = fn(&[u8]);

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(
    json: &str,
) -> Result<String, String> {
    let model: T = serde_json::from_str(json).map_err(|e| format!("decode: {e}"))?;
    serde_json::to_string(&model).map_err(|e| format!("encode: {e}"))
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) {
    let _ = serde_json::from_slice::<T>(bytes);
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        // The `Value` deserializer is another path (unions and `from_value` use it).
        let _ = serde_json::from_value::<T>(value);
    }
}

macro_rules! models {
    ($($schema:literal => $ty:ident),* $(,)?) => {
        /// (schema name, Rust type name, round trip, decode)
        const MODELS: &[(&str, &str, RoundTrip, Decode)] = &[
            $( ($schema, stringify!($ty), round_trip::<$ty>, decode::<$ty>) ),*
        ];
    };
}

models! {
    "APIErrorResponse" => ApiErrorResponse,
    "ConnectedTeamRef" => ConnectedTeamRef,
    "ConnectedTeamRefData" => ConnectedTeamRefData,
    "ConnectedTeamRefDataType" => ConnectedTeamRefDataType,
    "ConnectionsPagePagination" => ConnectionsPagePagination,
    "ConnectionsResponseMeta" => ConnectionsResponseMeta,
    "OrgConnection" => OrgConnection,
    "OrgConnectionAttributes" => OrgConnectionAttributes,
    "OrgConnectionCreate" => OrgConnectionCreate,
    "OrgConnectionCreateAttributes" => OrgConnectionCreateAttributes,
    "OrgConnectionCreateRelationships" => OrgConnectionCreateRelationships,
    "OrgConnectionCreateRequest" => OrgConnectionCreateRequest,
    "OrgConnectionListResponse" => OrgConnectionListResponse,
    "OrgConnectionListResponseMeta" => OrgConnectionListResponseMeta,
    "OrgConnectionListResponseMetaPage" => OrgConnectionListResponseMetaPage,
    "OrgConnectionOrgRelationship" => OrgConnectionOrgRelationship,
    "OrgConnectionOrgRelationshipData" => OrgConnectionOrgRelationshipData,
    "OrgConnectionOrgRelationshipDataType" => OrgConnectionOrgRelationshipDataType,
    "OrgConnectionRelationships" => OrgConnectionRelationships,
    "OrgConnectionResponse" => OrgConnectionResponse,
    "OrgConnectionType" => OrgConnectionType,
    "OrgConnectionTypeEnum" => OrgConnectionTypeEnum,
    "OrgConnectionUpdate" => OrgConnectionUpdate,
    "OrgConnectionUpdateAttributes" => OrgConnectionUpdateAttributes,
    "OrgConnectionUpdateRequest" => OrgConnectionUpdateRequest,
    "OrgConnectionUserRelationship" => OrgConnectionUserRelationship,
    "OrgConnectionUserRelationshipData" => OrgConnectionUserRelationshipData,
    "OrgConnectionUserRelationshipDataType" => OrgConnectionUserRelationshipDataType,
    "TeamConnection" => TeamConnection,
    "TeamConnectionAttributes" => TeamConnectionAttributes,
    "TeamConnectionCreateData" => TeamConnectionCreateData,
    "TeamConnectionCreateRequest" => TeamConnectionCreateRequest,
    "TeamConnectionDeleteRequest" => TeamConnectionDeleteRequest,
    "TeamConnectionDeleteRequestDataItem" => TeamConnectionDeleteRequestDataItem,
    "TeamConnectionRelationships" => TeamConnectionRelationships,
    "TeamConnectionType" => TeamConnectionType,
    "TeamConnectionsResponse" => TeamConnectionsResponse,
    "TeamRef" => TeamRef,
    "TeamRefData" => TeamRefData,
    "TeamRefDataType" => TeamRefDataType,
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn schemas() -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(root().join("spec/datadog-connections.yaml")).expect("spec");
    let spec: Value = serde_yaml::from_str(&text).expect("the spec is YAML");
    spec["components"]["schemas"]
        .as_object()
        .cloned()
        .expect("component schemas")
}

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    Config {
        cases,
        // Failures print their input; nothing is written into the repository.
        failure_persistence: None,
        ..Config::default()
    }
}

// ---- JSON with exact numbers ----

/// A JSON document as generated: numbers are their text, so `1e400` can be written.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap_or_default());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A parsed document for comparison: object keys sorted, strings decoded, every other scalar
/// kept as its exact text (so `1e400` equals only `1e400`).
#[derive(Debug, PartialEq)]
enum Tree {
    Object(BTreeMap<String, Tree>),
    Array(Vec<Tree>),
    String(String),
    Scalar(String),
}

fn tree(text: &str) -> Result<Tree, String> {
    let raw: &RawValue = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let raw = raw.get().trim();
    match raw.as_bytes().first() {
        Some(b'{') => {
            let map: BTreeMap<String, &RawValue> =
                serde_json::from_str(raw).map_err(|e| e.to_string())?;
            map.into_iter()
                .map(|(k, v)| Ok((k, tree(v.get())?)))
                .collect::<Result<_, String>>()
                .map(Tree::Object)
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(raw).map_err(|e| e.to_string())?;
            items
                .into_iter()
                .map(|v| tree(v.get()))
                .collect::<Result<_, _>>()
                .map(Tree::Array)
        }
        Some(b'"') => serde_json::from_str(raw)
            .map(Tree::String)
            .map_err(|e| e.to_string()),
        _ => Ok(Tree::Scalar(raw.to_owned())),
    }
}

// ---- strategies ----

/// Number texts that `serde_json::Value` cannot keep exactly, or that are easy to get wrong.
const AWKWARD_NUMBERS: &[&str] = &[
    "123456789012345678901234567890",
    "-123456789012345678901234567890",
    "18446744073709551616",
    "-9223372036854775809",
    "1e400",
    "-1E+400",
    "1e-400",
    "0.1",
    "-0",
    "-0.0",
    "1.0",
    "1.50",
    "2.5e-3",
    "3.14159265358979323846264338327950288419716939937510",
    "0.30000000000000004",
    "9007199254740993",
];

fn number() -> impl Strategy<Value = Json> {
    prop_oneof![
        prop::sample::select(AWKWARD_NUMBERS).prop_map(|n| Json::Number(n.to_owned())),
        any::<i64>().prop_map(|n| Json::Number(n.to_string())),
        any::<u64>().prop_map(|n| Json::Number(n.to_string())),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| Json::Number(serde_json::to_string(&f).unwrap_or_else(|_| "0".into()))),
        ("[1-9][0-9]{0,40}", "[0-9]{1,30}", -400i32..400)
            .prop_map(|(int, frac, exp)| Json::Number(format!("{int}.{frac}e{exp}"))),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _./@-]{0,16}",
        any::<String>(),
        Just("line\nbreak \"quoted\" \\ tab\t \u{1b}[31m \u{202e} \u{0}".to_owned()),
    ]
}

/// Any JSON value, nested at most `depth` levels.
fn any_json(depth: u32) -> BoxedStrategy<Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number(),
        text().prop_map(Json::String),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

fn uuid() -> impl Strategy<Value = Json> {
    any::<u128>().prop_map(|n| {
        let hex = format!("{n:032x}");
        Json::String(format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        ))
    })
}

/// A timestamp as chrono writes one (so the round trip compares like with like).
fn date_time() -> impl Strategy<Value = Json> {
    (0i64..4_102_444_800, 0u32..1_000_000_000, 0usize..4).prop_map(|(secs, nanos, precision)| {
        let nanos = match precision {
            0 => 0,
            1 => nanos / 1_000_000 * 1_000_000,
            2 => nanos / 1_000 * 1_000,
            _ => nanos,
        };
        let time = chrono::DateTime::from_timestamp(secs, nanos).unwrap_or_default();
        Json::String(
            serde_json::to_value(time)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        )
    })
}

/// JSON for `schema`, unknown properties and enum values included.
fn for_schema(
    schema: &Value,
    schemas: &serde_json::Map<String, Value>,
    depth: u32,
) -> BoxedStrategy<Json> {
    assert!(depth < 32, "schema nesting too deep (a cycle?)");
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/components/schemas/");
        return for_schema(&schemas[name], schemas, depth + 1);
    }
    let nullable = schema.get("nullable").and_then(Value::as_bool) == Some(true);
    let strategy = match schema.get("type").and_then(Value::as_str) {
        Some("object") => object(schema, schemas, depth),
        Some("array") => {
            let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
            prop::collection::vec(
                for_schema(&schema["items"], schemas, depth + 1),
                min..min + 4,
            )
            .prop_map(Json::Array)
            .boxed()
        }
        Some("string") => match (
            schema.get("enum"),
            schema.get("format").and_then(Value::as_str),
        ) {
            (Some(values), _) => {
                let known: Vec<String> = values
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                let unknown_ok = known.clone();
                prop_oneof![
                    3 => prop::sample::select(known).prop_map(Json::String),
                    1 => text()
                        .prop_filter("an unknown value", move |s| !unknown_ok.contains(s))
                        .prop_map(Json::String),
                ]
                .boxed()
            }
            (None, Some("uuid")) => uuid().boxed(),
            (None, Some("date-time")) => date_time().boxed(),
            _ => text().prop_map(Json::String).boxed(),
        },
        Some("integer") => any::<i64>()
            .prop_map(|n| Json::Number(n.to_string()))
            .boxed(),
        Some("number") => any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| Json::Number(serde_json::to_string(&f).unwrap_or_else(|_| "0".into())))
            .boxed(),
        Some("boolean") => any::<bool>().prop_map(Json::Bool).boxed(),
        _ => any_json(2),
    };
    if nullable {
        prop_oneof![1 => Just(Json::Null), 3 => strategy].boxed()
    } else {
        strategy
    }
}

fn object(
    schema: &Value,
    schemas: &serde_json::Map<String, Value>,
    depth: u32,
) -> BoxedStrategy<Json> {
    let required: BTreeSet<String> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let properties: Vec<(String, Value)> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    let known: BTreeSet<String> = properties.iter().map(|(k, _)| k.clone()).collect();
    let fields: Vec<BoxedStrategy<Option<(String, Json)>>> = properties
        .into_iter()
        .map(|(name, property)| {
            let value = for_schema(&property, schemas, depth + 1);
            let key = name.clone();
            if required.contains(&name) {
                value.prop_map(move |v| Some((key.clone(), v))).boxed()
            } else {
                prop::option::of(value)
                    .prop_map(move |v| v.map(|v| (key.clone(), v)))
                    .boxed()
            }
        })
        .collect();
    let unknown =
        prop::collection::btree_map("[a-z_]{1,12}", any_json(3), 0..4).prop_map(move |extra| {
            extra
                .into_iter()
                .filter(|(k, _)| !known.contains(k))
                .collect::<Vec<_>>()
        });
    (fields, unknown, any::<bool>())
        .prop_map(|(fields, unknown, unknown_first)| {
            let fields = fields.into_iter().flatten();
            let pairs: Vec<(String, Json)> = if unknown_first {
                unknown.into_iter().chain(fields).collect()
            } else {
                fields.chain(unknown).collect()
            };
            Json::Object(pairs)
        })
        .boxed()
}

/// A model (by index) and a document for it.
fn model_document() -> BoxedStrategy<(usize, Json)> {
    let schemas = schemas();
    let per_model: Vec<BoxedStrategy<(usize, Json)>> = MODELS
        .iter()
        .enumerate()
        .map(|(i, (schema, _, _, _))| {
            for_schema(&schemas[*schema], &schemas, 0)
                .prop_map(move |json| (i, json))
                .boxed()
        })
        .collect();
    prop::strategy::Union::new(per_model).boxed()
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
    Duplicate(usize, usize),
    Truncate(usize),
}

const FRAGMENTS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"null",
    b"1e400",
    b"-",
    b"\"\\u0000\"",
    b"{\"data\":",
    b"[[[[[[[[",
    b"\xff\xfe",
    b"\"\\ud800\"",
    b"99999999999999999999999999",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..8).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), prop::sample::select(FRAGMENTS))
            .prop_map(|(at, f)| Mutation::Insert(at, f.to_vec())),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..6))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
        (any::<usize>(), 1usize..32).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Insert(at, fragment) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, fragment.iter().copied());
            }
            Mutation::Replace(at, b) => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *b;
                }
            }
            Mutation::Duplicate(at, n) => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    let end = (at + n).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(end..end, copy);
                }
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

fn run<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let config = config();
    let cases = config.cases;
    let mut runner = TestRunner::new(config);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
    println!("{name}: {cases} cases passed");
}

// ---- the properties ----

#[test]
fn every_generated_model_is_covered() {
    let mut generated = BTreeSet::new();
    let dir = root().join("sdk/src/generated/models");
    for entry in std::fs::read_dir(&dir).expect("generated models") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("model file");
        for line in text.lines() {
            for prefix in ["pub struct ", "pub enum "] {
                if let Some(rest) = line.strip_prefix(prefix) {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    generated.insert(name);
                }
            }
        }
    }
    let tested: BTreeSet<String> = MODELS
        .iter()
        .map(|(_, ty, _, _)| (*ty).to_owned())
        .collect();
    assert_eq!(
        generated, tested,
        "every generated model has a property test, and only those"
    );
    let in_spec: BTreeSet<String> = schemas().keys().cloned().collect();
    let named: BTreeSet<String> = MODELS.iter().map(|(s, _, _, _)| (*s).to_owned()).collect();
    assert_eq!(in_spec, named, "every component schema is tested");
}

#[test]
fn models_round_trip_json_unchanged() {
    run("round trip", model_document(), |(i, json)| {
        let (schema, ty, round_trip, _) = MODELS[i];
        let input = json.text();
        let output = round_trip(&input)
            .map_err(|e| TestCaseError::fail(format!("{ty} ({schema}): {e}\ninput: {input}")))?;
        let (a, b) = (tree(&input), tree(&output));
        prop_assert_eq!(
            a,
            b,
            "{} changed in a round trip\ninput:  {}\noutput: {}",
            ty,
            input,
            output
        );
        Ok(())
    });
}

#[test]
fn decoders_never_panic_on_arbitrary_bytes_or_json() {
    run(
        "arbitrary input",
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..256),
            any_json(4).prop_map(|json| json.text().into_bytes()),
        ],
        |bytes| {
            for (_, _, _, decode) in MODELS {
                decode(&bytes);
            }
            Ok(())
        },
    );
}

#[test]
fn decoders_never_panic_on_mutated_documents() {
    run(
        "mutated documents",
        (model_document(), prop::collection::vec(mutation(), 1..5)),
        |((_, json), mutations)| {
            let bytes = mutate(json.text().into_bytes(), &mutations);
            for (_, _, _, decode) in MODELS {
                decode(&bytes);
            }
            Ok(())
        },
    );
}

#[test]
fn the_comparison_tree_keeps_number_text() {
    assert_ne!(tree("1e400"), tree("1E400"));
    assert_ne!(tree("[1.0]"), tree("[1]"));
    assert_eq!(
        tree(r#"{"b":1,"a":"\u0041"}"#),
        tree(r#"{ "a" : "A", "b" : 1 }"#)
    );
    assert!(tree("{").is_err());
}
