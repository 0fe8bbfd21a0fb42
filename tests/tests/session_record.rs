//! `Session` in record mode, as a downstream test or example runs it: configured from the
//! environment (`DD_TESTKIT_MODE`, `DD_SITE`, `DD_API_KEY`, `DD_APP_KEY`), recording the stand-in
//! for Datadog into a cassette, which a replay session then serves.
//!
//! The only test in this binary, because it sets environment variables.

use datadog_connections_replay::standin::{StandIn, StandInOrg};
use datadog_connections_testkit::{Mode, Session, TestKitError};

const ORG: &str = "0879ce27-29a1-481f-a12e-bc2a48ec9ae1";
const API_KEY: &str = "session-record-api-key-4411";
const APP_KEY: &str = "session-record-app-key-9922";

async fn list_ids(session: &Session) -> Vec<String> {
    let client = session.client_builder().build().expect("client builds");
    client
        .list_org_connections()
        .limit(10)
        .send()
        .await
        .expect("list")
        .data
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

#[tokio::test]
async fn a_session_records_from_the_environment_then_replays() {
    let standin = StandIn::start(vec![StandInOrg::new(ORG, "Example Org", API_KEY, APP_KEY)])
        .await
        .expect("stand-in");
    let cassette = std::env::temp_dir()
        .join(format!("session-record-{}", std::process::id()))
        .join("list.json");

    // Without keys, record mode says what it needs.
    std::env::remove_var("DD_API_KEY");
    std::env::remove_var("DD_APP_KEY");
    std::env::remove_var("DD_ACCESS_TOKEN");
    std::env::set_var("DD_SITE", standin.base_url());
    let error = Session::start_in(Mode::Record, &cassette)
        .await
        .expect_err("no keys");
    assert!(
        matches!(error, TestKitError::MissingCredentials { mode: "record" }),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "record mode needs DD_API_KEY and DD_APP_KEY (or DD_ACCESS_TOKEN) in the environment"
    );

    // An unknown mode is an error naming the variable.
    std::env::set_var("DD_TESTKIT_MODE", "recrod");
    let error = Mode::from_env().expect_err("a typo");
    assert!(
        error.to_string().contains("DD_TESTKIT_MODE=\"recrod\""),
        "{error}"
    );

    std::env::set_var("DD_TESTKIT_MODE", "record");
    std::env::set_var("DD_API_KEY", API_KEY);
    std::env::set_var("DD_APP_KEY", APP_KEY);
    let session = Session::start(&cassette).await.expect("record session");
    assert_eq!(session.mode(), Mode::Record);
    let recorded = list_ids(&session).await;
    assert_eq!(standin.requests(), 1);
    session.finish().expect("the cassette is written");
    let text = std::fs::read_to_string(&cassette).expect("cassette");
    assert!(!text.contains(API_KEY) && !text.contains(APP_KEY));
    assert!(text.contains("\"uri\": \"http://127.0.0.1/api/v2/org_connections?limit=10\""));

    // Replayed with the stand-in gone: the same answer, and nothing left unused.
    drop(standin);
    std::env::set_var("DD_TESTKIT_MODE", "replay");
    let session = Session::start(&cassette).await.expect("replay session");
    assert_eq!(session.mode(), Mode::Replay);
    assert_eq!(list_ids(&session).await, recorded);
    session.finish().expect("replayed exactly");
}
