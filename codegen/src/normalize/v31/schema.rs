//! One 3.1 (JSON Schema 2020-12) schema → the 3.0 schema dialect, without looking at its
//! subschemas (the walk visits them after).

use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

/// Keywords that only describe; beside a `$ref` they are dropped (3.0 ignores `$ref` siblings).
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "summary",
    "deprecated",
    "readOnly",
    "writeOnly",
    "example",
    "examples",
    "default",
    "externalDocs",
    "$comment",
];

/// JSON Schema keywords with no 3.0 meaning that would only confuse a reader of the result.
const DROPPED: &[&str] = &[
    "$schema",
    "$id",
    "$anchor",
    "$dynamicAnchor",
    "$dynamicRef",
    "$vocabulary",
    "$comment",
    "$defs",
    "contentSchema",
];

/// Rewrites the schema at `at` in place.
pub(super) fn convert(schema: &mut Json, at: &Pointer, record: &mut Record) {
    // Boolean schemas: `true` accepts anything, `false` nothing.
    if let Json::Bool(accepts) = schema {
        *schema = if *accepts {
            Json::Object(Map::new())
        } else {
            Json::object([("not", Json::Object(Map::new()))])
        };
        return;
    }
    let Json::Object(s) = schema else { return };
    for key in DROPPED {
        s.shift_remove(*key);
    }
    ref_siblings(s, at, record);
    types(s, at, record);
    null_members(s, at, record);
    if let Some(value) = s.shift_remove("const") {
        // The one value allowed also fixes the type, when none is declared.
        let implied = match &value {
            Json::String(_) => Some("string"),
            Json::Bool(_) => Some("boolean"),
            Json::Number(n) if n.is_f64() => Some("number"),
            Json::Number(_) => Some("integer"),
            _ => None,
        };
        if let (Some(t), false) = (implied, s.contains_key("type") || s.contains_key("anyOf")) {
            s.insert("type".to_owned(), t.into());
        }
        s.insert("enum".to_owned(), Json::Array(vec![value]));
    }
    if let Some(examples) = s.shift_remove("examples") {
        let first = examples.as_array().and_then(|e| e.first());
        if let (false, Some(first)) = (s.contains_key("example"), first) {
            s.insert("example".to_owned(), first.clone());
        }
    }
    exclusive_bound(s, "exclusiveMinimum", "minimum", |bound, other| {
        bound >= other
    });
    exclusive_bound(s, "exclusiveMaximum", "maximum", |bound, other| {
        bound <= other
    });
    content_keywords(s);
}

/// A `$ref` with siblings: annotations are dropped; anything else keeps its meaning as
/// `allOf: [{$ref}]` beside the siblings.
fn ref_siblings(s: &mut Map, at: &Pointer, record: &mut Record) {
    if !s.contains_key("$ref") || s.len() == 1 {
        return;
    }
    s.retain(|key, _| key == "$ref" || !(ANNOTATIONS.contains(&key.as_str())));
    if s.len() == 1 {
        return;
    }
    let Some(reference) = s.shift_remove("$ref") else {
        return;
    };
    let all_of = at.push("allOf");
    let mut members = vec![Json::object([("$ref", reference)])];
    if let Some(Json::Array(existing)) = s.shift_remove("allOf") {
        for (i, member) in existing.into_iter().enumerate() {
            record.moved(
                &all_of.push((i + 1).to_string()),
                &all_of.push(i.to_string()),
            );
            members.push(member);
        }
    }
    record.moved(&all_of.push("0"), at);
    s.insert("allOf".to_owned(), Json::Array(members));
}

