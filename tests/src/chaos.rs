//! [`ChaosServer`]: a loopback HTTP/1.1 server for soak tests. It plays a small connections API
//! (list, create, update, delete) and injects faults into a fixed share of the requests, chosen
//! by a seeded generator: connection resets before the request is read and after a write took
//! effect, 5xx answers (before and after a write took effect), 429s with `Retry-After`, slow
//! (trickled) bodies, bodies over any sensible limit, and gzip bombs.
//!
//! It counts every write it *applies*, by a write id taken from the request (the `sink_org` id of
//! a create, the path id of an update or delete), so a soak test can prove that no POST or PATCH
//! took effect twice, and that every write the client saw succeed took effect exactly once.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use datadog_connections_replay::chaos::{ChaosConfig, ChaosServer};
//!
//! let server = ChaosServer::start(ChaosConfig::default()).await?;
//! // ... point clients at server.base_url(), run the workload ...
//! let report = server.report();
//! assert_eq!(report.duplicated_writes("POST") + report.duplicated_writes("PATCH"), 0);
//! # Ok(()) }
//! ```

use std::collections::{BTreeMap, VecDeque};
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::{Method, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// A fault the server can inject into one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChaosFault {
    /// The connection is reset as soon as it is accepted, before any request on it is read
    /// (counted per connection, not per request).
    ResetOnAccept,
    /// The request head is read, the body is not, nothing is applied, and the connection is reset.
    ResetBeforeApplied,
    /// The write is applied, then the connection is reset without an answer.
    ResetAfterApplied,
    /// `503 Service Unavailable`; nothing is applied.
    Unavailable,
    /// The write is applied, then `500 Internal Server Error` is answered.
    ServerErrorAfterApplied,
    /// `429 Too Many Requests` with `Retry-After`; nothing is applied.
    TooManyRequests,
    /// The normal answer, trickled in small chunks with pauses between them.
    SlowBody,
    /// A `200` whose (chunked) body is larger than the configured oversized length.
    OversizedBody,
    /// A `200` with a gzip body that inflates to the configured bomb length.
    GzipBomb,
}

impl ChaosFault {
    /// The per-request faults, in the order [`ChaosConfig::weights`] lists their weights.
    pub const PER_REQUEST: [ChaosFault; 8] = [
        ChaosFault::ResetBeforeApplied,
        ChaosFault::ResetAfterApplied,
        ChaosFault::Unavailable,
        ChaosFault::ServerErrorAfterApplied,
        ChaosFault::TooManyRequests,
        ChaosFault::SlowBody,
        ChaosFault::OversizedBody,
        ChaosFault::GzipBomb,
    ];
}

impl fmt::Display for ChaosFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChaosFault::ResetOnAccept => "reset on accept (before the request is read)",
            ChaosFault::ResetBeforeApplied => "reset before the request is applied",
            ChaosFault::ResetAfterApplied => "reset after the write was applied",
            ChaosFault::Unavailable => "503, nothing applied",
            ChaosFault::ServerErrorAfterApplied => "500 after the write was applied",
            ChaosFault::TooManyRequests => "429 with Retry-After",
            ChaosFault::SlowBody => "slow (trickled) body",
            ChaosFault::OversizedBody => "oversized body",
            ChaosFault::GzipBomb => "gzip bomb",
        })
    }
}

/// What the server injects, and how often.
#[derive(Debug, Clone)]
pub struct ChaosConfig {
    /// Seed of the fault generator (the same seed gives the same fault for the n-th request).
    pub seed: u64,
    /// Per-request fault weights, in parts per 10,000, in the order of
    /// [`ChaosFault::PER_REQUEST`]. The default adds up to 500 (5%).
    pub weights: [u32; 8],
    /// The chance, in parts per 10,000, that a new connection is reset on accept.
    pub reset_on_accept: u32,
    /// The chance, in parts per 10,000, that a good answer asks the client to close the
    /// connection (`Connection: close`), so that new connections, and resets on accept, keep
    /// happening.
    pub close_connection: u32,
    /// `Retry-After` of a 429, in seconds.
    pub retry_after: u64,
    /// How long a slow body takes in all (10 chunks).
    pub slow_body: Duration,
    /// The length of an oversized body (sent chunked, without a `Content-Length`).
    pub oversized_len: usize,
    /// How many bytes a gzip bomb inflates to.
    pub bomb_len: usize,
}

