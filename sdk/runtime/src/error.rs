//! The one error type of every generated SDK, and the details each kind carries.

use crate::rate_limit::{server_delay, RateLimit};
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use std::fmt;
use std::time::{Duration, SystemTime};

/// Everything an operation can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with a non-2xx status.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// A Preview operation was called without being enabled on the client; nothing was sent.
    #[error("{operation} is a Preview operation and is not enabled; enable it with ClientBuilder::enable_preview(\"{operation}\")")]
    PreviewNotEnabled {
        /// The operation id.
        operation: &'static str,
    },
    /// No response in time: see [`TimeoutKind`] for which limit was reached.
    #[error("{operation}: timed out after {} ms ({kind})", elapsed.as_millis())]
    Timeout {
        /// The operation id.
        operation: &'static str,
        /// Which limit was reached.
        kind: TimeoutKind,
        /// How long the attempt (or, for the deadline, the whole call) had run.
        elapsed: Duration,
    },
    /// The request could not be sent or the response could not be read (connection, TLS, protocol).
    #[error("{operation}: {}", describe_transport(source))]
    Transport {
        /// The operation id.
        operation: &'static str,
        /// The HTTP client's error.
        #[source]
        source: reqwest::Error,
    },
    /// A 2xx response body did not match the documented schema; the raw body is kept.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// A request argument could not be encoded (a header value with a line break, say).
    #[error("{operation}: invalid request: {reason}")]
    InvalidRequest {
        /// The operation id.
        operation: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A pagination stream stopped rather than loop or grow without bound: the server repeated a
    /// page, the page bound was reached, or a `collect_all` cap was exceeded.
    #[error("{operation}: pagination stopped: {reason}")]
    Pagination {
        /// The list operation id.
        operation: &'static str,
        /// What happened, naming the page, offset or cap.
        reason: String,
    },
    /// No credential the operation accepts is set on the client: none of its security
    /// requirements can be met. Nothing was sent.
    #[error("{operation}: no credentials for this operation; it needs {needed}")]
    MissingCredentials {
        /// The operation id.
        operation: &'static str,
        /// The requirements, by scheme name (`apiKeyAuth + appKeyAuth, or AuthZ`).
        needed: String,
    },
    /// The client configuration is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl Error {
    /// The HTTP status, for API errors and decode errors.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// Whether the failure is transient, so that trying again later may succeed: a 408, 429, 500,
    /// 502, 503 or 504, a connection failure, or a connect or per-attempt timeout.
    ///
    /// The client has already retried such failures as its [`RetryPolicy`](crate::RetryPolicy)
    /// allows. For a POST or PATCH not marked
    /// [`safe_to_retry`](crate::RequestOptions::safe_to_retry), only a 429 or a connection that
    /// failed before sending is retried automatically: the other failures may have reached the server,
    /// and repeating the call could repeat its effect.
    pub fn is_retryable(&self) -> bool {
        crate::retry::is_transient(self, true)
    }

    /// The API error, when the server answered with a non-2xx status.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }
}

/// A non-2xx response: the status, the parsed `errors` list, and everything needed to look closer.
#[derive(Clone)]
pub struct ApiError {
    operation: &'static str,
    status: StatusCode,
    errors: Vec<String>,
    headers: HeaderMap,
    body: Bytes,
}

/// The documented error statuses, as a matchable kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400
    BadRequest,
    /// 401
    Unauthorized,
    /// 403
    Forbidden,
    /// 404
    NotFound,
    /// 409
    Conflict,
    /// 429
    TooManyRequests,
    /// 5xx
    Server,
    /// Any other status.
    Other,
}

impl ApiError {
    pub(crate) fn new(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        let errors = parse_errors(&body);
        ApiError {
            operation,
            status,
            errors,
            headers,
            body,
        }
    }

    /// The operation id that failed.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The status as a matchable kind.
    pub fn kind(&self) -> ApiErrorKind {
        match self.status.as_u16() {
            400 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Unauthorized,
            403 => ApiErrorKind::Forbidden,
            404 => ApiErrorKind::NotFound,
            409 => ApiErrorKind::Conflict,
            429 => ApiErrorKind::TooManyRequests,
            500..=599 => ApiErrorKind::Server,
            _ => ApiErrorKind::Other,
        }
    }