/// `type` as a list: `null` becomes `nullable`, one other type stays `type`, several become an
/// `anyOf` with one member per type, each taking the keywords that apply to it.
fn types(s: &mut Map, at: &Pointer, record: &mut Record) {
    let listed: Vec<String> = match s.get("type") {
        Some(Json::String(t)) if t == "null" => vec![t.clone()],
        Some(Json::Array(list)) => list
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect(),
        _ => return,
    };
    s.shift_remove("type");
    if listed.iter().any(|t| t == "null") {
        s.insert("nullable".to_owned(), true.into());
    }
    let mut others: Vec<String> = Vec::new();
    for t in listed.into_iter().filter(|t| t != "null") {
        if !others.contains(&t) {
            others.push(t);
        }
    }
    match others.as_slice() {
        [] => {}
        [only] => {
            s.insert("type".to_owned(), only.clone().into());
        }
        several if s.contains_key("anyOf") => {
            record.note(
                &at.push("type"),
                format!("`type: {several:?}` beside an `anyOf` is dropped: the `anyOf` describes the values"),
            );
        }
        several => {
            let members = several.iter().enumerate().map(|(i, t)| {
                record.moved(&at.push("anyOf").push(i.to_string()), at);
                member_for(s, t)
            });
            let members: Vec<Json> = members.collect();
            s.retain(|key, _| !applies_to_some_type(key));
            s.insert("anyOf".to_owned(), Json::Array(members));
        }
    }
}

/// The keywords of `s` that constrain values of `ty`, as a schema of that type. An `enum` keeps the
/// values of that type.
fn member_for(s: &Map, ty: &str) -> Json {
    let mut member = Map::new();
    member.insert("type".to_owned(), ty.into());
    for (key, value) in s {
        if key == "format" {
            let numeric = matches!(value.as_str(), Some("int32" | "int64" | "float" | "double"));
            if numeric == matches!(ty, "integer" | "number") {
                member.insert(key.clone(), value.clone());
            }
        } else if keyword_types(key).contains(&ty) {
            member.insert(key.clone(), value.clone());
        }
    }
    if let Some(Json::Array(values)) = s.get("enum") {
        let fitting: Vec<Json> = values.iter().filter(|v| v.has_type(ty)).cloned().collect();
        member.insert("enum".to_owned(), Json::Array(fitting));
    }
    Json::Object(member)
}

/// The types a keyword constrains (empty for annotations and composition).
fn keyword_types(key: &str) -> &'static [&'static str] {
    match key {
        "minLength" | "maxLength" | "pattern" | "contentMediaType" | "contentEncoding" => {
            &["string"]
        }
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => {
            &["integer", "number"]
        }
        "items" | "minItems" | "maxItems" | "uniqueItems" | "prefixItems" | "contains" => {
            &["array"]
        }
        "properties"
        | "required"
        | "additionalProperties"
        | "minProperties"
        | "maxProperties"
        | "patternProperties"
        | "propertyNames" => &["object"],
        _ => &[],
    }
}

fn applies_to_some_type(key: &str) -> bool {
    key == "format" || key == "enum" || !keyword_types(key).is_empty()
}

/// `anyOf`/`oneOf` members that only accept `null` become `nullable`; a single member left is
/// then an `allOf` of it (a nullable reference, in 3.0 terms).
fn null_members(s: &mut Map, at: &Pointer, record: &mut Record) {
    for key in ["anyOf", "oneOf"] {
        let Some(Json::Array(members)) = s.get(key) else {
            continue;
        };
        if !members.iter().any(is_null_schema) {
            continue;
        }
        let Some(Json::Array(members)) = s.shift_remove(key) else {
            continue;
        };
        let kept: Vec<(usize, Json)> = members
            .into_iter()
            .enumerate()
            .filter(|(_, m)| !is_null_schema(m))
            .collect();
        s.insert("nullable".to_owned(), true.into());
        let target = if kept.len() == 1 && !s.contains_key("allOf") {
            "allOf"
        } else {
            key
        };
        if kept.is_empty() {
            continue;
        }
        let mut list = Vec::with_capacity(kept.len());
        for (j, (i, member)) in kept.into_iter().enumerate() {
            record.moved(
                &at.push(target).push(j.to_string()),
                &at.push(key).push(i.to_string()),
            );
            list.push(member);
        }
        s.insert(target.to_owned(), Json::Array(list));
    }
}

/// `{type: 'null'}` (or a list of just `null`, or `const: null`).
fn is_null_schema(v: &Json) -> bool {
    match v.get("type") {
        Some(Json::String(t)) => t == "null",
        Some(Json::Array(list)) => {
            !list.is_empty() && list.iter().all(|t| t.as_str() == Some("null"))
        }
        _ => v.get("const") == Some(&Json::Null) && v.as_object().is_some_and(|o| o.len() == 1),
    }
}

