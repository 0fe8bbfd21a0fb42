//! The one error type of every generated SDK, and the details each kind carries.

use crate::api::Api;
use crate::rate_limit::{server_delay, RateLimit, RateLimitHeaders};
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
    #[error("{operation}: timed out after {} ms ({kind}; {})", elapsed.as_millis(), Attempts(*attempts))]
    Timeout {
        /// The operation id.
        operation: &'static str,
        /// Which limit was reached.
        kind: TimeoutKind,
        /// How long the attempt (or, for the deadline, the whole call) had run.
        elapsed: Duration,
        /// How many attempts were made (started), the one that timed out included; 0 when the
        /// deadline passed before the first one could start.
        attempts: u32,
    },
    /// The request could not be sent or the response could not be read (connection, TLS, protocol).
    #[error("{operation}: {} ({})", Bounded(&describe_transport(source)), Attempts(*attempts))]
    Transport {
        /// The operation id.
        operation: &'static str,
        /// The HTTP client's error.
        #[source]
        source: reqwest::Error,
        /// How many attempts were made, the one that failed included.
        attempts: u32,
    },
    /// A 2xx response body did not match the documented schema; the raw body is kept.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// A response body (2xx or not, after decompression) was larger than the client's
    /// [`max_response_body`](crate::ClientBuilder::max_response_body). Reading stopped at the limit
    /// (or did not start, when the declared `Content-Length` was over it: the call fails as soon
    /// as the headers arrive, with an empty prefix); only the first [`Error::BODY_PREFIX_LIMIT`]
    /// bytes are kept, and the call is never retried (the body would be downloaded again).
    #[error(
        "{operation}: the {status} response body is larger than the limit of {limit} bytes ({}; {}); raise max_response_body to accept it",
        describe_oversize(*limit, *received, *declared),
        Attempts(*attempts)
    )]
    BodyTooLarge {
        /// The operation id.
        operation: &'static str,
        /// The HTTP status of the response (a 2xx, or the error status whose body was too large).
        status: StatusCode,
        /// The limit that was exceeded, in bytes.
        limit: usize,
        /// How many (decompressed) bytes were read before reading stopped: just past the limit,
        /// or 0 when the declared `Content-Length` was already over it.
        received: u64,
        /// The `Content-Length` the server declared, when it declared one (an uncompressed body).
        declared: Option<u64>,
        /// The start of the body, at most [`Error::BODY_PREFIX_LIMIT`] bytes (an error page says
        /// what went wrong in its first bytes); empty when the declared length was refused.
        prefix: Bytes,
        /// How many attempts the call made, the one that got this response included.
        attempts: u32,
    },
    /// A request argument could not be encoded (a header value with a line break, say), or a path
    /// parameter would change the path (empty, `.` or `..`). Nothing was sent.
    #[error("{operation}: invalid request: {}; nothing was sent", Bounded(reason))]
    InvalidRequest {
        /// The operation id.
        operation: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A parameter's value cannot be sent as the operation requires (an empty list for a
    /// required array parameter). Nothing was sent.
    #[error("{operation}: invalid parameter {parameter}: {reason}; nothing was sent")]
    InvalidParameter {
        /// The operation id.
        operation: &'static str,
        /// The parameter's name on the wire.
        parameter: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// A pagination stream stopped rather than loop or grow without bound: the server repeated a
    /// page, the page bound was reached, or a `collect_all` cap was exceeded.
    #[error("{operation}: pagination stopped: {}", Bounded(reason))]
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
    /// A local file or writer of a streamed body failed: opening, reading or measuring an upload
    /// ([`UploadBody::from_file`](crate::UploadBody::from_file)), or writing a download
    /// ([`ByteStream::write_to`](crate::ByteStream::write_to),
    /// [`ByteStream::save`](crate::ByteStream::save)).
    #[error("{what}: {source}")]
    Io {
        /// What was being done, naming the path when there is one.
        what: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The policy would have retried `source`, but the request body was a one-shot stream
    /// ([`UploadBody::from_stream`](crate::UploadBody::from_stream)) that an attempt had already
    /// started to send: it cannot be sent again, so the failure is returned. Bytes and file bodies
    /// are sent again on a retry.
    #[error("{operation}: not retried: the request body is a one-shot stream that attempt {attempts} already started to send (a bytes or file body can be sent again); {source}")]
    StreamNotReplayable {
        /// The operation id.
        operation: &'static str,
        /// How many attempts were made, the one that failed included.
        attempts: u32,
        /// The failure that would have been retried.
        source: Box<Error>,
    },
}

impl Error {
    /// How many bytes of an over-limit body [`Error::BodyTooLarge`] keeps.
    pub const BODY_PREFIX_LIMIT: usize = 1024;

    /// How many characters of server-supplied (or caller-supplied) text an error's `Display` and
    /// `Debug` show; the rest is summarised as a count of bytes. `raw_body()` and `errors()` keep
    /// everything.
    pub const DISPLAY_TEXT_LIMIT: usize = 300;

    /// The HTTP status, for API errors, decode errors and bodies over the limit.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::BodyTooLarge { status, .. } => Some(*status),
            Error::StreamNotReplayable { source, .. } => source.status(),
            _ => None,
        }
    }

    /// How many attempts the call made (each one sent the request, or tried to): 0 for failures
    /// found before sending (a Preview operation not enabled, missing credentials, an invalid
    /// request, parameter or option, a configuration error) and for pagination stops.
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Api(e) => e.attempts,
            Error::Decode(e) => e.attempts,
            Error::Timeout { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::BodyTooLarge { attempts, .. }
            | Error::StreamNotReplayable { attempts, .. } => *attempts,
            _ => 0,
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
            Error::StreamNotReplayable { source, .. } => source.as_api(),
            _ => None,
        }
    }
}

