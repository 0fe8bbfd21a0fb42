//! Swagger 2.0 → OpenAPI 3.0.
//!
//! The document's parts move ([`Globals`] holds what operations inherit): `definitions`,
//! `parameters`, `responses` and `securityDefinitions` become components ([`security`]); `host`,
//! `basePath` and `schemes` become `servers` ([`servers`]); in each operation, `in: body` and
//! `in: formData` parameters become the `requestBody` ([`body`]), the other parameters get a
//! `schema` and a `style` ([`params`]), and each response's `schema` becomes `content` for the
//! media types the operation produces ([`responses`]). Schemas themselves change little
//! ([`schema`]). Every move is recorded, so errors point into the 2.0 document.

mod body;
mod params;
mod responses;
mod schema;
mod security;
mod servers;

use super::{walk, Record, TARGET_VERSION};
use crate::error::Pointer;
use crate::normalize::json::{Json, Map};

const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// What operations inherit from the document.
#[derive(Debug, Default)]
struct Globals {
    consumes: Vec<String>,
    produces: Vec<String>,
    /// The document's `parameters`, to see through `$ref`s to body and form parameters.
    parameters: Map,
    server: servers::Origin,
}

/// A parameter that moves into the request body, with where it was written.
#[derive(Debug, Clone)]
struct Moved {
    param: Map,
    origin: Pointer,
}

impl Moved {
    fn name(&self) -> &str {
        self.param
            .get("name")
            .and_then(Json::as_str)
            .unwrap_or_default()
    }

    fn location(&self) -> &str {
        self.param
            .get("in")
            .and_then(Json::as_str)
            .unwrap_or_default()
    }
}

/// Converts a 2.0 document.
pub(super) fn convert(doc: Json, record: &mut Record) -> Json {
    let Json::Object(mut src) = doc else {
        return doc;
    };
    let globals = Globals {
        consumes: strings(src.get("consumes")),
        produces: strings(src.get("produces")),
        parameters: match src.get("parameters") {
            Some(Json::Object(p)) => p.clone(),
            _ => Map::new(),
        },
        server: servers::Origin::read(&src),
    };
    let root = Pointer::root();
    // Recorded whether or not the document has them, so that a dangling reference is reported
    // as written (`#/definitions/Missing`).
    let in_components = root.push("components");
    for (to, from) in [
        ("schemas", "definitions"),
        ("parameters", "parameters"),
        ("responses", "responses"),
        ("securitySchemes", "securityDefinitions"),
    ] {
        record.came_from(&in_components.push(to), &root.push(from));
    }
    let mut out = Map::new();
    out.insert("openapi".to_owned(), TARGET_VERSION.into());
    if let Some(info) = src.shift_remove("info") {
        out.insert("info".to_owned(), info);
    }
    let servers = globals.server.servers(None, record);
    if !servers.is_empty() {
        out.insert("servers".to_owned(), Json::Array(servers));
    }
    let mut components = Map::new();
    for (key, value) in src {
        match key.as_str() {
            "swagger" | "host" | "basePath" | "schemes" | "consumes" | "produces" => {}
            "paths" => {
                out.insert(key, paths(value, &globals, record));
            }
            "definitions" => {
                components.insert("schemas".to_owned(), value);
            }
            "parameters" => {
                if let Json::Object(defined) = value {
                    let parameters = component_parameters(defined, record);
                    components.insert("parameters".to_owned(), Json::Object(parameters));
                }
            }
            "responses" => {
                let to = root.push("components").push("responses");
                let converted = responses::responses(
                    value,
                    &globals.produces,
                    &to,
                    &root.push("responses"),
                    record,
                );
                components.insert("responses".to_owned(), converted);
            }
            "securityDefinitions" => {
                components.insert(
                    "securitySchemes".to_owned(),
                    security::schemes(value, record),
                );
            }
            _ => {
                out.insert(key, value);
            }
        }
    }
    if !components.is_empty() {
        out.insert("components".to_owned(), Json::Object(components));
    }
    let mut doc = Json::Object(out);
    walk::schemas(&mut doc, &mut |s, at| schema::convert(s, at, record));
    doc
}

/// The document's non-body parameters become component parameters; body and form parameters are
/// inlined where operations refer to them.
fn component_parameters(defined: Map, record: &mut Record) -> Map {
    let to = Pointer::root().push("components").push("parameters");
    let from = Pointer::root().push("parameters");
    let mut out = Map::new();
    for (name, param) in defined {
        let Json::Object(param) = param else {
            continue;
        };
        if matches!(
            param.get("in").and_then(Json::as_str),
            Some("body" | "formData")
        ) {
            continue;
        }
        let converted = params::parameter(param, &to.push(&name), &from.push(&name), record);
        out.insert(name, converted);
    }
    out
}

fn paths(paths: Json, globals: &Globals, record: &mut Record) -> Json {
    let Json::Object(paths) = paths else {
        return paths;
    };
    let at = Pointer::root().push("paths");
    let converted = paths
        .into_iter()
        .map(|(path, item)| {
            let item = path_item(item, &at.push(&path), globals, record);
            (path, item)
        })
        .collect();
    Json::Object(converted)
}

