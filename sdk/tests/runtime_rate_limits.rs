//! Rate limits, against a fault-injecting loopback server: 429s with `Retry-After` in seconds or as
//! an HTTP date, or with Datadog's `X-RateLimit-Reset`; server delays beyond the cap or the
//! deadline; and the typed `RateLimit` on responses and errors.

use datadog_connections::{
    ApiErrorKind, Client, ClientBuilder, Error, RateLimit, RetryPolicy, API,
};
use datadog_connections_replay::fault::{Fault, FaultServer};
use std::time::{Duration, Instant, SystemTime};

const LIST: &str = r#"{"data":[]}"#;
const TOO_MANY: &str = r#"{"errors":["Too many requests"]}"#;

/// Fast backoff; server-requested delays of up to 5 s are honoured.
fn builder(server: &FaultServer) -> ClientBuilder {
    let policy = RetryPolicy::new()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
        .max_server_delay(Duration::from_secs(5));
    Client::builder()
        .base_url(server.base_url())
        .api_key("test-api-key")
        .app_key("test-app-key")
        .retry_policy(policy)
}

/// Datadog's five rate-limit headers on a fault.
fn rate_limited(fault: Fault, remaining: u32, reset: u32) -> Fault {
    fault
        .header("X-RateLimit-Limit", "100")
        .header("X-RateLimit-Period", "60")
        .header("X-RateLimit-Remaining", remaining.to_string())
        .header("X-RateLimit-Reset", reset.to_string())
        .header("X-RateLimit-Name", "org_connections")
}

/// Sends one list call through a server with `faults` and returns the result, the server and the
/// time the call took.
async fn list_through(
    faults: Vec<Fault>,
    deadline: Option<Duration>,
) -> (Result<(), Error>, FaultServer, Duration) {
    let server = FaultServer::start(faults)
        .await
        .expect("bind a loopback port");
    let mut builder = builder(&server);
    if let Some(deadline) = deadline {
        builder = builder.deadline(deadline);
    }
    let client = builder.build().expect("client");
    let started = Instant::now();
    let result = client.list_org_connections().send().await.map(drop);
    (result, server, started.elapsed())
}

fn assert_waited(server: &FaultServer, at_least: Duration) {
    let gaps = server.gaps();
    assert_eq!(gaps.len(), 1, "two requests");
    assert!(
        gaps[0] >= at_least && gaps[0] < at_least + Duration::from_secs(2),
        "waited {:?}",
        gaps[0]
    );
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let faults = vec![
        Fault::json(429, TOO_MANY).header("Retry-After", "1"),
        Fault::json(200, LIST),
    ];
    let (result, server, _) = list_through(faults, None).await;
    result.expect("the retry succeeds");
    assert_waited(&server, Duration::from_secs(1));
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    // HTTP dates have whole seconds: two seconds from now is between one and two seconds away.
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    let not_before = httpdate::parse_http_date(&date).expect("an HTTP date");
    let faults = vec![
        Fault::json(429, TOO_MANY).header("Retry-After", date),
        Fault::json(200, LIST),
    ];
    let (result, server, took) = list_through(faults, None).await;
    result.expect("the retry succeeds");
    assert_eq!(server.request_count(), 2);
    assert!(SystemTime::now() >= not_before, "retried before the date");
    assert!(took < Duration::from_secs(3), "waited {took:?}");
}

#[tokio::test]
async fn x_ratelimit_reset_is_honoured_on_429_and_the_response_reports_the_limit() {
    let server = FaultServer::start(vec![
        rate_limited(Fault::json(429, TOO_MANY), 0, 1),
        rate_limited(Fault::json(200, LIST), 99, 60),
    ])
    .await
    .expect("bind a loopback port");
    let client = builder(&server).build().expect("client");
    let response = client
        .list_org_connections()
        .send_with_response()
        .await
        .expect("the retry succeeds");
    assert_waited(&server, Duration::from_secs(1));
    let expected = RateLimit::from_api_headers(response.headers(), &API.rate_limit)
        .expect("rate-limit headers");
    // Datadog's headers are its own: the standard reading finds none.
    assert_eq!(RateLimit::from_headers(response.headers()), None);
    assert_eq!(response.rate_limit(), Some(expected.clone()));
    assert_eq!(expected.limit, Some(100));
    assert_eq!(expected.period, Some(Duration::from_secs(60)));
    assert_eq!(expected.remaining, Some(99));
    assert_eq!(expected.reset, Some(Duration::from_secs(60)));
    assert_eq!(expected.name.as_deref(), Some("org_connections"));
}

