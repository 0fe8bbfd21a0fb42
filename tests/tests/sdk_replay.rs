//! Drives the generated SDK through every recorded scenario on a loopback replay server: Datadog's
//! own recordings (from `../shared`, skipped when absent) and this repository's cassettes.
//!
//! For each connection request in a cassette, the test rebuilds the SDK call from the recording
//! (typed parameters, and the recorded body decoded into the typed request model), sends it, and
//! checks three things:
//! - what the SDK sent matched the recording (method, path, query pairs in any order, JSON body as
//!   JSON) and carried both auth headers;
//! - a 2xx answer decoded into the typed model, field for field equal to the recorded body;
//! - a non-2xx answer became `Error::Api` with the recorded status, the parsed `errors` list and
//!   the raw body.
//!
//! Fixture requests on endpoints outside the spec (`POST /api/v2/team`, `DELETE /api/v2/team/{id}`)
//! are left out of the replay.

use datadog_connections::models::{
    OrgConnectionCreateRequest, OrgConnectionUpdateRequest, TeamConnectionCreateRequest,
    TeamConnectionDeleteRequest,
};
use datadog_connections::{Client, Error, RetryPolicy};
use datadog_connections_replay::shared::shared_dir;
use datadog_connections_replay::{
    cassette_files, Cassette, Interaction, RecordedRequest, ReplayServer,
};
use http::Method;
use serde_json::Value;
use std::path::{Path, PathBuf};

const API_KEY: &str = "replay-api-key";
const APP_KEY: &str = "replay-app-key";

/// What a call produced, in a form comparable with the recording.
enum Outcome {
    /// A 2xx with its typed body re-serialized (`Value::Null` for operations without a body).
    Success(u16, Value),
    /// The SDK's error.
    Failure(Error),
}

/// The connection operation a recorded request is for, or `None` for fixture endpoints.
fn operation_of(req: &RecordedRequest) -> Option<&'static str> {
    let path = req.path.as_str();
    let org_item = path
        .strip_prefix("/api/v2/org_connections/")
        .filter(|id| !id.is_empty() && !id.contains('/'));
    match (&req.method, path) {
        (&Method::GET, "/api/v2/org_connections") => Some("ListOrgConnections"),
        (&Method::POST, "/api/v2/org_connections") => Some("CreateOrgConnections"),
        (&Method::PATCH, _) if org_item.is_some() => Some("UpdateOrgConnections"),
        (&Method::DELETE, _) if org_item.is_some() => Some("DeleteOrgConnections"),
        (&Method::GET, "/api/v2/team/connections") => Some("ListTeamConnections"),
        (&Method::POST, "/api/v2/team/connections") => Some("CreateTeamConnections"),
        (&Method::DELETE, "/api/v2/team/connections") => Some("DeleteTeamConnections"),
        _ => None,
    }
}

fn body<T: serde::de::DeserializeOwned>(req: &RecordedRequest) -> T {
    let text = req
        .body
        .as_deref()
        .unwrap_or_else(|| panic!("{} {} has no body", req.method, req.path));
    serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("recorded body does not fit the request model: {e}\n{text}"))
}

fn int(name: &str, value: &str) -> i64 {
    value
        .parse()
        .unwrap_or_else(|e| panic!("query {name}={value}: {e}"))
}

fn list(value: &str) -> Vec<String> {
    value.split(',').map(str::to_owned).collect()
}

fn success<T: serde::Serialize>(r: Result<datadog_connections::ApiResponse<T>, Error>) -> Outcome {
    match r {
        Ok(r) => Outcome::Success(
            r.status().as_u16(),
            serde_json::to_value(r.body()).expect("models serialize"),
        ),
        Err(e) => Outcome::Failure(e),
    }
}

