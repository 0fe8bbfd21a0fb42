//! Requests that follow the spec, and response conventions from the generator configuration,
//! on loopback servers: the `wire` fixture (configured like GitHub: `X-RateLimit-*` headers whose
//! reset is a Unix time, error messages under `message`) and the `swagger2_body` fixture (no
//! configuration: the runtime's standard headers and error search only).
//!
//! Delays are asserted on what the runtime computed (`ApiError::retry_after`, `rate_limit`) from a
//! call made without retries, so no test depends on how long the machine takes; the calls with
//! retries check only that the retry happened, and that no wait of decades stopped it.

use super::swagger2_body::models::Note;
use super::wire::models::Issue;
use crate::Error;
use datadog_connections_replay::fault::{Fault, FaultServer};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const ISSUES: &str =
    r#"[{"id":7,"title":"t","created_at":"2024-05-01T12:00:00Z","labels":["bug"]}]"#;
const NOTE: &str = r#"{"text":"n"}"#;

/// Fast backoff; server-requested delays of up to 10 s are honoured; `attempts` in all.
fn policy(attempts: u32) -> crate::RetryPolicy {
    crate::RetryPolicy::new()
        .max_attempts(attempts)
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
        .max_server_delay(Duration::from_secs(10))
}

async fn serve(faults: Vec<Fault>) -> FaultServer {
    FaultServer::start(faults)
        .await
        .expect("bind a loopback port")
}

fn wire_client(server: &FaultServer, attempts: u32) -> super::wire::Client {
    super::wire::Client::builder()
        .base_url(server.base_url())
        .retry_policy(policy(attempts))
        .build()
        .expect("client")
}

fn standard_client(server: &FaultServer, attempts: u32) -> super::swagger2_body::Client {
    super::swagger2_body::Client::builder()
        .base_url(server.base_url())
        .retry_policy(policy(attempts))
        .build()
        .expect("client")
}

