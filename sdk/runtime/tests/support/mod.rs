//! A loopback hyper server for the streaming tests: it records each request (headers and whole
//! body) and answers as the test's handler says, with bodies in memory, generated on the fly, cut
//! short, or stalled.

#![allow(dead_code)]

use bytes::Bytes;
use futures_util::stream::{self, StreamExt};
use http::{HeaderMap, Method, StatusCode};
use http_body_util::{combinators::BoxBody, BodyExt, Full, StreamBody};
use hyper::body::Frame;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// The generated Media fixture, compiled against this runtime (as generated: never formatted).
#[rustfmt::skip]
#[allow(dead_code, unused_imports)]
#[path = "../../../../codegen/tests/snapshots/media/mod.rs"]
pub mod media;

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: Method,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// The body's length (also when it was not kept).
    pub body_len: u64,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// How the server answers one request.
pub enum Reply {
    /// A status with a JSON (or any) body in memory.
    Body(u16, &'static str, Vec<u8>),
    /// A 200 `application/octet-stream` body of `len` bytes (a multiple of [`BLOCK`]) generated
    /// block by block as it is sent: see [`block`].
    Generated(u64),
    /// A 200 body that declares `declared` bytes, sends `sent` and then fails the connection.
    CutShort { declared: u64, sent: usize },
    /// A 200 body that sends `sent` bytes and then nothing, forever.
    Stall { sent: usize },
}

type Handler = dyn Fn(&Received, usize) -> Reply + Send + Sync;

pub struct Server {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Server {
    /// Serves on 127.0.0.1; `handler` gets each request and its index (0 for the first).
    pub async fn start(
        handler: impl Fn(&Received, usize) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let log = received.clone();
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                let handler = handler.clone();
                let log = log.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let handler = handler.clone();
                        let log = log.clone();
                        async move { Ok::<_, Infallible>(answer(request, &*handler, &log).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(tcp), service)
                        .await;
                });
            }
        });
        Server { addr, received }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

type Body = BoxBody<Bytes, Box<dyn std::error::Error + Send + Sync>>;

async fn answer(
    request: hyper::Request<hyper::body::Incoming>,
    handler: &Handler,
    log: &Mutex<Vec<Received>>,
) -> hyper::Response<Body> {
    let (parts, mut body) = request.into_parts();
    // A path ending in `/discard` is counted, not kept (the upload benchmark).
    let keep = !parts.uri.path().ends_with("/discard");
    let mut kept = Vec::new();
    let mut body_len = 0u64;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            body_len += data.len() as u64;
            if keep {
                kept.extend_from_slice(&data);
            }
        }
    }
    let received = Received {
        method: parts.method,
        path: parts.uri.path().to_owned(),
        headers: parts.headers,
        body: kept,
        body_len,
    };
    let index = {
        let mut log = log.lock().unwrap();
        log.push(received.clone());
        log.len() - 1
    };
    let (status, content_type, length, body): (u16, &str, Option<u64>, Body) =
        match handler(&received, index) {
            Reply::Body(status, content_type, body) => {
                let len = body.len() as u64;
                let body = Full::new(Bytes::from(body)).map_err(|e| match e {}).boxed();
                (status, content_type, Some(len), body)
            }
            Reply::Generated(len) => {
                assert_eq!(len % BLOCK as u64, 0, "whole blocks only");
                let base = base_block();
                let chunks = stream::iter(0..len / BLOCK as u64).map(move |b| {
                    let mut block = base.to_vec();
                    block[..8].copy_from_slice(&b.to_le_bytes());
                    Ok(Frame::data(Bytes::from(block)))
                });
                (
                    200,
                    "application/octet-stream",
                    Some(len),
                    BodyExt::boxed(StreamBody::new(chunks)),
                )
            }
            Reply::CutShort { declared, sent } => {
                // The failure comes after a pause, so the headers and first bytes are sent first.
                let chunks = stream::iter([Ok(Frame::data(Bytes::from(vec![7u8; sent])))]).chain(
                    stream::once(async {
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        Err("cut short".into())
                    }),
                );
                (
                    200,
                    "application/octet-stream",
                    Some(declared),
                    BodyExt::boxed(StreamBody::new(chunks)),
                )
            }
            Reply::Stall { sent } => {
                let chunks = stream::iter([Ok(Frame::data(Bytes::from(vec![7u8; sent])))])
                    .chain(stream::pending());
                (
                    200,
                    "application/octet-stream",
                    None,
                    BodyExt::boxed(StreamBody::new(chunks)),
                )
            }
        };
    let mut response = hyper::Response::new(body);
    *response.status_mut() = StatusCode::from_u16(status).unwrap();
    response
        .headers_mut()
        .insert("content-type", content_type.parse().unwrap());
    if let Some(len) = length {
        response.headers_mut().insert("content-length", len.into());
    }
    response
}