    /// The messages of the body's `errors` list (empty when the body has none).
    ///
    /// APIs send plain strings (`{"errors": ["Not found"]}`) on most endpoints and JSON:API error
    /// objects on others (`{"errors": [{"title": "Bad Request", "detail": "…"}]}`); objects are
    /// rendered as `title: detail`. The exact body is always available from [`raw_body`](Self::raw_body).
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The response body exactly as received.
    pub fn raw_body(&self) -> &Bytes {
        &self.body
    }

    /// The rate-limit headers (`X-RateLimit-Limit`, `-Period`, `-Remaining`, `-Reset`,
    /// `-Name`), when the response has any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// How long the server asked the client to wait before trying again: `Retry-After` (seconds or
    /// an HTTP date), or `X-RateLimit-Reset` on a 429.
    pub fn retry_after(&self) -> Option<Duration> {
        server_delay(self.status, &self.headers, SystemTime::now())
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("errors", &self.errors)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed with status {}", self.operation, self.status)?;
        if !self.errors.is_empty() {
            write!(f, ": {}", self.errors.join("; "))?;
        } else if !self.body.is_empty() {
            write!(f, ": {}", snippet(&self.body))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

/// The `errors` list of an error body, leniently: a body that does not have one yields an empty list.
fn parse_errors(body: &[u8]) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Body {
        errors: Vec<serde_json::Value>,
    }
    let Ok(parsed) = serde_json::from_slice::<Body>(body) else {
        return Vec::new();
    };
    parsed
        .errors
        .into_iter()
        .map(|e| match e {
            serde_json::Value::String(s) => s,
            serde_json::Value::Object(o) => {
                let text = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_owned);
                match (text("title"), text("detail")) {
                    (Some(t), Some(d)) => format!("{t}: {d}"),
                    (Some(t), None) => t,
                    (None, Some(d)) => d,
                    (None, None) => serde_json::Value::Object(o).to_string(),
                }
            }
            other => other.to_string(),
        })
        .collect()
}

/// A success body that does not match the schema.
#[derive(Clone)]
pub struct DecodeError {
    pub(crate) operation: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) body: Bytes,
}

impl DecodeError {
    /// The operation id.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The JSON path of the value that failed (`data[0].attributes.created_at`; `.` for the root).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong with it.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The response body exactly as received.
    pub fn raw_body(&self) -> &Bytes {
        &self.body
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("path", &self.path)
            .field("message", &self.message)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: could not decode the {} response at `{}`: {}",
            self.operation, self.status, self.path, self.message
        )
    }
}

impl std::error::Error for DecodeError {}

/// An invalid client configuration, reported by `ClientBuilder::build`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A credential is empty or cannot be sent. The credential itself is never included.
    #[error("the credential for {scheme} is invalid: {reason}")]
    InvalidCredential {
        /// The security scheme's name.
        scheme: String,
        /// Why.
        reason: &'static str,
    },
    /// A credential was set for a scheme the API does not have.
    #[error("the API has no security scheme {name:?} (schemes: {known})")]
    UnknownSecurityScheme {
        /// The name given.
        name: String,
        /// The API's schemes.
        known: String,
    },
    /// A server variable has a value its `enum` does not allow.
    #[error("server variable {name} cannot be {value:?} (expected one of: {allowed})")]
    InvalidServerVariable {
        /// The variable.
        name: String,
        /// The value given.
        value: String,
        /// The values allowed.
        allowed: String,
    },
    /// A value (from the environment, say) names none of a generated enum's values.
    #[error("unknown {what} {value:?} (expected one of: {allowed})")]
    UnknownValue {
        /// What was being parsed (`site`).
        what: &'static str,
        /// The value given.
        value: String,
        /// The values and names accepted.
        allowed: String,
    },
    /// The API has no server at the index chosen.
    #[error("the API has no server {index} (it has {servers}); set a base URL")]
    NoServer {
        /// The index chosen.
        index: usize,
        /// How many servers the API has.
        servers: usize,
    },
    /// The base URL cannot be used.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// Why.
        reason: String,
    },
    /// `enable_preview` named an operation that is not a Preview operation.
    #[error("{name:?} is not a Preview operation (Preview operations: {known})")]
    UnknownPreviewOperation {
        /// The name given.
        name: String,
        /// The API's Preview operations.
        known: String,
    },
    /// The user agent cannot be sent in an HTTP header.
    #[error("the user agent is not a valid header value")]
    InvalidUserAgent,
    /// The HTTP client could not be built (TLS setup).
    #[error("the HTTP client could not be built: {0}")]
    HttpClient(String),
    /// A timeout or deadline is zero, so no request could ever succeed.
    #[error("the {0} must be greater than zero")]
    ZeroTimeout(&'static str),
}

