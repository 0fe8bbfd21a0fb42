// A downstream crate's test, as the test kit's documentation shows it (the crate docs include this
// file): the code under test gets a client from a `Session` replaying a cassette, offline.
use datadog_connections::models::OrgConnectionTypeEnum;
use datadog_connections::Client;
use datadog_connections_testkit::Session;

/// The code under test: the ids of the connections that share logs.
async fn logs_connections(client: &Client) -> Result<Vec<String>, datadog_connections::Error> {
    let page = client.list_org_connections().send().await?;
    Ok(page
        .data
        .into_iter()
        .filter(|c| {
            c.attributes
                .connection_types
                .contains(&OrgConnectionTypeEnum::Logs)
        })
        .map(|c| c.id.to_string())
        .collect())
}

#[tokio::test]
async fn finds_the_logs_connections() -> Result<(), Box<dyn std::error::Error>> {
    // Replayed by default; DD_TESTKIT_MODE=record re-records it from the API in DD_SITE.
    let cassette = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cassettes/list_logs_connections.json"
    );
    let session = Session::start(cassette).await?;
    let client = session.client_builder().build()?;

    let ids = logs_connections(&client).await?;

    assert_eq!(
        ids,
        [
            "0f309419-68b4-56dd-ba3e-91473ee2445a",
            "0775dd45-c67d-5af4-af21-257330f932ad"
        ]
    );
    // Fails, with a diff against the nearest recorded request, if the code sent anything the
    // cassette does not hold or left a recorded request unsent.
    session.finish()?;
    Ok(())
}
