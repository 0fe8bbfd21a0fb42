//! The client and the one path every request goes through: Preview check, headers, retries,
//! timeouts, tracing, and sorting the answer into a response or an error.

use crate::api::Api;
use crate::auth::{describe_requirements, AuthParts, Credentials};
use crate::config::{check_limit, check_timeout, ClientBuilder};
use crate::error::{ApiError, ConfigError, Error, TimeoutKind};
use crate::request::{Operation, Request};
use crate::response::{ApiResponse, RawResponse};
use crate::retry::{Decision, RetryPolicy};
use crate::stream::ByteStream;
use crate::upload::Segments;
use bytes::{Bytes, BytesMut};
use http::header::{HeaderMap, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, USER_AGENT};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use tracing::field::Empty;
use tracing::Instrument;

/// A client for one [`Api`]. Cheap to clone: clones share one connection pool.
///
/// Generated crates wrap it in their own `Client`, whose methods return request builders; every
/// builder sends through [`Client::execute`].
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) api: &'static Api,
    pub(crate) http: reqwest::Client,
    /// Whether `https` URLs can be reached: false only when the runtime built `http` itself
    /// without a TLS feature.
    pub(crate) https: bool,
    /// The API-level server (rendered) or the explicit base URL, without a trailing slash.
    pub(crate) base_url: String,
    /// Server variable values, for operations with their own server.
    pub(crate) variables: BTreeMap<String, String>,
    /// Per-operation base URLs set by the caller.
    pub(crate) operation_urls: BTreeMap<String, String>,
    pub(crate) credentials: Credentials,
    /// Accept.
    pub(crate) headers: HeaderMap,
    pub(crate) user_agent: HeaderValue,
    pub(crate) previews: BTreeSet<String>,
    pub(crate) all_previews: bool,
    pub(crate) retry_policy: RetryPolicy,
    pub(crate) attempt_timeout: Duration,
    pub(crate) deadline: Duration,
    /// The largest response body read, in bytes, after decompression.
    pub(crate) max_response_body: usize,
}

impl Client {
    /// A builder for a client of `api`.
    pub fn builder(api: &'static Api) -> ClientBuilder {
        ClientBuilder::new(api)
    }

    /// The API this client is for.
    pub fn api(&self) -> &'static Api {
        self.inner.api
    }

    /// The base URL requests go to, unless their operation has its own server.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Whether a Preview operation is enabled on this client.
    pub fn is_preview_enabled(&self, operation_id: &str) -> bool {
        self.inner.all_previews || self.inner.previews.contains(operation_id)
    }

    /// Whether the client holds a credential for the security scheme with this name.
    pub fn has_credential(&self, scheme: &str) -> bool {
        self.inner.credentials.has(scheme)
    }

    /// Where an operation's requests go: a base URL set for it with
    /// [`ClientBuilder::operation_base_url`], else its own server rendered with the client's server
    /// variables, else the client's [`base_url`](Self::base_url).
    pub fn operation_base_url(&self, operation: &Operation) -> Result<String, ConfigError> {
        let inner = &self.inner;
        if let Some(url) = inner.operation_urls.get(operation.id) {
            return Ok(url.clone());
        }
        match operation.servers.first() {
            Some(server) => server.render(&inner.variables),
            None => Ok(inner.base_url.clone()),
        }
    }

    /// Sends a request, retrying as the policy allows, and sorts the answer into a 2xx
    /// [`RawResponse`] or an [`Error`].
    ///
    /// Every operation goes through here, so the Preview check, auth, retries, timeouts, tracing
    /// and error mapping live in one place. Before anything is sent it refuses per-call options
    /// that could never succeed (a zero or sub-millisecond timeout or deadline, a zero body
    /// limit: [`Error::Config`]) and a path whose parameters would change it (an empty, `.` or
    /// `..` segment where the template has a parameter, percent-encoded forms included:
    /// [`Error::InvalidRequest`]). Every response body is read up to the body limit, after
    /// decompression; a longer one is [`Error::BodyTooLarge`] and is not retried.
    ///
    /// The `api.request` span covers the whole call
    /// (operation, method, path template, and at the end the number of attempts, the final status
    /// and the latency); each attempt has an `api.attempt` span inside it (attempt number, status,
    /// latency). Neither records headers or the query, so credentials never reach a trace.
    pub async fn execute(&self, request: Request) -> Result<RawResponse, Error> {
        match execute(self, request, Mode::Buffered).await? {
            Received::Buffered(raw) => Ok(raw),
            // Only a streaming call receives a stream.
            Received::Streaming(response) => Err(Error::InvalidRequest {
                operation: response.body().operation(),
                reason: "a streamed response reached the buffered path".to_owned(),
            }),
        }
    }

    /// Like [`execute`](Self::execute), but a 2xx response's body is not read: it is returned as a
    /// [`ByteStream`], read as it is consumed, with no body limit (an error status is still read,
    /// up to the limit, into [`Error::Api`]). The attempt timeout and deadline cover the call up
    /// to the response headers; after that the stream fails when no data comes for an attempt
    /// timeout ([`TimeoutKind::BodyStall`]).
    pub async fn execute_stream(&self, request: Request) -> Result<ApiResponse<ByteStream>, Error> {
        match execute(self, request, Mode::Streaming).await? {
            Received::Streaming(response) => Ok(response),
            Received::Buffered(raw) => Err(raw.decode_error(
                ".",
                "a buffered response reached the streaming path".to_owned(),
            )),
        }
    }
}