fn path_item(item: Json, at: &Pointer, globals: &Globals, record: &mut Record) -> Json {
    let Json::Object(mut item) = item else {
        return item;
    };
    let (kept, shared) = match item.shift_remove("parameters") {
        Some(Json::Array(list)) => split_parameters(list, &at.push("parameters"), globals, record),
        Some(other) => (Some(other), Vec::new()),
        None => (None, Vec::new()),
    };
    let mut out = Map::new();
    if let Some(kept) = kept {
        out.insert("parameters".to_owned(), kept);
    }
    for (key, value) in item {
        let value = if METHODS.contains(&key.as_str()) {
            operation(value, &at.push(&key), &shared, globals, record)
        } else {
            value
        };
        out.insert(key, value);
    }
    Json::Object(out)
}

/// Splits a parameter list into the parameters that stay (converted, under `at` in the result)
/// and those that move into the request body.
fn split_parameters(
    list: Vec<Json>,
    at: &Pointer,
    globals: &Globals,
    record: &mut Record,
) -> (Option<Json>, Vec<Moved>) {
    let mut kept = Vec::new();
    let mut moved = Vec::new();
    for (i, param) in list.into_iter().enumerate() {
        let from = at.push(i.to_string());
        let to = at.push(kept.len().to_string());
        if let Some(m) = body_or_form(&param, &from, globals) {
            moved.push(m);
            continue;
        }
        kept.push(match param {
            Json::Object(p) if p.contains_key("$ref") => {
                record.came_from(&to, &from);
                Json::Object(params::rewrite_ref(p))
            }
            Json::Object(p) => params::parameter(p, &to, &from, record),
            other => {
                record.came_from(&to, &from);
                other
            }
        });
    }
    (Some(Json::Array(kept)), moved)
}

/// The parameter, followed through a `$ref` to the document's parameters, when it is a body or
/// form parameter.
fn body_or_form(param: &Json, origin: &Pointer, globals: &Globals) -> Option<Moved> {
    let (param, origin) = match param.get("$ref").and_then(Json::as_str) {
        Some(reference) => {
            let name = reference.strip_prefix("#/parameters/")?;
            let target = globals.parameters.get(name)?;
            (target, Pointer::root().push("parameters").push(name))
        }
        None => (param, origin.clone()),
    };
    let Json::Object(param) = param else {
        return None;
    };
    match param.get("in").and_then(Json::as_str) {
        Some("body" | "formData") => Some(Moved {
            param: param.clone(),
            origin,
        }),
        _ => None,
    }
}

fn operation(
    op: Json,
    at: &Pointer,
    shared: &[Moved],
    globals: &Globals,
    record: &mut Record,
) -> Json {
    let Json::Object(mut op) = op else {
        return op;
    };
    let consumes = match op.shift_remove("consumes") {
        Some(list) => strings(Some(&list)),
        None => globals.consumes.clone(),
    };
    let produces = match op.shift_remove("produces") {
        Some(list) => strings(Some(&list)),
        None => globals.produces.clone(),
    };
    let schemes = op.shift_remove("schemes");
    let (kept, own) = match op.shift_remove("parameters") {
        Some(Json::Array(list)) => split_parameters(list, &at.push("parameters"), globals, record),
        Some(other) => (Some(other), Vec::new()),
        None => (None, Vec::new()),
    };
    let mut out = Map::new();
    for (key, value) in op {
        let value = if key == "responses" {
            let at = at.push("responses");
            responses::responses(value, &produces, &at, &at, record)
        } else {
            value
        };
        out.insert(key, value);
    }
    if let Some(kept) = kept {
        out.insert("parameters".to_owned(), kept);
    }
    let moved = inherit(shared, own);
    if let Some(body) = body::request_body(&moved, &consumes, &at.push("requestBody"), record) {
        out.insert("requestBody".to_owned(), body);
    }
    if let Some(schemes) = schemes {
        let servers = globals
            .server
            .servers(Some((&strings(Some(&schemes)), at)), record);
        if !servers.is_empty() {
            out.insert("servers".to_owned(), Json::Array(servers));
        }
    }
    Json::Object(out)
}

/// The operation's body and form parameters, plus the path's that it does not redefine.
fn inherit(shared: &[Moved], own: Vec<Moved>) -> Vec<Moved> {
    let own_body = own.iter().any(|m| m.location() == "body");
    let mut all: Vec<Moved> = shared
        .iter()
        .filter(|s| {
            if s.location() == "body" {
                !own_body
            } else {
                !own.iter()
                    .any(|o| o.location() == s.location() && o.name() == s.name())
            }
        })
        .cloned()
        .collect();
    all.extend(own);
    all
}

/// A list of strings (`consumes`, `produces`, `schemes`); anything else in it is ignored.
fn strings(list: Option<&Json>) -> Vec<String> {
    match list {
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}