/// The size of a generated block.
pub const BLOCK: usize = 64 * 1024;

/// The block every generated block is a copy of (with its index in its first 8 bytes): xorshift
/// output, so no two words are alike.
pub fn base_block() -> Bytes {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut block = Vec::with_capacity(BLOCK);
    for _ in 0..BLOCK / 8 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        block.extend_from_slice(&state.to_le_bytes());
    }
    Bytes::from(block)
}

/// A position-weighted checksum of a byte sequence read as little-endian `u64` words:
/// `Σ wₖ·(k+1)` (wrapping), so a lost, repeated, reordered or changed word changes it.
#[derive(Debug, Default)]
pub struct Checksum {
    carry: Vec<u8>,
    words: u64,
    sum: u64,
    pub bytes: u64,
}

impl Checksum {
    pub fn update(&mut self, mut data: &[u8]) {
        self.bytes += data.len() as u64;
        if !self.carry.is_empty() {
            let take = (8 - self.carry.len()).min(data.len());
            self.carry.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.carry.len() < 8 {
                return;
            }
            let word = u64::from_le_bytes(self.carry[..].try_into().unwrap());
            self.add(word);
            self.carry.clear();
        }
        let mut words = data.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().unwrap()));
        }
        self.carry.extend_from_slice(words.remainder());
    }

    fn add(&mut self, word: u64) {
        self.words += 1;
        self.sum = self.sum.wrapping_add(word.wrapping_mul(self.words));
    }

    /// The checksum; the length must be a multiple of 8.
    pub fn finish(&self) -> u64 {
        assert!(self.carry.is_empty(), "a partial word is left");
        self.sum
    }
}

/// The checksum of a generated body of `len` bytes, computed from the base block in O(blocks).
pub fn expected_checksum(len: u64) -> u64 {
    let base = base_block();
    let words: Vec<u64> = base
        .chunks_exact(8)
        .map(|w| u64::from_le_bytes(w.try_into().unwrap()))
        .collect();
    let per_block = words.len() as u64;
    // Σ_{j≥1} base_j·(j+1) and Σ_{j≥1} base_j.
    let (a, b) = words
        .iter()
        .enumerate()
        .skip(1)
        .fold((0u64, 0u64), |(a, b), (j, w)| {
            (
                a.wrapping_add(w.wrapping_mul(j as u64 + 1)),
                b.wrapping_add(*w),
            )
        });
    (0..len / BLOCK as u64).fold(0u64, |sum, block| {
        let offset = block.wrapping_mul(per_block);
        sum.wrapping_add(block.wrapping_mul(offset + 1))
            .wrapping_add(a)
            .wrapping_add(offset.wrapping_mul(b))
    })
}

/// A writer that keeps nothing but a checksum and a count.
#[derive(Debug, Default)]
pub struct CountingSink(pub Checksum);

impl tokio::io::AsyncWrite for CountingSink {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        self.0.update(buf);
        std::task::Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

/// A generated client of the Media fixture for `server`, retrying quickly.
pub fn client(server: &Server, attempts: u32) -> media::Client {
    media::Client::builder()
        .base_url(server.url())
        .retry_policy(
            openapi_sdk_runtime::RetryPolicy::new()
                .max_attempts(attempts)
                .base_delay(std::time::Duration::from_millis(5)),
        )
        .build()
        .unwrap()
}

/// The peak resident set size of this process (`VmHWM`), in bytes.
pub fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb * 1024
}
