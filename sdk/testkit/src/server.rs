//! [`ReplayServer`]: an HTTP/1.1 server on loopback that answers requests from recorded interactions.
//!
//! Each request is matched against the interactions not yet served (see [`crate::matching`]); the
//! earliest match answers with its recorded status, reason phrase, headers and body, and is then used
//! up. A request that matches nothing gets status [`MISMATCH_STATUS`] with a `text/plain` body
//! explaining the [`Mismatch`], which is also kept for [`ReplayServer::mismatches`].

use std::convert::Infallible;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::cassette::{Interaction, RecordedResponse};
use crate::matching::{CanonicalRequest, Matcher};
use crate::mismatch::Mismatch;
use crate::received::ReceivedRequest;
use crate::serve::lock;

/// The status of the response to a request that matched no unused interaction.
///
/// 599 is outside every status Datadog documents, so a client cannot mistake it for a replayed one.
/// Its reason phrase is [`MISMATCH_REASON`] and its body is the [`Mismatch`]'s `Display` text.
pub const MISMATCH_STATUS: u16 = 599;

/// The reason phrase sent with [`MISMATCH_STATUS`].
pub const MISMATCH_REASON: &str = "Cassette Mismatch";

/// Recorded response headers that are not replayed: hop-by-hop headers, and the ones describing the
/// body's framing or transfer coding (the server frames the replayed body itself, uncompressed).
const NOT_REPLAYED: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
    "trailer",
    "content-length",
    "content-encoding",
];

/// What the server knows: the interactions, which were served, and what it received.
#[derive(Debug)]
struct State {
    matcher: Matcher,
    received: Vec<ReceivedRequest>,
    mismatches: Vec<Mismatch>,
}

/// A replay server on `127.0.0.1` at an ephemeral port; it stops when dropped.
///
/// ```no_run
/// # async fn demo(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
/// use datadog_connections_testkit::{Cassette, ReplayServer};
/// let cassette = Cassette::load(path)?;
/// let server = ReplayServer::start(cassette.interactions).await?;
/// // ... point the client at server.base_url() and run the scenario ...
/// assert!(server.mismatches().is_empty(), "{}", server.mismatches()[0]);
/// assert!(server.unused().is_empty());
/// # Ok(()) }
/// ```
pub struct ReplayServer {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl fmt::Debug for ReplayServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReplayServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl ReplayServer {
    /// Binds `127.0.0.1:0` and starts serving `interactions` (in recorded order) on the current Tokio
    /// runtime. Fails only when the socket cannot be bound.
    pub async fn start(interactions: Vec<Interaction>) -> std::io::Result<ReplayServer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State {
            matcher: Matcher::new(interactions),
            received: Vec::new(),
            mismatches: Vec::new(),
        }));
        let task = tokio::spawn(crate::serve::accept_loop(listener, false, {
            let state = Arc::clone(&state);
            move |request| handle(Arc::clone(&state), request)
        }));
        Ok(ReplayServer { addr, state, task })
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL to point a client at: `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request that reached the server, in arrival order, with the interaction that answered it.
    pub fn received(&self) -> Vec<ReceivedRequest> {
        lock(&self.state).received.clone()
    }

    /// The requests that matched no unused interaction, in arrival order.
    pub fn mismatches(&self) -> Vec<Mismatch> {
        lock(&self.state).mismatches.clone()
    }

    /// Indexes of the interactions never served, in order.
    pub fn unused(&self) -> Vec<usize> {
        lock(&self.state).matcher.unused()
    }

    /// `Ok` when every request matched a recorded interaction and every interaction was requested;
    /// otherwise a [`ReplayReport`] whose `Display` shows each mismatch as a diff against the
    /// nearest recorded request, and lists the interactions never requested.
    ///
    /// ```no_run
    /// # async fn demo(server: datadog_connections_testkit::ReplayServer) {
    /// // At the end of a test:
    /// if let Err(report) = server.verify() {
    ///     panic!("{report}");
    /// }
    /// # }
    /// ```
    pub fn verify(&self) -> Result<(), ReplayReport> {
        let state = lock(&self.state);
        let unused: Vec<(usize, String)> = state
            .matcher
            .unused()
            .into_iter()
            .map(|i| {
                let summary = state
                    .matcher
                    .canonical(i)
                    .map(|c| c.render().lines().next().unwrap_or_default().to_owned())
                    .unwrap_or_default();
                (i, summary)
            })
            .collect();
        if state.mismatches.is_empty() && unused.is_empty() {
            return Ok(());
        }
        Err(ReplayReport {
            mismatches: state.mismatches.clone(),
            unused,
        })
    }

    /// Stops the server and waits until its socket and connections are closed.
    pub async fn shutdown(mut self) {
        self.task.abort();
        // Cancellation is the expected outcome; any other join error has nothing left to clean up.
        let _ = (&mut self.task).await;
    }
}

