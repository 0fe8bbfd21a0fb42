//! [`ReceivedRequest`]: a request as it reached the replay server, with secrets kept out of `Debug`.

use std::fmt;

use bytes::Bytes;
use http::{HeaderMap, Method};
use percent_encoding::percent_decode_str;

use crate::redact::redacted_value;

/// A request the replay server received.
///
/// `Debug` never shows the values of credential headers (see [`crate::redact::SENSITIVE_HEADERS`]).
#[derive(Clone)]
pub struct ReceivedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The path, percent-decoded.
    pub path: String,
    /// The query pairs, percent-decoded, in the order they were sent.
    pub query: Vec<(String, String)>,
    /// The headers as sent.
    pub headers: HeaderMap,
    /// The body bytes as sent (empty when there was none).
    pub body: Bytes,
    /// The index of the interaction that answered it, or `None` when nothing matched.
    pub matched: Option<usize>,
}

impl ReceivedRequest {
    /// Builds a request from its parts; `path_and_query` is the raw request target
    /// (e.g. `/api/v2/team/connections?page%5Bsize%5D=2`), decoded here. `matched` starts as `None`.
    pub fn from_parts(
        method: Method,
        path_and_query: &str,
        headers: HeaderMap,
        body: Bytes,
    ) -> ReceivedRequest {
        let (raw_path, raw_query) = match path_and_query.split_once('?') {
            Some((path, query)) => (path, query),
            None => (path_and_query, ""),
        };
        let path = percent_decode_str(raw_path)
            .decode_utf8_lossy()
            .into_owned();
        let query = url::form_urlencoded::parse(raw_query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        ReceivedRequest {
            method,
            path,
            query,
            headers,
            body,
            matched: None,
        }
    }

    /// The body as text, when it is valid UTF-8 (an empty body gives `Some("")`).
    pub fn body_text(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }

    /// The body parsed as JSON: `None` without a body, `Some(Err(_))` when it is not JSON.
    pub fn json_body(&self) -> Option<Result<serde_json::Value, serde_json::Error>> {
        (!self.body.is_empty()).then(|| serde_json::from_slice(&self.body))
    }

    /// The first value of header `name` (case-insensitive), when present and valid text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl fmt::Debug for ReceivedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str(),
                    redacted_value(name.as_str(), value.to_str().unwrap_or("<binary>")),
                )
            })
            .collect();
        f.debug_struct("ReceivedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("body", &String::from_utf8_lossy(&self.body))
            .field("matched", &self.matched)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn decodes_target_and_redacts_debug() {
        let mut headers = HeaderMap::new();
        headers.insert("dd-api-key", HeaderValue::from_static("sekrit-api"));
        headers.insert("dd-application-key", HeaderValue::from_static("sekrit-app"));
        headers.insert(
            "authorization",
            HeaderValue::from_static("Bearer sekrit-token"),
        );
        headers.insert("accept", HeaderValue::from_static("application/json"));
        let request = ReceivedRequest::from_parts(
            Method::GET,
            "/api/v2/team/connections?filter%5Bsources%5D=github%2Cgitlab&page%5Bsize%5D=2",
            headers,
            Bytes::new(),
        );
        assert_eq!(request.path, "/api/v2/team/connections");
        assert_eq!(
            request.query,
            vec![
                ("filter[sources]".into(), "github,gitlab".into()),
                ("page[size]".into(), "2".into())
            ]
        );
        assert!(request.json_body().is_none());
        assert_eq!(request.header("Accept"), Some("application/json"));
        let debug = format!("{request:?}");
        assert!(!debug.contains("sekrit"), "{debug}");
        assert!(
            debug.contains("<redacted>") && debug.contains("application/json"),
            "{debug}"
        );
    }
}
