//! Decides which recorded interaction answers a request, the way Datadog's replay does.
//!
//! Two requests match when their method, percent-decoded path, query pairs (as a multiset: order
//! ignored) and bodies are equal. Bodies are compared as JSON when both parse as JSON (so key order
//! and whitespace do not matter), otherwise as exact text; an empty body equals an absent one. The
//! scheme, host, port and headers are ignored.
//!
//! Both sides are first brought to a [`CanonicalRequest`], which also renders as text (one line for
//! the method and path, one `query name=value` line per pair in sorted order, then the body,
//! pretty-printed with sorted keys when it is JSON): that text is what mismatch diffs compare.

use std::cmp::Reverse;
use std::fmt::Write as _;

use http::Method;
use serde_json::Value;

use crate::cassette::{Interaction, RecordedRequest};
use crate::received::ReceivedRequest;

/// A body reduced to what matching compares.
#[derive(Debug, Clone, PartialEq)]
pub enum CanonicalBody {
    /// No body, or an empty one.
    Absent,
    /// A body that parses as JSON.
    Json(Value),
    /// A UTF-8 body that is not JSON, compared exactly.
    Text(String),
    /// A body that is not UTF-8 (only a received request can have one), compared exactly.
    Binary(Vec<u8>),
}

impl CanonicalBody {
    fn from_text(text: &str) -> CanonicalBody {
        if text.is_empty() {
            CanonicalBody::Absent
        } else {
            match serde_json::from_str(text) {
                Ok(value) => CanonicalBody::Json(value),
                Err(_) => CanonicalBody::Text(text.to_string()),
            }
        }
    }

    fn from_bytes(bytes: &[u8]) -> CanonicalBody {
        match std::str::from_utf8(bytes) {
            Ok(text) => CanonicalBody::from_text(text),
            Err(_) => CanonicalBody::Binary(bytes.to_vec()),
        }
    }

    /// The text rendering of the body alone (see [`CanonicalRequest::render`]).
    fn render(&self) -> String {
        match self {
            CanonicalBody::Absent => "no body\n".to_string(),
            CanonicalBody::Json(value) => {
                let pretty = serde_json::to_string_pretty(&sorted(value))
                    .unwrap_or_else(|_| value.to_string());
                format!("body (JSON)\n{pretty}\n")
            }
            CanonicalBody::Text(text) => {
                let mut out = format!("body (text)\n{text}");
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out
            }
            CanonicalBody::Binary(bytes) => format!("body ({} bytes, not UTF-8)\n", bytes.len()),
        }
    }
}

/// `value` with every object's keys in sorted order (whatever map type serde_json was built with).
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sorted(&map[k])))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// A request reduced to what matching compares: equal canonical requests match.
#[derive(Debug, Clone, PartialEq)]
pub struct CanonicalRequest {
    /// The method.
    pub method: Method,
    /// The percent-decoded path.
    pub path: String,
    /// The decoded query pairs, sorted (so comparing them compares multisets).
    pub query: Vec<(String, String)>,
    /// The body.
    pub body: CanonicalBody,
}

impl CanonicalRequest {
    /// The canonical form of a recorded request.
    pub fn from_recorded(request: &RecordedRequest) -> CanonicalRequest {
        CanonicalRequest::new(
            request.method.clone(),
            &request.path,
            &request.query,
            CanonicalBody::from_text(request.body.as_deref().unwrap_or("")),
        )
    }

    /// The canonical form of a received request.
    pub fn from_received(request: &ReceivedRequest) -> CanonicalRequest {
        CanonicalRequest::new(
            request.method.clone(),
            &request.path,
            &request.query,
            CanonicalBody::from_bytes(&request.body),
        )
    }

    fn new(
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: CanonicalBody,
    ) -> CanonicalRequest {
        let mut query = query.to_vec();
        query.sort();
        CanonicalRequest {
            method,
            path: path.to_string(),
            query,
            body,
        }
    }

    /// The text form used in mismatch diffs, e.g.
    ///
    /// ```text
    /// POST /api/v2/org_connections
    /// query filter[sources]=github
    /// body (JSON)
    /// {
    ///   "data": {...}
    /// }
    /// ```
    pub fn render(&self) -> String {
        let mut out = format!("{} {}\n", self.method, self.path.escape_debug());
        for (name, value) in &self.query {
            let _ = writeln!(
                out,
                "query {}={}",
                name.escape_debug(),
                value.escape_debug()
            );
        }
        out.push_str(&self.body.render());
        out
    }

