//! References that lowering cannot follow, rewritten so that it only ever sees
//! `#/components/<kind>/<name>`.
//!
//! Three passes, in this order around the version conversion:
//! - [`files`] (before it, when the caller gives the spec's folder): relative file references of
//!   a multi-file spec are read inside the folder tree and their targets brought into the
//!   document's components, in the document's own dialect;
//! - [`path_items`] (before it): `$ref` path items are inlined;
//! - [`local`] (after it, on the 3.0 document; before it for Swagger 2.0, whose conversion moves
//!   schemas): any other local JSON pointer is resolved, and its target hoisted into a component
//!   that the pointer's old place and every reference share; discriminator `mapping` values given
//!   as bare schema names become references.
//!
//! Where a `$ref` stands decides what it refers to ([`Kind`]): the position machine ([`Pos`])
//! follows the OpenAPI object layout, so only real reference positions are read (never example
//! data or extensions).

pub(super) mod files;
pub(super) mod local;
pub(super) mod path_items;

use super::json::{Json, Map};
use crate::error::{Error, Pointer};

/// Links a chain of references may have before it is called a cycle.
const MAX_CHAIN: usize = 32;

/// Values (nodes) the passes may copy or move in all: bounds what a document of many references to
/// large parts can make of itself, and the work of walking what was brought in.
const MAX_COPIED: usize = 4_000_000;

/// Components the passes may add.
const MAX_HOISTED: usize = 100_000;

/// The OpenAPI version family, as far as reference positions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dialect {
    /// OpenAPI 3.0 or 3.1: `components/<kind>`.
    OpenApi3,
    /// Swagger 2.0: `definitions`, `parameters`, `responses`; a response's `schema`.
    Swagger2,
}

/// What a reference at some position refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    Schema,
    Parameter,
    RequestBody,
    Response,
    Header,
    Example,
    Link,
    Callback,
    PathItem,
    SecurityScheme,
}

impl Kind {
    pub(super) const ALL: [Kind; 10] = [
        Kind::Schema,
        Kind::Parameter,
        Kind::RequestBody,
        Kind::Response,
        Kind::Header,
        Kind::Example,
        Kind::Link,
        Kind::Callback,
        Kind::PathItem,
        Kind::SecurityScheme,
    ];

    /// The key of this kind under `components`.
    pub(super) fn components_key(self) -> &'static str {
        match self {
            Kind::Schema => "schemas",
            Kind::Parameter => "parameters",
            Kind::RequestBody => "requestBodies",
            Kind::Response => "responses",
            Kind::Header => "headers",
            Kind::Example => "examples",
            Kind::Link => "links",
            Kind::Callback => "callbacks",
            Kind::PathItem => "pathItems",
            Kind::SecurityScheme => "securitySchemes",
        }
    }

    fn from_components_key(key: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.components_key() == key)
    }

    /// The kind in words, for messages.
    pub(super) fn what(self) -> &'static str {
        match self {
            Kind::Schema => "schema",
            Kind::Parameter => "parameter",
            Kind::RequestBody => "request body",
            Kind::Response => "response",
            Kind::Header => "header",
            Kind::Example => "example",
            Kind::Link => "link",
            Kind::Callback => "callback",
            Kind::PathItem => "path item",
            Kind::SecurityScheme => "security scheme",
        }
    }

    /// Where components of this kind live in a document of `dialect`, when they can.
    pub(super) fn home(self, dialect: Dialect) -> Option<[&'static str; 2]> {
        match (dialect, self) {
            (Dialect::OpenApi3, kind) => Some(["components", kind.components_key()]),
            (Dialect::Swagger2, Kind::Schema) => Some(["definitions", ""]),
            (Dialect::Swagger2, Kind::Parameter) => Some(["parameters", ""]),
            (Dialect::Swagger2, Kind::Response) => Some(["responses", ""]),
            (Dialect::Swagger2, _) => None,
        }
    }
}