impl Default for ChaosConfig {
    /// 5% faults: resets before and after a write (1% each), 503 and 500-after-write (0.5% each),
    /// 429 with `Retry-After: 1`, slow bodies over 300 ms, 40 MiB oversized bodies and 64 MiB gzip
    /// bombs (0.5% each); 10% of new connections reset on accept, and 10% of answers close theirs.
    fn default() -> Self {
        ChaosConfig {
            seed: 0x5eed,
            weights: [100, 100, 50, 50, 50, 50, 50, 50],
            reset_on_accept: 1_000,
            close_connection: 1_000,
            retry_after: 1,
            slow_body: Duration::from_millis(300),
            oversized_len: 40 * 1024 * 1024,
            bomb_len: 64 * 1024 * 1024,
        }
    }
}

/// Counts of what the server saw and did.
#[derive(Debug, Clone, Default)]
pub struct ChaosReport {
    /// Connections accepted.
    pub connections: u64,
    /// Requests read (their heads).
    pub requests: u64,
    /// Faults injected, by kind.
    pub faults: BTreeMap<ChaosFault, u64>,
    /// How many times each write was applied, by method and write id.
    pub applied: BTreeMap<String, BTreeMap<String, u32>>,
}

impl ChaosReport {
    /// Writes of `method` applied more than once, counted once per extra application.
    pub fn duplicated_writes(&self, method: &str) -> u64 {
        self.applied.get(method).map_or(0, |ids| {
            ids.values().map(|&n| u64::from(n.saturating_sub(1))).sum()
        })
    }

    /// How many times the write `id` of `method` was applied.
    pub fn times_applied(&self, method: &str, id: &str) -> u32 {
        self.applied
            .get(method)
            .and_then(|ids| ids.get(id))
            .copied()
            .unwrap_or(0)
    }

    /// Faults injected in all.
    pub fn faults_injected(&self) -> u64 {
        self.faults.values().sum()
    }
}

#[derive(Debug, Default)]
struct State {
    applied: BTreeMap<String, BTreeMap<String, u32>>,
    faults: BTreeMap<ChaosFault, u64>,
}

struct Shared {
    config: ChaosConfig,
    bomb: Bytes,
    chunk: Bytes,
    requests: AtomicU64,
    connections: AtomicU64,
    state: Mutex<State>,
}

/// The chaos server on `127.0.0.1`; it stops when dropped.
pub struct ChaosServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl fmt::Debug for ChaosServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChaosServer")
            .field("addr", &self.addr)
            .field("config", &self.shared.config)
            .finish_non_exhaustive()
    }
}

