//! [`Recorder`]: a recording proxy on loopback. Point a client at it, and it forwards every request
//! to the real API, answers with the real response, and keeps the exchange — scrubbed of
//! credentials and volatile headers by a [`Scrubber`] — to be saved as a cassette that
//! [`ReplayServer`](crate::ReplayServer) replays.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use datadog_connections::Client;
//! use datadog_connections_testkit::Recorder;
//!
//! // The keys and the site come from DD_API_KEY, DD_APP_KEY and DD_SITE.
//! let live = Client::from_env()?;
//! let recorder = Recorder::start(live.base_url()).await?;
//! let client = Client::builder()
//!     .api_key(std::env::var("DD_API_KEY")?)
//!     .app_key(std::env::var("DD_APP_KEY")?)
//!     .base_url(recorder.base_url())
//!     .build()?;
//! client.list_org_connections().send().await?;
//! recorder.save("tests/cassettes/list.json".as_ref())?;
//! # Ok(()) }
//! ```

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::cassette::{Cassette, Interaction, RecordedRequest, RecordedResponse};
use crate::error::CassetteError;
use crate::received::ReceivedRequest;
use crate::scrub::Scrubber;
use crate::serve::lock;

/// The status the recorder answers when the upstream API cannot be reached (nothing is recorded).
pub const UPSTREAM_FAILED_STATUS: u16 = 502;

/// Request headers not forwarded: hop-by-hop headers, the target's `Host`, and framing and
/// transfer-coding headers (the forwarding client sets its own).
const NOT_FORWARDED: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
    "trailer",
    "host",
    "content-length",
    "accept-encoding",
];

/// Response headers not passed back: hop-by-hop and framing headers (the body is sent decoded).
const NOT_RETURNED: &[&str] = &[
    "connection",
    "keep-alive",
    "transfer-encoding",
    "upgrade",
    "trailer",
    "content-length",
    "content-encoding",
];

#[derive(Debug)]
struct State {
    scrubber: Scrubber,
    interactions: Vec<Interaction>,
    upstream_failures: Vec<String>,
}

/// A recording proxy on `127.0.0.1` at an ephemeral port; it stops when dropped.
pub struct Recorder {
    addr: SocketAddr,
    upstream: String,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl fmt::Debug for Recorder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Recorder")
            .field("addr", &self.addr)
            .field("upstream", &self.upstream)
            .finish_non_exhaustive()
    }
}

impl Recorder {
    /// Starts recording what it forwards to `upstream` (e.g. `https://api.datadoghq.com`), scrubbed
    /// by [`Scrubber::default`].
    pub async fn start(upstream: &str) -> std::io::Result<Recorder> {
        Self::start_with(upstream, Scrubber::default()).await
    }