/// The tokens of a component's home (`["components", "schemas"]`, `["definitions"]`).
pub(super) fn home_tokens(home: [&str; 2]) -> Vec<String> {
    home.iter()
        .filter(|t| !t.is_empty())
        .map(|t| (*t).to_owned())
        .collect()
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A position in an OpenAPI document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pos {
    Doc,
    Components,
    /// An object of this kind (or a `$ref` to one).
    Object(Kind),
    /// A map of names to objects of this kind.
    Map(Kind),
    /// A list of objects of this kind.
    List(Kind),
    Operation,
    Content,
    Media,
    Encodings,
    Encoding,
    /// Anything else: data, extensions, keywords no reference stands in.
    Other,
}

impl Pos {
    /// The position of a member `token` of a value at this position.
    pub(super) fn step(self, token: &str, dialect: Dialect) -> Pos {
        use Kind::*;
        match (self, token) {
            // Webhooks are not generated: their references are not followed.
            (Pos::Doc, "paths") => Pos::Map(PathItem),
            // Extensions of the paths, responses and callback objects.
            (Pos::Map(PathItem | Response) | Pos::Object(Callback), key)
                if key.starts_with("x-") =>
            {
                Pos::Other
            }
            (Pos::Doc, "components") => Pos::Components,
            (Pos::Doc, "definitions") if dialect == Dialect::Swagger2 => Pos::Map(Schema),
            (Pos::Doc, "parameters") if dialect == Dialect::Swagger2 => Pos::Map(Parameter),
            (Pos::Doc, "responses") if dialect == Dialect::Swagger2 => Pos::Map(Response),
            (Pos::Components, key) => Kind::from_components_key(key).map_or(Pos::Other, Pos::Map),
            (Pos::Map(kind) | Pos::List(kind), _) => Pos::Object(kind),
            (Pos::Object(PathItem), "parameters") => Pos::List(Parameter),
            (Pos::Object(PathItem), method) if METHODS.contains(&method) => Pos::Operation,
            (Pos::Operation, "parameters") => Pos::List(Parameter),
            (Pos::Operation, "requestBody") => Pos::Object(RequestBody),
            (Pos::Operation, "responses") => Pos::Map(Response),
            (Pos::Operation, "callbacks") => Pos::Map(Callback),
            (Pos::Object(Callback), _) => Pos::Object(PathItem),
            (Pos::Object(Parameter | Header), "schema") => Pos::Object(Schema),
            (Pos::Object(Parameter | Header), "content") => Pos::Content,
            (Pos::Object(Parameter | Header), "examples") => Pos::Map(Example),
            (Pos::Object(RequestBody), "content") => Pos::Content,
            (Pos::Object(Response), "content") => Pos::Content,
            (Pos::Object(Response), "headers") => Pos::Map(Header),
            (Pos::Object(Response), "links") => Pos::Map(Link),
            (Pos::Object(Response), "schema") if dialect == Dialect::Swagger2 => {
                Pos::Object(Schema)
            }
            (Pos::Content, _) => Pos::Media,
            (Pos::Media, "schema") => Pos::Object(Schema),
            (Pos::Media, "examples") => Pos::Map(Example),
            (Pos::Media, "encoding") => Pos::Encodings,
            (Pos::Encodings, _) => Pos::Encoding,
            (Pos::Encoding, "headers") => Pos::Map(Header),
            (Pos::Object(Schema), "properties") => Pos::Map(Schema),
            (Pos::Object(Schema), "items" | "not" | "additionalProperties") => Pos::Object(Schema),
            (Pos::Object(Schema), "allOf" | "oneOf" | "anyOf") => Pos::List(Schema),
            _ => Pos::Other,
        }
    }

    /// The kind of object at this position, if it is one a `$ref` may stand for.
    pub(super) fn kind(self) -> Option<Kind> {
        match self {
            Pos::Object(kind) => Some(kind),
            _ => None,
        }
    }
}

/// The position that `tokens` lead to from the root.
pub(super) fn position(tokens: &[String], dialect: Dialect) -> Pos {
    tokens
        .iter()
        .fold(Pos::Doc, |pos, token| pos.step(token, dialect))
}

/// A place that refers to something: a `$ref` object, or a discriminator `mapping` value.
#[derive(Debug, Clone)]
pub(super) struct Site {
    /// The `$ref` object, or the mapping value.
    pub(super) at: Vec<String>,
    pub(super) kind: Kind,
    pub(super) reference: String,
    pub(super) mapping: bool,
}

impl Site {
    pub(super) fn pointer(&self) -> Pointer {
        pointer_of(&self.at)
    }

    pub(super) fn error(&self, reason: impl Into<String>) -> Error {
        Error::Reference {
            pointer: self.pointer().to_string(),
            reference: self.reference.clone(),
            reason: reason.into(),
        }
    }

    /// The reference as it stands in `doc` now (`None` when the place has gone: it was inside a
    /// part that moved, and is visited again where it went).
    pub(super) fn current<'a>(&self, doc: &'a Json) -> Option<&'a str> {
        let value = get(doc, &self.at)?;
        let text = if self.mapping {
            value.as_str()
        } else {
            value.get("$ref").and_then(Json::as_str)
        }?;
        (text == self.reference).then_some(text)
    }

    /// Points the site at `reference`.
    pub(super) fn rewrite(&self, doc: &mut Json, reference: String) {
        let Some(value) = get_mut(doc, &self.at) else {
            return;
        };
        if self.mapping {
            *value = Json::String(reference);
        } else if let Some(slot) = value.get_mut("$ref") {
            *slot = Json::String(reference);
        }
    }
}

