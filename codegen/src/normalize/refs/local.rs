//! Local references that are not `#/components/<kind>/<name>`, and discriminator mappings by name,
//! in an OpenAPI 3.0 document (or a Swagger 2.0 one, in its own layout: `#/definitions/<name>`).
//!
//! A JSON pointer may point anywhere in the document: into an operation's response schema, into a
//! property, into another component's parameter. Its target is hoisted into
//! `components/<kind>` (the kind is where the `$ref` stands) under a name read from the pointer,
//! and the target's place becomes a `$ref` to it too, so that both places share one type. The
//! target moves when it stands at a position of the same kind (and is copied otherwise, an
//! example's data say). Each pointer is hoisted once; references inside the hoisted part are
//! resolved in turn, through the `$ref`s left behind, so cycles end.

use super::{
    collect, component_tokens, components_first, get, get_mut, home_tokens, local_reference,
    map_at, name_for, pointer_of, position, target, Budget, Dialect, Kind, Pos, Site, Taken,
    Target, MAX_CHAIN,
};
use crate::error::Error;
use crate::normalize::json::Json;
use crate::normalize::Record;
use std::collections::{HashMap, VecDeque};

/// Resolves the document's local references as the module says. A 2.0 document is resolved in
/// its own layout (`definitions`, a response's `schema`), before its conversion.
pub(in crate::normalize) fn resolve(
    doc: &mut Json,
    dialect: Dialect,
    record: &mut Record,
) -> Result<(), Error> {
    let mut sites = Vec::new();
    collect(doc, &mut Vec::new(), Pos::Doc, dialect, &mut sites);
    let sites = sites
        .into_iter()
        .filter(|s| needs_work(s, dialect))
        .collect();
    let mut queue: VecDeque<Site> = components_first(sites, dialect).into();
    if queue.is_empty() {
        return Ok(());
    }
    let mut state = State {
        dialect,
        taken: Taken::of(doc, dialect),
        hoisted: HashMap::new(),
        budget: Budget::default(),
    };
    while let Some(site) = queue.pop_front() {
        if site.current(doc).is_none() {
            continue;
        }
        if site.mapping && is_name(&site.reference) {
            mapping(doc, &site, dialect)?;
        } else if site.kind != Kind::PathItem {
            if let Some(new) = state.resolve(doc, &site, record)? {
                queue.extend(new);
            }
        }
    }
    Ok(())
}

/// Whether lowering cannot follow the site as it is.
fn needs_work(site: &Site, dialect: Dialect) -> bool {
    if site.mapping {
        return !is_component(&site.reference, Kind::Schema, dialect);
    }
    site.reference.starts_with('#') && !is_component(&site.reference, site.kind, dialect)
}

/// `#/components/<kind>/` (`#/definitions/` and the like in 2.0), when the kind has a home.
fn prefix(kind: Kind, dialect: Dialect) -> Option<String> {
    kind.home(dialect)
        .map(|home| format!("#/{}/", home_tokens(home).join("/")))
}

/// A reference to the component of `kind` named `name`.
fn reference_to(kind: Kind, dialect: Dialect, name: &str) -> Option<String> {
    prefix(kind, dialect).map(|prefix| format!("{prefix}{name}"))
}

/// Whether `reference` is `#/components/<kind>/<name>` as lowering reads it (the name as written,
/// with nothing to unescape).
fn is_component(reference: &str, kind: Kind, dialect: Dialect) -> bool {
    prefix(kind, dialect).is_some_and(|prefix| {
        reference
            .strip_prefix(&prefix)
            .is_some_and(|name| !name.is_empty() && !name.contains(['/', '~', '%']))
    })
}

/// Whether `reference` names a component of another kind (`#/components/parameters/P` where a
/// header is expected): left as written, for lowering to judge.
fn is_other_component(reference: &str, dialect: Dialect) -> bool {
    Kind::ALL
        .into_iter()
        .any(|kind| is_component(reference, kind, dialect))
}

/// Whether a mapping value is a schema name rather than a reference.
fn is_name(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c))
}

/// A mapping value that is a bare name (OpenAPI: a value that is not a reference is a schema
/// name; component names match `^[a-zA-Z0-9.\-_]+$`) becomes a reference to that schema.
fn mapping(doc: &mut Json, site: &Site, dialect: Dialect) -> Result<(), Error> {
    let value = site.reference.as_str();
    let Some(home) = Kind::Schema.home(dialect) else {
        return Ok(());
    };
    if get(doc, &component_tokens(home, value)).is_some() {
        if let Some(reference) = reference_to(Kind::Schema, dialect, value) {
            site.rewrite(doc, reference);
        }
        return Ok(());
    }
    let lower = value.to_ascii_lowercase();
    if [".yaml", ".yml", ".json"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        // A relative file: lowering refuses it by name, as any file it is not given.
        return Ok(());
    }
    Err(site.error(format!(
        "no schema named `{value}` in components (a mapping value that is not a reference is a schema name)"
    )))
}

struct State {
    dialect: Dialect,
    taken: Taken,
    /// Hoisted targets: their pointer (after following references) → component name.
    hoisted: HashMap<String, String>,
    budget: Budget,
}