/// Rebuilds and sends the SDK call for a recorded request.
async fn call(client: &Client, op: &str, req: &RecordedRequest) -> Outcome {
    let id = || req.path.rsplit('/').next().unwrap_or_default().to_owned();
    match op {
        "ListOrgConnections" => {
            let mut b = client.list_org_connections();
            for (name, value) in &req.query {
                b = match name.as_str() {
                    "sink_org_id" => b.sink_org_id(value),
                    "source_org_id" => b.source_org_id(value),
                    "limit" => b.limit(int(name, value)),
                    "offset" => b.offset(int(name, value)),
                    other => panic!("ListOrgConnections has no query parameter {other}"),
                };
            }
            success(b.send_with_response().await)
        }
        "CreateOrgConnections" => success(
            client
                .create_org_connections(body::<OrgConnectionCreateRequest>(req))
                .send_with_response()
                .await,
        ),
        "UpdateOrgConnections" => success(
            client
                .update_org_connections(id(), body::<OrgConnectionUpdateRequest>(req))
                .send_with_response()
                .await,
        ),
        "DeleteOrgConnections" => success(
            client
                .delete_org_connections(id())
                .send_with_response()
                .await,
        ),
        "ListTeamConnections" => {
            let mut b = client.list_team_connections();
            for (name, value) in &req.query {
                b = match name.as_str() {
                    "page[size]" => b.page_size(int(name, value)),
                    "page[number]" => b.page_number(int(name, value)),
                    "filter[sources]" => b.filter_sources(list(value)),
                    "filter[team_ids]" => b.filter_team_ids(list(value)),
                    "filter[connected_team_ids]" => b.filter_connected_team_ids(list(value)),
                    "filter[connection_ids]" => b.filter_connection_ids(list(value)),
                    other => panic!("ListTeamConnections has no query parameter {other}"),
                };
            }
            success(b.send_with_response().await)
        }
        "CreateTeamConnections" => success(
            client
                .create_team_connections(body::<TeamConnectionCreateRequest>(req))
                .send_with_response()
                .await,
        ),
        "DeleteTeamConnections" => success(
            client
                .delete_team_connections(body::<TeamConnectionDeleteRequest>(req))
                .send_with_response()
                .await,
        ),
        other => unreachable!("operation_of returned {other}"),
    }
}

/// Recorded and decoded JSON agree field for field; timestamps compare as instants (the model
/// re-serializes `+00:00` as `Z`).
fn assert_same_json(recorded: &Value, ours: &Value, at: &str, cassette: &str) {
    match (recorded, ours) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let vb = b.get(k).unwrap_or_else(|| {
                    panic!("{cassette}: field {at}.{k} was recorded but not decoded")
                });
                assert_same_json(va, vb, &format!("{at}.{k}"), cassette);
            }
            for k in b.keys() {
                assert!(
                    a.contains_key(k),
                    "{cassette}: field {at}.{k} decoded but not in the recording"
                );
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{cassette}: {at} length");
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                assert_same_json(va, vb, &format!("{at}[{i}]"), cassette);
            }
        }
        (Value::String(a), Value::String(b)) if a != b => {
            let ta = chrono::DateTime::parse_from_rfc3339(a);
            let tb = chrono::DateTime::parse_from_rfc3339(b);
            match (ta, tb) {
                (Ok(ta), Ok(tb)) => assert_eq!(ta, tb, "{cassette}: {at}"),
                _ => panic!("{cassette}: {at}: recorded {a:?}, decoded {b:?}"),
            }
        }
        _ => assert_eq!(recorded, ours, "{cassette}: {at}"),
    }
}