/// A numeric `exclusiveMinimum` (or maximum) → `minimum` + `exclusiveMinimum: true`, unless the
/// inclusive bound beside it is the stricter one.
fn exclusive_bound(s: &mut Map, exclusive: &str, inclusive: &str, stricter: fn(f64, f64) -> bool) {
    let Some(Json::Number(bound)) = s.get(exclusive).cloned() else {
        return;
    };
    let inclusive_bound = s.get(inclusive).and_then(Json::as_f64);
    match (bound.as_f64(), inclusive_bound) {
        (Some(b), Some(i)) if !stricter(b, i) => {
            s.shift_remove(exclusive);
        }
        _ => {
            s.insert(inclusive.to_owned(), Json::Number(bound));
            s.insert(exclusive.to_owned(), true.into());
        }
    }
}

/// `contentEncoding: base64` is 3.0's `format: byte`; other encoded content is `format: binary`.
fn content_keywords(s: &mut Map) {
    let encoding = s.shift_remove("contentEncoding");
    let media = s.shift_remove("contentMediaType");
    if s.contains_key("format") || (encoding.is_none() && media.is_none()) {
        return;
    }
    let format = match encoding.as_ref().and_then(Json::as_str) {
        Some("base64" | "base64url") => "byte",
        _ => "binary",
    };
    s.insert("format".to_owned(), format.into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(schema: serde_json::Value) -> (serde_json::Value, Record) {
        let mut schema = Json::from(schema);
        let mut record = Record::default();
        convert(&mut schema, &Pointer::root().push("s"), &mut record);
        (schema.into(), record)
    }

    #[test]
    fn type_lists_become_nullable_or_any_of() {
        assert_eq!(
            run(json!({"type": ["string", "null"], "maxLength": 3})).0,
            json!({"maxLength": 3, "nullable": true, "type": "string"})
        );
        assert_eq!(run(json!({"type": "null"})).0, json!({"nullable": true}));
        let (schema, record) = run(
            json!({"type": ["integer", "string"], "format": "int64", "maxLength": 2, "minimum": 1, "enum": [1, "a"], "description": "d"}),
        );
        assert_eq!(
            schema,
            json!({"description": "d", "anyOf": [
                {"type": "integer", "format": "int64", "minimum": 1, "enum": [1]},
                {"type": "string", "maxLength": 2, "enum": ["a"]}
            ]})
        );
        assert_eq!(
            record.origins.original("/s/anyOf/1/maxLength"),
            "/s/maxLength"
        );
    }

    #[test]
    fn const_examples_and_bounds() {
        assert_eq!(
            run(json!({"const": "x", "examples": ["a", "b"], "exclusiveMinimum": 0, "exclusiveMaximum": 9, "maximum": 5})).0,
            json!({"maximum": 5, "type": "string", "enum": ["x"], "example": "a", "minimum": 0, "exclusiveMinimum": true})
        );
    }

    #[test]
    fn ref_siblings_are_dropped_or_kept_in_all_of() {
        assert_eq!(
            run(json!({"$ref": "#/components/schemas/A", "description": "d"})).0,
            json!({"$ref": "#/components/schemas/A"})
        );
        let (schema, record) =
            run(json!({"$ref": "#/components/schemas/A", "maxLength": 2, "description": "d"}));
        assert_eq!(
            schema,
            json!({"maxLength": 2, "allOf": [{"$ref": "#/components/schemas/A"}]})
        );
        assert_eq!(record.origins.original("/s/allOf/0/$ref"), "/s/$ref");
    }

    #[test]
    fn null_members_make_nullable_references() {
        let (schema, record) =
            run(json!({"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/A"}]}));
        assert_eq!(
            schema,
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/A"}]})
        );
        assert_eq!(record.origins.original("/s/allOf/0"), "/s/oneOf/1");
    }

    #[test]
    fn boolean_schemas_and_dialect_keywords() {
        assert_eq!(run(json!(true)).0, json!({}));
        assert_eq!(run(json!(false)).0, json!({"not": {}}));
        assert_eq!(
            run(json!({"$schema": "x", "$id": "y", "$defs": {}, "type": "string", "contentEncoding": "base64"})).0,
            json!({"type": "string", "format": "byte"})
        );
        assert_eq!(
            run(json!({"type": "string", "contentMediaType": "image/png"})).0,
            json!({"type": "string", "format": "binary"})
        );
    }
}
