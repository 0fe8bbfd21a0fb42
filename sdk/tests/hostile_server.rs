//! The runtime against hostile servers (issue 21): a declared body over the limit that never
//! arrives, URLs with secrets in every part, and listings whose pages are few but huge.

use datadog_connections::{Client, Error, RetryPolicy};
use datadog_connections_replay::fault::{Fault, FaultServer};
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A raw HTTP/1.1 server on a thread of its own: every request on every connection gets `head`
/// (status line and headers, written as given) and the first bytes of a body, and then the
/// connection stalls, open, until the server is dropped.
struct StallingServer {
    addr: std::net::SocketAddr,
    requests: Arc<AtomicUsize>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl StallingServer {
    fn start(head: &'static str, body_start: &'static str) -> StallingServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let requests = Arc::new(AtomicUsize::new(0));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (count, kept) = (Arc::clone(&requests), Arc::clone(&open));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                if read_head(&mut stream).is_none() {
                    continue;
                }
                count.fetch_add(1, Ordering::SeqCst);
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body_start.as_bytes());
                let _ = stream.flush();
                kept.lock().expect("lock").push(stream);
            }
        });
        StallingServer {
            addr,
            requests,
            open,
        }
    }

    fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn request_count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for StallingServer {
    fn drop(&mut self) {
        if let Ok(open) = self.open.lock() {
            for stream in open.iter() {
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
        // Wakes the accept loop, which then finds nothing to read and waits again; the thread
        // ends with the test process.
        let _ = TcpStream::connect(self.addr);
    }
}

/// Reads a request's head (up to the blank line); the requests here have no body.
fn read_head(stream: &mut TcpStream) -> Option<()> {
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !seen.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => seen.push(byte[0]),
            _ => return None,
        }
    }
    Some(())
}

fn client(base_url: String) -> Client {
    let policy = RetryPolicy::new()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5));
    Client::builder()
        .base_url(base_url)
        .api_key("test-api-key")
        .app_key("test-app-key")
        .retry_policy(policy)
        .attempt_timeout(Duration::from_secs(5))
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_on_the_header_and_not_retried() {
    // A terabyte declared, a few bytes sent, then nothing: waiting for the body would time the
    // attempt out, and a timed-out GET is retried.
    let server = StallingServer::start(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n",
        "{\"data\":[",
    );
    let client = client(server.base_url());
    let started = Instant::now();
    let result = client.list_org_connections().send().await;
    match result {
        Err(Error::BodyTooLarge {
            status,
            declared,
            received,
            prefix,
            attempts,
            ..
        }) => {
            assert_eq!(status.as_u16(), 200);
            assert_eq!(declared, Some(1_000_000_000_000));
            assert_eq!(received, 0, "nothing was read");
            assert!(prefix.is_empty());
            assert_eq!(attempts, 1);
        }
        other => panic!("expected BodyTooLarge, got {other:?}"),
    }
    assert_eq!(server.request_count(), 1, "sent once, never retried");
    // A generous guard, not a timing assertion: one attempt timeout is 5 s.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_declared_error_body_over_the_limit_is_refused_too() {
    // A 503 is retried when its body is readable; one declared over the limit is not read.
    let server = StallingServer::start(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 1000000000000\r\n\r\n",
        "oops",
    );
    let client = client(server.base_url());
    let err = client
        .list_org_connections()
        .send()
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::BodyTooLarge { .. }), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(err.attempts(), 1);
    assert!(!err.is_retryable());
    assert!(
        err.to_string()
            .contains("Content-Length 1000000000000; not read"),
        "{err}"
    );
    assert_eq!(server.request_count(), 1);
}

fn org_page(id: usize, pad: usize, total: usize) -> String {
    format!(
        r#"{{"data":[{{"type":"org_connection","id":"{id:08x}-8c8a-4b0a-9b0a-1b2c3d4e5f6a","attributes":{{"connection_types":["logs"],"created_at":"2023-01-01T12:00:00Z"}},"relationships":{{}},"pad":"{}"}}],"meta":{{"page":{{"total_count":{total},"total_filtered_count":{total}}}}}}}"#,
        "x".repeat(pad)
    )
}

/// Ten pages of one 300 KB item each.
async fn big_pages() -> FaultServer {
    let pages = (0..10)
        .map(|i| Fault::json(200, org_page(i, 300_000, 10)))
        .collect();
    FaultServer::start(pages).await.expect("bind loopback")
}

#[tokio::test]
async fn collect_all_stops_at_its_byte_budget() {
    let server = big_pages().await;
    let client = client(server.base_url());
    let err = client
        .list_org_connections()
        .paginate()
        .max_collect_bytes(1_000_000)
        .collect_all(1_000)
        .await
        .expect_err("over the budget");
    match &err {
        Error::Pagination { operation, reason } => {
            assert_eq!(*operation, "ListOrgConnections");
            assert!(
                reason.starts_with("the 4 pages read add up to ")
                    && reason.contains("more than 1000000 (the collect_all byte budget)"),
                "{reason}"
            );
        }
        other => panic!("expected a pagination error, got {other:?}"),
    }
    // The fourth page crossed it: nothing after it was fetched.
    assert_eq!(server.request_count(), 4);
}

#[tokio::test]
async fn the_byte_budget_has_a_documented_default_and_item_streams_ignore_it() {
    use futures_util::StreamExt;
    assert_eq!(
        openapi_sdk_runtime::pagination::DEFAULT_MAX_COLLECT_BYTES,
        256 * 1024 * 1024
    );
    // Within the default budget, collect_all takes all ten pages.
    let server = big_pages().await;
    let items = client(server.base_url())
        .list_org_connections()
        .collect_all(1_000)
        .await
        .expect("3 MB is within the default");
    assert_eq!(items.len(), 10);
    // Item by item, one page is held at a time: the budget does not apply.
    let server = big_pages().await;
    let stream = client(server.base_url())
        .list_org_connections()
        .paginate()
        .max_collect_bytes(1_000_000)
        .into_stream();
    let items: Vec<_> = stream.collect().await;
    assert_eq!(items.len(), 10);
    assert!(items.iter().all(Result::is_ok));
}

#[test]
fn urls_are_redacted_in_errors_and_debug_whatever_their_shape() {
    for url in [
        "http://user:PASS#SECRET@host",
        "http://user:PASS?SECRET@host",
        "http://user:PA/SS@host",
        "http://host/?token=SECRET",
        "http://host/#SECRET",
        "user:PASS@host",
        "http://host/p?e=SECRET@SECRET",
    ] {
        let builder = Client::builder().base_url(url).api_key("k").app_key("a");
        let debug = format!("{builder:?}");
        let err = builder.build().expect_err("refused");
        let shown = format!("{debug} {err} {err:?}");
        assert!(
            !shown.contains("PASS") && !shown.contains("PA/SS") && !shown.contains("SECRET"),
            "{url}: {shown}"
        );
        assert!(shown.contains("<redacted>"), "{url}: {shown}");
    }
}