/// A non-2xx response: the status, the messages of its body, and everything needed to look closer.
#[derive(Clone)]
pub struct ApiError {
    operation: &'static str,
    status: StatusCode,
    errors: Vec<String>,
    headers: HeaderMap,
    body: Bytes,
    attempts: u32,
    /// The API's own rate-limit headers, for [`rate_limit`](Self::rate_limit) and
    /// [`retry_after`](Self::retry_after).
    rate_limit_headers: RateLimitHeaders,
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
    /// An error read with the standard conventions only.
    #[cfg(test)]
    pub(crate) fn new(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        Self::read(
            RateLimitHeaders::STANDARD,
            ErrorMessages::STANDARD,
            operation,
            status,
            headers,
            body,
        )
    }

    /// An error of `api`'s, read with its conventions (rate-limit headers, error messages).
    pub(crate) fn of_api(
        api: &Api,
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        Self::read(
            api.rate_limit,
            api.error_messages,
            operation,
            status,
            headers,
            body,
        )
    }

    fn read(
        rate_limit_headers: RateLimitHeaders,
        messages: ErrorMessages,
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        let errors = messages.read(&headers, &body);
        ApiError {
            operation,
            status,
            errors,
            headers,
            body,
            attempts: 1,
            rate_limit_headers,
        }
    }

    /// The same error, recording how many attempts the call made.
    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts;
        self
    }

    /// How many attempts the call made, the one that got this answer included.
    pub fn attempts(&self) -> u32 {
        self.attempts
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

    /// The messages of the body (empty when it has none), as the server sent them: unlike
    /// `Display`, neither shortened nor escaped.
    ///
    /// Where they are is the API's [`ErrorMessages`]: configured paths, or the usual places
    /// (RFC 9457 problem details, `message`, `error`, `errors`). A list of plain strings
    /// (`{"errors": ["Not found"]}`) gives one message each; an object gives `title: detail`
    /// (JSON:API errors, problem details), else its `message`, else its JSON text. The exact
    /// body is always available from [`raw_body`](Self::raw_body).
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

    /// The rate limit the response reports, in the API's own headers (`X-RateLimit-*`, as its
    /// generated crate configures them) or the IETF `RateLimit` headers, when it has any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_api_headers(&self.headers, &self.rate_limit_headers)
    }

    /// How long the server asked the client to wait before trying again: `Retry-After` (seconds or
    /// an HTTP date), or on a 429 the reset of the API's own rate-limit header (a delay or a
    /// time, as configured) or of the IETF one.
    ///
    /// A delay too large to represent (`Retry-After: 99999999999999999999999`, `1e400`) is
    /// `Some(Duration::MAX)`, not `None`: the server did ask, and no retry was made.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after_at(SystemTime::now())
    }

    /// [`retry_after`](Self::retry_after) as of `now`.
    pub(crate) fn retry_after_at(&self, now: SystemTime) -> Option<Duration> {
        server_delay(self.status, &self.headers, &self.rate_limit_headers, now)
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("attempts", &self.attempts)
            .field("errors", &BoundedList(&self.errors))
            .field("body_len", &self.body.len())
            .field("body_prefix", &BodyPrefix(&self.body))
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} failed with status {} ({})",
            self.operation,
            self.status,
            Attempts(self.attempts)
        )?;
        if !self.errors.is_empty() {
            write!(f, ": {}", Bounded(&self.errors.join("; ")))?;
        } else if !self.body.is_empty() {
            let text = String::from_utf8_lossy(&self.body);
            write!(f, ": {}", Bounded(text.trim()))?;
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

/// Where an API's error bodies put their messages, generated from its configuration.
///
/// Each path names members from the body's root, separated by dots (`errors`, `error.message`);
/// an array on the way is read element by element, and the empty path is the body itself. The
/// paths are tried in order, and the first that holds any message gives them all.
/// [`STANDARD`](Self::STANDARD) (no paths) searches the usual places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorMessages {
    /// The paths, in order.
    pub paths: &'static [&'static str],
}

