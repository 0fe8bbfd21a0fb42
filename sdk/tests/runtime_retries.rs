//! Retries, against a fault-injecting loopback server: 5xx sequences, connection resets and refused
//! connections, what POST and PATCH may repeat, and turning retries off per client and per call.

use datadog_connections::models::{OrgConnectionCreateRequest, OrgConnectionUpdateRequest};
use datadog_connections::{Client, ClientBuilder, Error, RequestOptions, RetryPolicy};
use datadog_connections_replay::fault::{Fault, FaultServer};
use std::time::{Duration, Instant};

const LIST: &str = r#"{"data":[]}"#;
const CREATE: &str = r#"{"data":{"attributes":{"connection_types":["logs"]},"relationships":{"sink_org":{"data":{"id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","type":"orgs"}}},"type":"org_connection"}}"#;
const UPDATE: &str = r#"{"data":{"attributes":{"connection_types":["logs"]},"id":"f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a","type":"org_connection"}}"#;
const CREATED: &str = r#"{"data":{"attributes":{"connection_types":["logs"],"created_at":"2023-01-01T12:00:00Z"},"id":"f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a","relationships":{"sink_org":{"data":{"id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","type":"orgs"}}},"type":"org_connection"}}"#;
const ID: &str = "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a";

/// Retries that take milliseconds, so the tests do.
fn fast_retries() -> RetryPolicy {
    RetryPolicy::new()
        .max_attempts(6)
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
        .max_server_delay(Duration::from_millis(50))
}

fn builder(base_url: String) -> ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .api_key("test-api-key")
        .app_key("test-app-key")
        .retry_policy(fast_retries())
}

async fn start(faults: Vec<Fault>) -> (FaultServer, Client) {
    let server = FaultServer::start(faults)
        .await
        .expect("bind a loopback port");
    let client = builder(server.base_url()).build().expect("client");
    (server, client)
}

fn create() -> OrgConnectionCreateRequest {
    serde_json::from_str(CREATE).expect("create body")
}

fn update() -> OrgConnectionUpdateRequest {
    serde_json::from_str(UPDATE).expect("update body")
}