impl AsRef<Client> for Client {
    fn as_ref(&self) -> &Client {
        self
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("variables", &self.inner.variables)
            .field("operation_urls", &self.inner.operation_urls)
            .field(
                "credentials_for",
                &self.inner.credentials.schemes().collect::<Vec<_>>(),
            )
            .field("previews", &self.inner.previews)
            .field("all_previews", &self.inner.all_previews)
            .field("retry_policy", &self.inner.retry_policy)
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .field("deadline", &self.inner.deadline)
            .field("max_response_body", &self.inner.max_response_body)
            .finish_non_exhaustive()
    }
}

/// Redirects are followed only to the same host: API key headers are not `Authorization`, so
/// reqwest would carry them anywhere. A cross-host redirect is returned to the caller as a 3xx error.
pub(crate) fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let same_origin = attempt.previous().last().is_some_and(|prev| {
            prev.host_str() == attempt.url().host_str()
                && prev.port_or_known_default() == attempt.url().port_or_known_default()
                && prev.scheme() == attempt.url().scheme()
        });
        if attempt.previous().len() > 5 {
            attempt.error("too many redirects")
        } else if same_origin {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

/// Whether a 2xx body is read into memory or handed over as a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Buffered,
    Streaming,
}

/// A successful exchange, as the mode asked.
enum Received {
    Buffered(RawResponse),
    Streaming(ApiResponse<ByteStream>),
}

impl Received {
    fn status(&self) -> http::StatusCode {
        match self {
            Received::Buffered(raw) => raw.status,
            Received::Streaming(response) => response.status(),
        }
    }
}

async fn execute(client: &Client, request: Request, mode: Mode) -> Result<Received, Error> {
    let op = request.operation;
    let plan = Plan::new(&client.inner, &request)?;
    check_path(&op, &request.path)?;
    if op.preview && !client.is_preview_enabled(op.id) {
        return Err(Error::PreviewNotEnabled { operation: op.id });
    }
    let Some(auth) = client.inner.credentials.for_requirements(op.security) else {
        return Err(Error::MissingCredentials {
            operation: op.id,
            needed: describe_requirements(op.security, client.inner.api.security_schemes),
        });
    };
    let base_url = client.operation_base_url(&op)?;
    crate::transport::check_scheme(client.inner.https, &base_url)?;
    let span = tracing::debug_span!(
        "api.request",
        operation = op.id,
        method = op.method.as_str(),
        path = op.path_template,
        attempts = Empty,
        status = Empty,
        latency_ms = Empty,
    );
    let exchange = Exchange::new(&client.inner, request, &base_url, auth);
    let started = Instant::now();
    let made = AtomicU32::new(0);
    async {
        // One timer at a time: each attempt's timer is cut short by the deadline, and the retry
        // policy never waits past it, so the deadline needs no timer of its own.
        let result = attempts(&exchange, &plan, mode, started, &made).await;
        let span = tracing::Span::current();
        span.record("attempts", made.load(Ordering::Relaxed));
        let status = match &result {
            Ok(response) => Some(response.status()),
            Err(error) => error.status(),
        };
        if let Some(status) = status {
            span.record("status", status.as_u16());
        }
        span.record("latency_ms", millis(started.elapsed()));
        if let Err(error) = &result {
            tracing::debug!(error = %error, "request failed");
        }
        result
    }
    .instrument(span)
    .await
}