impl ErrorMessages {
    /// No configured paths: RFC 9457 problem details (`application/problem+json`: `title`
    /// and `detail`), then `message`, `error`, `errors`, then a `title` or `detail` at the root.
    pub const STANDARD: ErrorMessages = ErrorMessages { paths: &[] };

    /// The messages of `body`, leniently: a body that is not JSON, or holds none where
    /// expected, yields an empty list.
    fn read(&self, headers: &HeaderMap, body: &[u8]) -> Vec<String> {
        let Ok(root) = serde_json::from_slice::<serde_json::Value>(body) else {
            return Vec::new();
        };
        if !self.paths.is_empty() {
            return first_messages(&root, self.paths);
        }
        let problem = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/problem+json"))
            });
        if problem {
            let found = root_messages(&root);
            if !found.is_empty() {
                return found;
            }
        }
        // A top-level `message` summarises the details an `errors` list may hold beside it.
        let found = first_messages(&root, &["message", "error", "errors"]);
        if !found.is_empty() {
            return found;
        }
        root_messages(&root)
    }
}

impl Default for ErrorMessages {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// The messages at the first of `paths` that holds any.
fn first_messages(root: &serde_json::Value, paths: &[&str]) -> Vec<String> {
    for path in paths {
        let mut found = Vec::new();
        if path.is_empty() {
            found = root_messages(root);
        } else {
            let steps: Vec<&str> = path.split('.').collect();
            messages_at(root, &steps, &mut found);
        }
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The body itself as a message, only when it says `title`, `detail` or `message` (problem
/// details): never the whole body's JSON text.
fn root_messages(root: &serde_json::Value) -> Vec<String> {
    match root {
        serde_json::Value::Object(o) => object_summary(o).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Follows `steps` from `value`, reading arrays element by element, and renders what is there.
fn messages_at(value: &serde_json::Value, steps: &[&str], out: &mut Vec<String>) {
    match (value, steps.split_first()) {
        (serde_json::Value::Array(items), _) => {
            for item in items {
                messages_at(item, steps, out);
            }
        }
        (serde_json::Value::Object(o), Some((first, rest))) => {
            if let Some(next) = o.get(*first) {
                messages_at(next, rest, out);
            }
        }
        (_, Some(_)) | (serde_json::Value::Null, None) => {}
        (serde_json::Value::String(s), None) => out.push(s.clone()),
        (serde_json::Value::Object(o), None) => out.push(
            object_summary(o).unwrap_or_else(|| serde_json::Value::Object(o.clone()).to_string()),
        ),
        (other, None) => out.push(other.to_string()),
    }
}

/// An error object as one line: `title: detail` (JSON:API, problem details), else its `message`.
fn object_summary(o: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    let text = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    match (text("title"), text("detail")) {
        (Some(t), Some(d)) => Some(format!("{t}: {d}")),
        (Some(t), None) => Some(t),
        (None, Some(d)) => Some(d),
        (None, None) => text("message"),
    }
}

/// A success body that does not match the schema.
#[derive(Clone)]
pub struct DecodeError {
    pub(crate) operation: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) body: Bytes,
    pub(crate) attempts: u32,
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

    /// How many attempts the call made, the one that got this response included.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("attempts", &self.attempts)
            .field("path", &BoundedDebug(&self.path))
            .field("message", &BoundedDebug(&self.message))
            .field("body_len", &self.body.len())
            .field("body_prefix", &BodyPrefix(&self.body))
            .finish()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: could not decode the {} response at `{}`: {} ({})",
            self.operation,
            self.status,
            Bounded(&self.path),
            Bounded(&self.message),
            Attempts(self.attempts)
        )
    }
}

impl std::error::Error for DecodeError {}

/// How an over-limit body was found: by its declared length, or by reading past the limit.
fn describe_oversize(limit: usize, received: u64, declared: Option<u64>) -> String {
    match declared {
        Some(declared) if declared > limit as u64 => format!("Content-Length {declared}; not read"),
        _ => format!("stopped reading after {received} bytes"),
    }
}

/// An invalid client configuration, reported by `ClientBuilder::build` (or, for
/// [`RequestOptions`](crate::RequestOptions) that could never succeed, by the call; nothing is
/// sent).
///
/// Values that can carry credentials (a base URL's user name and password, its query) are shown
/// as `<redacted>` in both `Display` and `Debug`.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
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
    #[error(
        "server variable {name} cannot be {} (expected one of: {allowed})",
        Quoted(value)
    )]
    InvalidServerVariable {
        /// The variable.
        name: String,
        /// The value given.
        value: String,
        /// The values allowed.
        allowed: String,
    },
    /// A value (from the environment, say) names none of a generated enum's values.
    #[error("unknown {what} {} (expected one of: {allowed})", Quoted(value))]
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
    #[error("invalid base URL {}: {}", Quoted(url), Bounded(reason))]
    InvalidBaseUrl {
        /// The URL as given, with any user name, password, query and fragment replaced by
        /// `<redacted>` (they can hold credentials).
        url: String,
        /// Why.
        reason: String,
    },
    /// `enable_preview` named an operation the API does not have. The message names the
    /// nearest operation ids, never the whole list (an API may have hundreds).
    #[error(
        "{:?} is not an operation of this API{} (it has {previews} Preview operation{} among \
         {operations}; the generated crate's PREVIEW_OPERATIONS lists them)",
        BoundedDebug(name),
        DidYouMean(suggestions),
        if *previews == 1 { "" } else { "s" }
    )]
    UnknownPreviewOperation {
        /// The name given.
        name: String,
        /// The API's operation ids nearest to it (at most three, nearest first; Preview ones
        /// first among equals), or none when nothing is close.
        suggestions: Vec<String>,
        /// How many Preview operations the API has.
        previews: usize,
        /// How many operations the API has, Preview ones included.
        operations: usize,
    },
    /// The user agent cannot be sent in an HTTP header.
    #[error("the user agent is not a valid header value")]
    InvalidUserAgent,
    /// The HTTP client could not be built (TLS setup).
    #[error("the HTTP client could not be built: {0}")]
    HttpClient(String),
    /// Built with the `rustls-no-provider` feature as the only TLS backend, and no rustls
    /// `CryptoProvider` is installed as the process default. Install one before building the
    /// client (`CryptoProvider::install_default`), or enable the `rustls` or `native-tls` feature.
    #[error(
        "no rustls crypto provider is installed: with the `rustls-no-provider` feature, install \
         one as the process default (`CryptoProvider::install_default`) before building the \
         client, or enable the `rustls` or `native-tls` feature"
    )]
    NoCryptoProvider,
    /// An `https` URL, and the runtime was built without a TLS feature (`rustls`,
    /// `rustls-no-provider` or `native-tls`) and with no HTTP client of the caller's. Reported by
    /// `build` for the base URL and per-operation URLs, and by the call for an operation's own
    /// server.
    #[error(
        "{} needs TLS, and this build has no TLS backend: enable the `rustls`, \
         `rustls-no-provider` or `native-tls` feature, or use an http:// URL",
        Quoted(url)
    )]
    TlsNotEnabled {
        /// The URL, with any user name, password, query and fragment replaced by `<redacted>`.
        url: String,
    },
    /// A timeout or deadline is zero, so no request could ever succeed.
    #[error("the {0} must be greater than zero")]
    ZeroTimeout(&'static str),
    /// A timeout or deadline is shorter than the timer's resolution (1 ms), so it could not be
    /// enforced: the request could reach the server after the call has already failed.
    #[error("the {0} must be at least 1 ms (the timer's resolution)")]
    TimeoutTooShort(&'static str),
    /// A size limit is zero.
    #[error("the {0} must be greater than zero")]
    ZeroLimit(&'static str),
}

impl fmt::Debug for ConfigError {
    /// Like a derived `Debug`, with the values that can come from a URL or the environment
    /// redacted (credentials) and bounded.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::InvalidCredential { scheme, reason } => f
                .debug_struct("InvalidCredential")
                .field("scheme", scheme)
                .field("reason", reason)
                .finish(),
            ConfigError::UnknownSecurityScheme { name, known } => f
                .debug_struct("UnknownSecurityScheme")
                .field("name", &BoundedDebug(name))
                .field("known", known)
                .finish(),
            ConfigError::InvalidServerVariable {
                name,
                value,
                allowed,
            } => f
                .debug_struct("InvalidServerVariable")
                .field("name", name)
                .field("value", &RedactedDebug(value))
                .field("allowed", allowed)
                .finish(),
            ConfigError::UnknownValue {
                what,
                value,
                allowed,
            } => f
                .debug_struct("UnknownValue")
                .field("what", what)
                .field("value", &RedactedDebug(value))
                .field("allowed", allowed)
                .finish(),
            ConfigError::NoServer { index, servers } => f
                .debug_struct("NoServer")
                .field("index", index)
                .field("servers", servers)
                .finish(),
            ConfigError::InvalidBaseUrl { url, reason } => f
                .debug_struct("InvalidBaseUrl")
                .field("url", &RedactedDebug(url))
                .field("reason", &BoundedDebug(reason))
                .finish(),
            ConfigError::UnknownPreviewOperation {
                name,
                suggestions,
                previews,
                operations,
            } => f
                .debug_struct("UnknownPreviewOperation")
                .field("name", &BoundedDebug(name))
                .field("suggestions", suggestions)
                .field("previews", previews)
                .field("operations", operations)
                .finish(),
            ConfigError::InvalidUserAgent => f.write_str("InvalidUserAgent"),
            ConfigError::HttpClient(e) => f.debug_tuple("HttpClient").field(e).finish(),
            ConfigError::NoCryptoProvider => f.write_str("NoCryptoProvider"),
            ConfigError::TlsNotEnabled { url } => f
                .debug_struct("TlsNotEnabled")
                .field("url", &RedactedDebug(url))
                .finish(),
            ConfigError::ZeroTimeout(what) => f.debug_tuple("ZeroTimeout").field(what).finish(),
            ConfigError::TimeoutTooShort(what) => {
                f.debug_tuple("TimeoutTooShort").field(what).finish()
            }
            ConfigError::ZeroLimit(what) => f.debug_tuple("ZeroLimit").field(what).finish(),
        }
    }
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
    /// A streamed response body ([`ByteStream`](crate::ByteStream)) sent no data for longer than
    /// the per-attempt timeout.
    BodyStall,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutKind::Connect => "connect timeout",
            TimeoutKind::Attempt => "per-attempt timeout",
            TimeoutKind::Deadline => "deadline for the call, retries included",
            TimeoutKind::BodyStall => "no body data within the per-attempt timeout",
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

const DISPLAY_TEXT_LIMIT: usize = Error::DISPLAY_TEXT_LIMIT;

/// Text shown in an error: at most [`DISPLAY_TEXT_LIMIT`] characters, control characters (and
/// the invisible ones that reorder or hide text) escaped, so a server cannot forge log lines or
/// flood them.
pub(crate) struct Bounded<'a>(pub(crate) &'a str);

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_bounded(f, self.0, DISPLAY_TEXT_LIMIT)
    }
}

