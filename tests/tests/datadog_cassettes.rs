//! Loads and replays every cassette Datadog recorded for the connection APIs (from `../shared`,
//! skipped when absent).

mod common;

use datadog_connections_replay::shared::shared_dir;
use datadog_connections_replay::{cassette_files, Cassette};

fn load_dir(sub: &str) -> Option<Vec<Cassette>> {
    let dir = shared_dir("datadog_cassettes")?
        .join("recordings/datadog/cassettes/v2")
        .join(sub);
    let files = cassette_files(&dir).unwrap_or_else(|e| panic!("{e}"));
    Some(
        files
            .iter()
            .map(|f| Cassette::load(f).unwrap_or_else(|e| panic!("{e}")))
            .collect(),
    )
}

#[test]
fn every_datadog_cassette_parses() {
    let (Some(org), Some(team)) = (load_dir("org_connections"), load_dir("teams")) else {
        return;
    };
    assert_eq!(org.len(), 11, "org connection scenarios");
    assert_eq!(team.len(), 7, "team connection scenarios");
    for cassette in org.iter().chain(&team) {
        assert!(
            !cassette.interactions.is_empty(),
            "{} has no interactions",
            cassette.name
        );
        for interaction in &cassette.interactions {
            assert!(
                interaction.request.path.starts_with("/api/v2/"),
                "{}",
                cassette.name
            );
            if let Some(body) = interaction.request.json_body() {
                body.unwrap_or_else(|e| panic!("{}: request body is not JSON: {e}", cassette.name));
            }
        }
    }
    let list = team
        .iter()
        .find(|c| c.name == "List-team-connections-with-filters-returns-OK-response")
        .expect("scenario");
    let get = list
        .interactions
        .iter()
        .find(|i| i.request.method == http::Method::GET)
        .expect("a GET");
    assert_eq!(get.request.path, "/api/v2/team/connections");
    assert_eq!(
        get.request.query,
        vec![
            ("filter[sources]".to_string(), "github".to_string()),
            ("page[size]".to_string(), "10".to_string())
        ]
    );
}

#[tokio::test]
async fn every_datadog_cassette_replays() {
    let (Some(org), Some(team)) = (load_dir("org_connections"), load_dir("teams")) else {
        return;
    };
    for cassette in org.iter().chain(&team) {
        common::replay_cassette(cassette)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
