//! The replay server over real HTTP: matching rules, serving order, mismatches, shutdown.

mod common;

use std::time::Duration;

use common::send;
use datadog_connections_replay::{Cassette, ReplayServer, MISMATCH_STATUS};

/// A cassette written like Datadog's: a create answered 200 then 409, a filtered list, a 204 delete.
const CASSETTE: &str = r#"{
  "http_interactions": [
    {"request": {"body": {"string": "{\"data\":{\"attributes\":{\"connection_types\":[\"logs\"]},\"type\":\"org_connection\"}}", "encoding": null},
                 "headers": {"Accept": ["application/json"], "Content-Type": ["application/json"]},
                 "method": "post", "uri": "https://api.datadoghq.com/api/v2/org_connections"},
     "response": {"body": {"string": "{\"data\":{\"id\":\"first\"}}", "encoding": null},
                  "headers": {"Content-Type": ["application/json"], "Content-Length": ["999"], "Connection": ["keep-alive"]},
                  "status": {"code": 200, "message": "OK"}},
     "recorded_at": "Tue, 26 Aug 2025 20:19:35 GMT"},
    {"request": {"body": {"string": "{\"data\":{\"attributes\":{\"connection_types\":[\"logs\"]},\"type\":\"org_connection\"}}", "encoding": null},
                 "headers": {"Accept": ["application/json"], "Content-Type": ["application/json"]},
                 "method": "post", "uri": "https://api.datadoghq.com/api/v2/org_connections"},
     "response": {"body": {"string": "{\"errors\":[\"already exists\"]}", "encoding": null},
                  "headers": {"Content-Type": ["application/json"]},
                  "status": {"code": 409, "message": "Conflict"}},
     "recorded_at": "Tue, 26 Aug 2025 20:19:35 GMT"},
    {"request": {"body": "", "headers": {"Accept": ["application/json"]}, "method": "get",
                 "uri": "https://api.datadoghq.com/api/v2/team/connections?filter%5Bsources%5D=github&page%5Bsize%5D=10"},
     "response": {"body": {"string": "{\"data\":[]}", "encoding": null},
                  "headers": {"Content-Type": ["application/vnd.api+json"], "X-RateLimit-Remaining": ["7"]},
                  "status": {"code": 200, "message": "Fine Thanks"}},
     "recorded_at": null},
    {"request": {"body": {"string": "{\"data\":[{\"id\":\"abc\",\"type\":\"team_connection\"}]}", "encoding": null},
                 "headers": {}, "method": "delete", "uri": "https://api.datadoghq.com/api/v2/team/connections"},
     "response": {"body": {"string": "", "encoding": null}, "headers": {}, "status": {"code": 204, "message": "No Content"}},
     "recorded_at": "now"}
  ],
  "recorded_with": "VCR 6.0.0"
}"#;

const CREATE_BODY: &str =
    r#"{"data":{"attributes":{"connection_types":["logs"]},"type":"org_connection"}}"#;

async fn server() -> ReplayServer {
    let cassette = Cassette::from_json("inline", CASSETTE).expect("cassette parses");
    ReplayServer::start(cassette.interactions)
        .await
        .expect("server starts")
}

#[tokio::test]
async fn query_order_is_ignored_and_headers_status_and_reason_replay() {
    let server = server().await;
    assert!(
        server.base_url().starts_with("http://127.0.0.1:"),
        "{}",
        server.base_url()
    );
    let response = send(
        server.addr(),
        "GET",
        "/api/v2/team/connections?page%5Bsize%5D=10&filter[sources]=github",
        &[("DD-API-KEY", "sekrit")],
        b"",
    )
    .await
    .expect("request");
    assert_eq!(
        (response.status, response.reason.as_str()),
        (200, "Fine Thanks")
    );
    assert_eq!(response.text(), r#"{"data":[]}"#);
    assert_eq!(
        response.header("content-type"),
        Some("application/vnd.api+json")
    );
    assert_eq!(response.header("x-ratelimit-remaining"), Some("7"));
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].matched, Some(2));
    assert_eq!(received[0].header("dd-api-key"), Some("sekrit"));
    assert!(!format!("{:?}", received[0]).contains("sekrit"));
    assert_eq!(server.unused(), vec![0, 1, 3]);
}

