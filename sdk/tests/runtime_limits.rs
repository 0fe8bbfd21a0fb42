//! Limits, against a fault-injecting loopback server: the response body limit (plain, declared,
//! gzip bombs; 2xx and error statuses; never retried), per-call options checked like the
//! builder's, and error text that stays bounded and escaped whatever the server sends.

use datadog_connections::models::OrgConnectionCreateRequest;
use datadog_connections::{Client, ClientBuilder, ConfigError, Error, RequestOptions, RetryPolicy};
use datadog_connections_replay::fault::{Fault, FaultServer};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::time::Duration;

const LIST: &str = r#"{"data":[]}"#;
const CREATE: &str = r#"{"data":{"attributes":{"connection_types":["logs"]},"relationships":{"sink_org":{"data":{"id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","type":"orgs"}}},"type":"org_connection"}}"#;
const MIB: usize = 1024 * 1024;

fn builder(server: &FaultServer) -> ClientBuilder {
    let policy = RetryPolicy::new()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5));
    Client::builder()
        .base_url(server.base_url())
        .api_key("test-api-key")
        .app_key("test-app-key")
        .retry_policy(policy)
}

async fn start(faults: Vec<Fault>) -> (FaultServer, Client) {
    let server = FaultServer::start(faults).await.expect("bind loopback");
    let client = builder(&server).build().expect("client");
    (server, client)
}

/// A JSON list body of at least `size` bytes: `{"data":[],"pad":"xxxx…"}`.
fn big_list(size: usize) -> String {
    format!(r#"{{"data":[],"pad":"{}"}}"#, "x".repeat(size))
}

/// A gzip body that inflates to `inflated` bytes of JSON-looking text.
fn gzip_bomb(inflated: usize) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(br#"{"data":[],"pad":""#).expect("gzip");
    let block = vec![b'x'; MIB];
    let mut written = 0;
    while written < inflated {
        encoder.write_all(&block).expect("gzip");
        written += block.len();
    }
    encoder.finish().expect("gzip")
}

fn gzip(status: u16, body: Vec<u8>) -> Fault {
    Fault::Respond {
        status,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Content-Encoding".into(), "gzip".into()),
        ],
        body,
    }
}

/// The parts of a `BodyTooLarge` error.
#[derive(Debug)]
struct TooLarge {
    status: u16,
    limit: usize,
    received: u64,
    declared: Option<u64>,
    prefix: Vec<u8>,
    attempts: u32,
    text: String,
}

