//! Responses: `schema` and `examples` → `content` per produced media type; headers get a schema.

use super::params;
use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

/// A map of responses (an operation's, or the document's), now at `to`, written at `from`.
pub(super) fn responses(
    responses: Json,
    produces: &[String],
    to: &Pointer,
    from: &Pointer,
    record: &mut Record,
) -> Json {
    let Json::Object(responses) = responses else {
        return responses;
    };
    let converted = responses
        .into_iter()
        .map(|(code, r)| {
            let r = response(r, produces, &to.push(&code), &from.push(&code), record);
            (code, r)
        })
        .collect();
    Json::Object(converted)
}

fn response(
    response: Json,
    produces: &[String],
    to: &Pointer,
    from: &Pointer,
    record: &mut Record,
) -> Json {
    let Json::Object(mut response) = response else {
        return response;
    };
    if let Some(Json::String(r)) = response.get_mut("$ref") {
        if let Some(name) = r.strip_prefix("#/responses/") {
            *r = format!("#/components/responses/{name}");
        }
        return Json::Object(response);
    }
    let schema = response.shift_remove("schema");
    let examples = match response.shift_remove("examples") {
        Some(Json::Object(e)) => e,
        _ => Map::new(),
    };
    let mut out = Map::new();
    for (key, value) in response {
        let value = match key.as_str() {
            "headers" => headers(value, &to.push("headers"), &from.push("headers"), record),
            _ => value,
        };
        out.insert(key, value);
    }
    if let Some(schema) = schema {
        let content = content(schema, examples, produces, to, from, record);
        out.insert("content".to_owned(), Json::Object(content));
    }
    Json::Object(out)
}

/// The schema for each produced media type (JSON when none is; a file is `application/octet-stream`),
/// and for each media type an example is given for.
fn content(
    schema: Json,
    mut examples: Map,
    produces: &[String],
    to: &Pointer,
    from: &Pointer,
    record: &mut Record,
) -> Map {
    let schema = match schema {
        Json::Object(mut s) => {
            params::file_to_binary(&mut s);
            Json::Object(s)
        }
        other => other,
    };
    let is_binary = schema.get("format").and_then(Json::as_str) == Some("binary");
    let mut media: Vec<String> = produces.to_vec();
    if media.is_empty() {
        media.push(
            if is_binary {
                "application/octet-stream"
            } else {
                "application/json"
            }
            .to_owned(),
        );
    }
    for m in examples.keys() {
        if !media.contains(m) {
            media.push(m.clone());
        }
    }
    let mut content = Map::new();
    for m in media {
        let at = to.push("content").push(&m);
        record.came_from(&at.push("schema"), &from.push("schema"));
        let mut entry = Map::new();
        entry.insert("schema".to_owned(), schema.clone());
        if let Some(example) = examples.shift_remove(&m) {
            record.came_from(&at.push("example"), &from.push("examples").push(&m));
            entry.insert("example".to_owned(), example);
        }
        content.insert(m, Json::Object(entry));
    }
    content
}

fn headers(headers: Json, to: &Pointer, from: &Pointer, record: &mut Record) -> Json {
    let Json::Object(headers) = headers else {
        return headers;
    };
    let converted = headers
        .into_iter()
        .map(|(name, h)| {
            let h = params::header(h, &to.push(&name), &from.push(&name), record);
            (name, h)
        })
        .collect();
    Json::Object(converted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schema_examples_and_headers() {
        let mut record = Record::default();
        let at = Pointer::root().push("r");
        let out = responses(
            Json::from(json!({
                "200": {
                    "description": "ok",
                    "schema": {"type": "file"},
                    "headers": {"X-Rate": {"type": "integer", "description": "d"}},
                    "examples": {"text/plain": "hi"}
                },
                "404": {"$ref": "#/responses/NotFound"}
            })),
            &["application/pdf".to_owned()],
            &at,
            &at,
            &mut record,
        );
        assert_eq!(
            serde_json::Value::from(out),
            json!({
                "200": {
                    "description": "ok",
                    "headers": {"X-Rate": {"description": "d", "schema": {"type": "integer"}}},
                    "content": {
                        "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                        "text/plain": {"schema": {"type": "string", "format": "binary"}, "example": "hi"}
                    }
                },
                "404": {"$ref": "#/components/responses/NotFound"}
            })
        );
        assert_eq!(
            record
                .origins
                .original("/r/200/content/application~1pdf/schema/type"),
            "/r/200/schema/type"
        );
        assert_eq!(
            record.origins.original("/r/200/headers/X-Rate/schema/type"),
            "/r/200/headers/X-Rate/type"
        );
    }
}