impl State {
    /// Resolves one `$ref` (or mapping reference); returns the sites of what it hoisted.
    fn resolve(
        &mut self,
        doc: &mut Json,
        site: &Site,
        record: &mut Record,
    ) -> Result<Option<Vec<Site>>, Error> {
        let kind = site.kind;
        let dialect = self.dialect;
        if is_other_component(&site.reference, dialect) {
            return Ok(None);
        }
        let Some(home) = kind.home(dialect) else {
            return Err(Error::Unsupported {
                pointer: site.pointer().to_string(),
                what: format!(
                    "a reference to a {} that is not a component in a Swagger 2.0 document",
                    kind.what()
                ),
            });
        };
        let home_at = home_tokens(home);
        let mut tokens = match target(&site.reference).map_err(|reason| site.error(reason))? {
            Target::Local(tokens) => tokens,
            _ => return Ok(None),
        };
        // Follow the pointer to its value, and a `$ref` there to its own target.
        let mut links = 0;
        let at = loop {
            let at = locate(doc, &tokens, site)?;
            let Some(next) = get(doc, &at)
                .and_then(|v| v.get("$ref"))
                .and_then(Json::as_str)
                .map(str::to_owned)
            else {
                break at;
            };
            if is_component(&next, kind, dialect) || !next.starts_with("#/") {
                site.rewrite(doc, next);
                return Ok(None);
            }
            links += 1;
            if links > MAX_CHAIN {
                return Err(site.error(format!(
                    "the references form a cycle (or a chain longer than {MAX_CHAIN} links)"
                )));
            }
            tokens = match target(&next).map_err(|reason| site.error(reason))? {
                Target::Local(tokens) => tokens,
                // Not reached: `next` starts with `#/`.
                Target::File(..) | Target::Other => return Ok(None),
            };
        };
        // A component of the right kind under a name lowering cannot read as written.
        if at.len() == home_at.len() + 1
            && at.starts_with(&home_at)
            && !at[home_at.len()].contains('/')
        {
            if let Some(reference) = reference_to(kind, dialect, &at[home_at.len()]) {
                site.rewrite(doc, reference);
            }
            return Ok(None);
        }
        if at.is_empty() {
            return Err(site.error("the reference points at the whole document"));
        }
        let key = pointer_of(&at).to_string();
        if let Some(name) = self.hoisted.get(&key) {
            if let Some(reference) = reference_to(kind, dialect, name) {
                site.rewrite(doc, reference);
            }
            return Ok(None);
        }
        self.hoist(doc, site, home, at, key, record).map(Some)
    }

