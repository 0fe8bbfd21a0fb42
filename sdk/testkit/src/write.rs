//! Writes [`Cassette`]s in the VCR format Datadog records (the format [`Cassette::from_json`]
//! reads): the inverse of [`crate::cassette`].

use std::path::Path;

use serde_json::{json, Map, Value};

use crate::cassette::{Cassette, Interaction};
use crate::error::CassetteError;

/// What `recorded_with` says in cassettes this crate writes.
pub const RECORDED_WITH: &str = concat!("datadog-connections-testkit ", env!("CARGO_PKG_VERSION"));

impl Cassette {
    /// The cassette as VCR JSON (pretty-printed, ending in a newline). Request URIs are `origin`
    /// (e.g. `https://api.datadoghq.com`) followed by each request's path and query; replay ignores
    /// the origin.
    pub fn to_json(&self, origin: &str) -> String {
        let interactions: Vec<Value> = self
            .interactions
            .iter()
            .map(|i| interaction_json(i, origin.trim_end_matches('/')))
            .collect();
        let root = json!({
            "http_interactions": interactions,
            "recorded_with": RECORDED_WITH,
        });
        // Serialising a `Value` cannot fail: every map key is a string.
        let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Writes [`to_json`](Self::to_json) to `path`, creating its parent directories.
    pub fn save(&self, path: &Path, origin: &str) -> Result<(), CassetteError> {
        let io_err = |source| CassetteError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io_err)?;
        }
        std::fs::write(path, self.to_json(origin)).map_err(io_err)
    }
}

fn interaction_json(interaction: &Interaction, origin: &str) -> Value {
    let request = &interaction.request;
    let response = &interaction.response;
    let mut out = Map::new();
    out.insert(
        "request".into(),
        json!({
            "body": body_json(request.body.as_deref().unwrap_or("")),
            "headers": headers_json(&request.headers),
            "method": request.method.as_str().to_ascii_lowercase(),
            "uri": format!("{origin}{}", request.path_and_query()),
        }),
    );
    out.insert(
        "response".into(),
        json!({
            "body": body_json(&response.body),
            "headers": headers_json(&response.headers),
            "status": {"code": response.status, "message": response.message},
        }),
    );
    if let Some(at) = &interaction.recorded_at {
        out.insert("recorded_at".into(), Value::String(at.clone()));
    }
    Value::Object(out)
}

/// Datadog writes an empty body as `""` and any other as `{"string", "encoding": null}`.
fn body_json(text: &str) -> Value {
    if text.is_empty() {
        Value::String(String::new())
    } else {
        json!({"string": text, "encoding": null})
    }
}

/// Headers as an object of name → list of values, in first-seen order of the names.
fn headers_json(headers: &[(String, String)]) -> Value {
    let mut out = Map::new();
    for (name, value) in headers {
        let entry = out
            .entry(name.clone())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(values) = entry {
            values.push(Value::String(value.clone()));
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDED: &str = r#"{"http_interactions":[
      {"request":{"body":{"string":"{\"data\":{\"type\":\"org_connection\"}}","encoding":null},
                  "headers":{"Accept":["application/json"],"Content-Type":["application/json"]},
                  "method":"post","uri":"https://api.datadoghq.com/api/v2/org_connections?limit=2&filter%5Bx%5D=a%20b"},
       "response":{"body":{"string":"{\"data\":[]}","encoding":null},
                   "headers":{"Content-Type":["application/json"]},
                   "status":{"code":200,"message":"OK"}},
       "recorded_at":"Tue, 26 Aug 2025 20:19:35 GMT"},
      {"request":{"body":"","headers":{},"method":"delete","uri":"https://api.datadoghq.com/api/v2/org_connections/abc"},
       "response":{"body":"","headers":{},"status":{"code":204,"message":"No Content"}}}
    ],"recorded_with":"VCR 6.0.0"}"#;

    #[test]
    fn written_cassettes_read_back_identically() {
        let cassette = Cassette::from_json("c", RECORDED).expect("fixture parses");
        let written = cassette.to_json("https://api.datadoghq.com/");
        let again = Cassette::from_json("c", &written).expect("written cassette parses");
        assert_eq!(again, cassette);
        assert!(
            written.contains(r#""uri": "https://api.datadoghq.com/api/v2/org_connections/abc""#)
        );
        assert!(written.contains(&format!(r#""recorded_with": "{RECORDED_WITH}""#)));
    }

    #[test]
    fn empty_bodies_are_empty_strings_and_repeated_headers_are_lists() {
        let mut cassette = Cassette::from_json("c", RECORDED).expect("fixture parses");
        cassette.interactions[0]
            .response
            .headers
            .push(("Content-Type".into(), "text/plain".into()));
        let value: Value = serde_json::from_str(&cassette.to_json("http://x")).expect("json");
        assert_eq!(value["http_interactions"][1]["request"]["body"], json!(""));
        assert_eq!(
            value["http_interactions"][0]["response"]["headers"]["Content-Type"],
            json!(["application/json", "text/plain"])
        );
        assert!(value["http_interactions"][1].get("recorded_at").is_none());
    }
}