/// Refuses a path that a parameter would change: where the operation's template has a
/// parameter, the segment filled in must not be empty, `.` or `..` once percent-decoded (a URL
/// parser collapses dot segments, so `/teams/{team}/members/{user}` with user `..` would reach
/// `/teams/{team}`), and no parameter may add or remove a segment.
fn check_path(op: &Operation, path: &str) -> Result<(), Error> {
    let invalid = |reason: String| Error::InvalidRequest {
        operation: op.id,
        reason,
    };
    let template = op.path_template.split('/');
    let mut actual = path.split('/');
    for expected in template {
        let Some(segment) = actual.next() else {
            return Err(invalid(format!(
                "the path has fewer segments than its template {}",
                op.path_template
            )));
        };
        if !expected.contains('{') {
            continue;
        }
        let decoded: Vec<u8> = percent_encoding::percent_decode_str(segment).collect();
        let what = match decoded.as_slice() {
            b"" => "empty",
            b"." => "`.`",
            b".." => "`..`",
            _ => continue,
        };
        return Err(invalid(format!(
            "the path parameter segment `{expected}` of {} is {what}, which would change the path",
            op.path_template
        )));
    }
    if actual.next().is_some() {
        return Err(invalid(format!(
            "a path parameter adds segments to the template {}",
            op.path_template
        )));
    }
    Ok(())
}

/// The retry and timeout settings for one call: the client's, with the call's overrides.
struct Plan {
    policy: RetryPolicy,
    /// Whether the request may reach the server more than once (idempotent, or marked safe).
    may_repeat: bool,
    attempt_timeout: Duration,
    deadline: Duration,
    max_response_body: usize,
}

impl Plan {
    /// The plan, or a configuration error for per-call options that could never succeed (checked
    /// as the builder checks the client's).
    fn new(inner: &ClientInner, request: &Request) -> Result<Self, ConfigError> {
        let options = &request.options;
        if let Some(timeout) = options.attempt_timeout_override() {
            check_timeout("per-call attempt timeout", timeout)?;
        }
        if let Some(deadline) = options.deadline_override() {
            check_timeout("per-call deadline", deadline)?;
        }
        if let Some(limit) = options.max_response_body_override() {
            check_limit("per-call max response body", limit)?;
        }
        Ok(Plan {
            policy: options
                .retry_policy_override()
                .unwrap_or(&inner.retry_policy)
                .clone(),
            may_repeat: request.operation.method.is_idempotent() || options.is_safe_to_retry(),
            attempt_timeout: options
                .attempt_timeout_override()
                .unwrap_or(inner.attempt_timeout),
            deadline: options.deadline_override().unwrap_or(inner.deadline),
            max_response_body: options
                .max_response_body_override()
                .unwrap_or(inner.max_response_body),
        })
    }
}

/// The parts of a request that every attempt sends again.
struct Exchange {
    http: reqwest::Client,
    /// The API, whose conventions an error response is read with.
    api: &'static Api,
    operation: Operation,
    url: String,
    headers: HeaderMap,
    body: ExchangeBody,
}

/// A request body, as each attempt sends it.
enum ExchangeBody {
    None,
    Bytes(Bytes),
    /// Read as it is sent: files are opened again for each attempt, a one-shot stream is taken by
    /// the first attempt that reads it.
    Segments(Segments),
}