fn epoch_in(seconds: u64) -> u64 {
    (SystemTime::now() + Duration::from_secs(seconds))
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

/// GitHub's answer to a client over its limit: the reset is a Unix time.
fn github_429(reset_at: u64) -> Fault {
    Fault::json(429, r#"{"message":"API rate limit exceeded"}"#)
        .header("X-RateLimit-Limit", "60")
        .header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", reset_at.to_string())
        .header("X-RateLimit-Resource", "core")
}

fn api_error(result: Result<impl std::fmt::Debug, Error>) -> Box<crate::ApiError> {
    match result {
        Err(Error::Api(e)) => e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_configured_epoch_reset_is_the_time_until_it() {
    let server = serve(vec![github_429(epoch_in(2))]).await;
    let e = api_error(
        wire_client(&server, 1)
            .list_issues(["open"], [1])
            .send()
            .await,
    );
    // Whole seconds: two seconds from now is between one and two seconds away.
    let delay = e.retry_after().expect("the configured reset");
    assert!(
        delay > Duration::from_millis(900) && delay <= Duration::from_secs(2),
        "{delay:?}"
    );
    let limit = e.rate_limit().expect("the configured headers");
    assert_eq!((limit.limit, limit.remaining), (Some(60), Some(0)));
    assert_eq!(limit.name.as_deref(), Some("core"));
    assert!(limit.reset.is_some_and(|r| r <= Duration::from_secs(2)));
    // The configured error shape: GitHub's `message`.
    assert_eq!(e.errors(), ["API rate limit exceeded"]);

    // With retries, the client waits for the reset and tries again.
    let server = server_with_retry(github_429(epoch_in(1))).await;
    let issues = wire_client(&server, 3)
        .list_issues(["open"], [1])
        .send()
        .await
        .expect("the retry succeeds");
    assert_eq!(issues.len(), 1);
    assert_eq!(server.request_count(), 2);
}

async fn server_with_retry(first: Fault) -> FaultServer {
    serve(vec![first, Fault::json(200, ISSUES)]).await
}

#[tokio::test]
async fn an_unconfigured_client_never_reads_an_epoch_as_a_delay() {
    let far = github_429(epoch_in(3600));
    // Not the API's configured header: no delay is read from it (as a delay it would be decades).
    let server = serve(vec![far.clone()]).await;
    let e = api_error(
        standard_client(&server, 1)
            .create_note(Note::new("n"))
            .send()
            .await,
    );
    assert_eq!(e.retry_after(), None);
    assert_eq!(e.rate_limit(), None);
    // So the 429 is retried on the backoff, not given up on.
    let server = serve(vec![far, Fault::json(201, NOTE)]).await;
    let note = standard_client(&server, 3)
        .create_note(Note::new("n"))
        .send()
        .await
        .expect("the retry succeeds");
    assert_eq!(note.text, "n");
    assert_eq!(server.request_count(), 2);
    assert!(
        server.gaps()[0] < Duration::from_secs(1),
        "{:?}",
        server.gaps()
    );
}

#[tokio::test]
async fn the_standard_headers_are_honoured_without_configuration() {
    // Whole seconds, read some time after they were written: between 5 and 10 s away.
    let in_10s = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(10));
    let too_many = r#"{"errors":["slow down"]}"#;
    // (fault, the delay asked for, at least, at most)
    let cases = [
        (
            Fault::json(429, too_many).header("Retry-After", "4"),
            4000,
            4000,
        ),
        (
            Fault::json(503, too_many).header("Retry-After", "4"),
            4000,
            4000,
        ),
        (
            Fault::json(429, too_many).header("Retry-After", in_10s),
            5000,
            10000,
        ),
        (
            Fault::json(429, too_many)
                .header("RateLimit-Limit", "100")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", "5"),
            5000,
            5000,
        ),
        (
            Fault::json(429, too_many)
                .header("RateLimit", r#""default";r=0;t=6"#)
                .header("RateLimit-Policy", r#""default";q=100;w=60"#),
            6000,
            6000,
        ),
    ];
    for (fault, at_least, at_most) in cases {
        let server = serve(vec![fault.clone()]).await;
        let e = api_error(
            standard_client(&server, 1)
                .create_note(Note::new("n"))
                .send()
                .await,
        );
        let delay = e.retry_after().expect("a requested delay");
        assert!(
            delay >= Duration::from_millis(at_least) && delay <= Duration::from_millis(at_most),
            "{fault:?}: {delay:?}"
        );
        assert_eq!(e.errors(), ["slow down"], "{fault:?}");
    }
    // The structured field's policy gives the limit and the period.
    let server = serve(vec![Fault::json(429, too_many)
        .header("RateLimit", r#""default";r=0;t=6"#)
        .header("RateLimit-Policy", r#""default";q=100;w=60"#)])
    .await;
    let e = api_error(
        standard_client(&server, 1)
            .create_note(Note::new("n"))
            .send()
            .await,
    );
    let limit = e.rate_limit().expect("the IETF headers");
    assert_eq!(
        (limit.limit, limit.remaining, limit.reset, limit.period),
        (
            Some(100),
            Some(0),
            Some(Duration::from_secs(6)),
            Some(Duration::from_secs(60))
        )
    );
    assert_eq!(limit.name.as_deref(), Some("default"));

    // And a retry waits for it: one second of the IETF reset.
    let server = serve(vec![
        Fault::json(429, too_many).header("RateLimit-Reset", "1"),
        Fault::json(201, NOTE),
    ])
    .await;
    standard_client(&server, 3)
        .create_note(Note::new("n"))
        .send()
        .await
        .expect("the retry succeeds");
    assert!(
        server.gaps()[0] >= Duration::from_secs(1),
        "{:?}",
        server.gaps()
    );
}

#[tokio::test]
async fn error_messages_are_found_in_each_shape() {
    // (the configured client or not, content type, body, messages)
    let problem = r#"{"type":"about:blank","title":"Out of credit","detail":"Your balance is 30.","status":403}"#;
    let cases: [(bool, &str, &str, &[&str]); 7] = [
        (
            true,
            "application/json",
            r#"{"message":"Validation Failed","errors":[{"field":"title","code":"missing"}]}"#,
            &["Validation Failed"],
        ),
        (true, "application/json", r#"{"errors":["elsewhere"]}"#, &[]),
        (
            false,
            "application/problem+json",
            problem,
            &["Out of credit: Your balance is 30."],
        ),
        (
            false,
            "application/json",
            r#"{"error":{"message":"Invalid key","type":"auth"}}"#,
            &["Invalid key"],
        ),
        (
            false,
            "application/json",
            r#"{"errors":[{"title":"Bad Request","detail":"no text"}]}"#,
            &["Bad Request: no text"],
        ),
        (
            false,
            "application/json",
            r#"{"message":"Bad credentials"}"#,
            &["Bad credentials"],
        ),
        (false, "text/html", "<h1>403</h1>", &[]),
    ];
    for (configured, content_type, body, expected) in cases {
        let fault = Fault::json(403, body).header("Content-Type", content_type);
        let server = serve(vec![fault]).await;
        let e = if configured {
            api_error(
                wire_client(&server, 1)
                    .list_issues(["open"], [1])
                    .send()
                    .await,
            )
        } else {
            api_error(
                standard_client(&server, 1)
                    .create_note(Note::new("n"))
                    .send()
                    .await,
            )
        };
        assert_eq!(e.errors(), expected, "{body}");
        assert_eq!(e.raw_body().as_ref(), body.as_bytes());
    }
}

#[tokio::test]
async fn read_only_properties_are_never_sent_and_write_only_ones_need_not_come_back() {
    let created = r#"{"id":8,"title":"t","created_at":"2024-05-01T12:00:00Z"}"#;
    let server = serve(vec![Fault::json(201, created)]).await;
    let issue = Issue::new("t")
        .id(1)
        .created_at("2020-01-01T00:00:00Z".parse().expect("a date"))
        .labels(vec!["bug".to_owned()])
        .secret("s3cret");
    let back = wire_client(&server, 1)
        .create_issue(issue)
        .send()
        .await
        .expect("the response decodes without the writeOnly `secret`");
    let sent = &server.received()[0];
    let body: serde_json::Value = serde_json::from_slice(&sent.body).expect("a JSON body");
    assert_eq!(body, serde_json::json!({"title": "t", "secret": "s3cret"}));
    assert_eq!((back.id, back.secret.as_deref()), (Some(8), None));
    assert!(back.created_at.is_some());
}

#[tokio::test]
async fn an_empty_required_array_is_refused_and_nothing_is_sent() {
    let server = serve(vec![Fault::json(200, ISSUES), Fault::json(200, ISSUES)]).await;
    let client = wire_client(&server, 1);
    let no_status: [&str; 0] = [];
    let cases = [
        (
            "status",
            client.list_issues(no_status, [1]).send().await.map(drop),
        ),
        (
            "X-Trace-Ids",
            client.list_issues(["open"], []).send().await.map(drop),
        ),
        ("ids", client.get_issues([]).send().await.map(drop)),
    ];
    for (name, result) in cases {
        match result {
            Err(Error::InvalidParameter {
                operation,
                parameter,
                ..
            }) => {
                assert_eq!(parameter, name);
                assert!(operation == "ListIssues" || operation == "GetIssues");
            }
            other => panic!("{name}: expected InvalidParameter, got {other:?}"),
        }
    }
    assert_eq!(server.request_count(), 0, "nothing was sent");
    // Items: the parameters are sent.
    client
        .list_issues(["open", "closed"], [7])
        .send()
        .await
        .expect("sent");
    let sent = &server.received()[0];
    assert_eq!(
        sent.query,
        [
            ("status".to_owned(), "open".to_owned()),
            ("status".to_owned(), "closed".to_owned())
        ]
    );
    assert_eq!(sent.headers["x-trace-ids"], "7");
}

#[tokio::test]
async fn a_swagger_2_body_without_consumes_is_sent_as_json() {
    let server = serve(vec![Fault::json(201, NOTE)]).await;
    standard_client(&server, 1)
        .create_note(Note::new("hello"))
        .send()
        .await
        .expect("created");
    let sent = &server.received()[0];
    assert_eq!(sent.headers["content-type"], "application/json");
    assert_eq!(sent.body.as_ref(), br#"{"text":"hello"}"#);
    // The generator said so.
    let notes = include_str!("../../../codegen/tests/snapshots/swagger2_body/diagnostics.txt");
    assert!(
        notes.contains("no `consumes` on the operation or the document: the body is sent as `application/json`"),
        "{notes}"
    );
}
