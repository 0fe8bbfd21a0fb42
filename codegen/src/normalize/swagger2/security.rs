//! `securityDefinitions` → `components.securitySchemes`.

use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

/// Converts each definition: `basic` is HTTP basic, `apiKey` stays, and an `oauth2` definition's
/// single `flow` becomes the matching 3.0 flow (`application` → `clientCredentials`,
/// `accessCode` → `authorizationCode`). Anything else is left for the parser to report.
pub(super) fn schemes(definitions: Json, record: &mut Record) -> Json {
    let root = Pointer::root();
    let to = root.push("components").push("securitySchemes");
    let from = root.push("securityDefinitions");
    let Json::Object(definitions) = definitions else {
        return definitions;
    };
    let converted = definitions
        .into_iter()
        .map(|(name, definition)| {
            let definition = scheme(definition, &to.push(&name), &from.push(&name), record);
            (name, definition)
        })
        .collect();
    Json::Object(converted)
}

fn scheme(definition: Json, to: &Pointer, from: &Pointer, record: &mut Record) -> Json {
    let Json::Object(mut d) = definition else {
        return definition;
    };
    let kind = d.get("type").and_then(Json::as_str).map(str::to_owned);
    match kind.as_deref() {
        Some("basic") => {
            record.came_from(&to.push("scheme"), &from.push("type"));
            d.insert("type".to_owned(), "http".into());
            d.insert("scheme".to_owned(), "basic".into());
        }
        Some("oauth2") => {
            let flow = d
                .shift_remove("flow")
                .and_then(|f| f.as_str().map(str::to_owned))
                .unwrap_or_default();
            let name = match flow.as_str() {
                "application" => "clientCredentials",
                "accessCode" => "authorizationCode",
                other => other,
            };
            let mut settings = Map::new();
            for key in ["authorizationUrl", "tokenUrl", "scopes"] {
                if let Some(value) = d.shift_remove(key) {
                    settings.insert(key.to_owned(), value);
                }
            }
            if !settings.contains_key("scopes") {
                settings.insert("scopes".to_owned(), Json::Object(Map::new()));
            }
            record.came_from(&to.push("flows").push(name), from);
            let mut flows = Map::new();
            flows.insert(name.to_owned(), Json::Object(settings));
            d.insert("flows".to_owned(), Json::Object(flows));
        }
        _ => {}
    }
    Json::Object(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_kind_converts() {
        let mut record = Record::default();
        let out = schemes(
            Json::from(json!({
                "basic": {"type": "basic", "description": "d"},
                "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
                "oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {"read": "r"}},
                "app": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t"}
            })),
            &mut record,
        );
        assert_eq!(
            serde_json::Value::from(out),
            json!({
                "basic": {"type": "http", "scheme": "basic", "description": "d"},
                "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
                "oauth": {"type": "oauth2", "flows": {"authorizationCode": {"authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {"read": "r"}}}},
                "app": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://t", "scopes": {}}}}
            })
        );
        assert_eq!(
            record
                .origins
                .original("/components/securitySchemes/oauth/flows/authorizationCode/tokenUrl"),
            "/securityDefinitions/oauth/tokenUrl"
        );
    }
}