/// Which time limit an [`Error::Timeout`] reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// No connection within the connect timeout. Nothing was sent.
    Connect,
    /// One attempt (sending, waiting, reading the response) took longer than the per-attempt timeout.
    Attempt,
    /// The whole call, retries and waits included, took longer than the deadline.
    Deadline,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutKind::Connect => "connect timeout",
            TimeoutKind::Attempt => "per-attempt timeout",
            TimeoutKind::Deadline => "deadline for the call, retries included",
        })
    }
}

/// A transport failure as one readable line: what went wrong, then the innermost cause (which is
/// where the useful part is: `connection refused`, `connection reset by peer`).
fn describe_transport(error: &reqwest::Error) -> String {
    let what = if error.is_connect() {
        "could not connect"
    } else if error.is_redirect() {
        "redirect failed"
    } else if error.is_body() || error.is_decode() {
        "could not read the response"
    } else {
        "request failed"
    };
    let mut root: &dyn std::error::Error = error;
    while let Some(source) = root.source() {
        root = source;
    }
    format!("{what}: {root}")
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, body: &str) -> ApiError {
        ApiError::new(
            "Op",
            StatusCode::from_u16(status).unwrap(),
            HeaderMap::new(),
            Bytes::from(body.to_owned()),
        )
    }

    #[test]
    fn parses_string_errors() {
        let e = api(404, r#"{"errors":["Not found"]}"#);
        assert_eq!(e.errors(), ["Not found"]);
        assert_eq!(e.kind(), ApiErrorKind::NotFound);
        assert_eq!(
            e.to_string(),
            "Op failed with status 404 Not Found: Not found"
        );
    }

    #[test]
    fn parses_jsonapi_errors() {
        let e = api(
            400,
            r#"{"errors":[{"status":"400","title":"Bad Request","detail":"attribute \"id\" missing"}]}"#,
        );
        assert_eq!(e.errors(), ["Bad Request: attribute \"id\" missing"]);
    }

    #[test]
    fn timeouts_read_well_and_only_some_are_retryable() {
        let timeout = |kind| Error::Timeout {
            operation: "Op",
            kind,
            elapsed: Duration::from_millis(1500),
        };
        assert_eq!(
            timeout(TimeoutKind::Attempt).to_string(),
            "Op: timed out after 1500 ms (per-attempt timeout)"
        );
        assert_eq!(
            timeout(TimeoutKind::Connect).to_string(),
            "Op: timed out after 1500 ms (connect timeout)"
        );
        assert!(timeout(TimeoutKind::Deadline)
            .to_string()
            .ends_with("(deadline for the call, retries included)"));
        assert!(
            timeout(TimeoutKind::Attempt).is_retryable()
                && !timeout(TimeoutKind::Deadline).is_retryable()
        );
        assert!(
            Error::from(api(503, "")).is_retryable() && !Error::from(api(404, "")).is_retryable()
        );
    }

    #[test]
    fn rate_limit_and_retry_after_come_from_the_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-reset", http::HeaderValue::from_static("23"));
        headers.insert("x-ratelimit-remaining", http::HeaderValue::from_static("0"));
        let e = ApiError::new("Op", StatusCode::TOO_MANY_REQUESTS, headers, Bytes::new());
        assert_eq!(e.retry_after(), Some(Duration::from_secs(23)));
        let limit = e.rate_limit().unwrap();
        assert_eq!(
            (limit.remaining, limit.reset),
            (Some(0), Some(Duration::from_secs(23)))
        );
        assert_eq!(api(500, "").rate_limit(), None);
    }

    #[test]
    fn keeps_unparseable_bodies() {
        let e = api(502, "<html>bad gateway</html>");
        assert!(e.errors().is_empty());
        assert_eq!(e.raw_body().as_ref(), b"<html>bad gateway</html>");
        assert_eq!(e.kind(), ApiErrorKind::Server);
        assert!(e.to_string().ends_with("<html>bad gateway</html>"));
    }
}