fn write_bounded(f: &mut fmt::Formatter<'_>, text: &str, limit: usize) -> fmt::Result {
    for (shown, (at, c)) in text.char_indices().enumerate() {
        if shown == limit {
            return write!(f, "… ({} more bytes)", text.len() - at);
        }
        if needs_escape(c) {
            write!(f, "{}", c.escape_default())?;
        } else {
            fmt::Write::write_char(f, c)?;
        }
    }
    Ok(())
}

/// Control characters, and format characters that hide or reorder text (bidirectional overrides,
/// zero-width characters, line and paragraph separators).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// A bounded, quoted, escaped string in `Debug` form.
struct BoundedDebug<'a>(&'a str);

/// `; did you mean "A", "B" or "C"?`, or nothing without suggestions (operation ids, each
/// bounded).
struct DidYouMean<'a>(&'a [String]);

impl fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((last, rest)) = self.0.split_last() else {
            return Ok(());
        };
        f.write_str("; did you mean ")?;
        for (i, id) in rest.iter().enumerate() {
            let separator = if i + 1 == rest.len() { " or " } else { ", " };
            write!(f, "{:?}{separator}", BoundedDebug(id))?;
        }
        write!(f, "{:?}?", BoundedDebug(last))
    }
}

impl fmt::Debug for BoundedDebug<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for (shown, (at, c)) in self.0.char_indices().enumerate() {
            if shown == DISPLAY_TEXT_LIMIT {
                return write!(f, "\"… ({} more bytes)", self.0.len() - at);
            }
            write!(f, "{}", c.escape_debug())?;
        }
        f.write_str("\"")
    }
}

