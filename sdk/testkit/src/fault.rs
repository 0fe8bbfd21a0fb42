//! [`FaultServer`]: a scripted HTTP/1.1 server on loopback that answers each request with the next
//! [`Fault`] of its script (a response, a connection reset, a stall, a redirect), for testing how a
//! client copes with failures. It records every request it reads, with its headers and arrival time.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use datadog_connections_testkit::fault::{Fault, FaultServer};
//! use std::time::Duration;
//!
//! let server = FaultServer::start(vec![
//!     Fault::Reset,
//!     Fault::json(503, r#"{"errors":["unavailable"]}"#).header("Retry-After", "1"),
//!     Fault::Stall(Duration::from_secs(5)),
//!     Fault::json(200, r#"{"data":[]}"#),
//! ])
//! .await?;
//! // ... point a client at server.base_url() ...
//! assert_eq!(server.request_count(), 4);
//! # Ok(()) }
//! ```

use std::collections::VecDeque;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::received::ReceivedRequest;
use crate::serve::lock;

/// The status sent once the script has run out: outside what any API documents, and not retried.
pub const EXHAUSTED_STATUS: u16 = 599;

/// What the server does with one request. The request is always read in full (and recorded) first.
#[derive(Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this status, headers and body (sent as given: a compressed body needs its own
    /// `Content-Encoding` header).
    Respond {
        /// The HTTP status.
        status: u16,
        /// Header names and values, in order.
        headers: Vec<(String, String)>,
        /// The body bytes.
        body: Vec<u8>,
    },
    /// Reset the connection (TCP RST) without answering, after the request has been sent.
    Reset,
    /// Keep the connection open without answering for this long, then reset it.
    Stall(Duration),
    /// Answer `302 Found` with this `Location` (absolute, or relative to this server).
    Redirect(String),
    /// Wait this long after reading the request, then do what the inner fault says.
    Delayed(Duration, Box<Fault>),
}

impl Fault {
    /// A response with this status and no body.
    pub fn status(status: u16) -> Fault {
        Fault::Respond {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A response with this status and a JSON body (`Content-Type: application/json`).
    pub fn json(status: u16, body: impl Into<String>) -> Fault {
        let headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
        Fault::Respond {
            status,
            headers,
            body: body.into().into_bytes(),
        }
    }

    /// A response with this status and a body read from a file, e.g. a response body copied from
    /// a cassette or from the API's documentation (`Content-Type: application/json`).
    pub fn json_file(status: u16, path: &std::path::Path) -> std::io::Result<Fault> {
        Ok(Fault::json(status, std::fs::read_to_string(path)?))
    }

    /// Adds a response header; only a [`Fault::Respond`] has headers, other faults are unchanged.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Fault {
        match &mut self {
            Fault::Respond { headers, .. } => headers.push((name.into(), value.into())),
            Fault::Delayed(_, inner) => **inner = (**inner).clone().header(name, value),
            _ => {}
        }
        self
    }

    /// This fault, after a delay: the server waits `delay` after reading the request (a slow
    /// server, or one a timeout should give up on).
    pub fn after(self, delay: Duration) -> Fault {
        Fault::Delayed(delay, Box::new(self))
    }
}

impl fmt::Debug for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Respond {
                status,
                headers,
                body,
            } => f
                .debug_struct("Respond")
                .field("status", status)
                .field("headers", headers)
                .field("body_bytes", &body.len())
                .finish(),
            Fault::Reset => f.write_str("Reset"),
            Fault::Stall(d) => f.debug_tuple("Stall").field(d).finish(),
            Fault::Redirect(to) => f.debug_tuple("Redirect").field(to).finish(),
            Fault::Delayed(delay, inner) => {
                f.debug_tuple("Delayed").field(delay).field(inner).finish()
            }
        }
    }
}

/// The script and what has been received so far.
#[derive(Debug)]
struct State {
    script: VecDeque<Fault>,
    received: Vec<(Instant, ReceivedRequest)>,
}

