//! Tracing, against a fault-injecting loopback server: the request and attempt spans carry the
//! operation, method, path template, attempt, status and latency, and no credential ever appears
//! in a trace, an error or `Debug` output.
//!
//! One test in its own binary: `tracing` caches per-callsite interest process-wide, so a
//! thread-local subscriber is only reliable when no other test thread emits at the same time.

mod credentials_support;

use credentials_support::{with_keys, with_token, API_KEY, APP_KEY, TOKEN};
use datadog_connections_replay::fault::{Fault, FaultServer};
use std::io::Write;
use std::sync::{Arc, Mutex};
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::fmt::MakeWriter;

const SECRETS: [&str; 3] = [API_KEY, APP_KEY, TOKEN];
const LIST: &str = r#"{"data":[]}"#;

/// A `tracing` writer that collects everything into one buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl MakeWriter<'_> for Captured {
    type Writer = Captured;

    fn make_writer(&self) -> Captured {
        self.clone()
    }
}

#[tokio::test]
async fn secrets_stay_out_of_traces_errors_and_debug_output() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_span_events(FmtSpan::CLOSE)
        .finish();
    // The test runtime has one thread, so the connection tasks report here too.
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = FaultServer::start(vec![
        Fault::json(503, r#"{"errors":["unavailable"]}"#),
        Fault::Reset,
        Fault::json(200, LIST),
        Fault::json(401, r#"{"errors":["Unauthorized"]}"#),
        Fault::Reset,
    ])
    .await
    .expect("bind a loopback port");
    let keyed = with_keys(&server).build().expect("client");
    keyed
        .list_org_connections()
        .send()
        .await
        .expect("third attempt succeeds");
    let unauthorized = keyed.list_org_connections().send().await.unwrap_err();
    let bearer = with_token(&server).build().expect("client");
    let id = "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a";
    let update = serde_json::from_str(&format!(
        r#"{{"data":{{"attributes":{{"connection_types":["logs"]}},"id":"{id}","type":"org_connection"}}}}"#
    ))
    .expect("body");
    let reset = bearer
        .update_org_connections(id, update)
        .send()
        .await
        .unwrap_err();

    let traces = captured.text();
    for expected in [
        "api.request",
        "operation=\"ListOrgConnections\"",
        "method=\"GET\"",
        "path=\"/api/v2/org_connections\"",
        "api.attempt{attempt=1 status=503 latency_ms=",
        "api.attempt{attempt=3 status=200 latency_ms=",
        "attempts=3 status=200 latency_ms=",
        "retrying attempt=2",
        "Connection reset by peer",
    ] {
        assert!(
            traces.contains(expected),
            "traces lack {expected:?}:\n{traces}"
        );
    }
    let shown = [
        traces,
        format!("{unauthorized} {unauthorized:?} {reset} {reset:?}"),
        format!("{keyed:?} {bearer:?} {:?}", with_keys(&server)),
        format!("{:?}", with_token(&server)),
    ]
    .concat();
    for secret in SECRETS {
        assert!(!shown.contains(secret), "{secret} leaked:\n{shown}");
    }
}
