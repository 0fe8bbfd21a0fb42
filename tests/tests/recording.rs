//! Recording end to end: the test kit's recorder in front of the loopback stand-in for Datadog,
//! the SDK driving a workflow through it, the cassette written, scrubbed, and replayed.

use datadog_connections::models::{
    OrgConnectionCreate, OrgConnectionCreateAttributes, OrgConnectionCreateRelationships,
    OrgConnectionCreateRequest, OrgConnectionOrgRelationship, OrgConnectionOrgRelationshipData,
    OrgConnectionTypeEnum, OrgConnectionUpdate, OrgConnectionUpdateAttributes,
    OrgConnectionUpdateRequest,
};
use datadog_connections::{Client, ClientBuilder, RetryPolicy};
use datadog_connections_replay::standin::{StandIn, StandInOrg};
use datadog_connections_testkit::{
    Cassette, Mode, Recorder, Scrubber, Session, TestKitError, MISMATCH_STATUS,
};
use std::path::PathBuf;

const SOURCE_ORG: &str = "0879ce27-29a1-481f-a12e-bc2a48ec9ae1";
const SINK_ORG: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";
const SOURCE_API: &str = "recording-source-api-key-7f3a9c";
const SOURCE_APP: &str = "recording-source-app-key-51e0bd";
const SINK_API: &str = "recording-sink-api-key-c0ffee";
const SINK_APP: &str = "recording-sink-app-key-d00dad";
const SECRETS: [&str; 4] = [SOURCE_API, SOURCE_APP, SINK_API, SINK_APP];

async fn standin() -> StandIn {
    StandIn::start(vec![
        StandInOrg::new(SOURCE_ORG, "Example Org", SOURCE_API, SOURCE_APP),
        StandInOrg::new(SINK_ORG, "Sink Org", SINK_API, SINK_APP),
    ])
    .await
    .expect("the stand-in starts")
}

fn temp_cassette(name: &str) -> PathBuf {
    std::env::temp_dir()
        .join(format!("recording-test-{}", std::process::id()))
        .join(format!("{name}.json"))
}

fn client(builder: ClientBuilder, keys: (&str, &str)) -> Client {
    builder
        .api_key(keys.0)
        .app_key(keys.1)
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("client builds")
}

/// The workflow: the source creates a connection to `sink_org`, updates it, both sides list it, the
/// sink deletes it. Returns what it saw, to compare the recorded run with the replayed one.
async fn workflow(source: &Client, sink: &Client, sink_org: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let request = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
        OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Logs]),
        OrgConnectionCreateRelationships::new(
            OrgConnectionOrgRelationship::new()
                .data(OrgConnectionOrgRelationshipData::new().id(sink_org)),
        ),
    ));
    let created = source
        .create_org_connections(request)
        .send()
        .await
        .expect("create")
        .data;
    let id = created.id;
    seen.push(format!("created {id}"));
    let update = OrgConnectionUpdateRequest::new(OrgConnectionUpdate::new(
        OrgConnectionUpdateAttributes::new(vec![
            OrgConnectionTypeEnum::Logs,
            OrgConnectionTypeEnum::Metrics,
        ]),
        id,
    ));
    let updated = source
        .update_org_connections(id, update)
        .send()
        .await
        .expect("update")
        .data;
    seen.push(format!("updated {:?}", updated.attributes.connection_types));
    for (who, client) in [("source", source), ("sink", sink)] {
        let page = client.list_org_connections().send().await.expect("list");
        seen.push(format!(
            "{who} lists {:?}",
            page.data.iter().map(|c| c.id).collect::<Vec<_>>()
        ));
    }
    sink.delete_org_connections(id)
        .send()
        .await
        .expect("delete");
    seen.push(format!("deleted {id}"));
    seen
}