/// The sites in `sites` that are a whole component of their kind (`components/schemas/Pet:
/// {$ref: …}`) first: such a component takes its target's place under its own name, which must
/// happen before another reference to the same target gives it a name of its own.
pub(super) fn components_first(sites: Vec<Site>, dialect: Dialect) -> Vec<Site> {
    let (mut first, rest): (Vec<Site>, Vec<Site>) = sites.into_iter().partition(|site| {
        !site.mapping
            && site.kind.home(dialect).is_some_and(|home| {
                let home = home_tokens(home);
                site.at.len() == home.len() + 1 && site.at.starts_with(&home)
            })
    });
    first.extend(rest);
    first
}

/// Every site at or below `value` (at `at`, position `pos`), in document order.
pub(super) fn collect(
    value: &Json,
    at: &mut Vec<String>,
    pos: Pos,
    dialect: Dialect,
    out: &mut Vec<Site>,
) {
    if pos == Pos::Other {
        return;
    }
    if let Some(kind) = pos.kind() {
        if let Some(reference) = value.get("$ref").and_then(Json::as_str) {
            out.push(Site {
                at: at.clone(),
                kind,
                reference: reference.to_owned(),
                mapping: false,
            });
        }
        if kind == Kind::Schema {
            if let Some(Json::Object(mapping)) =
                value.get("discriminator").and_then(|d| d.get("mapping"))
            {
                for (key, target) in mapping {
                    if let Json::String(reference) = target {
                        let mut here = at.clone();
                        here.extend([
                            "discriminator".to_owned(),
                            "mapping".to_owned(),
                            key.clone(),
                        ]);
                        out.push(Site {
                            at: here,
                            kind: Kind::Schema,
                            reference: reference.clone(),
                            mapping: true,
                        });
                    }
                }
            }
        }
    }
    match value {
        Json::Object(object) => {
            for (key, member) in object {
                let next = pos.step(key, dialect);
                if next != Pos::Other {
                    at.push(key.clone());
                    collect(member, at, next, dialect, out);
                    at.pop();
                }
            }
        }
        Json::Array(items) => {
            for (i, member) in items.iter().enumerate() {
                let next = pos.step("", dialect);
                if next != Pos::Other {
                    at.push(i.to_string());
                    collect(member, at, next, dialect, out);
                    at.pop();
                }
            }
        }
        _ => {}
    }
}

/// The sites in the subtree at `at` (whose position is `pos`).
pub(super) fn collect_at(doc: &Json, at: &[String], pos: Pos, dialect: Dialect) -> Vec<Site> {
    let mut out = Vec::new();
    if let Some(value) = get(doc, at) {
        collect(value, &mut at.to_vec(), pos, dialect, &mut out);
    }
    out
}

/// The value at `tokens` (array members by index), without following references.
pub(super) fn get<'a>(doc: &'a Json, tokens: &[String]) -> Option<&'a Json> {
    tokens.iter().try_fold(doc, |value, token| match value {
        Json::Object(o) => o.get(token),
        Json::Array(a) => a.get(index(token)?),
        _ => None,
    })
}

