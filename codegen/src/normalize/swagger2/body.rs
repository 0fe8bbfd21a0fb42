//! `in: body` and `in: formData` parameters → an operation's `requestBody`.

use super::{params, Moved};
use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

const URLENCODED: &str = "application/x-www-form-urlencoded";
const MULTIPART: &str = "multipart/form-data";
/// The media type of an `in: body` parameter when the document consumes none it can use.
const DEFAULT_BODY_MEDIA: &str = "application/json";

fn is_form(media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case(URLENCODED) || essence.eq_ignore_ascii_case(MULTIPART)
}

/// The request body the operation's body or form parameters describe, for the media types it
/// consumes; `at` is where it goes.
pub(super) fn request_body(
    moved: &[Moved],
    consumes: &[String],
    at: &Pointer,
    record: &mut Record,
) -> Option<Json> {
    let body = moved.iter().find(|m| m.location() == "body");
    let form: Vec<&Moved> = moved
        .iter()
        .filter(|m| m.location() == "formData")
        .collect();
    match (body, form.first()) {
        (Some(body), Some(first)) => {
            record.note_original(
                &first.origin,
                "`in: formData` parameters beside an `in: body` parameter are ignored",
            );
            Some(from_body(body, consumes, at, record))
        }
        (Some(body), None) => Some(from_body(body, consumes, at, record)),
        (None, Some(_)) => Some(from_form(&form, consumes, at, record)),
        (None, None) => None,
    }
}

/// The body parameter's schema, for each non-form media type consumed (JSON when none is).
fn from_body(body: &Moved, consumes: &[String], at: &Pointer, record: &mut Record) -> Json {
    record.came_from(at, &body.origin);
    let mut media: Vec<&str> = consumes
        .iter()
        .map(String::as_str)
        .filter(|m| !is_form(m))
        .collect();
    if media.is_empty() {
        // Swagger 2.0 names no default, and servers differ; JSON is what its tools assume and
        // what the generator's documentation promises, said here so that a 415 can be traced.
        let reason = if consumes.is_empty() {
            "no `consumes` on the operation or the document: the body is sent as `application/json`, the generator's documented default"
        } else {
            "`consumes` lists only form media types, which an `in: body` parameter cannot use: the body is sent as `application/json`, the generator's documented default"
        };
        record.note_original(&body.origin, reason);
        media.push(DEFAULT_BODY_MEDIA);
    }
    let schema = body
        .param
        .get("schema")
        .cloned()
        .unwrap_or_else(|| Json::Object(Map::new()));
    let mut content = Map::new();
    for m in media {
        record.came_from(
            &at.push("content").push(m).push("schema"),
            &body.origin.push("schema"),
        );
        content.insert(m.to_owned(), Json::object([("schema", schema.clone())]));
    }
    let mut out = Map::new();
    for (key, value) in &body.param {
        if key == "description" || key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        }
    }
    out.insert("content".to_owned(), Json::Object(content));
    if body.param.get("required") == Some(&Json::Bool(true)) {
        out.insert("required".to_owned(), true.into());
    }
    Json::Object(out)
}

/// An object schema with a property per form field: `multipart/form-data` when a field is a file
/// (or only multipart is consumed), else the form types consumed, else URL-encoded.
fn from_form(form: &[&Moved], consumes: &[String], at: &Pointer, record: &mut Record) -> Json {
    if let Some(first) = form.first() {
        record.came_from(at, &first.origin);
    }
    let has_file = form
        .iter()
        .any(|f| f.param.get("type").and_then(Json::as_str) == Some("file"));
    let media: Vec<String> = if has_file {
        vec![MULTIPART.to_owned()]
    } else {
        let consumed: Vec<String> = consumes.iter().filter(|m| is_form(m)).cloned().collect();
        if consumed.is_empty() {
            vec![URLENCODED.to_owned()]
        } else {
            consumed
        }
    };
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut encoding = Map::new();
    for field in form {
        let name = field.name().to_owned();
        properties.insert(name.clone(), params::field_schema(&field.param));
        if field.param.get("required") == Some(&Json::Bool(true)) {
            required.push(Json::String(name.clone()));
        }
        if let Some(e) = array_encoding(field, record) {
            encoding.insert(name, e);
        }
    }
    let any_required = !required.is_empty();
    let mut schema = Map::new();
    schema.insert("type".to_owned(), "object".into());
    schema.insert("properties".to_owned(), Json::Object(properties));
    if any_required {
        schema.insert("required".to_owned(), Json::Array(required));
    }
    let schema = Json::Object(schema);
    let mut content = Map::new();
    for m in &media {
        let at = at.push("content").push(m).push("schema");
        for field in form {
            record.came_from(&at.push("properties").push(field.name()), &field.origin);
        }
        let mut entry = Map::new();
        entry.insert("schema".to_owned(), schema.clone());
        if !encoding.is_empty() && !m.eq_ignore_ascii_case(MULTIPART) {
            entry.insert("encoding".to_owned(), Json::Object(encoding.clone()));
        }
        content.insert(m.clone(), Json::Object(entry));
    }
    let mut out = Map::new();
    out.insert("content".to_owned(), Json::Object(content));
    if any_required {
        out.insert("required".to_owned(), true.into());
    }
    Json::Object(out)
}