/// Replays one cassette through the SDK; returns how many connection requests it drove.
async fn replay(cassette: &Cassette) -> usize {
    let interactions: Vec<Interaction> = cassette
        .interactions
        .iter()
        .filter(|i| operation_of(&i.request).is_some())
        .cloned()
        .collect();
    let server = ReplayServer::start(interactions.clone())
        .await
        .expect("start replay server");
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .enable_all_previews()
        // One recorded answer per request: a recorded 429 or 5xx must come back, not be retried.
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("client");
    for (i, interaction) in interactions.iter().enumerate() {
        let req = &interaction.request;
        let op = operation_of(req).unwrap_or_default();
        let outcome = call(&client, op, req).await;
        let what = format!("{} #{i} ({op})", cassette.name);
        let mismatches = server.mismatches();
        assert!(
            mismatches.is_empty(),
            "{what}: the SDK sent a request that is not in the recording:\n{}",
            mismatches[0]
        );
        let received = server.received();
        let sent = received
            .last()
            .unwrap_or_else(|| panic!("{what}: nothing reached the server"));
        assert_eq!(
            sent.matched,
            Some(i),
            "{what}: served the wrong interaction"
        );
        assert_eq!(
            sent.header("dd-api-key"),
            Some(API_KEY),
            "{what}: API key header"
        );
        assert_eq!(
            sent.header("dd-application-key"),
            Some(APP_KEY),
            "{what}: application key header"
        );
        let recorded = &interaction.response;
        match outcome {
            Outcome::Success(status, value) => {
                assert_eq!(status, recorded.status, "{what}: status");
                assert!(
                    (200..300).contains(&status),
                    "{what}: {status} decoded as success"
                );
                if value != Value::Null {
                    let recorded_json: Value =
                        serde_json::from_str(&recorded.body).expect("recorded JSON");
                    assert_same_json(&recorded_json, &value, "$", &what);
                }
            }
            Outcome::Failure(Error::Api(e)) => {
                assert_eq!(e.status().as_u16(), recorded.status, "{what}: status");
                assert!(
                    !(200..300).contains(&recorded.status),
                    "{what}: a 2xx became an error: {e}"
                );
                assert_eq!(
                    e.raw_body().as_ref(),
                    recorded.body.as_bytes(),
                    "{what}: raw body kept"
                );
                let recorded_errors = serde_json::from_str::<Value>(&recorded.body)
                    .expect("recorded error JSON")["errors"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                assert_eq!(
                    e.errors().len(),
                    recorded_errors.len(),
                    "{what}: errors list parsed from {}",
                    recorded.body
                );
                for (ours, theirs) in e.errors().iter().zip(&recorded_errors) {
                    match theirs {
                        Value::String(text) => assert_eq!(ours, text, "{what}"),
                        object => {
                            let detail = object["detail"]
                                .as_str()
                                .expect("JSON:API errors have a detail");
                            assert!(ours.contains(detail), "{what}: {ours:?} lacks {detail:?}");
                        }
                    }
                }
            }
            Outcome::Failure(other) => panic!("{what}: unexpected error: {other}"),
        }
    }
    assert!(
        server.unused().is_empty(),
        "{}: interactions never served: {:?}",
        cassette.name,
        server.unused()
    );
    interactions.len()
}

fn load_all(dir: &Path) -> Vec<Cassette> {
    cassette_files(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|f| Cassette::load(f).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn own_cassettes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cassettes")
}

/// Replays a set of cassettes and checks that every operation was exercised.
async fn replay_all(cassettes: &[Cassette]) {
    let mut operations = std::collections::BTreeSet::new();
    let mut driven = 0;
    for cassette in cassettes {
        driven += replay(cassette).await;
        for i in &cassette.interactions {
            operations.extend(operation_of(&i.request));
        }
    }
    assert!(driven > 0);
    assert_eq!(
        operations.into_iter().collect::<Vec<_>>(),
        [
            "CreateOrgConnections",
            "CreateTeamConnections",
            "DeleteOrgConnections",
            "DeleteTeamConnections",
            "ListOrgConnections",
            "ListTeamConnections",
            "UpdateOrgConnections"
        ],
        "all 7 operations replayed"
    );
}

#[tokio::test]
async fn datadog_recordings_replay_through_the_sdk() {
    let Some(shared) = shared_dir("datadog_recordings_replay_through_the_sdk") else {
        return;
    };
    let root = shared.join("recordings/datadog/cassettes/v2");
    let org = load_all(&root.join("org_connections"));
    let team: Vec<Cassette> = load_all(&root.join("teams"))
        .into_iter()
        .filter(|c| c.name.contains("team-connections"))
        .collect();
    assert_eq!((org.len(), team.len()), (11, 7), "Datadog's scenarios");
    replay_all(&[org, team].concat()).await;
}

#[tokio::test]
async fn own_cassettes_replay_through_the_sdk() {
    replay_all(&load_all(&own_cassettes())).await;
}

#[tokio::test]
async fn preview_operations_need_an_opt_in_and_send_nothing() {
    let cassette = Cassette::load(
        &own_cassettes()
            .join("list_team_connections/List-team-connections-returns-OK-response.json"),
    )
    .unwrap();
    let server = ReplayServer::start(cassette.interactions).await.unwrap();
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .build()
        .unwrap();
    let err = client.list_team_connections().send().await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::PreviewNotEnabled {
                operation: "ListTeamConnections"
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("enable_preview(\"ListTeamConnections\")"),
        "{err}"
    );
    assert!(
        server.received().is_empty(),
        "nothing may be sent before the opt-in"
    );

    let enabled = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .enable_preview("ListTeamConnections")
        .build()
        .unwrap();
    assert!(enabled.is_preview_enabled("ListTeamConnections"));
    assert!(!enabled.is_preview_enabled("CreateTeamConnections"));
}

#[tokio::test]
async fn many_items_and_pages_decode_with_nullable_page_numbers() {
    let many = Cassette::load(&own_cassettes().join(
        "list_org_connections/List-Org-Connections-with-many-items-returns-OK-response.json",
    ))
    .unwrap();
    let server = ReplayServer::start(many.interactions.clone())
        .await
        .unwrap();
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .build()
        .unwrap();
    let mut b = client.list_org_connections();
    for (name, value) in &many.interactions[0].request.query {
        b = match name.as_str() {
            "limit" => b.limit(int(name, value)),
            "offset" => b.offset(int(name, value)),
            _ => b,
        };
    }
    let list = b.send().await.unwrap();
    assert!(list.data.len() >= 25, "{}", list.data.len());
    let ids: std::collections::BTreeSet<_> = list.data.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), list.data.len(), "distinct ids");

    let pages =
        Cassette::load(&own_cassettes().join(
            "list_team_connections/List-team-connections-page-by-page-returns-OK-response.json",
        ))
        .unwrap();
    let server = ReplayServer::start(pages.interactions.clone())
        .await
        .unwrap();
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .enable_all_previews()
        .build()
        .unwrap();
    let mut seen = 0;
    let mut next = Some(0i64);
    while let Some(number) = next {
        let page = client
            .list_team_connections()
            .page_size(2)
            .page_number(number)
            .send()
            .await
            .unwrap();
        let meta = page.meta.and_then(|m| m.page).expect("meta.page");
        seen += page.data.map(|d| d.len()).unwrap_or(0);
        // `next_number` is nullable: present-and-null ends the listing.
        next = match meta.next_number {
            Some(Some(n)) => Some(n),
            Some(None) => None,
            None => panic!("next_number absent on page {number}"),
        };
        assert!(number < 10, "runaway pagination");
    }
    assert_eq!(seen, 5);
    assert!(server.unused().is_empty());
}

