//! [`Scrubber`]: what a recorded interaction loses before it is written — credentials wherever they
//! appear, and headers that are volatile (dates, rate-limit counters, request ids) or private
//! (cookies).
//!
//! Headers are kept by allowlist, so a header nobody thought of (a new session cookie, a trace id)
//! is dropped rather than recorded. Credential *values* — those of the headers in
//! [`SENSITIVE_HEADERS`](crate::redact::SENSITIVE_HEADERS) and of secret query parameters — are
//! then replaced by [`REDACTED`] wherever else they occur: in the URI, in the bodies and in the
//! headers that are kept.

use crate::cassette::Interaction;
use crate::redact::{is_sensitive, REDACTED};

/// Secrets shorter than this are not searched for in bodies (a 1-character "key" would redact
/// every occurrence of that character); the header or parameter carrying them is still dropped.
const MIN_SECRET_LEN: usize = 6;

/// The scrubbing rules. [`Scrubber::default`] suits Datadog's APIs.
#[derive(Debug, Clone)]
pub struct Scrubber {
    request_headers: Vec<String>,
    response_headers: Vec<String>,
    secret_query: Vec<String>,
    replacements: Vec<(String, String)>,
}

impl Default for Scrubber {
    /// Keeps the request headers `Accept` and `Content-Type`, and the response headers
    /// `Content-Type`, `Location` and `Retry-After`; treats the query parameters `api_key` and
    /// `application_key` as secrets.
    fn default() -> Self {
        Scrubber {
            request_headers: vec!["accept".into(), "content-type".into()],
            response_headers: vec![
                "content-type".into(),
                "location".into(),
                "retry-after".into(),
            ],
            secret_query: vec!["api_key".into(), "application_key".into()],
            replacements: Vec::new(),
        }
    }
}

impl Scrubber {
    /// Also records request header `name` (case-insensitive). Credential headers are never kept.
    pub fn keep_request_header(mut self, name: &str) -> Self {
        self.request_headers.push(name.to_ascii_lowercase());
        self
    }

    /// Also records response header `name` (case-insensitive), e.g. `X-RateLimit-Limit`.
    pub fn keep_response_header(mut self, name: &str) -> Self {
        self.response_headers.push(name.to_ascii_lowercase());
        self
    }

    /// Treats the value of query parameter `name` as a secret.
    pub fn secret_query_param(mut self, name: &str) -> Self {
        self.secret_query.push(name.to_owned());
        self
    }

    /// Replaces `from` by `to` everywhere in recorded URIs, bodies and kept headers: for values that
    /// are not credentials but should not be published (an e-mail address, an org name).
    pub fn replace(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        let from = from.into();
        if !from.is_empty() {
            self.replacements.push((from, to.into()));
        }
        self
    }

    /// The credential values `interaction` carries: those of sensitive request headers (for
    /// `Authorization: Bearer T`, also `T`) and of secret query parameters.
    pub fn secrets(&self, interaction: &Interaction) -> Vec<String> {
        let request = &interaction.request;
        let mut secrets = Vec::new();
        for (name, value) in &request.headers {
            if is_sensitive(name) {
                secrets.push(value.clone());
                if let Some((_, token)) = value.split_once(' ') {
                    secrets.push(token.trim().to_owned());
                }
            }
        }
        for (name, value) in &request.query {
            if self.is_secret_param(name) {
                secrets.push(value.clone());
            }
        }
        secrets.retain(|s| s.len() >= MIN_SECRET_LEN);
        // Longest first, so a secret containing another is replaced whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        secrets
    }

