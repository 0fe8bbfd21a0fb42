//! The example CLI (`sdk/examples/connections.rs`), run as a process against a loopback replay
//! server configured through `DD_SITE`, `DD_API_KEY` and `DD_APP_KEY`.
//!
//! `cargo test` builds the examples along with the tests, into `target/<profile>/examples/`, next to
//! the `deps/` folder that holds this test binary. When the example was not built by this run
//! (`cargo test --test example_cli` alone builds only this target), or is older than its source,
//! the tests say why on stderr (past libtest's output capture) and skip instead of testing a stale
//! binary.

mod cli_support;

use cli_support::{run_example, run_with_env, Run};
use datadog_connections_replay::{Cassette, ReplayServer};
use serde_json::Value;
use std::path::Path;

const SINK_ORG: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";
const SOURCE_ORG: &str = "0879ce27-29a1-481f-a12e-bc2a48ec9ae1";

fn load(relative: &str) -> Cassette {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(format!("{relative}.json"));
    Cassette::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self:?}"))
    }

    fn ids(&self) -> Vec<String> {
        ids(&self.json())
    }
}

/// The `data[].id`s of a JSON body (or `data.id` for a single item).
fn ids(body: &Value) -> Vec<String> {
    match &body["data"] {
        Value::Array(items) => items
            .iter()
            .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
            .collect(),
        item => vec![item["id"].as_str().unwrap_or_default().to_owned()],
    }
}

fn recorded_ids(cassette: &Cassette) -> Vec<String> {
    cassette
        .interactions
        .iter()
        .flat_map(|i| ids(&serde_json::from_str(&i.response.body).expect("JSON body")))
        .collect()
}

/// Serves `cassette`, runs the example against it, and checks every interaction was used exactly.
async fn replay(cassette: &Cassette, args: &[&str]) -> Option<Run> {
    let server = ReplayServer::start(cassette.interactions.clone())
        .await
        .expect("bind loopback");
    let result = run_example(Some(server.base_url()), args).await?;
    let mismatches = server.mismatches();
    assert!(
        mismatches.is_empty(),
        "{result:?}\nunexpected request:\n{}",
        mismatches[0]
    );
    assert!(
        server.unused().is_empty(),
        "{result:?}\nunused interactions {:?}",
        server.unused()
    );
    Some(result)
}

fn assert_success(run: &Run) {
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
}

fn assert_one_line_failure(run: &Run, code: i32, needle: &str) {
    assert_eq!(run.code, Some(code), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "exactly one line on stderr: {run:?}"
    );
    assert!(
        run.stderr.ends_with('\n') && run.stderr.contains(needle),
        "{run:?}"
    );
}

#[tokio::test]
async fn org_list_prints_the_response() {
    let cassette = load("cassettes/list_org_connections/List-Org-Connections-returns-OK-response");
    let Some(run) = replay(&cassette, &["org", "list"]).await else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&cassette));
    let recorded: Value =
        serde_json::from_str(&cassette.interactions[0].response.body).expect("JSON");
    assert_eq!(run.json(), recorded, "the whole response, as JSON");
}

#[tokio::test]
async fn org_list_sends_every_flag() {
    let cassette =
        load("cassettes/list_org_connections/List-Org-Connections-with-all-query-parameters-returns-OK-response");
    let args = [
        "org",
        "list",
        "--limit",
        "2",
        "--offset",
        "1",
        "--sink-org-id",
        SINK_ORG,
        "--source-org-id",
        SOURCE_ORG,
    ];
    let Some(run) = replay(&cassette, &args).await else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&cassette));
}

#[tokio::test]
async fn org_list_all_pages_through() {
    let cassette = load("pagination-cassettes/org-by-offset-until-total-filtered-count");
    let Some(run) = replay(
        &cassette,
        &[
            "org",
            "list",
            "--all",
            "--limit",
            "2",
            "--sink-org-id",
            SINK_ORG,
        ],
    )
    .await
    else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&cassette));
    assert_eq!(run.ids().len(), 5);
}

#[tokio::test]
async fn org_create_update_delete() {
    let cassette =
        load("cassettes/create_org_connections/Create-Org-Connection-returns-OK-response");
    let Some(run) = replay(
        &cassette,
        &[
            "org",
            "create",
            "--sink-org-id",
            SINK_ORG,
            "--types",
            "logs",
        ],
    )
    .await
    else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&cassette));

    let cassette =
        load("cassettes/update_org_connections/Update-Org-Connection-returns-OK-response");
    let id = "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a";
    let Some(run) = replay(&cassette, &["org", "update", id, "--types", "logs,metrics"]).await
    else {
        return;
    };
    assert_success(&run);
    assert_eq!(
        run.json()["data"]["attributes"]["connection_types"],
        serde_json::json!(["logs", "metrics"])
    );

    let cassette =
        load("cassettes/delete_org_connections/Delete-Org-Connection-returns-OK-response");
    let path = &cassette.interactions[0].request.path;
    let id = path.rsplit('/').next().expect("id");
    let Some(run) = replay(&cassette, &["org", "delete", id]).await else {
        return;
    };
    assert_success(&run);
}