    /// How close `other` is to `self`: a larger key is nearer. Same method and path rank first,
    /// then the same path, then the same method, then the number of shared query pairs, then the
    /// fewest differing pairs, then body similarity (per mille).
    fn closeness(
        &self,
        other: &CanonicalRequest,
    ) -> (bool, bool, bool, usize, Reverse<usize>, u32) {
        let same_path = self.path == other.path;
        let same_method = self.method == other.method;
        let shared = shared_pairs(&self.query, &other.query);
        let differing = self.query.len() + other.query.len() - 2 * shared;
        let body = if self.body == other.body {
            1000
        } else {
            let (a, b) = (self.body.render(), other.body.render());
            // Bounded: ratio() is a float in 0..=1.
            (similar::TextDiff::from_lines(&a, &b)
                .ratio()
                .clamp(0.0, 1.0)
                * 1000.0) as u32
        };
        (
            same_path && same_method,
            same_path,
            same_method,
            shared,
            Reverse(differing),
            body,
        )
    }
}

/// How many pairs two sorted query lists share (multiset intersection size).
fn shared_pairs(a: &[(String, String)], b: &[(String, String)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether a recorded request and a received one match (see the module docs).
pub fn request_matches(recorded: &RecordedRequest, received: &ReceivedRequest) -> bool {
    CanonicalRequest::from_recorded(recorded) == CanonicalRequest::from_received(received)
}

/// The interactions of a cassette (or several) with their canonical requests and a served flag:
/// the matching state of one replay.
#[derive(Debug, Clone)]
pub struct Matcher {
    interactions: Vec<Interaction>,
    canonical: Vec<CanonicalRequest>,
    used: Vec<bool>,
}

impl Matcher {
    /// A matcher over `interactions`, none of them served yet.
    pub fn new(interactions: Vec<Interaction>) -> Matcher {
        let canonical = interactions
            .iter()
            .map(|i| CanonicalRequest::from_recorded(&i.request))
            .collect();
        let used = vec![false; interactions.len()];
        Matcher {
            interactions,
            canonical,
            used,
        }
    }

    /// The interactions, in recorded order.
    pub fn interactions(&self) -> &[Interaction] {
        &self.interactions
    }

    /// The canonical request of interaction `index`.
    pub fn canonical(&self, index: usize) -> Option<&CanonicalRequest> {
        self.canonical.get(index)
    }

    /// Whether interaction `index` has been served.
    pub fn is_used(&self, index: usize) -> bool {
        self.used.get(index).copied().unwrap_or(false)
    }

    /// The earliest unused interaction matching `request`, without marking it.
    pub fn find(&self, request: &CanonicalRequest) -> Option<usize> {
        (0..self.canonical.len()).find(|&i| !self.used[i] && self.canonical[i] == *request)
    }

    /// Finds the earliest unused interaction matching `request` and marks it served.
    pub fn take(&mut self, request: &CanonicalRequest) -> Option<usize> {
        let found = self.find(request)?;
        self.used[found] = true;
        Some(found)
    }

    /// The recorded interaction nearest to `request` (served or not; unused ones win ties, then the
    /// earliest), or `None` when there are no interactions.
    pub fn nearest(&self, request: &CanonicalRequest) -> Option<usize> {
        (0..self.canonical.len()).max_by_key(|&i| {
            (
                request.closeness(&self.canonical[i]),
                !self.used[i],
                Reverse(i),
            )
        })
    }

    /// Indexes of the interactions never served, in order.
    pub fn unused(&self) -> Vec<usize> {
        (0..self.used.len()).filter(|&i| !self.used[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cassette::RecordedResponse;
    use bytes::Bytes;
    use http::HeaderMap;

    fn recorded(
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&str>,
    ) -> Interaction {
        Interaction {
            request: RecordedRequest {
                method,
                path: path.into(),
                query: query
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                headers: vec![],
                body: body.map(str::to_string),
            },
            response: RecordedResponse {
                status: 200,
                message: "OK".into(),
                headers: vec![],
                body: String::new(),
            },
            recorded_at: None,
        }
    }

    fn received(method: Method, target: &str, body: &str) -> CanonicalRequest {
        let request = ReceivedRequest::from_parts(
            method,
            target,
            HeaderMap::new(),
            Bytes::copy_from_slice(body.as_bytes()),
        );
        CanonicalRequest::from_received(&request)
    }

    #[test]
    fn query_order_is_ignored_but_values_count() {
        let m = Matcher::new(vec![recorded(
            Method::GET,
            "/x",
            &[("a", "1"), ("b", "2")],
            None,
        )]);
        assert_eq!(m.find(&received(Method::GET, "/x?b=2&a=1", "")), Some(0));
        assert_eq!(m.find(&received(Method::GET, "/x?a=1", "")), None);
        assert_eq!(m.find(&received(Method::GET, "/x?a=1&b=2&b=2", "")), None);
        assert_eq!(m.find(&received(Method::POST, "/x?a=1&b=2", "")), None);
        assert_eq!(m.find(&received(Method::GET, "/y?a=1&b=2", "")), None);
    }

    #[test]
    fn json_bodies_compare_as_json_and_text_exactly() {
        let m = Matcher::new(vec![
            recorded(Method::POST, "/x", &[], Some(r#"{"a":1,"b":[1,2]}"#)),
            recorded(Method::POST, "/t", &[], Some("plain text")),
            recorded(Method::DELETE, "/d", &[], None),
        ]);
        assert_eq!(
            m.find(&received(
                Method::POST,
                "/x",
                "{ \"b\": [1, 2],\n \"a\": 1 }"
            )),
            Some(0)
        );
        assert_eq!(
            m.find(&received(Method::POST, "/x", r#"{"a":1,"b":[2,1]}"#)),
            None
        );
        assert_eq!(m.find(&received(Method::POST, "/x", "")), None);
        assert_eq!(m.find(&received(Method::POST, "/t", "plain text")), Some(1));
        assert_eq!(m.find(&received(Method::POST, "/t", "plain  text")), None);
        assert_eq!(m.find(&received(Method::DELETE, "/d", "")), Some(2));
        assert_eq!(m.find(&received(Method::DELETE, "/d", "{}")), None);
    }

    #[test]
    fn earliest_unused_wins_and_each_is_served_once() {
        let mut m = Matcher::new(vec![
            recorded(Method::POST, "/x", &[], Some("{}")),
            recorded(Method::POST, "/x", &[], Some("{}")),
        ]);
        let request = received(Method::POST, "/x", "{}");
        assert_eq!(m.take(&request), Some(0));
        assert_eq!(m.take(&request), Some(1));
        assert_eq!(m.take(&request), None);
        assert_eq!(m.unused(), Vec::<usize>::new());
        assert_eq!(m.nearest(&request), Some(0));
    }

    #[test]
    fn nearest_prefers_method_and_path_then_query_then_body() {
        let m = Matcher::new(vec![
            recorded(Method::GET, "/other", &[("a", "1"), ("b", "2")], None),
            recorded(Method::GET, "/x", &[("a", "9")], None),
            recorded(Method::GET, "/x", &[("a", "1"), ("c", "3")], None),
            recorded(Method::POST, "/x", &[], Some(r#"{"name":"alpha","n":1}"#)),
            recorded(Method::POST, "/x", &[], Some(r#"{"name":"beta","n":2}"#)),
        ]);
        assert_eq!(m.nearest(&received(Method::GET, "/x?a=1&b=2", "")), Some(2));
        assert_eq!(
            m.nearest(&received(Method::POST, "/x", r#"{"name":"beta","n":3}"#)),
            Some(4)
        );
        assert_eq!(m.nearest(&received(Method::DELETE, "/other", "")), Some(0));
        assert_eq!(
            m.nearest(&received(Method::PUT, "/nowhere", "")),
            Some(3),
            "fewest differing pairs, then earliest"
        );
        assert_eq!(
            Matcher::new(vec![]).nearest(&received(Method::GET, "/", "")),
            None
        );
    }

    #[test]
    fn renders_sorted_query_and_pretty_sorted_json() {
        let request = received(
            Method::POST,
            "/api/v2/x?z=1&filter%5Bsources%5D=github",
            r#"{"b":1,"a":{"d":2,"c":3}}"#,
        );
        assert_eq!(
            request.render(),
            "POST /api/v2/x\nquery filter[sources]=github\nquery z=1\nbody (JSON)\n{\n  \"a\": {\n    \"c\": 3,\n    \"d\": 2\n  },\n  \"b\": 1\n}\n"
        );
        assert_eq!(
            received(Method::GET, "/x", "").render(),
            "GET /x\nno body\n"
        );
    }
}
