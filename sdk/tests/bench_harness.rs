//! The smoke form of the comparison benchmarks (`bench/compare`, run by `cargo xtask bench`): their
//! harness core compiled here and run once, so `cargo test` keeps it compiling and correct without
//! building datadog-api-client. The bodies have the recorded responses' shape and decode with the
//! SDK's models and the plain serde-derive mirrors alike, encoding round-trips, and the timer and
//! the JSON lines `cargo xtask bench` reads work.

#[path = "../../bench/compare/src/harness.rs"]
mod harness;

use serde_json::Value;
use std::path::Path;

/// A value's shape: object keys (sorted) with their shapes, an array's first element, a scalar's
/// kind.
fn shape(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k}:{}", shape(v)))
                .collect();
            keys.sort();
            format!("{{{}}}", keys.join(","))
        }
        Value::Array(items) => format!("[{}]", items.first().map(shape).unwrap_or_default()),
        Value::String(_) => "s".to_owned(),
        Value::Number(_) => "n".to_owned(),
        Value::Bool(_) => "b".to_owned(),
        Value::Null => "null".to_owned(),
    }
}

/// The first recorded response body of a cassette under `tests/cassettes/`.
fn recorded(path: &str) -> Value {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/cassettes")
        .join(path);
    let cassette: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let body = cassette["http_interactions"][0]["response"]["body"]["string"]
        .as_str()
        .unwrap();
    serde_json::from_str(body).unwrap()
}

#[test]
fn bodies_have_the_recorded_shape() {
    let org: Value = serde_json::from_slice(&harness::org_list_body(3)).unwrap();
    let recorded_org = recorded(
        "list_org_connections/List-Org-Connections-with-many-items-returns-OK-response.json",
    );
    assert_eq!(shape(&org), shape(&recorded_org));

    // The recorded listing's first page: two items of three pages, no previous page.
    let team: Value = serde_json::from_slice(&harness::team_page_body(2, 0, 3)).unwrap();
    let recorded_team = recorded(
        "list_team_connections/List-team-connections-page-by-page-returns-OK-response.json",
    );
    assert_eq!(shape(&team), shape(&recorded_team));
    // The same page numbers (the recording's last page is short, so its total differs).
    for key in [
        "first_number",
        "last_number",
        "next_number",
        "number",
        "prev_number",
        "size",
    ] {
        assert_eq!(
            team["meta"]["page"][key], recorded_team["meta"]["page"][key],
            "{key}"
        );
    }
}

#[test]
fn bodies_decode_with_the_models_and_the_mirrors() {
    let org = harness::org_list_body(1_000);
    assert_eq!(harness::decode_org_ours(&org), 1_000);
    assert_eq!(harness::decode_org_plain(&org), 1_000);
    let team = harness::team_page_body(100, 3, 10);
    assert_eq!(harness::decode_team_ours(&team), 100);
    assert_eq!(harness::decode_team_plain(&team), 100);

    // Encoding the SDK's decoded value gives the same JSON back (the mirrors drop nothing either).
    let ours: datadog_connections::models::OrgConnectionListResponse =
        serde_json::from_slice(&org).unwrap();
    let plain: harness::plain::OrgList = serde_json::from_slice(&org).unwrap();
    let original: Value = serde_json::from_slice(&org).unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&harness::encode(&ours)).unwrap(),
        original
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&harness::encode(&plain)).unwrap(),
        original
    );
    let ours: datadog_connections::models::TeamConnectionsResponse =
        serde_json::from_slice(&team).unwrap();
    let plain: harness::plain::TeamPage = serde_json::from_slice(&team).unwrap();
    let original: Value = serde_json::from_slice(&team).unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&harness::encode(&ours)).unwrap(),
        original
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&harness::encode(&plain)).unwrap(),
        original
    );
}

#[test]
fn the_timer_interleaves_and_reports_json_lines() {
    let org = harness::org_list_body(10);
    let mut order = Vec::new();
    let stats = {
        let order = std::cell::RefCell::new(&mut order);
        harness::interleave(
            1,
            2,
            &mut [
                &mut || {
                    order.borrow_mut().push("ours");
                    harness::decode_org_ours(&org);
                },
                &mut || {
                    order.borrow_mut().push("plain");
                    harness::decode_org_plain(&org);
                },
            ],
        )
    };
    // Three rounds (one warm-up), the first subject moving one place each round.
    assert_eq!(order, ["ours", "plain", "plain", "ours", "ours", "plain"]);
    assert_eq!(stats.len(), 2);
    assert!(stats.iter().all(|s| s.rounds == 2 && s.min <= s.median));

    let line = harness::stats_line("codec", "decode org list", "ours", &stats[0]);
    let parsed: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(parsed["section"], "codec");
    assert_eq!(parsed["case"], "decode org list");
    assert_eq!(parsed["subject"], "ours");
    assert_eq!(parsed["values"]["rounds"], 2.0);
    assert!(parsed["values"]["median_ms"].as_f64().unwrap() >= 0.0);
}
