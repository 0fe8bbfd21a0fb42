//! Sloppy documents made readable: a number or boolean where OpenAPI wants text (an integer
//! `description`, a numeric `version` or tag name, `enum: [1, 2]` on a string schema, a boolean
//! server URL…) becomes that text, and a path item that is not an object (a string, say) is
//! dropped, each with a note, instead of one shape error refusing the whole document.
//!
//! It runs on the 3.0 layout, after a 3.1 or 2.0 document is rewritten, and only touches the
//! positions listed here: anything else of the wrong type is still an error with a pointer. A
//! number becomes the text JSON writes for it (`1.0` stays `1.0`), a boolean `true` or `false`;
//! `null` is left alone (it means absent where text is optional).

use super::json::{Json, Map};
use super::{walk, Record};
use crate::error::Pointer;
use crate::ir::{Diagnostic, NoteKind};

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Coerces every text position of `doc` and drops path items that are not objects.
pub(super) fn coerce(doc: &mut Json, record: &mut Record) {
    let mut notes = Vec::new();
    top_level(doc, &mut notes);
    walk::schemas(doc, &mut |schema, at| self::schema(schema, at, &mut notes));
    for (at, kind, message) in notes {
        let pointer = record.origins.original(at.as_str());
        record.notes.push(Diagnostic {
            kind,
            pointer,
            message,
        });
    }
}

/// A note in normalised coordinates: where, what kind, what was decided.
type Note = (Pointer, NoteKind, String);

/// Replaces `holder[key]` by its text when it is a number or a boolean.
fn text(holder: &mut Json, key: &str, at: &Pointer, notes: &mut Vec<Note>) {
    if let Some(value) = holder.get_mut(key) {
        scalar(value, &at.push(key), notes);
    }
}

/// Each of `keys` of `holder`, as [`text`].
fn texts(holder: &mut Json, keys: &[&str], at: &Pointer, notes: &mut Vec<Note>) {
    for key in keys {
        text(holder, key, at, notes);
    }
}

/// Every item of the array `holder[key]`, as [`text`].
fn text_items(holder: &mut Json, key: &str, at: &Pointer, notes: &mut Vec<Note>) {
    if let Some(Json::Array(items)) = holder.get_mut(key) {
        let at = at.push(key);
        for (i, item) in items.iter_mut().enumerate() {
            scalar(item, &at.push(i.to_string()), notes);
        }
    }
}

/// A number or a boolean at `at` becomes its text.
fn scalar(value: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    let (what, text) = match value {
        Json::Number(n) => ("a number", n.to_string()),
        Json::Bool(b) => ("a boolean", b.to_string()),
        _ => return,
    };
    notes.push((
        at.clone(),
        NoteKind::Tolerated,
        format!("{what} where text is meant: read as the text \"{text}\""),
    ));
    *value = Json::String(text);
}

/// Each entry of the object `holder[key]`, with its pointer.
fn entries(holder: &mut Json, key: &str, at: &Pointer, mut f: impl FnMut(&mut Json, &Pointer)) {
    if let Some(Json::Object(map)) = holder.get_mut(key) {
        let at = at.push(key);
        for (name, value) in map.iter_mut() {
            f(value, &at.push(name));
        }
    }
}

/// Each item of the array `holder[key]`, with its pointer.
fn items(holder: &mut Json, key: &str, at: &Pointer, mut f: impl FnMut(&mut Json, &Pointer)) {
    if let Some(Json::Array(list)) = holder.get_mut(key) {
        let at = at.push(key);
        for (i, value) in list.iter_mut().enumerate() {
            f(value, &at.push(i.to_string()));
        }
    }
}