/// What went wrong in a replay: the requests that matched nothing, and the recorded interactions
/// never requested. `Display` is written for a failing test's output; it never shows header values.
#[derive(Debug, Clone)]
pub struct ReplayReport {
    /// The requests that matched no unused interaction, each with its diff.
    pub mismatches: Vec<Mismatch>,
    /// The interactions never served: their index and first line (`METHOD /path`).
    pub unused: Vec<(usize, String)>,
}

impl fmt::Display for ReplayReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "replay failed: {} unmatched request(s), {} unused interaction(s)",
            self.mismatches.len(),
            self.unused.len()
        )?;
        for (n, mismatch) in self.mismatches.iter().enumerate() {
            write!(f, "\n[{}] {mismatch}", n + 1)?;
        }
        if !self.unused.is_empty() {
            writeln!(f, "\nrecorded but never requested:")?;
            for (index, summary) in &self.unused {
                writeln!(f, "  #{index} {summary}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ReplayReport {}

impl Drop for ReplayServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops the listener and its JoinSet, which aborts every connection.
        self.task.abort();
    }
}

async fn handle(
    state: Arc<Mutex<State>>,
    request: http::Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) => {
            return Ok(text_response(
                StatusCode::BAD_REQUEST,
                None,
                format!("cannot read the request body: {err}"),
            ))
        }
    };
    let target = parts
        .uri
        .path_and_query()
        .map(|pq| pq.as_str())
        .unwrap_or("/");
    let mut received = ReceivedRequest::from_parts(parts.method, target, parts.headers, body);
    let canonical = CanonicalRequest::from_received(&received);

    let mut state = lock(&state);
    match state.matcher.take(&canonical) {
        Some(index) => {
            received.matched = Some(index);
            state.received.push(received);
            let response = state
                .matcher
                .interactions()
                .get(index)
                .map(|i| replay(&i.response));
            Ok(response.unwrap_or_else(|| {
                text_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    None,
                    "interaction vanished".into(),
                )
            }))
        }
        None => {
            let mismatch = Mismatch::explain(received.clone(), &state.matcher);
            let text = mismatch.to_string();
            state.received.push(received);
            state.mismatches.push(mismatch);
            let status =
                StatusCode::from_u16(MISMATCH_STATUS).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Ok(text_response(status, Some(MISMATCH_REASON), text))
        }
    }
}

/// The recorded response as an HTTP response (headers that are not legal HTTP are skipped).
fn replay(recorded: &RecordedResponse) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(recorded.body.clone())));
    *response.status_mut() =
        StatusCode::from_u16(recorded.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    set_reason(&mut response, &recorded.message);
    for (name, value) in &recorded.headers {
        if NOT_REPLAYED
            .iter()
            .any(|skip| skip.eq_ignore_ascii_case(name))
        {
            continue;
        }
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

fn text_response(status: StatusCode, reason: Option<&str>, text: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(text)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    if let Some(reason) = reason {
        set_reason(&mut response, reason);
    }
    response
}

/// Sends `reason` as the HTTP/1 reason phrase when it is non-empty, legal, and not the canonical one.
fn set_reason(response: &mut Response<Full<Bytes>>, reason: &str) {
    if reason.is_empty() || response.status().canonical_reason() == Some(reason) {
        return;
    }
    if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(reason.as_bytes()) {
        response.extensions_mut().insert(phrase);
    }
}