impl ChaosServer {
    /// Binds an ephemeral loopback port and serves on the current Tokio runtime. Builds the gzip
    /// bomb once, here.
    pub async fn start(config: ChaosConfig) -> std::io::Result<ChaosServer> {
        let bomb = Bytes::from(gzip_bomb(config.bomb_len));
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            config,
            bomb,
            chunk: Bytes::from(vec![b'x'; 1024 * 1024]),
            requests: AtomicU64::new(0),
            connections: AtomicU64::new(0),
            state: Mutex::new(State::default()),
        });
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        Ok(ChaosServer { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What the server saw and did so far.
    pub fn report(&self) -> ChaosReport {
        let state = lock(&self.shared.state);
        ChaosReport {
            connections: self.shared.connections.load(Ordering::Relaxed),
            requests: self.shared.requests.load(Ordering::Relaxed),
            faults: state.faults.clone(),
            applied: state.applied.clone(),
        }
    }
}

impl Drop for ChaosServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// SplitMix64: a good, tiny, seedable generator (one draw per request or connection).
fn draw(seed: u64, n: u64) -> u64 {
    let mut z = seed.wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A gzip body that inflates to `{"data":[],"pad":"xxx…` of `inflated` bytes: one deflate block
/// with fixed Huffman codes, `x` once and then matches of 258 bytes at distance 1 (13 bits each,
/// so about 1/160 of the inflated size). Written by hand, so the test crate needs no compressor.
pub fn gzip_bomb(inflated: usize) -> Vec<u8> {
    const PREFIX: &[u8] = br#"{"data":[],"pad":""#;
    let mut bits = BitWriter::default();
    bits.write(1, 1); // BFINAL
    bits.write(1, 2); // BTYPE 01: fixed Huffman codes
    let literal = |bits: &mut BitWriter, byte: u8| {
        if byte < 144 {
            bits.code(0x30 + u32::from(byte), 8);
        } else {
            bits.code(0x190 + u32::from(byte) - 144, 9);
        }
    };
    let mut plain: u64 = 0;
    let mut crc = Crc32::default();
    for &byte in PREFIX.iter().chain(b"x") {
        literal(&mut bits, byte);
        crc.update(&[byte]);
        plain += 1;
    }
    let total = inflated.max(PREFIX.len() + 1) as u64;
    let run = [b'x'; 258];
    while total - plain >= 258 {
        bits.code(0xC5, 8); // length 258: symbol 285, no extra bits
        bits.code(0, 5); // distance 1: code 0, no extra bits
        crc.update(&run);
        plain += 258;
    }
    while plain < total {
        literal(&mut bits, b'x');
        crc.update(b"x");
        plain += 1;
    }
    bits.code(0, 7); // end of block: symbol 256
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    out.extend_from_slice(&bits.finish());
    out.extend_from_slice(&crc.finish().to_le_bytes());
    out.extend_from_slice(&(plain as u32).to_le_bytes()); // ISIZE: the length modulo 2^32
    out
}

/// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    current: u8,
    used: u8,
}

impl BitWriter {
    fn bit(&mut self, bit: u32) {
        self.current |= ((bit & 1) as u8) << self.used;
        self.used += 1;
        if self.used == 8 {
            self.bytes.push(self.current);
            self.current = 0;
            self.used = 0;
        }
    }

    fn write(&mut self, value: u32, width: u32) {
        for i in 0..width {
            self.bit(value >> i);
        }
    }

    fn code(&mut self, code: u32, width: u32) {
        for i in (0..width).rev() {
            self.bit(code >> i);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.used > 0 {
            self.bytes.push(self.current);
        }
        self.bytes
    }
}

/// CRC-32 (IEEE), as gzip's trailer wants it.
struct Crc32 {
    table: [u32; 256],
    value: u32,
}

impl Default for Crc32 {
    fn default() -> Self {
        let mut table = [0u32; 256];
        for (n, entry) in table.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *entry = c;
        }
        Crc32 {
            table,
            value: 0xFFFF_FFFF,
        }
    }
}

impl Crc32 {
    fn update(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.value =
                self.table[((self.value ^ u32::from(byte)) & 0xFF) as usize] ^ (self.value >> 8);
        }
    }

    fn finish(&self) -> u32 {
        self.value ^ 0xFFFF_FFFF
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    // Every close is abortive (TCP RST), so a dropped connection is a real reset.
                    let _ = stream.set_zero_linger();
                    let n = shared.connections.fetch_add(1, Ordering::Relaxed);
                    let reset = draw(shared.config.seed ^ 0xacce97, n) % 10_000
                        < u64::from(shared.config.reset_on_accept);
                    if reset {
                        count(&shared, ChaosFault::ResetOnAccept);
                        drop(stream);
                        continue;
                    }
                    let shared = Arc::clone(&shared);
                    connections.spawn(async move {
                        let service = service_fn(move |request| handle(Arc::clone(&shared), request));
                        let _ = http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

fn count(shared: &Shared, fault: ChaosFault) {
    *lock(&shared.state).faults.entry(fault).or_insert(0) += 1;
}

/// Why a connection was dropped without an answer.
#[derive(Debug)]
struct Dropped;

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("injected reset")
    }
}

impl std::error::Error for Dropped {}

async fn handle(
    shared: Arc<Shared>,
    request: http::Request<Incoming>,
) -> Result<Response<ChaosBody>, Dropped> {
    let n = shared.requests.fetch_add(1, Ordering::Relaxed);
    let config = &shared.config;
    let fault = {
        let roll = draw(config.seed, n) % 10_000;
        let mut floor = 0u64;
        ChaosFault::PER_REQUEST
            .iter()
            .zip(config.weights)
            .find_map(|(fault, weight)| {
                floor += u64::from(weight);
                (roll < floor).then_some(*fault)
            })
    };
    if let Some(fault) = fault {
        count(&shared, fault);
    }
    let (parts, body) = request.into_parts();
    if fault == Some(ChaosFault::ResetBeforeApplied) {
        return Err(Dropped);
    }
    let body = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    match fault {
        Some(ChaosFault::Unavailable) => {
            return Ok(json(503, r#"{"errors":["Service unavailable"]}"#, &[]))
        }
        Some(ChaosFault::TooManyRequests) => {
            let retry_after = config.retry_after.to_string();
            return Ok(json(
                429,
                r#"{"errors":["Too many requests"]}"#,
                &[
                    ("Retry-After", &retry_after),
                    ("X-RateLimit-Remaining", "0"),
                ],
            ));
        }
        _ => {}
    }
    let answer = apply(&shared, &parts.method, parts.uri.path(), &body);
    match fault {
        Some(ChaosFault::ResetAfterApplied) => return Err(Dropped),
        Some(ChaosFault::ServerErrorAfterApplied) => {
            return Ok(json(500, r#"{"errors":["Internal error"]}"#, &[]))
        }
        Some(ChaosFault::OversizedBody) => {
            let chunks = config.oversized_len.div_ceil(shared.chunk.len());
            let body = ChaosBody::chunks(
                std::iter::repeat_n(shared.chunk.clone(), chunks).collect(),
                None,
                false,
            );
            return Ok(response(200, body, &[("Content-Type", "application/json")]));
        }
        Some(ChaosFault::GzipBomb) => {
            let body = ChaosBody::chunks(VecDeque::from([shared.bomb.clone()]), None, true);
            return Ok(response(
                200,
                body,
                &[
                    ("Content-Type", "application/json"),
                    ("Content-Encoding", "gzip"),
                ],
            ));
        }
        _ => {}
    }
    let (status, text) = answer;
    let close = fault.is_none()
        && draw(config.seed ^ 0xc105e, n) % 10_000 < u64::from(config.close_connection);
    let mut headers = vec![("Content-Type", "application/json")];
    if close {
        headers.push(("Connection", "close"));
    }
    let body = if fault == Some(ChaosFault::SlowBody) {
        let bytes = Bytes::from(text);
        let pieces = 10;
        let step = bytes.len().div_ceil(pieces).max(1);
        let chunks = (0..bytes.len())
            .step_by(step)
            .map(|at| bytes.slice(at..(at + step).min(bytes.len())))
            .collect();
        ChaosBody::chunks(chunks, Some(config.slow_body / pieces as u32), true)
    } else {
        ChaosBody::full(Bytes::from(text))
    };
    Ok(response(status, body, &headers))
}

const CONNECTION: &str = r#"{"id":"ID","type":"org_connection","attributes":{"connection_types":["logs"],"created_at":"2024-01-01T00:00:00Z"},"relationships":{"sink_org":{"data":{"id":"SINK","type":"orgs"}}}}"#;

/// Applies a request (records a write) and returns the normal answer.
fn apply(shared: &Shared, method: &Method, path: &str, body: &[u8]) -> (u16, String) {
    let id = path.rsplit('/').next().unwrap_or_default().to_owned();
    let record = |method: &str, id: String| {
        let mut state = lock(&shared.state);
        *state
            .applied
            .entry(method.to_owned())
            .or_default()
            .entry(id)
            .or_insert(0) += 1;
    };
    match *method {
        Method::GET => {
            let item = |i: u32| {
                CONNECTION
                    .replace("ID", &format!("00000000-0000-4000-8000-{i:012x}"))
                    .replace("SINK", "83999dcd-7f97-11f0-8de1-1ecf66f1aa85")
            };
            (
                200,
                format!(
                    r#"{{"data":[{},{}],"meta":{{"page":{{"total_count":2,"total_filtered_count":2}}}}}}"#,
                    item(1),
                    item(2)
                ),
            )
        }
        Method::POST => {
            let sink = serde_json::from_slice::<serde_json::Value>(body)
                .ok()
                .and_then(|v| {
                    v.pointer("/data/relationships/sink_org/data/id")
                        .and_then(|id| id.as_str().map(str::to_owned))
                })
                .unwrap_or_else(|| "missing".to_owned());
            record("POST", sink.clone());
            let created = CONNECTION
                .replace("ID", "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a")
                .replace("SINK", &sink);
            (200, format!(r#"{{"data":{created}}}"#))
        }
        Method::PATCH => {
            record("PATCH", id.clone());
            let updated = CONNECTION
                .replace("ID", &id)
                .replace("SINK", "83999dcd-7f97-11f0-8de1-1ecf66f1aa85");
            (200, format!(r#"{{"data":{updated}}}"#))
        }
        Method::DELETE => {
            record("DELETE", id);
            (204, String::new())
        }
        _ => (405, r#"{"errors":["Method not allowed"]}"#.to_owned()),
    }
}

fn json(status: u16, text: &str, extra: &[(&str, &str)]) -> Response<ChaosBody> {
    let mut headers = vec![("Content-Type", "application/json")];
    headers.extend_from_slice(extra);
    response(
        status,
        ChaosBody::full(Bytes::from(text.to_owned())),
        &headers,
    )
}

fn response(status: u16, body: ChaosBody, headers: &[(&str, &str)]) -> Response<ChaosBody> {
    let mut response = Response::new(body);
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

/// A response body sent as a series of chunks, optionally with a pause before each one after the
/// first; with `exact`, its length is declared (`Content-Length`), else it is sent chunked.
struct ChaosBody {
    chunks: VecDeque<Bytes>,
    gap: Option<Duration>,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
    remaining: u64,
    exact: bool,
}

impl fmt::Debug for ChaosBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChaosBody")
            .field("chunks", &self.chunks.len())
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

impl ChaosBody {
    fn full(bytes: Bytes) -> ChaosBody {
        ChaosBody::chunks(VecDeque::from([bytes]), None, true)
    }

    fn chunks(chunks: VecDeque<Bytes>, gap: Option<Duration>, exact: bool) -> ChaosBody {
        let remaining = chunks.iter().map(|c| c.len() as u64).sum();
        ChaosBody {
            chunks,
            gap,
            pause: None,
            remaining,
            exact,
        }
    }
}

impl Body for ChaosBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        if let Some(pause) = this.pause.as_mut() {
            if pause.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.pause = None;
        }
        match this.chunks.pop_front() {
            None => Poll::Ready(None),
            Some(chunk) => {
                this.remaining -= chunk.len() as u64;
                if let (Some(gap), false) = (this.gap, this.chunks.is_empty()) {
                    this.pause = Some(Box::pin(tokio::time::sleep(gap)));
                }
                Poll::Ready(Some(Ok(Frame::data(chunk))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        if self.exact {
            SizeHint::with_exact(self.remaining)
        } else {
            SizeHint::default()
        }
    }
}

/// Locks server state; a panic while it was held cannot leave it inconsistent, so poisoning is
/// ignored.
fn lock<T>(state: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bomb_is_small_and_well_formed() {
        let bomb = gzip_bomb(1_000_000);
        assert!(bomb.len() < 10_000, "{} bytes", bomb.len());
        assert_eq!(&bomb[..3], &[0x1f, 0x8b, 8]);
        let isize = u32::from_le_bytes([
            bomb[bomb.len() - 4],
            bomb[bomb.len() - 3],
            bomb[bomb.len() - 2],
            bomb[bomb.len() - 1],
        ]);
        assert_eq!(isize, 1_000_000);
        let mut crc = Crc32::default();
        crc.update(b"123456789");
        assert_eq!(crc.finish(), 0xCBF4_3926, "the CRC-32 check value");
    }
}