/// How an array form field is encoded, when it is not 3.0's default (one pair per value).
fn array_encoding(field: &Moved, record: &mut Record) -> Option<Json> {
    if field.param.get("type").and_then(Json::as_str) != Some("array") {
        return None;
    }
    let format = field
        .param
        .get("collectionFormat")
        .and_then(Json::as_str)
        .unwrap_or("csv");
    let (style, explode) = match format {
        "multi" => return None,
        "ssv" => ("spaceDelimited", false),
        "pipes" => ("pipeDelimited", false),
        "csv" => ("form", false),
        other => {
            record.note_original(
                &field.origin.push("collectionFormat"),
                format!("`collectionFormat: {other}` has no OpenAPI 3.0 form: the values are sent comma-separated"),
            );
            ("form", false)
        }
    };
    Some(Json::object([
        ("style", style.into()),
        ("explode", explode.into()),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn moved(param: Value, i: usize) -> Moved {
        let Json::Object(param) = Json::from(param) else {
            return Moved {
                param: Map::new(),
                origin: Pointer::root(),
            };
        };
        Moved {
            param,
            origin: Pointer::root().push("parameters").push(i.to_string()),
        }
    }

    #[test]
    fn a_body_with_no_usable_consumes_is_json_with_a_note() {
        let at = Pointer::root().push("requestBody");
        for (consumes, says) in [
            (&[][..], "no `consumes` on the operation or the document"),
            (
                &[URLENCODED.to_owned()][..],
                "`consumes` lists only form media types",
            ),
        ] {
            let body = moved(
                json!({"name": "b", "in": "body", "schema": {"type": "object"}}),
                1,
            );
            let mut record = Record::default();
            let out = request_body(&[body], consumes, &at, &mut record).map(Value::from);
            assert_eq!(
                out,
                Some(json!({"content": {"application/json": {"schema": {"type": "object"}}}}))
            );
            assert_eq!(record.notes.len(), 1, "{consumes:?}");
            let note = &record.notes[0];
            assert_eq!(note.pointer, "/parameters/1");
            assert!(
                note.message.starts_with(says) && note.message.contains("`application/json`"),
                "{}",
                note.message
            );
        }
        // A document that says what it consumes gets no note.
        let body = moved(json!({"name": "b", "in": "body", "schema": {}}), 1);
        let mut record = Record::default();
        request_body(&[body], &["text/plain".to_owned()], &at, &mut record);
        assert!(record.notes.is_empty());
    }

    #[test]
    fn body_parameter_becomes_content_per_media_type() {
        let body = moved(
            json!({"name": "b", "in": "body", "required": true, "description": "d", "schema": {"$ref": "#/definitions/A"}}),
            2,
        );
        let mut record = Record::default();
        let at = Pointer::root().push("requestBody");
        let consumes = [
            "application/json".to_owned(),
            "application/xml".to_owned(),
            URLENCODED.to_owned(),
        ];
        let out = request_body(&[body], &consumes, &at, &mut record).map(Value::from);
        assert_eq!(
            out,
            Some(json!({
                "description": "d", "required": true,
                "content": {
                    "application/json": {"schema": {"$ref": "#/definitions/A"}},
                    "application/xml": {"schema": {"$ref": "#/definitions/A"}}
                }
            }))
        );
        assert_eq!(
            record
                .origins
                .original("/requestBody/content/application~1xml/schema/x"),
            "/parameters/2/schema/x"
        );
    }

    #[test]
    fn form_fields_become_properties() {
        let fields = [
            moved(
                json!({"name": "file", "in": "formData", "type": "file", "required": true}),
                0,
            ),
            moved(
                json!({"name": "note", "in": "formData", "type": "string", "description": "n"}),
                1,
            ),
        ];
        let mut record = Record::default();
        let at = Pointer::root().push("requestBody");
        let out = request_body(&fields, &[], &at, &mut record).map(Value::from);
        assert_eq!(
            out,
            Some(json!({
                "required": true,
                "content": {"multipart/form-data": {"schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "note": {"type": "string", "description": "n"}
                    },
                    "required": ["file"]
                }}}
            }))
        );
        assert_eq!(
            record
                .origins
                .original("/requestBody/content/multipart~1form-data/schema/properties/note/type"),
            "/parameters/1/type"
        );
        let plain = [moved(
            json!({"name": "ids", "in": "formData", "type": "array", "items": {"type": "string"}}),
            0,
        )];
        let out = Value::from(request_body(&plain, &[], &at, &mut record).unwrap_or_default());
        assert_eq!(
            out["content"][URLENCODED]["encoding"]["ids"],
            json!({"style": "form", "explode": false})
        );
    }
}