/// A fault-injecting server on `127.0.0.1`; it stops when dropped.
///
/// Each request gets the next fault of the script, in order, whatever its method or path; once the
/// script is used up, every request gets [`EXHAUSTED_STATUS`]. Every accepted connection closes
/// abortively (TCP RST), so [`Fault::Reset`] is a real reset.
pub struct FaultServer {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl fmt::Debug for FaultServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FaultServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl FaultServer {
    /// Binds `127.0.0.1` at an ephemeral port and serves `faults` on the current Tokio runtime.
    pub async fn start(faults: Vec<Fault>) -> std::io::Result<FaultServer> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), faults).await
    }

    /// Like [`start`](Self::start), on a given address (to start serving on a port a client already
    /// failed to connect to).
    pub async fn start_on(addr: SocketAddr, faults: Vec<Fault>) -> std::io::Result<FaultServer> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State {
            script: faults.into(),
            received: Vec::new(),
        }));
        let task = tokio::spawn(crate::serve::accept_loop(listener, true, {
            let state = Arc::clone(&state);
            move |request| handle(Arc::clone(&state), request)
        }));
        Ok(FaultServer { addr, state, task })
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests the server has read.
    pub fn request_count(&self) -> usize {
        lock(&self.state).received.len()
    }

    /// Every request read, in arrival order (credential headers are redacted in `Debug`).
    pub fn received(&self) -> Vec<ReceivedRequest> {
        lock(&self.state)
            .received
            .iter()
            .map(|(_, r)| r.clone())
            .collect()
    }

    /// When each request arrived, in order.
    pub fn arrivals(&self) -> Vec<Instant> {
        lock(&self.state)
            .received
            .iter()
            .map(|(at, _)| *at)
            .collect()
    }

    /// The time between consecutive arrivals (one fewer than the requests).
    pub fn gaps(&self) -> Vec<Duration> {
        let arrivals = self.arrivals();
        arrivals
            .windows(2)
            .map(|w| w[1].saturating_duration_since(w[0]))
            .collect()
    }

    /// How many faults of the script are still unused.
    pub fn remaining(&self) -> usize {
        lock(&self.state).script.len()
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops the listener and its JoinSet, which aborts every connection.
        self.task.abort();
    }
}

/// Why the handler dropped a connection without answering.
#[derive(Debug)]
struct Dropped(&'static str);

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Dropped {}

async fn handle(
    state: Arc<Mutex<State>>,
    request: http::Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Dropped> {
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    let target = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
    let received = ReceivedRequest::from_parts(parts.method, target, parts.headers, body);
    let fault = {
        let mut state = lock(&state);
        state.received.push((Instant::now(), received));
        state.script.pop_front()
    };
    answer(fault).await
}

async fn answer(mut fault: Option<Fault>) -> Result<Response<Full<Bytes>>, Dropped> {
    while let Some(Fault::Delayed(delay, inner)) = fault {
        tokio::time::sleep(delay).await;
        fault = Some(*inner);
    }
    match fault {
        Some(Fault::Respond {
            status,
            headers,
            body,
        }) => Ok(respond(status, &headers, body)),
        Some(Fault::Redirect(location)) => Ok(respond(
            302,
            &[("Location".to_owned(), location)],
            Vec::new(),
        )),
        Some(Fault::Reset) => Err(Dropped("reset")),
        Some(Fault::Stall(duration)) => {
            tokio::time::sleep(duration).await;
            Err(Dropped("stalled"))
        }
        // Unwrapped by the loop above.
        Some(Fault::Delayed(..)) => Err(Dropped("delayed")),
        None => Ok(respond(
            EXHAUSTED_STATUS,
            &[],
            b"fault script exhausted".to_vec(),
        )),
    }
}

fn respond(status: u16, headers: &[(String, String)], body: Vec<u8>) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}