    /// Like [`start`](Self::start), with other scrubbing rules.
    ///
    /// Fails (`std::io::ErrorKind::Other`, wrapping `ConfigError::NoCryptoProvider`) when the
    /// SDK is built with `rustls-no-provider` and no crypto provider is installed.
    pub async fn start_with(upstream: &str, scrubber: Scrubber) -> std::io::Result<Recorder> {
        let upstream = upstream.trim_end_matches('/').to_owned();
        // With `rustls-no-provider` and no provider installed, reqwest would panic.
        openapi_sdk_runtime::check_crypto_provider().map_err(std::io::Error::other)?;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(std::io::Error::other)?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State {
            scrubber,
            interactions: Vec::new(),
            upstream_failures: Vec::new(),
        }));
        let task = tokio::spawn(crate::serve::accept_loop(listener, false, {
            let state = Arc::clone(&state);
            let upstream = upstream.clone();
            move |request| forward(Arc::clone(&state), http.clone(), upstream.clone(), request)
        }));
        Ok(Recorder {
            addr,
            upstream,
            state,
            task,
        })
    }

    /// The URL to point a client at: `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The API the recorder forwards to.
    pub fn upstream(&self) -> &str {
        &self.upstream
    }

    /// The exchanges recorded so far, scrubbed, in order.
    pub fn interactions(&self) -> Vec<Interaction> {
        lock(&self.state).interactions.clone()
    }

    /// Why requests could not be forwarded (each got [`UPSTREAM_FAILED_STATUS`] and was not
    /// recorded).
    pub fn upstream_failures(&self) -> Vec<String> {
        lock(&self.state).upstream_failures.clone()
    }

    /// The recording as a cassette named `name`.
    pub fn cassette(&self, name: &str) -> Cassette {
        Cassette {
            name: name.to_owned(),
            interactions: self.interactions(),
        }
    }

    /// Writes the recording to `path` in Datadog's VCR format, with URIs on the upstream origin
    /// (without the port when it is a loopback address, whose port changes from run to run).
    pub fn save(&self, path: &Path) -> Result<(), CassetteError> {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.cassette(&name)
            .save(path, &stable_origin(&self.upstream))
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn forward(
    state: Arc<Mutex<State>>,
    http: reqwest::Client,
    upstream: String,
    request: http::Request<Incoming>,
) -> Result<Response<Full<Bytes>>, std::convert::Infallible> {
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    let target = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
    let url = format!("{upstream}{target}");
    let mut outgoing = http.request(parts.method.clone(), &url);
    for (name, value) in &parts.headers {
        if !NOT_FORWARDED.contains(&name.as_str()) {
            outgoing = outgoing.header(name, value);
        }
    }
    let received = ReceivedRequest::from_parts(parts.method, target, parts.headers, body.clone());
    let answer = match outgoing.body(body).send().await {
        Ok(answer) => answer,
        Err(error) => {
            // Without the URL: a query could carry a credential.
            let reason = format!(
                "{} {}: {}",
                received.method,
                received.path,
                error.without_url()
            );
            lock(&state).upstream_failures.push(reason.clone());
            return Ok(plain(UPSTREAM_FAILED_STATUS, reason));
        }
    };
    let status = answer.status();
    let headers: Vec<(String, String)> = answer
        .headers()
        .iter()
        .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect();
    let bytes = match answer.bytes().await {
        Ok(bytes) => bytes,
        Err(error) => {
            let reason = format!(
                "{} {}: {}",
                received.method,
                received.path,
                error.without_url()
            );
            lock(&state).upstream_failures.push(reason.clone());
            return Ok(plain(UPSTREAM_FAILED_STATUS, reason));
        }
    };
    let interaction = Interaction {
        request: recorded_request(&received),
        response: RecordedResponse {
            status: status.as_u16(),
            message: status.canonical_reason().unwrap_or_default().to_owned(),
            headers: headers
                .iter()
                .map(|(n, v)| (canonical_case(n), v.clone()))
                .collect(),
            body: String::from_utf8_lossy(&bytes).into_owned(),
        },
        recorded_at: Some(httpdate::fmt_http_date(SystemTime::now())),
    };
    {
        let mut state = lock(&state);
        let scrubbed = state.scrubber.scrub(interaction);
        state.interactions.push(scrubbed);
    }
    let mut response = Response::new(Full::new(bytes));
    *response.status_mut() = status;
    for (name, value) in headers {
        if NOT_RETURNED.contains(&name.as_str()) {
            continue;
        }
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    Ok(response)
}

/// `upstream`, without its port when the host is loopback.
fn stable_origin(upstream: &str) -> String {
    match url::Url::parse(upstream) {
        Ok(mut url) if matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]")) => {
            // Only fails for URLs that cannot have a port, which have no loopback host either.
            let _ = url.set_port(None);
            url.as_str().trim_end_matches('/').to_owned()
        }
        _ => upstream.to_owned(),
    }
}

fn recorded_request(received: &ReceivedRequest) -> RecordedRequest {
    let headers = received
        .headers
        .iter()
        .filter_map(|(n, v)| Some((canonical_case(n.as_str()), v.to_str().ok()?.to_owned())))
        .collect();
    let body = String::from_utf8_lossy(&received.body).into_owned();
    RecordedRequest {
        method: received.method.clone(),
        path: received.path.clone(),
        query: received.query.clone(),
        headers,
        body: (!body.is_empty()).then_some(body),
    }
}

/// `content-type` → `Content-Type`, as Datadog's cassettes spell header names.
fn canonical_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn plain(status: u16, text: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(text)));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_origins_lose_their_port_and_names_are_capitalised() {
        assert_eq!(stable_origin("http://127.0.0.1:38493"), "http://127.0.0.1");
        assert_eq!(stable_origin("http://localhost:8080/"), "http://localhost");
        assert_eq!(
            stable_origin("https://api.datadoghq.eu"),
            "https://api.datadoghq.eu"
        );
        assert_eq!(canonical_case("dd-api-key"), "Dd-Api-Key");
        assert_eq!(canonical_case("content-type"), "Content-Type");
    }
}