fn top_level(doc: &mut Json, notes: &mut Vec<Note>) {
    let root = Pointer::root();
    if let Some(info) = doc.get_mut("info") {
        let at = root.push("info");
        texts(
            info,
            &["title", "version", "description", "termsOfService"],
            &at,
            notes,
        );
        for (key, fields) in [
            ("contact", &["name", "url", "email"][..]),
            ("license", &["name", "url"][..]),
        ] {
            if let Some(part) = info.get_mut(key) {
                texts(part, fields, &at.push(key), notes);
            }
        }
    }
    servers(doc, &root, notes);
    external_docs(doc, &root, notes);
    items(doc, "tags", &root, |tag, at| {
        texts(tag, &["name", "description"], at, notes);
        external_docs(tag, at, notes);
    });
    if let Some(Json::Object(paths)) = doc.get_mut("paths") {
        drop_non_objects(paths, &root.push("paths"), notes);
    }
    entries(doc, "paths", &root, |item, at| path_item(item, at, notes));
    if let Some(components) = doc.get_mut("components") {
        let at = root.push("components");
        entries(components, "parameters", &at, |p, at| {
            parameter(p, at, notes)
        });
        entries(components, "headers", &at, |h, at| parameter(h, at, notes));
        entries(components, "responses", &at, |r, at| response(r, at, notes));
        entries(components, "requestBodies", &at, |b, at| {
            text(b, "description", at, notes)
        });
        entries(components, "securitySchemes", &at, |s, at| {
            security_scheme(s, at, notes)
        });
    }
}

/// Path items that are not objects (`/pets: "see below"`) describe nothing: they are dropped.
fn drop_non_objects(paths: &mut Map, at: &Pointer, notes: &mut Vec<Note>) {
    paths.retain(|path, item| {
        let what = match item {
            Json::Object(_) => return true,
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
        };
        notes.push((
            at.push(path),
            NoteKind::Skipped,
            format!("the path item is {what}, not an object: the path is skipped"),
        ));
        false
    });
}

fn path_item(item: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    texts(item, &["summary", "description"], at, notes);
    servers(item, at, notes);
    items(item, "parameters", at, |p, at| parameter(p, at, notes));
    for method in METHODS {
        if let Some(op) = item.get_mut(method) {
            operation(op, &at.push(method), notes);
        }
    }
}

fn operation(op: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    texts(op, &["summary", "description", "operationId"], at, notes);
    text_items(op, "tags", at, notes);
    external_docs(op, at, notes);
    servers(op, at, notes);
    items(op, "parameters", at, |p, at| parameter(p, at, notes));
    if let Some(body) = op.get_mut("requestBody") {
        text(body, "description", &at.push("requestBody"), notes);
    }
    entries(op, "responses", at, |r, at| response(r, at, notes));
}

/// A parameter or a header.
fn parameter(p: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    texts(p, &["name", "description"], at, notes);
}

fn response(r: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    text(r, "description", at, notes);
    entries(r, "headers", at, |h, at| parameter(h, at, notes));
}

fn servers(holder: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    items(holder, "servers", at, |server, at| {
        texts(server, &["url", "description"], at, notes);
        entries(server, "variables", at, |variable, at| {
            texts(variable, &["default", "description"], at, notes);
            text_items(variable, "enum", at, notes);
        });
    });
}

fn external_docs(holder: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    if let Some(docs) = holder.get_mut("externalDocs") {
        texts(
            docs,
            &["description", "url"],
            &at.push("externalDocs"),
            notes,
        );
    }
}

fn security_scheme(scheme: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    texts(
        scheme,
        &[
            "description",
            "name",
            "scheme",
            "bearerFormat",
            "openIdConnectUrl",
        ],
        at,
        notes,
    );
    entries(scheme, "flows", at, |flow, at| {
        texts(
            flow,
            &["authorizationUrl", "tokenUrl", "refreshUrl"],
            at,
            notes,
        );
    });
}

