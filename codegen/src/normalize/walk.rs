//! Every schema position of a document in OpenAPI 3.x layout.

use super::json::Json;
use crate::error::Pointer;

/// What to do with each schema: called with the schema and its pointer, outermost first. After the
/// call, the schema's subschemas as the call left them (`properties`, `items`,
/// `additionalProperties`, `allOf`, `oneOf`, `anyOf`, `not`) are visited in turn.
pub(super) type Visit<'a> = dyn FnMut(&mut Json, &Pointer) + 'a;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Visits every schema of the document: components, path items, operations, parameters, request
/// bodies, responses, headers and callbacks.
pub(super) fn schemas(doc: &mut Json, visit: &mut Visit<'_>) {
    let root = Pointer::root();
    if let Some(components) = doc.get_mut("components") {
        let at = root.push("components");
        each_entry(
            components.get_mut("schemas"),
            &at.push("schemas"),
            |s, at| schema(s, at, visit),
        );
        each_entry(
            components.get_mut("parameters"),
            &at.push("parameters"),
            |p, at| parameter(p, at, visit),
        );
        each_entry(
            components.get_mut("requestBodies"),
            &at.push("requestBodies"),
            |b, at| content(b, at, visit),
        );
        each_entry(
            components.get_mut("responses"),
            &at.push("responses"),
            |r, at| response(r, at, visit),
        );
        each_entry(
            components.get_mut("headers"),
            &at.push("headers"),
            |h, at| parameter(h, at, visit),
        );
        each_entry(
            components.get_mut("callbacks"),
            &at.push("callbacks"),
            |c, at| callback(c, at, visit),
        );
    }
    each_entry(doc.get_mut("paths"), &root.push("paths"), |item, at| {
        path_item(item, at, visit)
    });
}

fn each_entry(map: Option<&mut Json>, at: &Pointer, mut f: impl FnMut(&mut Json, &Pointer)) {
    if let Some(Json::Object(map)) = map {
        for (key, value) in map.iter_mut() {
            f(value, &at.push(key));
        }
    }
}

fn each_item(list: Option<&mut Json>, at: &Pointer, mut f: impl FnMut(&mut Json, &Pointer)) {
    if let Some(Json::Array(list)) = list {
        for (i, value) in list.iter_mut().enumerate() {
            f(value, &at.push(i.to_string()));
        }
    }
}

fn path_item(item: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    each_item(
        item.get_mut("parameters"),
        &at.push("parameters"),
        |p, at| parameter(p, at, visit),
    );
    for method in METHODS {
        if let Some(op) = item.get_mut(method) {
            operation(op, &at.push(method), visit);
        }
    }
}

fn operation(op: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    each_item(op.get_mut("parameters"), &at.push("parameters"), |p, at| {
        parameter(p, at, visit)
    });
    if let Some(body) = op.get_mut("requestBody") {
        content(body, &at.push("requestBody"), visit);
    }
    each_entry(op.get_mut("responses"), &at.push("responses"), |r, at| {
        response(r, at, visit)
    });
    each_entry(op.get_mut("callbacks"), &at.push("callbacks"), |c, at| {
        callback(c, at, visit)
    });
}

fn callback(callback: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    each_entry(Some(callback), at, |item, at| path_item(item, at, visit));
}

/// A parameter or a header: a `schema`, or a `content` map.
fn parameter(p: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    if let Some(s) = p.get_mut("schema") {
        schema(s, &at.push("schema"), visit);
    }
    content(p, at, visit);
}

/// A request body, a response, or a parameter's `content`: one schema per media type.
fn content(holder: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    each_entry(
        holder.get_mut("content"),
        &at.push("content"),
        |media, at| {
            if let Some(s) = media.get_mut("schema") {
                schema(s, &at.push("schema"), visit);
            }
        },
    );
}

fn response(r: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    content(r, at, visit);
    each_entry(r.get_mut("headers"), &at.push("headers"), |h, at| {
        parameter(h, at, visit)
    });
}

/// A schema, then its subschemas. Depth is bounded by the parsers' nesting limits.
fn schema(s: &mut Json, at: &Pointer, visit: &mut Visit<'_>) {
    visit(s, at);
    let Json::Object(object) = s else { return };
    for (key, value) in object.iter_mut() {
        let here = at.push(key);
        match (key.as_str(), value) {
            ("properties", Json::Object(properties)) => {
                for (name, p) in properties.iter_mut() {
                    schema(p, &here.push(name), visit);
                }
            }
            ("items" | "not", v) => schema(v, &here, visit),
            ("additionalProperties", v @ Json::Object(_)) => schema(v, &here, visit),
            ("allOf" | "oneOf" | "anyOf", Json::Array(members)) => {
                for (i, m) in members.iter_mut().enumerate() {
                    schema(m, &here.push(i.to_string()), visit);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_position_is_visited_outermost_first() {
        let doc = json!({
            "paths": {"/x": {
                "parameters": [{"name": "a", "in": "query", "schema": {"type": "string"}}],
                "get": {
                    "requestBody": {"content": {"application/json": {"schema": {"items": {}}}}},
                    "responses": {"200": {"headers": {"H": {"schema": {}}}}}
                }
            }},
            "components": {"schemas": {"A": {"properties": {"b": {"allOf": [{}]}}}}}
        });
        let mut seen = Vec::new();
        let mut doc = Json::from(doc);
        schemas(&mut doc, &mut |_, at| seen.push(at.to_string()));
        assert_eq!(
            seen,
            [
                "/components/schemas/A",
                "/components/schemas/A/properties/b",
                "/components/schemas/A/properties/b/allOf/0",
                "/paths/~1x/parameters/0/schema",
                "/paths/~1x/get/requestBody/content/application~1json/schema",
                "/paths/~1x/get/requestBody/content/application~1json/schema/items",
                "/paths/~1x/get/responses/200/headers/H/schema",
            ]
        );
    }
}