/// The harness can fail: when the SDK's request differs from the recording, the server answers 599
/// with a diff against the nearest interaction, and the SDK surfaces it as an API error.
#[tokio::test]
async fn a_request_that_differs_from_the_recording_is_reported_with_a_diff() {
    let cassette = Cassette::load(
        &own_cassettes()
            .join("create_org_connections/Create-Org-Connection-returns-OK-response.json"),
    )
    .unwrap();
    let original = cassette.interactions[0].request.clone();
    let mut recorded = cassette.interactions.clone();
    let text = recorded[0].request.body.clone().unwrap();
    assert!(text.contains("\"logs\""), "{text}");
    recorded[0].request.body = Some(text.replace("\"logs\"", "\"metrics\""));
    let server = ReplayServer::start(recorded).await.unwrap();
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .build()
        .unwrap();
    let err = client
        .create_org_connections(body::<OrgConnectionCreateRequest>(&original))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.status().map(|s| s.as_u16()),
        Some(datadog_connections_replay::MISMATCH_STATUS)
    );
    let mismatches = server.mismatches();
    assert_eq!(mismatches.len(), 1);
    let diff = mismatches[0].to_string();
    assert!(
        diff.contains("\"metrics\"") && diff.contains("\"logs\""),
        "{diff}"
    );
    assert!(
        !diff.contains(API_KEY) && !diff.contains(APP_KEY),
        "no secrets in diffs: {diff}"
    );
}