fn error_body(status: u16) -> Fault {
    Fault::json(status, format!(r#"{{"errors":["status {status}"]}}"#))
}

fn api_status(result: Result<impl std::fmt::Debug, Error>) -> u16 {
    match result {
        Err(Error::Api(e)) => e.status().as_u16(),
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn idempotent_calls_retry_every_retryable_status_then_succeed() {
    let faults = [408, 500, 502, 503, 504]
        .into_iter()
        .map(error_body)
        .chain([Fault::json(200, LIST)])
        .collect();
    let (server, client) = start(faults).await;
    let page = client
        .list_org_connections()
        .send()
        .await
        .expect("the sixth attempt succeeds");
    assert!(page.data.is_empty());
    assert_eq!(server.request_count(), 6);

    // DELETE is idempotent too.
    let (server, client) = start(vec![error_body(502), Fault::status(204)]).await;
    client
        .delete_org_connections(ID)
        .send()
        .await
        .expect("the retry succeeds");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn retrying_stops_after_max_attempts_with_the_last_error() {
    let faults = vec![
        error_body(500),
        error_body(503),
        error_body(503),
        Fault::json(200, LIST),
    ];
    let (server, client) = start(faults).await;
    let three = RequestOptions::new().retry_policy(fast_retries().max_attempts(3));
    let err = client
        .list_org_connections()
        .with_options(three)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(err.is_retryable(), "{err}");
    assert_eq!((server.request_count(), server.remaining()), (3, 1));
}

#[tokio::test]
async fn other_statuses_are_returned_without_retrying() {
    for status in [400, 401, 403, 404, 409, 501] {
        let (server, client) = start(vec![error_body(status), Fault::json(200, LIST)]).await;
        let result = client.list_org_connections().send().await;
        assert_eq!(api_status(result), status);
        assert_eq!(server.request_count(), 1, "{status} must not be retried");
    }
}

#[tokio::test]
async fn post_and_patch_are_not_repeated_after_the_request_may_have_arrived() {
    for first in [
        error_body(500),
        error_body(503),
        error_body(504),
        error_body(408),
    ] {
        let (server, client) = start(vec![first.clone(), Fault::json(200, CREATED)]).await;
        let result = client.create_org_connections(create()).send().await;
        assert!(
            matches!(result, Err(Error::Api(_))),
            "{first:?}: {result:?}"
        );
        assert_eq!(server.request_count(), 1, "{first:?}: POST repeated");
    }

    let (server, client) = start(vec![Fault::Reset, Fault::json(200, CREATED)]).await;
    let err = client
        .create_org_connections(create())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(server.request_count(), 1, "POST repeated after a reset");

    let (server, client) = start(vec![error_body(502), Fault::json(200, CREATED)]).await;
    let result = client.update_org_connections(ID, update()).send().await;
    assert_eq!(api_status(result), 502);
    assert_eq!(server.request_count(), 1, "PATCH repeated");
}

#[tokio::test]
async fn post_is_retried_when_marked_safe_to_retry() {
    let (server, client) = start(vec![
        error_body(503),
        Fault::Reset,
        error_body(500),
        Fault::json(200, CREATED),
    ])
    .await;
    let safe = RequestOptions::new().safe_to_retry(true);
    let created = client
        .create_org_connections(create())
        .with_options(safe)
        .send()
        .await
        .expect("created");
    assert_eq!(created.data.id.to_string(), ID);
    assert_eq!(server.request_count(), 4);
    let bodies: Vec<_> = server
        .received()
        .iter()
        .map(|r| r.json_body().map(Result::ok))
        .collect();
    assert!(
        bodies.windows(2).all(|w| w[0] == w[1] && w[0].is_some()),
        "every attempt sends the same body"
    );
}

#[tokio::test]
async fn post_is_retried_on_429() {
    let (server, client) = start(vec![
        error_body(429).header("Retry-After", "0"),
        Fault::json(200, CREATED),
    ])
    .await;
    client
        .create_org_connections(create())
        .send()
        .await
        .expect("the retry succeeds");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn connection_resets_are_retried_for_idempotent_calls() {
    let (server, client) = start(vec![Fault::Reset, Fault::Reset, Fault::json(200, LIST)]).await;
    client
        .list_org_connections()
        .send()
        .await
        .expect("the third attempt succeeds");
    assert_eq!(server.request_count(), 3);
}

#[tokio::test]
async fn refused_connections_are_retried_even_for_post() {
    // A port nothing listens on yet: the first attempt is refused before anything is sent.
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    let slow = fast_retries()
        .base_delay(Duration::from_millis(200))
        .max_delay(Duration::from_millis(200));
    let client = builder(format!("http://{addr}"))
        .retry_policy(slow)
        .build()
        .expect("client");
    let started = Instant::now();
    let call = tokio::spawn(async move { client.create_org_connections(create()).send().await });
    // The retry comes 100-200 ms after the refusal (the backoff's jitter keeps at least half).
    tokio::time::sleep(Duration::from_millis(30)).await;
    let server = FaultServer::start_on(addr, vec![Fault::json(200, CREATED)])
        .await
        .expect("rebind the port");
    call.await
        .expect("task")
        .expect("the retry reaches the server");
    assert_eq!(server.request_count(), 1);
    assert!(
        started.elapsed() >= Duration::from_millis(100),
        "the first attempt was not refused"
    );
}

#[tokio::test]
async fn refused_connection_error_is_readable_and_retryable() {
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    let client = builder(format!("http://{addr}"))
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("client");
    let err = client.list_org_connections().send().await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_retryable());
    let text = err.to_string();
    assert!(
        text.starts_with("ListOrgConnections: could not connect: "),
        "{text}"
    );
}

#[tokio::test]
async fn retries_can_be_turned_off_per_call_and_per_client() {
    let (server, client) = start(vec![error_body(503), Fault::json(200, LIST)]).await;
    let result = client
        .list_org_connections()
        .with_options(RequestOptions::new().no_retries())
        .send()
        .await;
    assert_eq!(api_status(result), 503);
    assert_eq!(server.request_count(), 1);

    let server = FaultServer::start(vec![
        error_body(503),
        error_body(503),
        Fault::json(200, LIST),
    ])
    .await
    .unwrap();
    let client = builder(server.base_url())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    assert_eq!(api_status(client.list_org_connections().send().await), 503);
    assert_eq!(server.request_count(), 1);
    // A call can turn them back on.
    let on = RequestOptions::new().retry_policy(fast_retries());
    client
        .list_org_connections()
        .with_options(on)
        .send()
        .await
        .expect("retried to success");
    assert_eq!(server.request_count(), 3);
}

#[test]
fn calls_are_send_so_they_can_be_spawned() {
    fn assert_send<T: Send + 'static>(_: T) {}
    let client = Client::builder()
        .api_key("k")
        .app_key("a")
        .build()
        .expect("client");
    assert_send(client.list_org_connections().send());
    assert_send(
        client
            .create_org_connections(create())
            .with_options(RequestOptions::new().safe_to_retry(true))
            .send(),
    );
}