#[tokio::test]
async fn a_server_delay_beyond_the_cap_returns_the_429_at_once() {
    let in_an_hour = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
    let cases = [
        Fault::json(429, TOO_MANY).header("Retry-After", "120"),
        Fault::json(429, TOO_MANY).header("Retry-After", in_an_hour),
        rate_limited(Fault::json(429, TOO_MANY), 0, 3600),
    ];
    for fault in cases {
        let (result, server, took) =
            list_through(vec![fault.clone(), Fault::json(200, LIST)], None).await;
        let Err(Error::Api(e)) = result else {
            panic!("{fault:?}: expected the 429, got {result:?}")
        };
        assert_eq!(e.kind(), ApiErrorKind::TooManyRequests);
        assert_eq!(e.errors(), ["Too many requests"]);
        let asked = e.retry_after().expect("the requested delay");
        assert!(asked > Duration::from_secs(100), "{fault:?}: {asked:?}");
        assert_eq!(server.request_count(), 1, "{fault:?}: retried");
        assert!(
            took < Duration::from_millis(500),
            "{fault:?}: waited {took:?}"
        );
    }

    // The error carries the typed rate limit.
    let (result, _, _) = list_through(
        vec![rate_limited(Fault::json(429, TOO_MANY), 0, 3600)],
        None,
    )
    .await;
    let Err(Error::Api(e)) = result else {
        panic!("expected the 429")
    };
    let limit = e.rate_limit().expect("rate-limit headers");
    assert_eq!(
        (limit.limit, limit.remaining, limit.reset),
        (Some(100), Some(0), Some(Duration::from_secs(3600)))
    );
}

#[tokio::test]
async fn a_server_delay_too_large_to_represent_stops_at_once_and_is_reported() {
    let huge = "99999999999999999999999";
    let cases = [
        Fault::json(429, TOO_MANY).header("Retry-After", huge),
        Fault::json(429, TOO_MANY).header("Retry-After", "1e400"),
        Fault::json(503, r#"{"errors":["down"]}"#).header("Retry-After", "1e400"),
        Fault::json(429, TOO_MANY).header("X-RateLimit-Reset", huge),
        Fault::json(429, TOO_MANY)
            .header("X-RateLimit-Remaining", "0")
            .header("X-RateLimit-Reset", "1e400"),
    ];
    for fault in cases {
        let (result, server, took) = list_through(
            vec![
                fault.clone(),
                Fault::json(200, LIST),
                Fault::json(200, LIST),
            ],
            None,
        )
        .await;
        let Err(Error::Api(e)) = result else {
            panic!("{fault:?}: expected the error, got {result:?}")
        };
        assert_eq!(
            e.retry_after(),
            Some(Duration::MAX),
            "{fault:?}: saturated, not absent"
        );
        assert_eq!(server.request_count(), 1, "{fault:?}: retried");
        assert_eq!(e.attempts(), 1);
        assert!(
            took < Duration::from_millis(500),
            "{fault:?}: waited {took:?}"
        );
    }
}

#[tokio::test]
async fn a_server_delay_past_the_deadline_returns_the_429_at_once() {
    let faults = vec![
        Fault::json(429, TOO_MANY).header("Retry-After", "3"),
        Fault::json(200, LIST),
    ];
    let (result, server, took) = list_through(faults, Some(Duration::from_secs(1))).await;
    assert_eq!(result.unwrap_err().status().map(|s| s.as_u16()), Some(429));
    assert_eq!(server.request_count(), 1);
    assert!(took < Duration::from_millis(500), "waited {took:?}");
}

#[tokio::test]
async fn x_ratelimit_reset_does_not_delay_a_5xx_retry() {
    // Datadog sends X-RateLimit-Reset on every response; on a 503 it says nothing about retrying.
    let faults = vec![
        rate_limited(Fault::json(503, "{}"), 50, 3600),
        Fault::json(200, LIST),
    ];
    let (result, server, took) = list_through(faults, None).await;
    result.expect("the retry succeeds");
    assert_eq!(server.request_count(), 2);
    assert!(took < Duration::from_millis(500), "waited {took:?}");
}
