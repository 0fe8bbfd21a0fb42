//! The client and the one path every request goes through.

use crate::config::ClientBuilder;
use crate::error::{ApiError, ConfigError, Error};
use crate::request::Request;
use crate::response::RawResponse;
use http::header::{HeaderMap, HeaderValue, CONTENT_TYPE, USER_AGENT};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;
use std::time::Instant;
use tracing::Instrument;

/// A Datadog connections API client. Cheap to clone: clones share one connection pool.
///
/// Every operation is a method returning a request builder; see the [crate docs](crate) for an
/// example.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    /// Accept and the two key headers (marked sensitive).
    pub(crate) headers: HeaderMap,
    pub(crate) user_agent: HeaderValue,
    pub(crate) previews: BTreeSet<String>,
    pub(crate) all_previews: bool,
}

impl Client {
    /// A builder for a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured from `DD_API_KEY`, `DD_APP_KEY` and `DD_SITE`.
    pub fn from_env() -> Result<Client, ConfigError> {
        ClientBuilder::from_env().build()
    }

    /// The base URL requests go to (`https://api.datadoghq.com`).
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Whether a Preview operation is enabled on this client.
    pub fn is_preview_enabled(&self, operation_id: &str) -> bool {
        self.inner.all_previews || self.inner.previews.contains(operation_id)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("previews", &self.inner.previews)
            .field("all_previews", &self.inner.all_previews)
            .finish_non_exhaustive()
    }
}

/// Redirects are followed only to the same host: the key headers are not `Authorization`, so
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

/// Sends a request and sorts the answer into a 2xx [`RawResponse`] or an [`Error`].
///
/// Every operation goes through here, so Preview checks, auth headers, tracing and error mapping live
/// in one place (and so will retries and timeouts).
pub(crate) async fn execute(client: &Client, request: Request) -> Result<RawResponse, Error> {
    let op = request.operation;
    if op.preview && !client.is_preview_enabled(op.id) {
        return Err(Error::PreviewNotEnabled { operation: op.id });
    }
    let span = tracing::debug_span!(
        "datadog.request",
        operation = op.id,
        method = op.method.as_str(),
        path = op.path_template,
        attempt = 1u32,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    );
    async move {
        let inner = &client.inner;
        let url = format!("{}{}", inner.base_url, request.path_and_query());
        let mut builder = inner
            .http
            .request(op.method.to_http(), url)
            .headers(inner.headers.clone())
            .header(USER_AGENT, inner.user_agent.clone());
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder.header(CONTENT_TYPE, HeaderValue::from_static("application/json")).body(body);
        }
        let started = Instant::now();
        let transport = |source| Error::Transport { operation: op.id, source };
        let response = builder.send().await.map_err(transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(transport)?;
        let span = tracing::Span::current();
        span.record("status", status.as_u16());
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        tracing::debug!(status = status.as_u16(), bytes = body.len(), "response");
        if status.is_success() {
            Ok(RawResponse { operation: op.id, status, headers, body })
        } else {
            Err(ApiError::new(op.id, status, headers, body).into())
        }
    }
    .instrument(span)
    .await
}