    fn hoist(
        &mut self,
        doc: &mut Json,
        site: &Site,
        home: [&'static str; 2],
        at: Vec<String>,
        key: String,
        record: &mut Record,
    ) -> Result<Vec<Site>, Error> {
        let kind = site.kind;
        let dialect = self.dialect;
        let home_at = home_tokens(home);
        self.budget.hoist(site)?;
        let moves = position(&at, dialect).kind() == Some(kind);
        // A component that is only this `$ref` takes the target's place under its own name.
        let in_place = !site.mapping
            && site.at.len() == home_at.len() + 1
            && site.at.starts_with(&home_at)
            && get(doc, &site.at)
                .and_then(Json::as_object)
                .is_some_and(|o| o.len() == 1);
        let name = if in_place {
            site.at[home_at.len()].clone()
        } else {
            self.taken.claim(kind, &name_for(doc, &at, kind))
        };
        let reference = local_reference(&component_tokens(home, &name));
        let Some(value) = get_mut(doc, &at) else {
            return Err(site.error("the pointer does not resolve"));
        };
        if !matches!(value, Json::Object(_)) {
            return Err(site.error(format!(
                "the pointer leads to `{}`, not to a {} (an object)",
                super::excerpt(value),
                kind.what()
            )));
        }
        // Moved or copied, the part is walked again for its references: both count.
        self.budget.copy(value, site)?;
        let value = if moves {
            std::mem::replace(value, Json::object([("$ref", reference.clone().into())]))
        } else {
            value.clone()
        };
        // Where the reference is written (before its place may be recorded as the target's).
        let referrer = record.origins.original(site.pointer().as_str());
        let new_at = component_tokens(home, &name);
        let new_pointer = pointer_of(&new_at);
        let from = pointer_of(&at);
        record.moved(&new_pointer, &from);
        if in_place {
            if let Some(slot) = get_mut(doc, &site.at) {
                *slot = value;
            }
        } else {
            let Some(components) = map_at(doc, &home_at) else {
                return Err(site.error("the components of the document are not an object"));
            };
            components.insert(name.clone(), value);
            site.rewrite(doc, reference);
        }
        record.note(
            &from,
            format!(
                "`#{from}` is referred to from `{referrer}`: it is the {} component `{name}`, which both places share",
                kind.what(),
            ),
        );
        self.hoisted.insert(key, name);
        let mut sites = Vec::new();
        if let Some(value) = get(doc, &new_at) {
            collect(
                value,
                &mut new_at.clone(),
                Pos::Object(kind),
                dialect,
                &mut sites,
            );
        }
        Ok(sites
            .into_iter()
            .filter(|s| needs_work(s, dialect))
            .collect())
    }
}

/// The place `tokens` designates, following the `$ref`s it passes through (`#/a/b` where `/a` is a
/// `$ref` continues in `/a`'s target), or an error saying which token is missing.
pub(super) fn locate(doc: &Json, tokens: &[String], site: &Site) -> Result<Vec<String>, Error> {
    let mut path: Vec<String> = Vec::new();
    let mut rest: VecDeque<String> = tokens.iter().cloned().collect();
    let mut links = 0;
    while let Some(token) = rest.front() {
        let Some(here) = get(doc, &path) else {
            return Err(site.error(format!("no value at `{}`", pointer_of(&path))));
        };
        let has = match here {
            Json::Object(o) => o.contains_key(token),
            Json::Array(a) => token.parse::<usize>().is_ok_and(|i| i < a.len()),
            _ => false,
        };
        if has {
            if let Some(token) = rest.pop_front() {
                path.push(token);
            }
            continue;
        }
        let via = here.get("$ref").and_then(Json::as_str).map(str::to_owned);
        match via.map(|r| target(&r)) {
            Some(Ok(Target::Local(next))) => {
                links += 1;
                if links > MAX_CHAIN {
                    return Err(site.error(format!(
                        "the references form a cycle (or a chain longer than {MAX_CHAIN} links)"
                    )));
                }
                path = Vec::new();
                for token in next.into_iter().rev() {
                    rest.push_front(token);
                }
            }
            _ => {
                return Err(site.error(format!(
                    "the pointer does not resolve: `{}` has no `{token}`",
                    local_reference(&path)
                )))
            }
        }
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(doc: serde_json::Value) -> Result<(serde_json::Value, Record), Error> {
        let mut doc = Json::from(doc);
        let mut record = Record::default();
        resolve(&mut doc, Dialect::OpenApi3, &mut record)?;
        Ok((serde_json::Value::from(doc), record))
    }

    #[test]
    fn a_property_pointer_becomes_a_shared_component() {
        let (doc, record) = run(json!({"components": {"schemas": {
            "Req": {"properties": {"logit_bias": {"type": "object", "properties": {"a": {"type": "string"}}}}},
            "Other": {"properties": {"bias": {"$ref": "#/components/schemas/Req/properties/logit_bias"}}}
        }}}))
        .unwrap();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["Req"]["properties"]["logit_bias"],
            json!({"$ref": "#/components/schemas/ReqLogitBias"})
        );
        assert_eq!(
            schemas["Other"]["properties"]["bias"],
            json!({"$ref": "#/components/schemas/ReqLogitBias"})
        );
        assert_eq!(schemas["ReqLogitBias"]["properties"]["a"]["type"], "string");
        assert_eq!(
            record
                .origins
                .original("/components/schemas/ReqLogitBias/properties/a"),
            "/components/schemas/Req/properties/logit_bias/properties/a"
        );
        assert_eq!(record.notes.len(), 1);
    }

    #[test]
    fn a_self_referring_part_terminates() {
        let (doc, _) = run(json!({"components": {"schemas": {
            "Tree": {"properties": {"node": {"type": "object", "properties": {
                "next": {"$ref": "#/components/schemas/Tree/properties/node"}
            }}}}
        }}}))
        .unwrap();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["TreeNode"]["properties"]["next"],
            json!({"$ref": "#/components/schemas/TreeNode"})
        );
    }

    #[test]
    fn cycles_and_dangling_pointers_are_errors_at_the_ref() {
        let err = run(json!({"components": {"schemas": {
            "A": {"$ref": "#/components/schemas/B/properties/x"},
            "B": {"$ref": "#/components/schemas/A/properties/x"}
        }}}))
        .unwrap_err();
        assert_eq!(err.pointer(), Some("/components/schemas/A"), "{err}");
        assert!(err.to_string().contains("cycle"), "{err}");
        let err = run(json!({"components": {"schemas": {
            "A": {"properties": {"b": {"$ref": "#/components/schemas/A/properties/nope"}}}
        }}}))
        .unwrap_err();
        assert_eq!(err.pointer(), Some("/components/schemas/A/properties/b"));
        assert!(err.to_string().contains("has no `nope`"), "{err}");
    }

    #[test]
    fn mapping_names_become_references() {
        let doc = json!({"components": {"schemas": {
            "One": {"type": "object"},
            "U": {"oneOf": [{"$ref": "#/components/schemas/One"}],
                  "discriminator": {"propertyName": "t", "mapping": {"one": "One"}}}
        }}});
        let (out, _) = run(doc.clone()).unwrap();
        assert_eq!(
            out["components"]["schemas"]["U"]["discriminator"]["mapping"]["one"],
            "#/components/schemas/One"
        );
        let mut bad = doc;
        bad["components"]["schemas"]["U"]["discriminator"]["mapping"]["one"] = json!("Two");
        let err = run(bad).unwrap_err();
        assert_eq!(
            err.pointer(),
            Some("/components/schemas/U/discriminator/mapping/one")
        );
    }
}