impl Exchange {
    fn new(inner: &ClientInner, request: Request, base_url: &str, auth: AuthParts) -> Self {
        let mut headers = inner.headers.clone();
        headers.insert(USER_AGENT, inner.user_agent.clone());
        for (name, value) in auth.headers {
            headers.insert(name, value);
        }
        request.apply_headers(&mut headers);
        let mut url = format!("{base_url}{}", request.path_and_query());
        for (i, pair) in auth.query.iter().enumerate() {
            let separator = if i == 0 && request.query.is_empty() {
                '?'
            } else {
                '&'
            };
            url.push(separator);
            url.push_str(pair.expose());
        }
        // Bodies are JSON unless the request set its own type (text, bytes, multipart).
        if request.body.is_some() && !headers.contains_key(CONTENT_TYPE) {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        let body = match (request.body, request.upload) {
            (Some(body), _) => ExchangeBody::Bytes(Bytes::from(body)),
            (None, Some(segments)) => match segments.in_memory() {
                Some(bytes) => ExchangeBody::Bytes(bytes),
                None => {
                    // A streamed body has no length of its own: without it, HTTP/1.1 would chunk it.
                    headers.insert(CONTENT_LENGTH, HeaderValue::from(segments.len()));
                    ExchangeBody::Segments(segments)
                }
            },
            (None, None) => ExchangeBody::None,
        };
        Exchange {
            http: inner.http.clone(),
            api: inner.api,
            operation: request.operation,
            url,
            headers,
            body,
        }
    }

    /// Whether another attempt could send the body again: false once an attempt has started to
    /// read a one-shot stream.
    fn is_replayable(&self) -> bool {
        match &self.body {
            ExchangeBody::Segments(segments) => segments.is_replayable(),
            _ => true,
        }
    }

    fn builder(&self) -> reqwest::RequestBuilder {
        let builder = self
            .http
            .request(self.operation.method.to_http(), &self.url)
            .headers(self.headers.clone());
        match &self.body {
            ExchangeBody::Bytes(body) => builder.body(body.clone()),
            ExchangeBody::Segments(segments) => builder.body(segments.to_body()),
            ExchangeBody::None => builder,
        }
    }
}

/// Makes attempts until one succeeds or the policy says stop, counting them in `made`.
async fn attempts(
    exchange: &Exchange,
    plan: &Plan,
    mode: Mode,
    started: Instant,
    made: &AtomicU32,
) -> Result<Received, Error> {
    let mut attempt = 0u32;
    loop {
        // The deadline's timer fires at the next tick (1 ms); an attempt that could only start
        // after the deadline is not made.
        if started.elapsed() >= plan.deadline {
            return Err(Error::Timeout {
                operation: exchange.operation.id,
                kind: TimeoutKind::Deadline,
                elapsed: started.elapsed(),
                attempts: attempt,
            });
        }
        attempt += 1;
        made.store(attempt, Ordering::Relaxed);
        let span = tracing::debug_span!("api.attempt", attempt, status = Empty, latency_ms = Empty);
        let error = match send_once(exchange, plan, mode, attempt, started)
            .instrument(span)
            .await
        {
            Ok(response) => return Ok(response),
            Err(error) => error,
        };
        let remaining = plan.deadline.saturating_sub(started.elapsed());
        match plan.policy.decide(
            &error,
            attempt,
            plan.may_repeat,
            remaining,
            SystemTime::now(),
        ) {
            Decision::Retry(_) if !exchange.is_replayable() => {
                tracing::debug!(
                    attempt,
                    "not retrying: the one-shot request body was consumed"
                );
                return Err(Error::StreamNotReplayable {
                    operation: exchange.operation.id,
                    attempts: attempt,
                    source: Box::new(error),
                });
            }
            Decision::Retry(delay) => {
                tracing::debug!(attempt, delay_ms = millis(delay), error = %error, "retrying");
                tokio::time::sleep(delay).await;
            }
            Decision::Stop(reason) => {
                if attempt > 1 || plan.policy.is_enabled() {
                    tracing::debug!(attempt, reason, "not retrying");
                }
                return Err(error);
            }
        }
    }
}

/// One attempt: send, read the body (up to the limit), sort the answer; within the per-attempt
/// timeout, cut short to what is left of the deadline of the call that began at `call_started`.
/// `attempt` is its number, recorded in the error.
async fn send_once(
    exchange: &Exchange,
    plan: &Plan,
    mode: Mode,
    attempt: u32,
    call_started: Instant,
) -> Result<Received, Error> {
    let operation = exchange.operation.id;
    let started = Instant::now();
    let transport = |source: reqwest::Error| match (source.is_timeout(), source.is_connect()) {
        (true, true) => Error::Timeout {
            operation,
            kind: TimeoutKind::Connect,
            elapsed: started.elapsed(),
            attempts: attempt,
        },
        (true, false) => Error::Timeout {
            operation,
            kind: TimeoutKind::Attempt,
            elapsed: started.elapsed(),
            attempts: attempt,
        },
        // The URL can carry an API key in its query: errors never include it.
        _ => Error::Transport {
            operation,
            source: source.without_url(),
            attempts: attempt,
        },
    };
    let limit = plan.max_response_body;
    let roundtrip = async {
        let mut response = exchange.builder().send().await.map_err(transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        if mode == Mode::Streaming && status.is_success() {
            return Ok::<_, Error>((status, headers, Read::Unread(response)));
        }
        let body = read_body(&mut response, limit).await.map_err(transport)?;
        Ok((status, headers, Read::Body(body)))
    };
    // The deadline's elapsed time is the whole call's, an attempt timeout's this attempt's.
    let remaining = plan.deadline.saturating_sub(call_started.elapsed());
    let (limit_by, kind, since) = if remaining < plan.attempt_timeout {
        (remaining, TimeoutKind::Deadline, call_started)
    } else {
        (plan.attempt_timeout, TimeoutKind::Attempt, started)
    };
    let outcome = tokio::time::timeout(limit_by, roundtrip).await;
    let span = tracing::Span::current();
    if let Ok(Ok((status, _, _))) = &outcome {
        span.record("status", status.as_u16());
    }
    span.record("latency_ms", millis(started.elapsed()));
    let (status, headers, body) = match outcome {
        Ok(result) => result?,
        Err(_) => {
            return Err(Error::Timeout {
                operation,
                kind,
                elapsed: since.elapsed(),
                attempts: attempt,
            })
        }
    };
    let body = match body {
        Read::Unread(response) => {
            tracing::debug!(status = status.as_u16(), "response body streamed");
            let stream =
                ByteStream::new(operation, response, &headers, attempt, plan.attempt_timeout);
            return Ok(Received::Streaming(ApiResponse::new(
                status,
                headers,
                stream,
                exchange.api.rate_limit,
            )));
        }
        Read::Body(body) => body,
    };
    let body = match body {
        Body::Complete(body) => body,
        Body::TooLarge {
            prefix,
            received,
            declared,
        } => {
            tracing::debug!(
                status = status.as_u16(),
                received,
                limit,
                "response body over the limit"
            );
            return Err(Error::BodyTooLarge {
                operation,
                status,
                limit,
                received,
                declared,
                prefix,
                attempts: attempt,
            });
        }
    };
    tracing::debug!(status = status.as_u16(), bytes = body.len(), "response");
    if status.is_success() {
        // A page of a listing: `collect_all` weighs its pages by their bodies.
        crate::pagination::record_body_bytes(body.len());
        Ok(Received::Buffered(RawResponse {
            operation,
            rate_limit_headers: exchange.api.rate_limit,
            status,
            headers,
            body,
            attempts: attempt,
        }))
    } else {
        Err(
            ApiError::of_api(exchange.api, operation, status, headers, body)
                .with_attempts(attempt)
                .into(),
        )
    }
}

/// What an attempt read: the body, or (a 2xx of a streaming call) nothing yet.
enum Read {
    Body(Body),
    Unread(reqwest::Response),
}

/// How much of an over-limit body is kept.
const BODY_PREFIX_LIMIT: usize = Error::BODY_PREFIX_LIMIT;

/// A response body read up to a limit.
enum Body {
    Complete(Bytes),
    /// Over the limit: reading stopped there (or never started, when the declared length was
    /// already over it: then the prefix is empty). The prefix is at most [`BODY_PREFIX_LIMIT`]
    /// bytes.
    TooLarge {
        prefix: Bytes,
        received: u64,
        declared: Option<u64>,
    },
}

/// Reads the (decompressed) body chunk by chunk, stopping as soon as it passes `limit` bytes, so
/// a gzip bomb or an endless body costs at most `limit` bytes of memory.
async fn read_body(response: &mut reqwest::Response, limit: usize) -> Result<Body, reqwest::Error> {
    let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
    // reqwest reports the length only when it does not decompress (else `None`).
    let declared = response.content_length();
    if declared.is_some_and(|len| len > limit_u64) {
        // Refused on the header: waiting for even a prefix would let a server that declares a
        // huge body and then stalls hold the call until its timeout, and a timeout is retried.
        return Ok(Body::TooLarge {
            prefix: Bytes::new(),
            received: 0,
            declared,
        });
    }
    const INITIAL_CAPACITY: usize = 64 * 1024;
    let capacity = declared
        .and_then(|len| usize::try_from(len).ok())
        .unwrap_or(INITIAL_CAPACITY)
        .min(limit);
    let mut body = BytesMut::with_capacity(capacity);
    while let Some(chunk) = response.chunk().await? {
        if chunk.len() > limit - body.len() {
            let received = (body.len() + chunk.len()) as u64;
            // A copy: the prefix must not keep the whole buffer alive.
            let mut prefix = Vec::with_capacity(BODY_PREFIX_LIMIT);
            prefix.extend_from_slice(&body[..body.len().min(BODY_PREFIX_LIMIT)]);
            let take = chunk.len().min(BODY_PREFIX_LIMIT - prefix.len());
            prefix.extend_from_slice(&chunk[..take]);
            return Ok(Body::TooLarge {
                prefix: Bytes::from(prefix),
                received,
                declared,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Body::Complete(body.freeze()))
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