/// A schema's own text keywords, and the values of an enum declared as strings.
fn schema(schema: &mut Json, at: &Pointer, notes: &mut Vec<Note>) {
    texts(
        schema,
        &["title", "description", "format", "pattern"],
        at,
        notes,
    );
    external_docs(schema, at, notes);
    if let Some(discriminator) = schema.get_mut("discriminator") {
        text(
            discriminator,
            "propertyName",
            &at.push("discriminator"),
            notes,
        );
    }
    if matches!(schema.get("type"), Some(Json::String(t)) if t == "string") {
        text_items(schema, "enum", at, notes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn coerced(doc: serde_json::Value) -> (serde_json::Value, Vec<String>) {
        let mut doc = Json::from(doc);
        let mut record = Record::default();
        coerce(&mut doc, &mut record);
        let notes = record
            .notes
            .iter()
            .map(|d| format!("{} {d}", d.kind))
            .collect();
        (serde_json::Value::from(doc), notes)
    }

    #[test]
    fn scalars_where_text_is_meant_become_text() {
        let (doc, notes) = coerced(json!({
            "info": {"title": 7, "version": 1.0, "license": {"name": true}},
            "tags": [{"name": 2024}],
            "servers": [{"url": 5, "variables": {"v": {"default": 1, "enum": [1, 2]}}}],
            "paths": {"/x": {"get": {
                "operationId": 12, "tags": [2024], "summary": false,
                "parameters": [{"name": "q", "in": "query", "description": 3,
                                "schema": {"type": "string", "enum": [1, "b", null, true]}}],
                "responses": {"200": {"description": 200}}
            }}},
            "components": {"schemas": {"A": {"type": "integer", "enum": [1, 2], "title": 9,
                                              "properties": {"b": {"description": false}}}}}
        }));
        assert_eq!(
            doc["info"],
            json!({"title": "7", "version": "1.0", "license": {"name": "true"}})
        );
        assert_eq!(doc["tags"][0]["name"], "2024");
        assert_eq!(
            doc["servers"][0],
            json!({"url": "5", "variables": {"v": {"default": "1", "enum": ["1", "2"]}}})
        );
        let op = &doc["paths"]["/x"]["get"];
        assert_eq!(
            (&op["operationId"], &op["tags"][0], &op["summary"]),
            (&json!("12"), &json!("2024"), &json!("false"))
        );
        assert_eq!(op["parameters"][0]["description"], "3");
        // A string enum's values are text; `null` stays (a nullable enum's absent value).
        assert_eq!(
            op["parameters"][0]["schema"]["enum"],
            json!(["1", "b", null, "true"])
        );
        assert_eq!(op["responses"]["200"]["description"], "200");
        // An integer enum is left alone; schema text is coerced at any depth.
        let a = &doc["components"]["schemas"]["A"];
        assert_eq!(a["enum"], json!([1, 2]));
        assert_eq!(a["title"], "9");
        assert_eq!(a["properties"]["b"]["description"], "false");
        assert!(
            notes.contains(
                &"tolerated /info/version: a number where text is meant: read as the text \"1.0\""
                    .to_owned()
            ),
            "{notes:#?}"
        );
        assert!(notes.contains(&"tolerated /paths/~1x/get/parameters/0/schema/enum/3: a boolean where text is meant: read as the text \"true\"".to_owned()), "{notes:#?}");
        assert_eq!(notes.len(), 17, "{notes:#?}");
    }

    #[test]
    fn path_items_that_are_not_objects_are_skipped() {
        let (doc, notes) = coerced(json!({"paths": {
            "/a": "see /b", "/b": {"get": {}}, "/c": null, "/d": [1]
        }}));
        assert_eq!(doc["paths"], json!({"/b": {"get": {}}}));
        assert_eq!(
            notes,
            [
                "skipped /paths/~1a: the path item is a string, not an object: the path is skipped",
                "skipped /paths/~1c: the path item is null, not an object: the path is skipped",
                "skipped /paths/~1d: the path item is an array, not an object: the path is skipped",
            ]
        );
    }
}