pub(super) fn get_mut<'a>(doc: &'a mut Json, tokens: &[String]) -> Option<&'a mut Json> {
    tokens.iter().try_fold(doc, |value, token| match value {
        Json::Object(o) => o.get_mut(token),
        Json::Array(a) => a.get_mut(index(token)?),
        _ => None,
    })
}

/// An array index as RFC 6901 writes it (`0`, or digits without a leading zero).
fn index(token: &str) -> Option<usize> {
    let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
    canonical
        .then(|| token.bytes().all(|b| b.is_ascii_digit()))
        .filter(|digits| *digits)
        .and_then(|_| token.parse().ok())
}

/// The map at `tokens`, made (as an empty object) where it is missing.
pub(super) fn map_at<'a>(doc: &'a mut Json, tokens: &[String]) -> Option<&'a mut Map> {
    let mut value = doc;
    for token in tokens {
        let Json::Object(object) = value else {
            return None;
        };
        value = object
            .entry(token.clone())
            .or_insert_with(|| Json::Object(Map::new()));
    }
    value.as_object_mut()
}

pub(super) fn pointer_of(tokens: &[String]) -> Pointer {
    tokens.iter().fold(Pointer::root(), |p, t| p.push(t))
}

/// A reference split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// `#/a/b`: a JSON pointer into the same document, as tokens.
    Local(Vec<String>),
    /// `file.yaml#/a/b` or `file.yaml`: a relative file (percent-decoded) and a pointer into it.
    File(String, Vec<String>),
    /// Anything else (`https://…`, `urn:…`, `#anchor`): not followed.
    Other,
}

/// Reads a reference. A fragment that is not a valid JSON pointer is an error (the reason).
pub(super) fn target(reference: &str) -> Result<Target, String> {
    let (path, fragment) = match reference.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (reference, None),
    };
    let tokens = match fragment {
        None | Some("") => Vec::new(),
        Some(fragment) if fragment.starts_with('/') => pointer_tokens(fragment)?,
        // A plain-name fragment (a JSON Schema anchor).
        Some(_) => return Ok(Target::Other),
    };
    if path.is_empty() {
        return Ok(Target::Local(tokens));
    }
    if has_scheme(path) || path.starts_with("//") {
        return Ok(Target::Other);
    }
    let decoded = percent_decode(path).ok_or("the file name is not valid percent-encoded UTF-8")?;
    Ok(Target::File(decoded, tokens))
}

