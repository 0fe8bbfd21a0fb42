//! Non-body parameters and headers: their `type`, `format`, `items`, `enum`, `default`, … become a
//! `schema`, and an array's `collectionFormat` becomes a `style` and `explode`.

use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

/// The keywords of a 2.0 parameter, header or `items` object that describe its values.
const SCHEMA_KEYS: &[&str] = &[
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
];

/// A `$ref` to one of the document's parameters, pointing at its new place.
pub(super) fn rewrite_ref(mut param: Map) -> Map {
    if let Some(Json::String(r)) = param.get_mut("$ref") {
        if let Some(name) = r.strip_prefix("#/parameters/") {
            *r = format!("#/components/parameters/{name}");
        }
    }
    param
}

/// A 2.0 path, query or header parameter as a 3.0 parameter, now at `to`, written at `from`.
pub(super) fn parameter(param: Map, to: &Pointer, from: &Pointer, record: &mut Record) -> Json {
    record.came_from(to, from);
    let location = param
        .get("in")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned();
    let is_array = param.get("type").and_then(Json::as_str) == Some("array");
    let format = param
        .get("collectionFormat")
        .and_then(Json::as_str)
        .map(str::to_owned);
    let (schema, mut rest) = split_schema(param);
    if let Some(schema) = schema {
        record.came_from(&to.push("schema"), from);
        rest.insert("schema".to_owned(), schema);
    }
    if location != "query" {
        rest.shift_remove("allowEmptyValue");
    }
    if is_array {
        let at = from.push("collectionFormat");
        record.came_from(&to.push("style"), &at);
        record.came_from(&to.push("explode"), &at);
        style(&mut rest, &location, format.as_deref(), &at, record);
    }
    Json::Object(rest)
}

/// A 2.0 response header as a 3.0 header, now at `to`, written at `from`.
pub(super) fn header(header: Json, to: &Pointer, from: &Pointer, record: &mut Record) -> Json {
    let Json::Object(header) = header else {
        return header;
    };
    if header.contains_key("$ref") {
        return Json::Object(header);
    }
    let (schema, mut rest) = split_schema(header);
    if let Some(schema) = schema {
        record.came_from(&to.push("schema"), from);
        rest.insert("schema".to_owned(), schema);
    }
    Json::Object(rest)
}

/// A form field's schema: its value keywords plus its description.
pub(super) fn field_schema(param: &Map) -> Json {
    let (schema, rest) = split_schema(param.clone());
    let mut schema = match schema {
        Some(Json::Object(s)) => s,
        _ => Map::new(),
    };
    if let Some(description) = rest.get("description") {
        schema.insert("description".to_owned(), description.clone());
    }
    Json::Object(schema)
}

/// Separates the value keywords (as a schema, `None` when there are none and no `schema` is
/// given) from the rest; `collectionFormat` is dropped.
fn split_schema(mut param: Map) -> (Option<Json>, Map) {
    param.shift_remove("collectionFormat");
    if let Some(schema) = param.shift_remove("schema") {
        return (Some(schema), param);
    }
    let mut schema = Map::new();
    for key in SCHEMA_KEYS {
        if let Some(value) = param.shift_remove(*key) {
            let value = match (*key, value) {
                ("items", Json::Object(items)) => items_schema(items),
                (_, value) => value,
            };
            schema.insert((*key).to_owned(), value);
        }
    }
    file_to_binary(&mut schema);
    if schema.is_empty() {
        (None, param)
    } else {
        (Some(Json::Object(schema)), param)
    }
}

fn items_schema(items: Map) -> Json {
    if items.contains_key("$ref") {
        return Json::Object(items);
    }
    let (schema, _) = split_schema(items);
    schema.unwrap_or_else(|| Json::Object(Map::new()))
}

/// `type: file` is a binary string in 3.0.
pub(super) fn file_to_binary(schema: &mut Map) {
    if schema.get("type").and_then(Json::as_str) == Some("file") {
        schema.insert("type".to_owned(), "string".into());
        schema.insert("format".to_owned(), "binary".into());
    }
}

/// The 3.0 `style` and `explode` of an array parameter with this `collectionFormat` (2.0's
/// default is `csv`: comma-separated in one value).
fn style(param: &mut Map, location: &str, format: Option<&str>, at: &Pointer, record: &mut Record) {
    let format = format.unwrap_or("csv");
    if location != "query" {
        if format != "csv" {
            record.note_original(
                at,
                format!("`collectionFormat: {format}` has no OpenAPI 3.0 form for {location} parameters: the values are sent comma-separated"),
            );
        }
        return;
    }
    let (style, explode) = match format {
        "multi" => ("form", true),
        "ssv" => ("spaceDelimited", false),
        "pipes" => ("pipeDelimited", false),
        "csv" => ("form", false),
        other => {
            record.note_original(
                at,
                format!("`collectionFormat: {other}` has no OpenAPI 3.0 form: the values are sent comma-separated"),
            );
            ("form", false)
        }
    };
    param.insert("style".to_owned(), style.into());
    param.insert("explode".to_owned(), explode.into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn convert(param: Value) -> (Value, Record) {
        let mut record = Record::default();
        let Json::Object(param) = Json::from(param) else {
            return (Value::Null, record);
        };
        let to = Pointer::root().push("p").push("0");
        let from = Pointer::root().push("p").push("1");
        (parameter(param, &to, &from, &mut record).into(), record)
    }

    #[test]
    fn value_keywords_become_a_schema_with_a_style() {
        let (param, record) = convert(json!({
            "name": "ids", "in": "query", "required": true, "description": "d",
            "type": "array", "items": {"type": "integer", "format": "int64", "collectionFormat": "csv"},
            "collectionFormat": "pipes", "x-a": 1
        }));
        assert_eq!(
            param,
            json!({
                "name": "ids", "in": "query", "required": true, "description": "d", "x-a": 1,
                "schema": {"type": "array", "items": {"type": "integer", "format": "int64"}},
                "style": "pipeDelimited", "explode": false
            })
        );
        assert_eq!(record.origins.original("/p/0/schema/items"), "/p/1/items");
        assert_eq!(
            record.origins.original("/p/0/style"),
            "/p/1/collectionFormat"
        );
    }

    #[test]
    fn csv_is_the_default_and_tsv_is_a_note() {
        let (param, _) = convert(
            json!({"name": "a", "in": "query", "type": "array", "items": {"type": "string"}}),
        );
        assert_eq!(param["style"], "form");
        assert_eq!(param["explode"], false);
        let (param, record) = convert(
            json!({"name": "a", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"}),
        );
        assert_eq!(param["explode"], false);
        assert_eq!(record.notes.len(), 1);
        assert_eq!(record.notes[0].pointer, "/p/1/collectionFormat");
        let (param, _) = convert(
            json!({"name": "a", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"}),
        );
        assert_eq!(param["explode"], true);
    }

    #[test]
    fn allow_empty_value_stays_on_query_parameters_only() {
        let (param, _) = convert(
            json!({"name": "a", "in": "header", "type": "string", "allowEmptyValue": true}),
        );
        assert!(param.get("allowEmptyValue").is_none());
        let (param, _) =
            convert(json!({"name": "a", "in": "query", "type": "string", "allowEmptyValue": true}));
        assert_eq!(param["allowEmptyValue"], true);
    }
}