#[tokio::test]
async fn json_bodies_ignore_key_order_and_whitespace_and_repeats_are_served_in_order() {
    let server = server().await;
    let reordered = "{ \"data\": {\n  \"type\": \"org_connection\",\n  \"attributes\": {\"connection_types\": [\"logs\"]} } }";
    let first = send(
        server.addr(),
        "POST",
        "/api/v2/org_connections",
        &[("Content-Type", "application/json")],
        reordered.as_bytes(),
    )
    .await
    .expect("request");
    assert_eq!(first.status, 200);
    assert_eq!(first.text(), r#"{"data":{"id":"first"}}"#);
    // The recorded Content-Length (999) is not replayed: the real length is.
    assert_eq!(
        first.header("content-length"),
        Some(first.body.len().to_string().as_str())
    );
    assert_eq!(first.header("content-type"), Some("application/json"));
    let second = send(
        server.addr(),
        "POST",
        "/api/v2/org_connections",
        &[],
        CREATE_BODY.as_bytes(),
    )
    .await
    .expect("request");
    assert_eq!(
        (second.status, second.text().as_str()),
        (409, r#"{"errors":["already exists"]}"#)
    );
    let third = send(
        server.addr(),
        "POST",
        "/api/v2/org_connections",
        &[],
        CREATE_BODY.as_bytes(),
    )
    .await
    .expect("request");
    assert_eq!(third.status, MISMATCH_STATUS);
    assert_eq!(third.reason, "Cassette Mismatch");
    assert!(third.text().contains("already served"), "{}", third.text());
    let matched: Vec<_> = server.received().iter().map(|r| r.matched).collect();
    assert_eq!(matched, vec![Some(0), Some(1), None]);
    assert_eq!(server.mismatches().len(), 1);
    assert_eq!(server.mismatches()[0].nearest, Some(0));
}

#[tokio::test]
async fn a_different_body_is_a_mismatch_whose_diff_names_the_line() {
    let server = server().await;
    let body =
        r#"{"data":{"attributes":{"connection_types":["metrics"]},"type":"org_connection"}}"#;
    let response = send(
        server.addr(),
        "POST",
        "/api/v2/org_connections",
        &[
            ("DD-API-KEY", "sekrit-api"),
            ("DD-APPLICATION-KEY", "sekrit-app"),
            ("Authorization", "Bearer sekrit"),
        ],
        body.as_bytes(),
    )
    .await
    .expect("request");
    assert_eq!(response.status, MISMATCH_STATUS);
    assert_eq!(
        response.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    let mismatches = server.mismatches();
    assert_eq!(mismatches.len(), 1);
    let mismatch = &mismatches[0];
    assert_eq!(mismatch.nearest, Some(0));
    assert!(
        mismatch.diff.contains("-        \"logs\""),
        "{}",
        mismatch.diff
    );
    assert!(
        mismatch.diff.contains("+        \"metrics\""),
        "{}",
        mismatch.diff
    );
    assert_eq!(response.text(), mismatch.to_string());
    let shown = format!("{mismatch}\n{mismatch:?}\n{:?}", server.received());
    assert!(!shown.contains("sekrit"), "{shown}");
    assert!(shown.contains("<redacted>"), "{shown}");
    assert_eq!(server.unused(), vec![0, 1, 2, 3]);
}

#[tokio::test]
async fn a_different_query_is_a_mismatch_against_the_same_path() {
    let server = server().await;
    let response = send(
        server.addr(),
        "GET",
        "/api/v2/team/connections?filter%5Bsources%5D=gitlab&page%5Bsize%5D=10",
        &[],
        b"",
    )
    .await
    .expect("request");
    assert_eq!(response.status, MISMATCH_STATUS);
    let mismatch = &server.mismatches()[0];
    assert_eq!(mismatch.nearest, Some(2));
    assert!(
        mismatch.diff.contains("-query filter[sources]=github"),
        "{}",
        mismatch.diff
    );
    assert!(
        mismatch.diff.contains("+query filter[sources]=gitlab"),
        "{}",
        mismatch.diff
    );
    assert!(
        !mismatch.diff.contains("-query page[size]=10"),
        "{}",
        mismatch.diff
    );
}

#[tokio::test]
async fn a_no_content_response_has_an_empty_body() {
    let server = server().await;
    let response = send(
        server.addr(),
        "DELETE",
        "/api/v2/team/connections",
        &[],
        br#"{"data":[{"type":"team_connection","id":"abc"}]}"#,
    )
    .await
    .expect("request");
    assert_eq!(response.status, 204);
    assert!(response.body.is_empty());
}

#[tokio::test]
async fn the_server_stops_when_dropped() {
    let server = server().await;
    let addr = server.addr();
    assert!(std::net::TcpStream::connect(addr).is_ok());
    drop(server);
    let mut refused = false;
    for _ in 0..100 {
        if std::net::TcpStream::connect(addr).is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(refused, "{addr} still accepts connections after drop");

    let server = self::server().await;
    let addr = server.addr();
    server.shutdown().await;
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "{addr} still accepts connections after shutdown"
    );
}
