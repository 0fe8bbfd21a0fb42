//! Timeouts, against a fault-injecting loopback server that stalls: the per-attempt timeout (retried
//! only when the call may be repeated), the deadline across retries, and per-call overrides.

use datadog_connections::models::OrgConnectionCreateRequest;
use datadog_connections::{Client, ClientBuilder, Error, RequestOptions, RetryPolicy, TimeoutKind};
use datadog_connections_replay::fault::{Fault, FaultServer};
use std::time::{Duration, Instant};

const LIST: &str = r#"{"data":[]}"#;
const CREATE: &str = r#"{"data":{"attributes":{"connection_types":["logs"]},"relationships":{"sink_org":{"data":{"id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","type":"orgs"}}},"type":"org_connection"}}"#;
/// Longer than any test: a stalled request is only ever ended by the client.
const STALL: Duration = Duration::from_secs(10);

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

fn builder(server: &FaultServer) -> ClientBuilder {
    let policy = RetryPolicy::new()
        .max_attempts(10)
        .base_delay(ms(1))
        .max_delay(ms(5));
    Client::builder()
        .base_url(server.base_url())
        .api_key("test-api-key")
        .app_key("test-app-key")
        .retry_policy(policy)
}

fn timeout_of(err: &Error) -> (TimeoutKind, Duration) {
    match err {
        Error::Timeout { kind, elapsed, .. } => (*kind, *elapsed),
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn a_stalled_get_is_retried_after_the_attempt_timeout() {
    let server = FaultServer::start(vec![Fault::Stall(STALL), Fault::json(200, LIST)])
        .await
        .expect("bind");
    let client = builder(&server)
        .attempt_timeout(ms(100))
        .build()
        .expect("client");
    let started = Instant::now();
    client
        .list_org_connections()
        .send()
        .await
        .expect("the second attempt succeeds");
    let took = started.elapsed();
    assert_eq!(server.request_count(), 2);
    assert!(took >= ms(100) && took < ms(1000), "took {took:?}");
}

#[tokio::test]
async fn a_stalled_post_times_out_once() {
    let server = FaultServer::start(vec![Fault::Stall(STALL), Fault::json(200, "{}")])
        .await
        .expect("bind");
    let client = builder(&server).build().expect("client"); // default attempt timeout: 60 s
    let create: OrgConnectionCreateRequest = serde_json::from_str(CREATE).expect("body");
    let options = RequestOptions::new().attempt_timeout(ms(100));
    let started = Instant::now();
    let err = client
        .create_org_connections(create)
        .with_options(options)
        .send()
        .await
        .unwrap_err();
    let (kind, elapsed) = timeout_of(&err);
    assert_eq!(kind, TimeoutKind::Attempt);
    assert!(
        elapsed >= ms(100) && started.elapsed() < ms(1000),
        "{elapsed:?}"
    );
    assert_eq!(
        server.request_count(),
        1,
        "a POST that may have arrived is not repeated"
    );
    assert!(err.is_retryable());
    let text = err.to_string();
    assert!(
        text.starts_with("CreateOrgConnections: timed out after ")
            && text.ends_with("(per-attempt timeout; 1 attempt)"),
        "{text}"
    );
}

#[tokio::test]
async fn the_deadline_ends_retries() {
    let server = FaultServer::start(vec![Fault::Stall(STALL); 10])
        .await
        .expect("bind");
    // Retries without backoff, and a deadline in the middle of the third attempt: it is the deadline,
    // not "no time left for a retry", that ends the call.
    let immediate = RetryPolicy::new()
        .max_attempts(10)
        .base_delay(Duration::ZERO);
    let client = builder(&server)
        .retry_policy(immediate)
        .attempt_timeout(ms(100))
        .deadline(ms(250))
        .build()
        .expect("client");
    let started = Instant::now();
    let err = client.list_org_connections().send().await.unwrap_err();
    let (kind, elapsed) = timeout_of(&err);
    assert_eq!(kind, TimeoutKind::Deadline);
    assert!(
        elapsed >= ms(250) && started.elapsed() < ms(1000),
        "{elapsed:?}"
    );
    assert!(
        (2..=3).contains(&server.request_count()),
        "{} attempts",
        server.request_count()
    );
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn a_per_call_deadline_overrides_the_client() {
    let server = FaultServer::start(vec![Fault::Stall(STALL)])
        .await
        .expect("bind");
    let client = builder(&server).build().expect("client"); // defaults: 60 s per attempt, 5 min overall
    let started = Instant::now();
    let err = client
        .list_org_connections()
        .with_options(RequestOptions::new().deadline(ms(150)))
        .send()
        .await
        .unwrap_err();
    assert_eq!(timeout_of(&err).0, TimeoutKind::Deadline);
    assert!(started.elapsed() < ms(1000));
    assert_eq!(server.request_count(), 1);
}