#[tokio::test]
async fn a_recorded_workflow_is_scrubbed_and_replays_identically() {
    let standin = standin().await;
    let recorder = Recorder::start(&standin.base_url())
        .await
        .expect("recorder");
    let base = || Client::builder().base_url(recorder.base_url());
    let live = workflow(
        &client(base(), (SOURCE_API, SOURCE_APP)),
        &client(base(), (SINK_API, SINK_APP)),
        SINK_ORG,
    )
    .await;
    assert_eq!(standin.requests(), 5, "every request reached the stand-in");
    assert!(recorder.upstream_failures().is_empty());

    let path = temp_cassette("workflow");
    recorder.save(&path).expect("the cassette is written");
    let text = std::fs::read_to_string(&path).expect("cassette readable");
    for secret in SECRETS {
        assert!(!text.contains(secret), "the cassette contains a key");
    }
    let cassette = Cassette::load(&path).expect("the written cassette parses");
    assert_eq!(cassette.interactions.len(), 5);
    let methods: Vec<&str> = cassette
        .interactions
        .iter()
        .map(|i| i.request.method.as_str())
        .collect();
    assert_eq!(methods, ["POST", "PATCH", "GET", "GET", "DELETE"]);
    for interaction in &cassette.interactions {
        let names: Vec<&str> = interaction
            .request
            .headers
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert!(
            names.iter().all(|n| ["Accept", "Content-Type"].contains(n)),
            "request headers beyond the allowlist: {names:?}"
        );
        assert!(interaction
            .response
            .headers
            .iter()
            .all(|(n, _)| n.eq_ignore_ascii_case("content-type")));
        assert!(interaction.recorded_at.is_some());
    }
    assert!(text.contains("\"uri\": \"http://127.0.0.1/api/v2/org_connections\""));

    // Replayed offline, the same workflow sees exactly what it saw live, and uses every interaction.
    drop(standin);
    let session = Session::start_in(Mode::Replay, &path)
        .await
        .expect("replay starts");
    let replayed = workflow(
        &client(session.client_builder(), ("other", "keys")),
        &client(session.client_builder(), ("other", "keys")),
        SINK_ORG,
    )
    .await;
    assert_eq!(replayed, live);
    session
        .finish()
        .expect("every request matched, every interaction was used");
}

#[tokio::test]
async fn a_replay_that_strays_fails_with_a_diff_and_shows_no_keys() {
    let standin = standin().await;
    let recorder = Recorder::start(&standin.base_url())
        .await
        .expect("recorder");
    let source = client(
        Client::builder().base_url(recorder.base_url()),
        (SOURCE_API, SOURCE_APP),
    );
    source
        .list_org_connections()
        .sink_org_id(SINK_ORG)
        .send()
        .await
        .expect("list");
    let path = temp_cassette("strays");
    recorder.save(&path).expect("saved");

    let session = Session::start_in(Mode::Replay, &path)
        .await
        .expect("replay");
    let replaying = client(session.client_builder(), (SOURCE_API, SOURCE_APP));
    let error = replaying
        .list_org_connections()
        .sink_org_id(SOURCE_ORG)
        .send()
        .await
        .expect_err("a request the cassette does not hold fails");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(MISMATCH_STATUS));
    let Err(TestKitError::Replay(report)) = session.finish() else {
        panic!("finish reports the mismatch");
    };
    let text = report.to_string();
    assert!(
        text.contains("1 unmatched request(s), 1 unused interaction(s)"),
        "{text}"
    );
    assert!(
        text.contains(&format!("-query sink_org_id={SINK_ORG}")),
        "{text}"
    );
    assert!(
        text.contains(&format!("+query sink_org_id={SOURCE_ORG}")),
        "{text}"
    );
    assert!(text.contains("#0 GET /api/v2/org_connections"), "{text}");
    for secret in SECRETS {
        assert!(!text.contains(secret));
    }
}

#[tokio::test]
async fn the_client_gets_the_real_answer_while_the_cassette_gets_the_scrubbed_one() {
    let standin = standin().await;
    let recorder = Recorder::start_with(
        &standin.base_url(),
        Scrubber::default().replace("Sink Org", "Another Org"),
    )
    .await
    .expect("recorder");
    let source = client(
        Client::builder().base_url(recorder.base_url()),
        (SOURCE_API, SOURCE_APP),
    );
    let request = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
        OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Audit]),
        OrgConnectionCreateRelationships::new(
            OrgConnectionOrgRelationship::new()
                .data(OrgConnectionOrgRelationshipData::new().id(SINK_ORG)),
        ),
    ));
    let created = source
        .create_org_connections(request)
        .send()
        .await
        .expect("create")
        .data;
    let sink_name = created
        .relationships
        .sink_org
        .and_then(|r| r.data)
        .and_then(|d| d.name);
    assert_eq!(sink_name.as_deref(), Some("Sink Org"));
    let recorded = recorder.interactions();
    assert!(recorded[0]
        .response
        .body
        .contains("\"name\":\"Another Org\""));
    assert_eq!(recorded.len(), 1);
    assert!(!recorded[0].response.body.contains("Sink Org"));
}

#[tokio::test]
async fn an_unreachable_api_is_a_502_and_is_not_recorded() {
    // A port that was just free: nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let recorder = Recorder::start(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("recorder");
    let source = client(
        Client::builder().base_url(recorder.base_url()),
        (SOURCE_API, SOURCE_APP),
    );
    let error = source
        .list_org_connections()
        .send()
        .await
        .expect_err("the recorder answers 502");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert!(recorder.interactions().is_empty());
    let failures = recorder.upstream_failures();
    assert_eq!(failures.len(), 1);
    assert!(
        failures[0].starts_with("GET /api/v2/org_connections"),
        "{failures:?}"
    );
}