/// The start of a body in `Debug` form (lossy UTF-8, bounded, escaped).
struct BodyPrefix<'a>(&'a [u8]);

impl fmt::Debug for BodyPrefix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // At most 4 bytes per character: enough bytes for every character shown.
        let end = self.0.len().min(DISPLAY_TEXT_LIMIT * 4);
        let text = String::from_utf8_lossy(&self.0[..end]);
        let mut chars = text.chars();
        let shown: String = chars.by_ref().take(DISPLAY_TEXT_LIMIT).collect();
        write!(f, "{:?}", BoundedDebug(&shown))?;
        if chars.next().is_some() || end < self.0.len() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// The first few messages of a list in `Debug` form, each bounded.
struct BoundedList<'a>(&'a [String]);

impl fmt::Debug for BoundedList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 5;
        let mut list = f.debug_list();
        list.entries(self.0.iter().take(SHOWN).map(|m| BoundedDebug(m)));
        if self.0.len() > SHOWN {
            list.entry(&format_args!("… {} more", self.0.len() - SHOWN));
        }
        list.finish()
    }
}

/// "1 attempt", "4 attempts".
struct Attempts(u32);

impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 attempt"),
            n => write!(f, "{n} attempts"),
        }
    }
}

/// A value that may be a URL, quoted, with credentials redacted, bounded and escaped.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", RedactedDebug(self.0))
    }
}