/// Whether a URI reference starts with a scheme (`https:`, `file:`, `urn:`).
fn has_scheme(reference: &str) -> bool {
    match reference.find(':') {
        Some(i) => {
            let scheme = &reference[..i];
            !scheme.is_empty()
                && !scheme.contains('/')
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// The tokens of a JSON pointer written in a URI fragment: percent-decoded, then unescaped as
/// RFC 6901 says (`~1` is `/`, `~0` is `~`).
pub(super) fn pointer_tokens(fragment: &str) -> Result<Vec<String>, String> {
    let decoded =
        percent_decode(fragment).ok_or("the pointer is not valid percent-encoded UTF-8")?;
    let Some(rest) = decoded.strip_prefix('/') else {
        return if decoded.is_empty() {
            Ok(Vec::new())
        } else {
            Err("a JSON pointer starts with `/`".to_owned())
        };
    };
    rest.split('/')
        .map(|token| {
            let mut out = String::with_capacity(token.len());
            let mut chars = token.chars();
            while let Some(c) = chars.next() {
                if c == '~' {
                    match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return Err(format!("`~` in `{token}` is not `~0` or `~1`")),
                    }
                } else {
                    out.push(c);
                }
            }
            Ok(out)
        })
        .collect()
}

fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// A reference to `tokens` in this document, as a fragment (`#/components/schemas/A`).
pub(super) fn local_reference(tokens: &[String]) -> String {
    format!("#{}", pointer_of(tokens))
}

/// The tokens of a component of `kind` named `name` at `home`.
pub(super) fn component_tokens(home: [&str; 2], name: &str) -> Vec<String> {
    let mut tokens = home_tokens(home);
    tokens.push(name.to_owned());
    tokens
}

/// A name's letters and digits, lower-cased: two names equal here would become one Rust name.
fn folded(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The names taken among a document's components, per kind, as [`folded`].
#[derive(Debug, Default)]
pub(super) struct Taken(std::collections::HashMap<Kind, std::collections::HashSet<String>>);

impl Taken {
    /// The names the document already uses at each kind's home.
    pub(super) fn of(doc: &Json, dialect: Dialect) -> Taken {
        let mut taken = Taken::default();
        for kind in Kind::ALL {
            let Some(home) = kind.home(dialect) else {
                continue;
            };
            if let Some(Json::Object(map)) = get(doc, &home_tokens(home)) {
                let names = taken.0.entry(kind).or_default();
                names.extend(map.keys().map(|k| folded(k)));
            }
        }
        taken
    }

    /// `wanted`, or `wanted2`, `wanted3`… : the first that no component of `kind` has.
    pub(super) fn claim(&mut self, kind: Kind, wanted: &str) -> String {
        let names = self.0.entry(kind).or_default();
        let mut candidate = wanted.to_owned();
        let mut n = 1;
        while !names.insert(folded(&candidate)) {
            n += 1;
            candidate = format!("{wanted}{n}");
        }
        candidate
    }

    /// Marks `name` taken (a component placed where a `$ref` stood keeps its name).
    pub(super) fn mark(&mut self, kind: Kind, name: &str) {
        self.0.entry(kind).or_default().insert(folded(name));
    }
}

/// A readable component name for what `tokens` points at in `doc`: the component or path it is
/// in, then the steps below it that carry meaning (`CreateCompletionRequestLogitBias` for
/// `/components/schemas/CreateCompletionRequest/properties/logit_bias`,
/// `V21ClicksGet401Response` for `/paths/~1v2~11-clicks/get/responses/401/content/…/schema`).
pub(super) fn name_for(doc: &Json, tokens: &[String], kind: Kind) -> String {
    use heck::ToUpperCamelCase;
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    match tokens.first().map(String::as_str) {
        Some("components") if tokens.len() >= 3 => {
            words.push(tokens[2].clone());
            i = 3;
        }
        Some("paths" | "webhooks") if tokens.len() >= 2 => {
            words.push(tokens[1].clone());
            i = 2;
        }
        Some("definitions") if tokens.len() >= 2 => {
            words.push(tokens[1].clone());
            i = 2;
        }
        _ => {}
    }
    while i < tokens.len() {
        let token = tokens[i].as_str();
        let next = tokens.get(i + 1);
        match token {
            "properties" | "schema" | "$defs" | "definitions" | "headers" | "callbacks" => {}
            "content" => i += 1,
            "items" => words.push("Item".to_owned()),
            "additionalProperties" => words.push("Value".to_owned()),
            "requestBody" => words.push("Request".to_owned()),
            "responses" => {
                if let Some(code) = next {
                    words.push(code.clone());
                    i += 1;
                }
                words.push("Response".to_owned());
            }
            "parameters" => {
                let param = next.and_then(|_| get(doc, &tokens[..i + 2]));
                match param.and_then(|p| p.get("name")).and_then(Json::as_str) {
                    Some(name) => words.push(name.to_owned()),
                    None => words.extend(next.cloned()),
                }
                words.push("Param".to_owned());
                i += 1;
            }
            other => words.push(other.to_owned()),
        }
        i += 1;
    }
    let name = words.join(" ").to_upper_camel_case();
    if name.is_empty() {
        kind.what().to_upper_camel_case()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{}{name}", kind.what().to_upper_camel_case())
    } else {
        name
    }
}

/// The start of a value's JSON text, for messages.
pub(super) fn excerpt(value: &Json) -> String {
    let text = match value {
        Json::Array(_) => "[…]".to_owned(),
        other => other.to_string(),
    };
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// How many values (nodes) `value` holds.
pub(super) fn size(value: &Json) -> usize {
    match value {
        Json::Object(o) => 1 + o.values().map(size).sum::<usize>(),
        Json::Array(a) => 1 + a.iter().map(size).sum::<usize>(),
        _ => 1,
    }
}

/// Counts what the passes copy and add, and refuses past the bounds.
#[derive(Debug, Default)]
pub(super) struct Budget {
    copied: usize,
    hoisted: usize,
}

impl Budget {
    /// Charges a copy of `value`.
    pub(super) fn copy(&mut self, value: &Json, site: &Site) -> Result<(), Error> {
        self.copied = self.copied.saturating_add(size(value));
        if self.copied > MAX_COPIED {
            return Err(site.error(format!(
                "references move or copy more than {MAX_COPIED} values in all (a bound against documents that multiply themselves)"
            )));
        }
        Ok(())
    }

    /// Charges one more component.
    pub(super) fn hoist(&mut self, site: &Site) -> Result<(), Error> {
        self.hoisted += 1;
        if self.hoisted > MAX_HOISTED {
            return Err(site.error(format!("references add more than {MAX_HOISTED} components")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tokens(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn references_are_read_as_uri_references_with_json_pointers() {
        assert_eq!(
            target("#/paths/~1v2~11-clicks/get"),
            Ok(Target::Local(tokens(&["paths", "/v2/1-clicks", "get"])))
        );
        assert_eq!(
            target("#/components/schemas/A%20B/properties/a~0b"),
            Ok(Target::Local(tokens(&[
                "components",
                "schemas",
                "A B",
                "properties",
                "a~b"
            ])))
        );
        assert_eq!(
            target("./schemas/pet%20s.yaml#/Pet"),
            Ok(Target::File(
                "./schemas/pet s.yaml".into(),
                tokens(&["Pet"])
            ))
        );
        assert_eq!(
            target("common.yaml"),
            Ok(Target::File("common.yaml".into(), vec![]))
        );
        assert_eq!(target("https://x.example/a.yaml#/A"), Ok(Target::Other));
        assert_eq!(target("//x.example/a.yaml"), Ok(Target::Other));
        assert_eq!(target("#anchor"), Ok(Target::Other));
        assert!(target("#/a~2").is_err());
    }

    #[test]
    fn positions_follow_the_object_layout() {
        let d = Dialect::OpenApi3;
        let at = |t: &[&str]| position(&tokens(t), d).kind();
        assert_eq!(
            at(&[
                "paths",
                "/x",
                "get",
                "responses",
                "200",
                "content",
                "a/b",
                "schema"
            ]),
            Some(Kind::Schema)
        );
        assert_eq!(
            at(&["paths", "/x", "get", "parameters", "0"]),
            Some(Kind::Parameter)
        );
        assert_eq!(
            at(&["components", "schemas", "A", "properties", "b"]),
            Some(Kind::Schema)
        );
        assert_eq!(at(&["components", "schemas", "A", "example", "b"]), None);
        assert_eq!(at(&["paths", "/x"]), Some(Kind::PathItem));
        assert_eq!(
            position(&tokens(&["definitions", "A"]), Dialect::Swagger2).kind(),
            Some(Kind::Schema)
        );
    }

    #[test]
    fn names_read_like_the_pointer() {
        let doc = Json::from(
            json!({"paths": {"/x/{id}": {"get": {"parameters": [{"name": "filter"}]}}}}),
        );
        let name = |t: &[&str]| name_for(&doc, &tokens(t), Kind::Schema);
        assert_eq!(
            name(&[
                "components",
                "schemas",
                "CreateCompletionRequest",
                "properties",
                "logit_bias"
            ]),
            "CreateCompletionRequestLogitBias"
        );
        assert_eq!(
            name(&[
                "paths",
                "/v2/1-clicks",
                "get",
                "responses",
                "401",
                "content",
                "application/json",
                "schema"
            ]),
            "V21ClicksGet401Response"
        );
        assert_eq!(
            name(&["paths", "/x/{id}", "get", "parameters", "0", "schema"]),
            "XIdGetFilterParam"
        );
        assert_eq!(name(&["components", "schemas", "A", "items"]), "AItem");
        assert_eq!(name(&["1"]), "Schema1");
    }

    #[test]
    fn claimed_names_never_collide() {
        let doc = Json::from(json!({"components": {"schemas": {"foo_bar": {}}}}));
        let mut taken = Taken::of(&doc, Dialect::OpenApi3);
        assert_eq!(taken.claim(Kind::Schema, "FooBar"), "FooBar2");
        assert_eq!(taken.claim(Kind::Schema, "FooBar"), "FooBar3");
        assert_eq!(taken.claim(Kind::Response, "FooBar"), "FooBar");
    }
}
