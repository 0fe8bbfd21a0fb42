//! What crates generated from real corpus specs put on the wire, checked byte for byte against a
//! loopback server.
//!
//! `cargo xtask corpus-wire` copies this file (the template `xtask/corpus-wire/main.rs`) into a
//! scratch crate beside the corpus crates in `target/corpus/out/`, builds it with only the features
//! it uses and runs it. Each scenario sends one call through a generated client to a server that
//! records the raw HTTP/1.1 request (the request target before any decoding, the headers, the body
//! bytes) and answers it; the request is then compared with what the spec means: method, path with
//! its parameters, the query string in the parameters' styles, the credential and content-type
//! headers, and the body. The call's own result is not checked (the answer is a stub); retries are
//! off, so exactly one request must arrive. The program prints a table and exits non-zero on any
//! mismatch.
//!
//! The encodings expected are the runtime's documented choices where OpenAPI leaves room: reserved
//! characters percent-encoded with `%20` for a space (also in form bodies), `[` and `]` of
//! `deepObject` names encoded, `,` and `|` delimiters left as they are.

use datadog_connections_replay::raw::{RawRecorder, RawRequest};
use std::process::ExitCode;
use std::time::Duration;

/// A scenario that takes longer than this is stuck (the server answers at once).
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(30);

/// A request as it arrived: the request target, the headers in order, the body bytes.
type Raw = RawRequest;

/// What the spec says the request must be. `target` is the raw path and query; `headers` lists
/// the headers checked, each with its one expected value or `None` for "must be absent".
struct Expected {
    method: &'static str,
    target: String,
    headers: Vec<(&'static str, Option<String>)>,
    body: Vec<u8>,
}

/// One scenario's result: the spec, the operation, and each check with its mismatch, if any.
struct Outcome {
    spec: &'static str,
    operation: &'static str,
    checks: Vec<(String, Option<String>)>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let outcomes = vec![
        scenario("readme", "updateCategory", readme_update_category()).await,
        scenario("rclone", "optionsSet", rclone_options_set()).await,
        scenario("edge/swagger-2.0", "login", swagger2_login()).await,
        scenario("edge/swagger-2.0", "listAnimals", swagger2_list_animals()).await,
    ];