/// `Debug` of a value that may be a URL: credentials redacted, bounded and escaped.
struct RedactedDebug<'a>(&'a str);

impl fmt::Debug for RedactedDebug<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", BoundedDebug(&redact_url(self.0)))
    }
}

/// A URL (or anything that may be one) with the parts that can hold credentials replaced by
/// `<redacted>`: the user name and password (everything before the last `@`), the query and the
/// fragment. It works on text that does not parse as a URL too (`user:pw@host`,
/// `htp:/user:pw@host`), redacting more rather than less: when an `@` follows a `?` or `#`, it
/// cannot tell a password holding `#` (`http://user:pw#x@host`) from a query holding `@`
/// (`?token=a@b`), and everything after the scheme is redacted.
///
/// ```
/// use openapi_sdk_runtime::redact_url;
/// assert_eq!(redact_url("http://u:p@h:1/a?b#c"), "http://<redacted>@h:1/a?<redacted>");
/// assert_eq!(redact_url("http://user:pw#x@host"), "http://<redacted>");
/// assert_eq!(redact_url("https://api.example.com/v1"), "https://api.example.com/v1");
/// ```
pub fn redact_url(raw: &str) -> String {
    const REDACTED: &str = "<redacted>";
    let start = raw.find("://").map_or(0, |i| i + 3);
    let (scheme, rest) = raw.split_at(start);
    let query = rest.find(['?', '#']);
    let at = rest.rfind('@');
    let mut out = String::with_capacity(raw.len());
    out.push_str(scheme);
    if let (Some(at), Some(query)) = (at, query) {
        if at > query {
            out.push_str(REDACTED);
            return out;
        }
    }
    let host_onwards = match at {
        Some(at) => {
            out.push_str(REDACTED);
            &rest[at..]
        }
        None => rest,
    };
    match host_onwards.find(['?', '#']) {
        Some(cut) => {
            out.push_str(&host_onwards[..=cut]);
            out.push_str(REDACTED);
        }
        None => out.push_str(host_onwards),
    }
    out
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
    fn redact_url_hides_userinfo_query_and_fragment_whatever_comes_first() {
        for (raw, shown) in [
            ("https://api.example.com/v1", "https://api.example.com/v1"),
            ("http://u:p@h:1/a?b#c", "http://<redacted>@h:1/a?<redacted>"),
            ("http://h/a#frag?x", "http://h/a#<redacted>"),
            ("user:PASS@host", "<redacted>@host"),
            ("http://user:PA/SS@host/x", "http://<redacted>@host/x"),
            // A `#` or `?` before the last `@`: a password holding it, or a query holding `@`.
            ("http://user:PASS#SECRET@host", "http://<redacted>"),
            ("http://user:PASS?SECRET@host", "http://<redacted>"),
            ("http://host/?email=a@SECRET", "http://<redacted>"),
            ("api.example.com?token=SECRET", "api.example.com?<redacted>"),
            ("", ""),
        ] {
            assert_eq!(redact_url(raw), shown, "{raw}");
        }
    }

    #[test]
    fn parses_string_errors() {
        let e = api(404, r#"{"errors":["Not found"]}"#);
        assert_eq!(e.errors(), ["Not found"]);
        assert_eq!(e.kind(), ApiErrorKind::NotFound);
        assert_eq!(
            e.to_string(),
            "Op failed with status 404 Not Found (1 attempt): Not found"
        );
        assert_eq!(
            e.with_attempts(4).to_string(),
            "Op failed with status 404 Not Found (4 attempts): Not found"
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
            attempts: 2,
        };
        assert_eq!(
            timeout(TimeoutKind::Attempt).to_string(),
            "Op: timed out after 1500 ms (per-attempt timeout; 2 attempts)"
        );
        assert_eq!(
            timeout(TimeoutKind::Connect).to_string(),
            "Op: timed out after 1500 ms (connect timeout; 2 attempts)"
        );
        assert!(timeout(TimeoutKind::Deadline)
            .to_string()
            .ends_with("(deadline for the call, retries included; 2 attempts)"));
        assert_eq!(timeout(TimeoutKind::Attempt).attempts(), 2);
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
        headers.insert("ratelimit-reset", http::HeaderValue::from_static("23"));
        headers.insert("ratelimit-remaining", http::HeaderValue::from_static("0"));
        headers.insert(
            "x-ratelimit-reset",
            http::HeaderValue::from_static("1700000000"),
        );
        let e = ApiError::new(
            "Op",
            StatusCode::TOO_MANY_REQUESTS,
            headers.clone(),
            Bytes::new(),
        );
        assert_eq!(e.retry_after(), Some(Duration::from_secs(23)));
        let limit = e.rate_limit().unwrap();
        assert_eq!(
            (limit.remaining, limit.reset),
            (Some(0), Some(Duration::from_secs(23)))
        );
        assert_eq!(api(500, "").rate_limit(), None);
        // An API's own reset header, configured as an epoch, wins over the standard one.
        let vendor = RateLimitHeaders {
            reset: Some("x-ratelimit-reset"),
            reset_kind: crate::ResetKind::EpochSeconds,
            ..RateLimitHeaders::STANDARD
        };
        let e = ApiError::read(
            vendor,
            ErrorMessages::STANDARD,
            "Op",
            StatusCode::TOO_MANY_REQUESTS,
            headers,
            Bytes::new(),
        );
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_699_999_990);
        assert_eq!(e.retry_after_at(at), Some(Duration::from_secs(10)));
    }

    /// The messages of `body` (sent as `content_type`) read with `paths`.
    fn messages(paths: &'static [&'static str], content_type: &str, body: &str) -> Vec<String> {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_str(content_type).unwrap(),
        );
        ErrorMessages { paths }.read(&headers, body.as_bytes())
    }

    #[test]
    fn reads_messages_in_each_shape() {
        const JSON: &str = "application/json";
        const PROBLEM: &str = "application/problem+json; charset=utf-8";
        const JSON_API: &[&str] = &["errors"];
        const MESSAGE: &[&str] = &["message"];
        const ERROR_OBJECT: &[&str] = &["error.message"];
        const STANDARD: &[&str] = &[];
        let problem = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your balance is 30, but that costs 50.","status":403}"#;
        let summary_and_details = r#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.example.com"}"#;
        let error_object =
            r#"{"error":{"message":"Invalid API key","type":"invalid_request_error","code":null}}"#;
        // (paths, content type, body, expected)
        let cases: &[(&[&str], &str, &str, &[&str])] = &[
            (
                JSON_API,
                JSON,
                r#"{"errors":["Not found","Gone"]}"#,
                &["Not found", "Gone"],
            ),
            (
                JSON_API,
                JSON,
                r#"{"errors":[{"title":"Bad Request","detail":"id missing"},{"code":1}]}"#,
                &["Bad Request: id missing", r#"{"code":1}"#],
            ),
            (JSON_API, JSON, r#"{"message":"elsewhere"}"#, &[]),
            (MESSAGE, JSON, summary_and_details, &["Validation Failed"]),
            (ERROR_OBJECT, JSON, error_object, &["Invalid API key"]),
            (
                &["errors.detail", "message"],
                JSON,
                r#"{"errors":[{"detail":"a"},{"detail":"b"}],"message":"m"}"#,
                &["a", "b"],
            ),
            (
                &["errors.detail", "message"],
                JSON,
                r#"{"message":"m"}"#,
                &["m"],
            ),
            (
                &[""],
                PROBLEM,
                problem,
                &["You do not have enough credit.: Your balance is 30, but that costs 50."],
            ),
            // Unconfigured: problem details, then message, error, errors, then title/detail.
            (
                STANDARD,
                PROBLEM,
                problem,
                &["You do not have enough credit.: Your balance is 30, but that costs 50."],
            ),
            (
                STANDARD,
                JSON,
                problem,
                &["You do not have enough credit.: Your balance is 30, but that costs 50."],
            ),
            (
                STANDARD,
                JSON,
                r#"{"errors":["Not found"]}"#,
                &["Not found"],
            ),
            (STANDARD, JSON, error_object, &["Invalid API key"]),
            (
                STANDARD,
                JSON,
                r#"{"error":"invalid_grant"}"#,
                &["invalid_grant"],
            ),
            (STANDARD, JSON, summary_and_details, &["Validation Failed"]),
            (
                STANDARD,
                JSON,
                r#"{"message":"Bad credentials"}"#,
                &["Bad credentials"],
            ),
            (STANDARD, JSON, r#"{"status":"fail"}"#, &[]),
            (STANDARD, JSON, "<html>502</html>", &[]),
            (STANDARD, JSON, r#"["a"]"#, &[]),
        ];
        for (paths, content_type, body, expected) in cases {
            let paths: &'static [&'static str] = Box::leak(paths.to_vec().into_boxed_slice());
            assert_eq!(
                messages(paths, content_type, body),
                *expected,
                "{paths:?} {body}"
            );
        }
    }

    #[test]
    fn display_is_bounded_and_escaped_and_raw_body_is_exact() {
        let huge = "x".repeat(10 * 1024 * 1024);
        let body = format!(r#"{{"errors":["{huge}"]}}"#);
        let e = api(500, &body);
        let display = e.to_string();
        assert!(display.len() < 400, "{} bytes", display.len());
        assert!(
            display.ends_with(&format!(
                "… ({} more bytes)",
                huge.len() - DISPLAY_TEXT_LIMIT
            )),
            "{display}"
        );
        let debug = format!("{e:?}");
        assert!(debug.len() < 3_000, "{} bytes", debug.len());
        assert!(
            debug.contains(&format!("body_len: {}", body.len())),
            "{debug}"
        );
        assert_eq!(e.raw_body().len(), body.len());
        assert_eq!(
            e.errors()[0].len(),
            huge.len(),
            "errors() is the data, whole"
        );

        // A server cannot forge log lines or hide text.
        let e = api(
            400,
            r#"{"errors":["bad\nINFO forged line \u001b[31mred\u001b[0m \u202egnp.exe \u0000"]}"#,
        );
        let display = e.to_string();
        assert!(
            !display.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{display:?}"
        );
        assert!(
            display.contains(r"bad\nINFO forged line \u{1b}[31mred\u{1b}[0m \u{202e}gnp.exe \u{0}"),
            "{display}"
        );
        let debug = format!("{e:?}");
        assert!(!debug.chars().any(|c| c.is_control()), "{debug:?}");

        // An HTML page: a bounded start of it.
        let page = format!(
            "<html><body>{}</body></html>",
            "<p>oops</p>\n".repeat(5_000)
        );
        let e = api(502, &page);
        assert!(e.to_string().len() < 450, "{e}");
        assert_eq!(e.raw_body().as_ref(), page.as_bytes());

        // Decode errors too: serde quotes the offending value in its message.
        let decode = DecodeError {
            operation: "Op",
            status: StatusCode::OK,
            path: "data".into(),
            message: format!("invalid type: string {huge:?}, expected a sequence"),
            body: Bytes::from(huge.clone()),
            attempts: 3,
        };
        let display = decode.to_string();
        assert!(
            display.len() < 450 && display.ends_with("(3 attempts)"),
            "{display}"
        );
        assert!(format!("{decode:?}").len() < 3_000);
        assert_eq!(decode.raw_body().len(), huge.len());
    }

    #[test]
    fn body_too_large_reads_well() {
        let e = Error::BodyTooLarge {
            operation: "Op",
            status: StatusCode::OK,
            limit: 1024,
            received: 1100,
            declared: None,
            prefix: Bytes::from_static(b"{\"data\":["),
            attempts: 1,
        };
        assert_eq!(
            e.to_string(),
            "Op: the 200 OK response body is larger than the limit of 1024 bytes (stopped reading \
             after 1100 bytes; 1 attempt); raise max_response_body to accept it"
        );
        assert_eq!(e.status(), Some(StatusCode::OK));
        assert!(!e.is_retryable());
        assert_eq!(e.attempts(), 1);
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