#[tokio::test]
async fn org_delete_not_found_is_one_line_with_the_status() {
    let cassette =
        load("cassettes/delete_org_connections/Delete-Org-Connection-returns-Not-Found-response");
    let Some(run) = replay(
        &cassette,
        &["org", "delete", "5f2a0c4e-7d1b-4c39-9e8a-2b6f1d3c4a5e"],
    )
    .await
    else {
        return;
    };
    assert_one_line_failure(&run, 1, "404");
    assert!(
        run.stderr.starts_with("error: ") && run.stderr.contains("not found"),
        "{run:?}"
    );
}

#[tokio::test]
async fn team_list_all_pages_through() {
    let cassette = load(
        "cassettes/list_team_connections/List-team-connections-page-by-page-returns-OK-response",
    );
    let Some(run) = replay(&cassette, &["team", "list", "--all", "--page-size", "2"]).await else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&cassette));
    assert_eq!(run.ids().len(), 5);
}

#[tokio::test]
async fn team_list_one_page_with_filters() {
    let cassette = load("pagination-cassettes/team-short-middle-page-full-last-page");
    let first_page = Cassette {
        name: cassette.name.clone(),
        interactions: cassette.interactions[..1].to_vec(),
    };
    let Some(run) = replay(
        &first_page,
        &[
            "team",
            "list",
            "--page-size",
            "2",
            "--page",
            "0",
            "--sources",
            "github",
        ],
    )
    .await
    else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&first_page));
    assert_eq!(
        run.json()["meta"]["page"]["next_number"],
        1,
        "the response is printed whole"
    );
}

#[tokio::test]
async fn team_create_and_delete() {
    let cassette =
        load("cassettes/create_team_connections/Create-team-connections-returns-Created-response");
    let args = [
        "team",
        "create",
        "--team",
        "87654321-4321-8765-dcba-210987654321",
        "--connected-team",
        "@GitHubOrg/team-handle",
        "--source",
        "github",
        "--managed-by",
        "github_sync",
    ];
    let Some(run) = replay(&cassette, &args).await else {
        return;
    };
    assert_success(&run);
    assert_eq!(run.ids(), recorded_ids(&cassette));

    let cassette = load(
        "cassettes/delete_team_connections/Delete-team-connections-returns-No-Content-response",
    );
    let Some(run) = replay(
        &cassette,
        &["team", "delete", "12345678-1234-5678-9abc-123456789012"],
    )
    .await
    else {
        return;
    };
    assert_success(&run);
    assert!(run.stdout.is_empty(), "{run:?}");
}

#[tokio::test]
async fn usage_and_configuration_errors_are_one_line() {
    let server = ReplayServer::start(Vec::new())
        .await
        .expect("bind loopback");
    let Some(run) = run_example(Some(server.base_url()), &["org", "frobnicate"]).await else {
        return;
    };
    assert_one_line_failure(&run, 2, "frobnicate");

    let Some(run) = run_example(None, &["org", "list"]).await else {
        return;
    };
    assert_one_line_failure(&run, 1, "DD_API_KEY");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn version_prints_the_version() {
    let Some(run) = run_with_env(&[], &["--version"]).await else {
        return;
    };
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        format!("connections {}", env!("CARGO_PKG_VERSION")),
        "{run:?}"
    );
    assert!(run.stderr.is_empty(), "{run:?}");
}

#[tokio::test]
async fn missing_credentials_name_the_environment_variables() {
    let expected = "set DD_API_KEY and DD_APP_KEY (or DD_ACCESS_TOKEN)";
    let Some(run) = run_with_env(&[], &["org", "list"]).await else {
        return;
    };
    assert_one_line_failure(&run, 1, expected);
    assert!(run.stderr.starts_with("error: no credentials"), "{run:?}");
    assert!(
        !run.stderr.contains("apiKeyAuth") && !run.stderr.contains("ClientBuilder"),
        "no Rust or OpenAPI names: {run:?}"
    );

    let Some(run) = run_with_env(&[("DD_API_KEY", "test-api-key")], &["team", "list"]).await else {
        return;
    };
    assert_one_line_failure(&run, 1, expected);
    assert!(
        run.stderr.starts_with("error: DD_APP_KEY is not set"),
        "{run:?}"
    );
}

#[tokio::test]
async fn a_site_without_a_scheme_suggests_http() {
    let keys = [
        ("DD_API_KEY", "test-api-key"),
        ("DD_APP_KEY", "test-app-key"),
    ];
    for (site, hint) in [
        ("127.0.0.1:8765", "DD_SITE=http://127.0.0.1:8765"),
        ("localhost", "DD_SITE=http://localhost"),
        ("::1", "DD_SITE=http://[::1]"),
    ] {
        let env = [keys[0], keys[1], ("DD_SITE", site)];
        let Some(run) = run_with_env(&env, &["org", "list"]).await else {
            return;
        };
        assert_one_line_failure(&run, 1, hint);
        assert!(
            run.stderr.contains("is not a Datadog site") && run.stderr.contains("datadoghq.eu"),
            "{run:?}"
        );
    }
    // A misspelt site gets the list of sites, not a local-server hint.
    let env = [keys[0], keys[1], ("DD_SITE", "datadoghq.con")];
    let Some(run) = run_with_env(&env, &["org", "list"]).await else {
        return;
    };
    assert_one_line_failure(&run, 1, "datadoghq.eu");
    assert!(!run.stderr.contains("http://"), "{run:?}");
}