    println!("| spec | operation | checks | pass |");
    println!("|---|---|---|---|");
    let mut failures = Vec::new();
    for outcome in &outcomes {
        let names: Vec<&str> = outcome.checks.iter().map(|(n, _)| n.as_str()).collect();
        let failed: Vec<String> = outcome
            .checks
            .iter()
            .filter_map(|(name, m)| m.as_ref().map(|m| format!("{name}: {m}")))
            .collect();
        println!(
            "| {} | {} | {} | {} |",
            outcome.spec,
            outcome.operation,
            names.join(", "),
            if failed.is_empty() { "yes" } else { "NO" }
        );
        for f in failed {
            failures.push(format!("{} {}: {f}", outcome.spec, outcome.operation));
        }
    }
    let checks: usize = outcomes.iter().map(|o| o.checks.len()).sum();
    if failures.is_empty() {
        println!("all {checks} checks of {} calls passed", outcomes.len());
        ExitCode::SUCCESS
    } else {
        for failure in &failures {
            eprintln!("FAILED {failure}");
        }
        ExitCode::FAILURE
    }
}

/// Runs a scenario (which returns the request received and what was expected) and compares.
async fn scenario(
    spec: &'static str,
    operation: &'static str,
    run: impl std::future::Future<Output = Result<(Raw, Expected), String>>,
) -> Outcome {
    let checks = match tokio::time::timeout(SCENARIO_TIMEOUT, run).await {
        Ok(Ok((raw, expected))) => compare(&raw, &expected),
        Ok(Err(e)) => vec![("request".to_owned(), Some(e))],
        Err(_) => vec![(
            "request".to_owned(),
            Some(format!("no answer within {SCENARIO_TIMEOUT:?}")),
        )],
    };
    Outcome {
        spec,
        operation,
        checks,
    }
}

fn compare(raw: &Raw, expected: &Expected) -> Vec<(String, Option<String>)> {
    fn check(name: &str, got: &str, want: &str) -> (String, Option<String>) {
        let mismatch = (got != want).then(|| format!("sent {got:?}, expected {want:?}"));
        (name.to_owned(), mismatch)
    }
    let split = |t: &str| -> (String, String) {
        let (path, query) = t.split_once('?').unwrap_or((t, ""));
        (path.to_owned(), query.to_owned())
    };
    let (path, query) = split(&raw.target);
    let (want_path, want_query) = split(&expected.target);
    let mut checks = vec![
        check("method", &raw.method, expected.method),
        check("path", &path, &want_path),
        check("query", &query, &want_query),
    ];
    for (name, want) in &expected.headers {
        let values: Vec<&str> = raw
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        let got = format!("{values:?}");
        let want = format!("{:?}", want.iter().collect::<Vec<_>>());
        checks.push(check(&name.to_ascii_lowercase(), &got, &want));
    }
    checks.push(check(
        "body",
        &String::from_utf8_lossy(&raw.body),
        &String::from_utf8_lossy(&expected.body),
    ));
    checks
}

// ---------------------------------------------------------------------------------------------
// The scenarios

/// ReadMe (3.1, bearer for every operation): `PATCH /branches/{branch}/categories/{section}/{title}`
/// with a JSON body; the title holds a space and a `/`, which must stay inside its segment.
async fn readme_update_category() -> Result<(Raw, Expected), String> {
    use corpus_readme::models::{UpdateCategoryBody, UpdateCategorySection};
    let server = RawRecorder::start(200, r#"{"data":{}}"#)
        .await
        .map_err(|e| format!("bind a loopback port: {e}"))?;
    let client = corpus_readme::Client::builder()
        // The spec's server is https://api.readme.com/v2; its path is kept.
        .base_url(format!("{}/v2", server.base_url()))
        .bearer("rdme_wire-token")
        .retry_policy(corpus_readme::RetryPolicy::disabled())
        .build()
        .map_err(|e| format!("build the client: {e}"))?;
    let _ = client
        .update_category(
            "1.0",
            UpdateCategorySection::Reference,
            "Getting Started/FAQ",
        )
        .body(UpdateCategoryBody::new().title("Answers").position(2.5))
        .send()
        .await;
    let expected = Expected {
        method: "PATCH",
        target: "/v2/branches/1.0/categories/reference/Getting%20Started%2FFAQ".to_owned(),
        headers: vec![
            ("Authorization", Some("Bearer rdme_wire-token".to_owned())),
            ("Content-Type", Some("application/json".to_owned())),
        ],
        body: br#"{"title":"Answers","position":2.5}"#.to_vec(),
    };
    Ok((server.only()?, expected))
}

/// Rclone RC (3.0, no security scheme): `POST /options/set`, whose option blocks are `deepObject`
/// query parameters (`explode: true`), beside `_group`, `_async`, a `Prefer` header and a JSON body.
async fn rclone_options_set() -> Result<(Raw, Expected), String> {
    use corpus_rclone::models::{OptionsSetPrefer, OptionsSetRequest};
    use serde_json::json;
    let server = RawRecorder::start(200, "{}")
        .await
        .map_err(|e| format!("bind a loopback port: {e}"))?;
    let client = corpus_rclone::Client::builder()
        .base_url(server.base_url().to_owned())
        .retry_policy(corpus_rclone::RetryPolicy::disabled())
        .build()
        .map_err(|e| format!("build the client: {e}"))?;
    let _ = client
        .options_set()
        .main(json!({"LogLevel": "DEBUG", "Timeout": "5m"}))
        .vfs(json!({"CacheMode": "full"}))
        .group("job 1")
        .r#async(true)
        .prefer(OptionsSetPrefer::RespondAsync)
        .body(OptionsSetRequest::new().main(json!({"BwLimit": "1M"})))
        .send()
        .await;
    let expected = Expected {
        method: "POST",
        target: concat!(
            "/options/set?",
            "main%5BLogLevel%5D=DEBUG&main%5BTimeout%5D=5m",
            "&vfs%5BCacheMode%5D=full",
            "&_group=job%201&_async=true"
        )
        .to_owned(),
        headers: vec![
            ("Authorization", None),
            ("Prefer", Some("respond-async".to_owned())),
            ("Content-Type", Some("application/json".to_owned())),
        ],
        body: br#"{"main":{"BwLimit":"1M"}}"#.to_vec(),
    };
    Ok((server.only()?, expected))
}

/// The corpus's Swagger 2.0 document (basePath `/api/v1`): `POST /login`, secured by HTTP basic
/// (or a query key, not set here), with `formData` parameters sent form-urlencoded.
async fn swagger2_login() -> Result<(Raw, Expected), String> {
    use corpus_edge_swagger_2_0::models::LoginBody;
    let server = RawRecorder::start(200, r#"{"token":"t"}"#)
        .await
        .map_err(|e| format!("bind a loopback port: {e}"))?;
    let client = corpus_edge_swagger_2_0::Client::builder()
        .base_url(format!("{}/api/v1", server.base_url()))
        .basic("alice", "open sesame")
        .retry_policy(corpus_edge_swagger_2_0::RetryPolicy::disabled())
        .build()
        .map_err(|e| format!("build the client: {e}"))?;
    let _ = client
        .login(LoginBody::new("alice smith&co".to_owned()).remember(true))
        .send()
        .await;
    let expected = Expected {
        method: "POST",
        target: "/api/v1/login".to_owned(),
        headers: vec![
            // base64("alice:open sesame")
            (
                "Authorization",
                Some("Basic YWxpY2U6b3BlbiBzZXNhbWU=".to_owned()),
            ),
            (
                "Content-Type",
                Some("application/x-www-form-urlencoded".to_owned()),
            ),
        ],
        body: b"username=alice%20smith%26co&remember=true".to_vec(),
    };
    Ok((server.only()?, expected))
}

/// The same document's `GET /animals`: the 2.0 collection formats `csv`, `multi` and `pipes`, and
/// the global `key` API-key header (no basic credential is set, so no `Authorization`).
async fn swagger2_list_animals() -> Result<(Raw, Expected), String> {
    use corpus_edge_swagger_2_0::models::ListAnimalsSortItem;
    let server = RawRecorder::start(200, "[]")
        .await
        .map_err(|e| format!("bind a loopback port: {e}"))?;
    let client = corpus_edge_swagger_2_0::Client::builder()
        .base_url(format!("{}/api/v1", server.base_url()))
        .key("k-123")
        .retry_policy(corpus_edge_swagger_2_0::RetryPolicy::disabled())
        .build()
        .map_err(|e| format!("build the client: {e}"))?;
    let _ = client
        .list_animals()
        .limit(5)
        .ids([1, 2, 3])
        .tag(["a b", "c,d"])
        .sort([ListAnimalsSortItem::Name, ListAnimalsSortItem::Name2])
        .send()
        .await;
    let expected = Expected {
        method: "GET",
        target: "/api/v1/animals?limit=5&ids=1,2,3&tag=a%20b&tag=c%2Cd&sort=name|-name".to_owned(),
        headers: vec![
            ("X-Key", Some("k-123".to_owned())),
            ("Authorization", None),
            ("Content-Type", None),
        ],
        body: Vec::new(),
    };
    Ok((server.only()?, expected))
}
