//! [`Mismatch`]: a request no unused interaction matched, explained by a diff against the nearest one.

use std::fmt;

use crate::matching::{CanonicalRequest, Matcher};
use crate::received::ReceivedRequest;

/// A request that matched no unused recorded interaction.
///
/// `Display` is meant for people: what was received, which recorded interaction is nearest, and a
/// unified diff between the two canonical renderings (see [`CanonicalRequest::render`]). It never
/// shows header values, so credentials cannot leak through it; `Debug` redacts them too.
#[derive(Debug, Clone)]
pub struct Mismatch {
    /// The request as received.
    pub request: ReceivedRequest,
    /// The index of the nearest recorded interaction (served or not), `None` when there are none.
    pub nearest: Option<usize>,
    /// A unified diff from the nearest interaction's rendering (`-`) to the request's (`+`); when
    /// they are identical (the nearest was already served) a sentence saying so instead.
    pub diff: String,
}

impl Mismatch {
    /// Explains why `request` matched nothing in `matcher`.
    pub fn explain(request: ReceivedRequest, matcher: &Matcher) -> Mismatch {
        let canonical = CanonicalRequest::from_received(&request);
        let received_text = canonical.render();
        let nearest = matcher.nearest(&canonical);
        let diff = match nearest.and_then(|i| matcher.canonical(i).map(|c| (i, c))) {
            None => {
                let mut diff = String::from("--- (no recorded interactions)\n+++ received\n");
                for line in received_text.lines() {
                    diff.push('+');
                    diff.push_str(line);
                    diff.push('\n');
                }
                diff
            }
            Some((index, recorded)) => {
                let recorded_text = recorded.render();
                let served = if matcher.is_used(index) {
                    " (already served)"
                } else {
                    ""
                };
                if recorded_text == received_text {
                    format!("the request is identical to recorded interaction #{index}, which was already served: each interaction is replayed once\n")
                } else {
                    similar::TextDiff::from_lines(&recorded_text, &received_text)
                        .unified_diff()
                        .context_radius(3)
                        .header(&format!("recorded #{index}{served}"), "received")
                        .to_string()
                }
            }
        };
        Mismatch {
            request,
            nearest,
            diff,
        }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no unused recorded interaction matches {} {}",
            self.request.method,
            self.request.path.escape_debug()
        )?;
        match self.nearest {
            Some(index) => writeln!(f, "; nearest is recorded interaction #{index}:")?,
            None => writeln!(f, "; the cassette has no interactions:")?,
        }
        f.write_str(&self.diff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cassette::{Interaction, RecordedRequest, RecordedResponse};
    use bytes::Bytes;
    use http::{HeaderMap, HeaderValue, Method};

    fn interaction(body: &str) -> Interaction {
        Interaction {
            request: RecordedRequest {
                method: Method::POST,
                path: "/api/v2/org_connections".into(),
                query: vec![],
                headers: vec![],
                body: Some(body.into()),
            },
            response: RecordedResponse {
                status: 200,
                message: "OK".into(),
                headers: vec![],
                body: "{}".into(),
            },
            recorded_at: None,
        }
    }

    #[test]
    fn diff_names_the_differing_line_and_hides_secrets() {
        let matcher = Matcher::new(vec![
            Interaction {
                request: RecordedRequest {
                    method: Method::GET,
                    ..interaction("").request
                },
                ..interaction("")
            },
            interaction(
                r#"{"data":{"type":"org_connection","attributes":{"connection_types":["logs"]}}}"#,
            ),
        ]);
        let mut headers = HeaderMap::new();
        headers.insert("dd-api-key", HeaderValue::from_static("sekrit"));
        let request = ReceivedRequest::from_parts(
            Method::POST,
            "/api/v2/org_connections",
            headers,
            Bytes::from_static(br#"{"data":{"type":"org_connection","attributes":{"connection_types":["metrics"]}}}"#),
        );
        let mismatch = Mismatch::explain(request, &matcher);
        assert_eq!(mismatch.nearest, Some(1));
        assert!(
            mismatch.diff.contains("-        \"logs\""),
            "{}",
            mismatch.diff
        );
        assert!(
            mismatch.diff.contains("+        \"metrics\""),
            "{}",
            mismatch.diff
        );
        let shown = format!("{mismatch}\n{mismatch:?}");
        assert!(shown.contains("POST /api/v2/org_connections"), "{shown}");
        assert!(!shown.contains("sekrit"), "{shown}");
    }

    #[test]
    fn explains_an_already_served_interaction_and_an_empty_cassette() {
        let mut matcher = Matcher::new(vec![interaction("{}")]);
        let request = ReceivedRequest::from_parts(
            Method::POST,
            "/api/v2/org_connections",
            HeaderMap::new(),
            Bytes::from_static(b"{}"),
        );
        assert_eq!(
            matcher.take(&CanonicalRequest::from_received(&request)),
            Some(0)
        );
        let mismatch = Mismatch::explain(request.clone(), &matcher);
        assert!(
            mismatch.diff.contains("already served"),
            "{}",
            mismatch.diff
        );

        let mismatch = Mismatch::explain(request, &Matcher::new(vec![]));
        assert_eq!(mismatch.nearest, None);
        assert!(
            mismatch.diff.contains("+POST /api/v2/org_connections"),
            "{}",
            mismatch.diff
        );
    }
}