    /// The interaction as it may be written: headers reduced to the allowlists, secret query
    /// values replaced by [`REDACTED`], and every credential value (and every configured
    /// replacement) replaced wherever it still occurs.
    pub fn scrub(&self, mut interaction: Interaction) -> Interaction {
        let secrets = self.secrets(&interaction);
        let clean = |text: &str| -> String {
            let mut text = text.to_owned();
            for secret in &secrets {
                if text.contains(secret.as_str()) {
                    text = text.replace(secret.as_str(), REDACTED);
                }
            }
            for (from, to) in &self.replacements {
                if text.contains(from.as_str()) {
                    text = text.replace(from.as_str(), to);
                }
            }
            text
        };
        let request = &mut interaction.request;
        request
            .headers
            .retain(|(name, _)| !is_sensitive(name) && allowed(&self.request_headers, name));
        for (_, value) in &mut request.headers {
            *value = clean(value);
        }
        request.path = clean(&request.path);
        for (name, value) in &mut request.query {
            *value = if self.is_secret_param(name) {
                REDACTED.to_owned()
            } else {
                clean(value)
            };
        }
        request.body = request.body.as_deref().map(&clean);
        let response = &mut interaction.response;
        response
            .headers
            .retain(|(name, _)| !is_sensitive(name) && allowed(&self.response_headers, name));
        for (_, value) in &mut response.headers {
            *value = clean(value);
        }
        response.body = clean(&response.body);
        interaction
    }

    fn is_secret_param(&self, name: &str) -> bool {
        self.secret_query
            .iter()
            .any(|s| s.eq_ignore_ascii_case(name))
    }
}

fn allowed(list: &[String], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cassette::{RecordedRequest, RecordedResponse};

    const KEY: &str = "0123456789abcdef0123456789abcdef";
    const APP: &str = "fedcba9876543210fedcba9876543210fedcba98";

    fn interaction() -> Interaction {
        Interaction {
            request: RecordedRequest {
                method: http::Method::POST,
                path: "/api/v2/org_connections".into(),
                query: vec![
                    ("api_key".into(), "query-secret-value".into()),
                    ("note".into(), format!("echo {KEY}")),
                ],
                headers: vec![
                    ("DD-API-KEY".into(), KEY.into()),
                    ("dd-application-key".into(), APP.into()),
                    ("Authorization".into(), "Bearer token-1234567".into()),
                    ("Content-Type".into(), "application/json".into()),
                    ("User-Agent".into(), "datadog-connections/0.1.0".into()),
                ],
                body: Some(format!(r#"{{"key":"{APP}","who":"jane@example.com"}}"#)),
            },
            response: RecordedResponse {
                status: 200,
                message: "OK".into(),
                headers: vec![
                    ("Content-Type".into(), "application/json".into()),
                    ("Date".into(), "Mon, 30 Nov 2026 10:00:00 GMT".into()),
                    ("Set-Cookie".into(), "session=abc".into()),
                    ("X-RateLimit-Remaining".into(), "99".into()),
                    ("Retry-After".into(), "1".into()),
                ],
                body: format!(r#"{{"echo":"token-1234567 {KEY}"}}"#),
            },
            recorded_at: None,
        }
    }

    #[test]
    fn credentials_disappear_everywhere() {
        let scrubbed = Scrubber::default().scrub(interaction());
        let text = format!("{scrubbed:?} {:?}", scrubbed.request.body);
        for secret in [KEY, APP, "token-1234567", "query-secret-value"] {
            assert!(!text.contains(secret), "{secret} survived: {text}");
        }
        assert_eq!(scrubbed.request.query[0].1, REDACTED);
        assert_eq!(scrubbed.request.query[1].1, format!("echo {REDACTED}"));
        assert_eq!(
            scrubbed.response.body,
            format!(r#"{{"echo":"{REDACTED} {REDACTED}"}}"#)
        );
    }

    #[test]
    fn headers_are_kept_by_allowlist() {
        let scrubbed = Scrubber::default()
            .keep_response_header("x-ratelimit-remaining")
            .scrub(interaction());
        let names = |h: &[(String, String)]| h.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&scrubbed.request.headers), ["Content-Type"]);
        assert_eq!(
            names(&scrubbed.response.headers),
            ["Content-Type", "X-RateLimit-Remaining", "Retry-After"]
        );
    }

    #[test]
    fn credential_headers_cannot_be_allowlisted_and_replacements_apply() {
        let scrubbed = Scrubber::default()
            .keep_request_header("DD-API-KEY")
            .replace("jane@example.com", "user@example.com")
            .scrub(interaction());
        assert!(scrubbed.request.header("DD-API-KEY").is_none());
        assert_eq!(
            scrubbed.request.body.as_deref(),
            Some(r#"{"key":"<redacted>","who":"user@example.com"}"#)
        );
    }
}
