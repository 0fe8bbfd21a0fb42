//! The example CLI (`sdk/examples/connections.rs`) against hostile servers and configuration
//! (issue 21): unknown fields a `serde_json::Value` cannot hold, credentials in `DD_SITE`, and
//! listings whose few pages are huge. Run as a process against loopback servers; like
//! `example_cli.rs`, the tests skip (saying why on stderr) when the example was not built by this
//! run or is older than its sources.

mod cli_support;

use cli_support::{run_example, run_with_env, Run};
use datadog_connections_replay::fault::{Fault, FaultServer};

async fn run_against(server: &FaultServer, args: &[&str]) -> Option<Run> {
    run_example(Some(server.base_url()), args).await
}

/// Unknown properties no `serde_json::Value` can hold: a number beyond `f64` and an array nested
/// 200 deep (serde_json's `Value` stops at 128).
fn hostile_fields() -> String {
    format!(
        r#""huge":1e400,"deep":{}{}"#,
        "[".repeat(200),
        "]".repeat(200)
    )
}

fn org_item(id: usize, extra: &str) -> String {
    format!(
        r#"{{"type":"org_connection","id":"{id:08x}-8c8a-4b0a-9b0a-1b2c3d4e5f6a","attributes":{{"connection_types":["logs"],"created_at":"2023-01-01T12:00:00Z"}},"relationships":{{}}{extra}}}"#
    )
}

fn org_page(items: &[String], total: usize) -> String {
    format!(
        r#"{{"data":[{}],"meta":{{"page":{{"total_count":{total},"total_filtered_count":{total}}}}}}}"#,
        items.join(",")
    )
}

#[tokio::test]
async fn org_list_all_prints_unknown_fields_as_their_exact_text() {
    let extra = format!(",{}", hostile_fields());
    let page = org_page(&[org_item(1, &extra)], 1);
    let server = FaultServer::start(vec![Fault::json(200, page)])
        .await
        .expect("bind loopback");
    let Some(run) = run_against(&server, &["org", "list", "--all"]).await else {
        return;
    };
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    assert!(run.stdout.contains(r#""huge": 1e400"#), "{}", run.stdout);
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(
        run.stdout.contains(&format!(r#""deep": {deep}"#)),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.trim_start().starts_with("{\n  \"data\": ["),
        "{}",
        run.stdout
    );
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn team_list_all_prints_unknown_fields_as_their_exact_text() {
    let page = format!(
        r#"{{"data":[{{"type":"team_connection","id":"c1",{}}}],"meta":{{"page":{{"number":0,"next_number":null}}}}}}"#,
        hostile_fields()
    );
    let server = FaultServer::start(vec![Fault::json(200, page)])
        .await
        .expect("bind loopback");
    let Some(run) = run_against(&server, &["team", "list", "--all"]).await else {
        return;
    };
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains(r#""huge": 1e400"#), "{}", run.stdout);
    assert!(run.stdout.contains(&"[".repeat(200)), "{}", run.stdout);
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn dd_site_is_never_echoed_with_its_credentials() {
    let keys = [
        ("DD_API_KEY", "test-api-key"),
        ("DD_APP_KEY", "test-app-key"),
    ];
    for site in [
        "user:PASS@host",
        "user:PASS@127.0.0.1:8765",
        "datadoghq.com?token=SECRET",
        "datadoghq.com#SECRET",
        "http://user:PASS@127.0.0.1:9",
        "http://user:PASS#SECRET@host",
        "http://127.0.0.1:9/?token=SECRET",
        "http://127.0.0.1:9/#SECRET",
        "https://user:PASS@api.datadoghq.com",
    ] {
        let env = [keys[0], keys[1], ("DD_SITE", site)];
        let Some(run) = run_with_env(&env, &["org", "list"]).await else {
            return;
        };
        assert_eq!(run.code, Some(1), "{site}: {run:?}");
        let shown = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !shown.contains("PASS") && !shown.contains("SECRET"),
            "{site}: {shown}"
        );
        assert!(shown.contains("<redacted>"), "{site}: {shown}");
    }
}

#[tokio::test]
async fn list_all_stops_at_its_byte_budget() {
    // Pages of one 300 KB item each, ten announced: with a 1 MB budget the fourth page is one too
    // many, and nothing is printed.
    let pad = format!(r#","pad":"{}""#, "x".repeat(300_000));
    let pages = (0..10)
        .map(|i| Fault::json(200, org_page(&[org_item(i, &pad)], 10)))
        .collect();
    let server = FaultServer::start(pages).await.expect("bind loopback");
    let args = ["org", "list", "--all", "--max-bytes", "1000000"];
    let Some(run) = run_against(&server, &args).await else {
        return;
    };
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(
        run.stderr
            .contains("more than 1000000 (the collect_all byte budget)"),
        "{run:?}"
    );
    assert_eq!(server.request_count(), 4);
}
