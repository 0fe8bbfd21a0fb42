//! `$ref` path items (`/pets: {$ref: …}`), inlined: OpenAPI 3.0 has no reusable path items, and
//! lowering reads each path's operations in place.
//!
//! The target may be `#/components/pathItems/<name>` (3.1), another path, or any local pointer;
//! a chain of them is followed (a cycle is an error). The referring object's own fields
//! (`summary`, `description`, 3.1 allows them) are kept over the target's. Runs before the
//! version conversion, so the copy is converted like any path item.

use super::local::locate;
use super::{collect_at, get, get_mut, pointer_of, target, Budget, Dialect, Kind, Pos, Target};
use super::{Site, MAX_CHAIN};
use crate::error::Error;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;
use std::collections::VecDeque;

/// Inlines every local `$ref` path item of the document.
pub(in crate::normalize) fn inline(
    doc: &mut Json,
    dialect: Dialect,
    record: &mut Record,
) -> Result<(), Error> {
    let mut queue: VecDeque<Site> = collect_at(doc, &[], Pos::Doc, dialect)
        .into_iter()
        .filter(|s| s.kind == Kind::PathItem && !s.mapping)
        .collect();
    let mut budget = Budget::default();
    while let Some(site) = queue.pop_front() {
        if site.current(doc).is_none() {
            continue;
        }
        let Some((from, value)) = resolve(doc, &site)? else {
            continue;
        };
        budget.copy(&value, &site)?;
        if let Some(slot) = get_mut(doc, &site.at) {
            *slot = value;
        }
        record.moved(&site.pointer(), &pointer_of(&from));
        queue.extend(
            collect_at(doc, &site.at, Pos::Object(Kind::PathItem), dialect)
                .into_iter()
                .filter(|s| s.kind == Kind::PathItem && !s.mapping),
        );
    }
    Ok(())
}

/// The path item the site refers to (where it is, and a copy with the referring fields over it),
/// or `None` for a reference this pass does not follow (a file, a URL).
fn resolve(doc: &Json, site: &Site) -> Result<Option<(Vec<String>, Json)>, Error> {
    let mut own = Map::new();
    let mut reference = site.reference.clone();
    let mut referrer = site.at.clone();
    for _ in 0..MAX_CHAIN {
        if let Some(Json::Object(fields)) = get(doc, &referrer) {
            for (key, value) in fields.iter().filter(|(k, _)| *k != "$ref") {
                own.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
        let tokens = match target(&reference).map_err(|reason| site.error(reason))? {
            Target::Local(tokens) => tokens,
            _ => return Ok(None),
        };
        let at = locate(doc, &tokens, site)?;
        let Some(Json::Object(item)) = get(doc, &at) else {
            return Err(site.error("the reference does not point at a path item (an object)"));
        };
        match item.get("$ref").and_then(Json::as_str) {
            Some(next) => {
                reference = next.to_owned();
                referrer = at;
            }
            None => {
                let mut inlined = item.clone();
                for (key, value) in own {
                    inlined.insert(key, value);
                }
                return Ok(Some((at, Json::Object(inlined))));
            }
        }
    }
    Err(site.error(format!(
        "the path item references form a cycle (or a chain longer than {MAX_CHAIN} links)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(doc: serde_json::Value) -> Result<serde_json::Value, Error> {
        let mut doc = Json::from(doc);
        inline(&mut doc, Dialect::OpenApi3, &mut Record::default())?;
        Ok(serde_json::Value::from(doc))
    }

    #[test]
    fn path_items_are_inlined_from_anywhere() {
        let out = run(json!({"paths": {
            "/pets": {"get": {"operationId": "list"}},
            "/animals": {"$ref": "#/paths/~1pets", "summary": "s"},
            "/beasts": {"$ref": "#/paths/~1animals"},
            "/things": {"$ref": "#/components/pathItems/T"}
        }, "components": {"pathItems": {"T": {"post": {"operationId": "t"}}}}}))
        .unwrap();
        assert_eq!(
            out["paths"]["/animals"],
            json!({"get": {"operationId": "list"}, "summary": "s"})
        );
        assert_eq!(
            out["paths"]["/beasts"],
            json!({"get": {"operationId": "list"}, "summary": "s"})
        );
        assert_eq!(
            out["paths"]["/things"],
            json!({"post": {"operationId": "t"}})
        );
    }

    #[test]
    fn cycles_and_dangling_items_are_errors() {
        let err =
            run(json!({"paths": {"/a": {"$ref": "#/paths/~1b"}, "/b": {"$ref": "#/paths/~1a"}}}))
                .unwrap_err();
        assert_eq!(err.pointer(), Some("/paths/~1a"));
        let err =
            run(json!({"paths": {"/a": {"$ref": "#/components/pathItems/Nope"}}})).unwrap_err();
        assert_eq!(err.pointer(), Some("/paths/~1a"));
        assert!(err.to_string().contains("has no `components`"), "{err}");
    }
}
