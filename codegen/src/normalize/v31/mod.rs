//! OpenAPI 3.1 → 3.0: the document-level differences here, the JSON Schema ones in [`schema`].
//!
//! 3.1 documents may omit `paths`, add `webhooks`, `jsonSchemaDialect`, `components.pathItems`
//! (inlined where paths refer to them), a license `identifier` and `mutualTLS` security schemes;
//! none of these exist in 3.0.

mod schema;

use super::json::{Json, Map};
use super::{walk, Record, TARGET_VERSION};
use crate::error::Pointer;

/// Rewrites a 3.1 document in place.
pub(super) fn convert(doc: &mut Json, record: &mut Record) {
    let Json::Object(root) = doc else { return };
    let at = Pointer::root();
    root.insert("openapi".to_owned(), TARGET_VERSION.into());
    root.shift_remove("jsonSchemaDialect");
    if let Some(Json::Object(webhooks)) = root.shift_remove("webhooks") {
        for name in webhooks.keys() {
            record.note(
                &at.push("webhooks").push(name),
                format!("webhook `{name}` is not generated (OpenAPI 3.0 has no webhooks)"),
            );
        }
    }
    if !root.contains_key("paths") {
        root.insert("paths".to_owned(), Json::Object(Map::new()));
    }
    if let Some(Json::Object(info)) = root.get_mut("info") {
        info.shift_remove("summary");
        license(info);
    }
    inline_path_items(root, record);
    mutual_tls(root, record);
    walk::schemas(doc, &mut |s, at| schema::convert(s, at, record));
}

/// Paths that refer to `components.pathItems` get a copy of the item (3.0 has no reusable path
/// items), with the referring object's `summary` and `description`; the components go.
fn inline_path_items(root: &mut Map, record: &mut Record) {
    let Some(Json::Object(items)) = root
        .get_mut("components")
        .and_then(Json::as_object_mut)
        .and_then(|c| c.shift_remove("pathItems"))
    else {
        return;
    };
    let Some(Json::Object(paths)) = root.get_mut("paths") else {
        return;
    };
    let at = Pointer::root();
    for (path, item) in paths.iter_mut() {
        let Json::Object(referring) = &*item else {
            continue;
        };
        let Some(name) = referring
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.strip_prefix("#/components/pathItems/"))
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
        else {
            continue;
        };
        let Some(Json::Object(target)) = items.get(&name) else {
            continue;
        };
        let mut inlined = target.clone();
        for (key, value) in referring.iter().filter(|(k, _)| *k != "$ref") {
            inlined.insert(key.clone(), value.clone());
        }
        record.moved(
            &at.push("paths").push(path),
            &at.push("components").push("pathItems").push(&name),
        );
        *item = Json::Object(inlined);
    }
}

/// A license `identifier` (SPDX) becomes the license's `url` when it has none.
fn license(info: &mut Map) {
    let Some(Json::Object(license)) = info.get_mut("license") else {
        return;
    };
    if let Some(Json::String(id)) = license.shift_remove("identifier") {
        if !license.contains_key("url") {
            license.insert(
                "url".to_owned(),
                format!("https://spdx.org/licenses/{id}.html").into(),
            );
        }
    }
}

/// `mutualTLS` schemes have no 3.0 form: they are removed, with the requirement alternatives that
/// name them (a client could not meet those anyway).
fn mutual_tls(root: &mut Map, record: &mut Record) {
    let Some(Json::Object(schemes)) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("securitySchemes"))
    else {
        return;
    };
    let removed: Vec<String> = schemes
        .iter()
        .filter(|(_, s)| s.get("type").and_then(Json::as_str) == Some("mutualTLS"))
        .map(|(name, _)| name.clone())
        .collect();
    if removed.is_empty() {
        return;
    }
    for name in &removed {
        schemes.shift_remove(name);
        record.note(
            &Pointer::root()
                .push("components")
                .push("securitySchemes")
                .push(name),
            format!("security scheme `{name}` (mutualTLS) is not supported: operations that require it are generated without it"),
        );
    }
    let drop_alternatives = |security: Option<&mut Json>| {
        if let Some(Json::Array(alternatives)) = security {
            alternatives.retain(|alt| !removed.iter().any(|name| alt.get(name).is_some()));
        }
    };
    drop_alternatives(root.get_mut("security"));
    if let Some(Json::Object(paths)) = root.get_mut("paths") {
        for item in paths.values_mut().filter_map(Json::as_object_mut) {
            for op in item.values_mut() {
                drop_alternatives(op.get_mut("security"));
            }
        }
    }
}