fn too_large(result: Result<impl std::fmt::Debug, Error>) -> TooLarge {
    match result {
        Err(
            ref e @ Error::BodyTooLarge {
                status,
                limit,
                received,
                declared,
                ref prefix,
                attempts,
                ..
            },
        ) => TooLarge {
            status: status.as_u16(),
            limit,
            received,
            declared,
            prefix: prefix.to_vec(),
            attempts,
            text: e.to_string(),
        },
        other => panic!("expected BodyTooLarge, got {other:?}"),
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_typed_error_with_a_bounded_prefix() {
    let body = big_list(2 * MIB);
    let (server, client) = start(vec![Fault::json(200, body.clone())]).await;
    let options = RequestOptions::new().max_response_body(MIB);
    let err = too_large(
        client
            .list_org_connections()
            .with_options(options)
            .send()
            .await,
    );
    assert_eq!(err.status, 200);
    assert_eq!(err.limit, MIB);
    // The server declared the length: refused on the header, nothing read.
    assert_eq!(err.declared, Some(body.len() as u64));
    assert!(err.prefix.is_empty());
    assert_eq!(err.received, 0);
    assert_eq!(err.attempts, 1);
    assert_eq!(server.request_count(), 1);
    assert!(
        err.text.starts_with(
            "ListOrgConnections: the 200 OK response body is larger than the limit of 1048576 bytes"
        ),
        "{}",
        err.text
    );
}

#[tokio::test]
async fn the_client_limit_applies_and_a_body_at_the_limit_passes() {
    let body = big_list(100_000);
    let server = FaultServer::start(vec![
        Fault::json(200, body.clone()),
        Fault::json(200, body.clone()),
    ])
    .await
    .expect("bind");
    let exact = builder(&server)
        .max_response_body(body.len())
        .build()
        .expect("client");
    exact
        .list_org_connections()
        .send()
        .await
        .expect("exactly at the limit");
    let under = builder(&server)
        .max_response_body(body.len() - 1)
        .build()
        .expect("client");
    let err = too_large(under.list_org_connections().send().await);
    assert_eq!(err.limit, body.len() - 1);
}

#[tokio::test]
async fn a_gzip_bomb_stops_at_the_limit_of_decompressed_bytes() {
    // 256 MiB inflated from a few hundred KB; the default limit is 32 MiB.
    let bomb = gzip_bomb(256 * MIB);
    assert!(bomb.len() < 2 * MIB, "{} bytes compressed", bomb.len());
    let (server, client) = start(vec![gzip(200, bomb)]).await;
    let err = too_large(client.list_org_connections().send().await);
    assert_eq!(err.limit, 32 * MIB, "the documented default");
    assert_eq!(
        err.limit,
        openapi_sdk_runtime::ClientBuilder::DEFAULT_MAX_RESPONSE_BODY
    );
    assert_eq!(
        err.declared, None,
        "decompressed: no length known in advance"
    );
    // Reading stopped within one decompressed chunk of the limit.
    assert!(
        err.received > (32 * MIB) as u64 && err.received < (33 * MIB) as u64,
        "{}",
        err.received
    );
    assert!(err.prefix.starts_with(br#"{"data":[],"pad":"xxx"#));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn an_over_limit_error_body_is_not_downloaded_again() {
    // A 503 would be retried; its bomb is not, for GET or anything else.
    let (server, client) = start(vec![gzip(503, gzip_bomb(8 * MIB)), Fault::json(200, LIST)]).await;
    let options = RequestOptions::new().max_response_body(MIB);
    let err = client
        .list_org_connections()
        .with_options(options)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(matches!(err, Error::BodyTooLarge { .. }), "{err:?}");
    assert!(!err.is_retryable());
    assert_eq!(server.request_count(), 1, "the bomb was downloaded once");
}

#[tokio::test]
async fn per_call_options_are_checked_like_the_builders_before_sending() {
    let (server, client) = start(vec![Fault::json(201, LIST)]).await;
    let create = || -> OrgConnectionCreateRequest { serde_json::from_str(CREATE).expect("body") };
    let cases = [
        (
            RequestOptions::new().deadline(Duration::ZERO),
            ConfigError::ZeroTimeout("per-call deadline"),
        ),
        (
            RequestOptions::new().attempt_timeout(Duration::ZERO),
            ConfigError::ZeroTimeout("per-call attempt timeout"),
        ),
        (
            RequestOptions::new().deadline(Duration::from_micros(1)),
            ConfigError::TimeoutTooShort("per-call deadline"),
        ),
        (
            RequestOptions::new().attempt_timeout(Duration::from_nanos(500)),
            ConfigError::TimeoutTooShort("per-call attempt timeout"),
        ),
        (
            RequestOptions::new().max_response_body(0),
            ConfigError::ZeroLimit("per-call max response body"),
        ),
    ];
    for (options, expected) in cases {
        let err = client
            .create_org_connections(create())
            .with_options(options.clone())
            .send()
            .await
            .unwrap_err();
        match err {
            Error::Config(e) => assert_eq!(e, expected, "{options:?}"),
            other => panic!("{options:?}: expected a configuration error, got {other:?}"),
        }
    }
    assert_eq!(server.request_count(), 0, "nothing reached the server");
    // The builder says the same about its own settings.
    assert_eq!(
        builder(&server)
            .deadline(Duration::ZERO)
            .build()
            .unwrap_err(),
        ConfigError::ZeroTimeout("deadline")
    );
    assert_eq!(
        builder(&server)
            .attempt_timeout(Duration::from_micros(1))
            .build()
            .unwrap_err(),
        ConfigError::TimeoutTooShort("attempt timeout")
    );
}

#[tokio::test]
async fn error_text_is_bounded_escaped_and_names_the_attempts() {
    let huge = "y".repeat(10 * MIB);
    let body = format!(r#"{{"errors":["{huge}"]}}"#);
    let forged = r#"{"errors":["gone\n2024-01-01 INFO user=admin logged in \u001b[2J"]}"#;
    let (server, client) = start(vec![
        Fault::json(500, body.clone()),
        Fault::json(500, body.clone()),
        Fault::json(500, body.clone()),
        Fault::json(500, body.clone()),
        Fault::json(404, forged),
        Fault::Respond {
            status: 502,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: format!(
                "<html>{}</html>",
                "<div>bad gateway</div>\r\n".repeat(10_000)
            )
            .into_bytes(),
        },
    ])
    .await;

    let err = client.list_org_connections().send().await.unwrap_err();
    let display = err.to_string();
    assert!(display.len() < 500, "{} bytes of Display", display.len());
    assert!(
        display.starts_with(
            "ListOrgConnections failed with status 500 Internal Server Error (4 attempts): yyy"
        ),
        "{display}"
    );
    let debug = format!("{err:?}");
    assert!(debug.len() < 5_000, "{} bytes of Debug", debug.len());
    assert!(
        debug.contains(&format!("body_len: {}", body.len())),
        "{debug}"
    );
    let api = err.as_api().expect("API error");
    assert_eq!(
        api.raw_body().as_ref(),
        body.as_bytes(),
        "raw_body is exact"
    );
    assert_eq!(err.attempts(), 4);
    assert_eq!(server.request_count(), 4);

    let err = client.list_org_connections().send().await.unwrap_err();
    let display = err.to_string();
    assert!(
        !display.contains('\n') && !display.contains('\u{1b}'),
        "{display:?}"
    );
    assert!(display.contains(r"gone\n2024-01-01 INFO"), "{display}");
    assert!(err.to_string().contains("(1 attempt)"), "{display}");

    let err = client
        .list_org_connections()
        .with_options(RequestOptions::new().no_retries())
        .send()
        .await
        .unwrap_err();
    let display = err.to_string();
    assert!(
        display.len() < 500 && !display.contains('\r'),
        "{display:?}"
    );
    assert!(
        display.contains("<html><div>bad gateway</div>\\r\\n"),
        "{display}"
    );
}

#[test]
fn the_chaos_servers_hand_made_gzip_bomb_is_valid_gzip() {
    use std::io::Read;
    let bomb = datadog_connections_replay::chaos::gzip_bomb(3 * MIB + 7);
    let mut inflated = Vec::new();
    flate2::read::GzDecoder::new(bomb.as_slice())
        .read_to_end(&mut inflated)
        .expect("valid gzip, CRC and length included");
    assert_eq!(inflated.len(), 3 * MIB + 7);
    assert!(inflated.starts_with(br#"{"data":[],"pad":"xxx"#));
    assert!(bomb.len() * 100 < inflated.len(), "{} bytes", bomb.len());
}
