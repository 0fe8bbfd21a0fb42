//! `host`, `basePath` and `schemes` → `servers`.

use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

/// Where a 2.0 API is served.
#[derive(Debug, Default)]
pub(super) struct Origin {
    host: Option<String>,
    base_path: String,
    schemes: Vec<String>,
}

impl Origin {
    /// Reads the document's `host`, `basePath` and `schemes`.
    pub(super) fn read(doc: &Map) -> Self {
        let text = |key: &str| doc.get(key).and_then(Json::as_str).map(str::to_owned);
        let base = text("basePath").unwrap_or_default();
        let base = base.trim_end_matches('/');
        Origin {
            host: text("host").filter(|h| !h.is_empty()),
            base_path: if base.is_empty() || base.starts_with('/') {
                base.to_owned()
            } else {
                format!("/{base}")
            },
            schemes: super::strings(doc.get("schemes")),
        }
    }

    /// The document's servers (`operation` is `None`): one per scheme (`https` when none is
    /// listed), a relative server from `basePath` when there is no `host`, or none. With an
    /// operation's own `schemes` and pointer: its servers, when those schemes differ from the
    /// document's.
    pub(super) fn servers(
        &self,
        operation: Option<(&[String], &Pointer)>,
        record: &mut Record,
    ) -> Vec<Json> {
        let root = Pointer::root();
        let defaulted = |schemes: &[String]| -> Vec<String> {
            if schemes.is_empty() {
                vec!["https".to_owned()]
            } else {
                schemes.to_vec()
            }
        };
        let (schemes, at, from) = match operation {
            None => (
                defaulted(&self.schemes),
                root.push("servers"),
                root.push("host"),
            ),
            Some((own, at)) => {
                if self.host.is_none() || defaulted(own) == defaulted(&self.schemes) {
                    return Vec::new();
                }
                (defaulted(own), at.push("servers"), at.push("schemes"))
            }
        };
        let Some(host) = &self.host else {
            if self.base_path.is_empty() {
                return Vec::new();
            }
            record.came_from(&at.push("0").push("url"), &root.push("basePath"));
            return vec![Json::object([("url", self.base_path.clone().into())])];
        };
        schemes
            .iter()
            .enumerate()
            .map(|(i, scheme)| {
                record.came_from(&at.push(i.to_string()).push("url"), &from);
                Json::object([("url", format!("{scheme}://{host}{}", self.base_path).into())])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn servers(doc: Value) -> Vec<Value> {
        let Json::Object(doc) = Json::from(doc) else {
            return Vec::new();
        };
        let servers = Origin::read(&doc).servers(None, &mut Record::default());
        servers.into_iter().map(Value::from).collect()
    }

    #[test]
    fn host_base_path_and_schemes() {
        assert_eq!(
            servers(
                json!({"host": "api.example.com", "basePath": "/v1/", "schemes": ["http", "https"]})
            ),
            [
                json!({"url": "http://api.example.com/v1"}),
                json!({"url": "https://api.example.com/v1"})
            ]
        );
        assert_eq!(
            servers(json!({"host": "api.example.com"})),
            [json!({"url": "https://api.example.com"})]
        );
        assert_eq!(servers(json!({"basePath": "/v2"})), [json!({"url": "/v2"})]);
        assert_eq!(servers(json!({"basePath": "/"})), Vec::<Value>::new());
    }

    #[test]
    fn operation_schemes_only_when_different() {
        let Json::Object(doc) = Json::from(json!({"host": "h", "schemes": ["https"]})) else {
            return;
        };
        let origin = Origin::read(&doc);
        let at = Pointer::root().push("paths").push("/x").push("get");
        let mut record = Record::default();
        assert!(origin
            .servers(Some((&["https".to_owned()], &at)), &mut record)
            .is_empty());
        assert_eq!(
            Value::from(Json::Array(
                origin.servers(Some((&["http".to_owned()], &at)), &mut record)
            )),
            json!([{"url": "http://h"}])
        );
    }
}
