//! Serves the [`StandIn`] the SDK's workflow examples are recorded against, for
//! `cargo xtask record-examples`: three organisations of one account — the examples' source and
//! sink, and a partner that already shares its logs with the source — the source with two Datadog
//! teams and five GitHub team connections.
//!
//! It prints the environment an example needs (`NAME=value` lines, then `ready`) on stdout and
//! serves until its standard input closes, or for ten minutes at most.

use datadog_connections::models::{
    OrgConnectionCreate, OrgConnectionCreateAttributes, OrgConnectionCreateRelationships,
    OrgConnectionCreateRequest, OrgConnectionOrgRelationship, OrgConnectionOrgRelationshipData,
    OrgConnectionTypeEnum,
};
use datadog_connections::Client;
use datadog_connections_replay::standin::{StandIn, StandInOrg};
use std::io::{Read, Write};
use std::time::Duration;

/// The examples' organisations and teams (the recorded defaults of `sdk/examples/*.rs`).
const SOURCE_ORG: &str = "0879ce27-29a1-481f-a12e-bc2a48ec9ae1";
const SINK_ORG: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";
const PARTNER_ORG: &str = "6f1a3c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const TEAM: &str = "aeadc05e-98a8-11ec-ac2c-da7ad0900001";
const CONNECTED_TEAM: &str = "@MyGitHubAccount/my-platform-team";
/// The keys are the stand-in's own; the recorder scrubs them from the cassettes anyway.
const KEYS: [&str; 6] = [
    "standin-source-api-key-0001",
    "standin-source-app-key-0001",
    "standin-sink-api-key-0002",
    "standin-sink-app-key-0002",
    "standin-partner-api-key-0003",
    "standin-partner-app-key-0003",
];
const MAX_SERVING: Duration = Duration::from_secs(600);

/// The partner organisation connects the source organisation (sharing logs), so the source has a
/// connection before the examples start.
async fn partner_shares_logs(
    base_url: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let partner = Client::builder()
        .api_key(KEYS[4])
        .app_key(KEYS[5])
        .base_url(base_url)
        .build()?;
    let request = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
        OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Logs]),
        OrgConnectionCreateRelationships::new(
            OrgConnectionOrgRelationship::new()
                .data(OrgConnectionOrgRelationshipData::new().id(SOURCE_ORG)),
        ),
    ));
    partner.create_org_connections(request).send().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let source = StandInOrg::new(SOURCE_ORG, "Example Org", KEYS[0], KEYS[1])
        .team(TEAM, "Platform", "platform")
        .team(
            "b8626d7e-cedd-11eb-abf5-da7ad0900001",
            "Payments",
            "payments",
        )
        .team_connections(5);
    let sink = StandInOrg::new(SINK_ORG, "Sink Org", KEYS[2], KEYS[3]);
    let partner = StandInOrg::new(PARTNER_ORG, "Partner Org", KEYS[4], KEYS[5]);
    let server = StandIn::start(vec![source, sink, partner]).await?;
    partner_shares_logs(&server.base_url())
        .await
        .map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    for (name, value) in [
        ("DD_SITE", server.base_url().as_str()),
        ("DD_API_KEY", KEYS[0]),
        ("DD_APP_KEY", KEYS[1]),
        ("SINK_ORG_ID", SINK_ORG),
        ("SINK_API_KEY", KEYS[2]),
        ("SINK_APP_KEY", KEYS[3]),
        ("TEAM_ID", TEAM),
        ("CONNECTED_TEAM_ID", CONNECTED_TEAM),
    ] {
        writeln!(out, "{name}={value}")?;
    }
    writeln!(out, "ready")?;
    out.flush()?;
    drop(out);
    // Serve until stdin closes (the parent is done) or the bound expires.
    let stdin_closed = tokio::task::spawn_blocking(|| {
        let mut rest = Vec::new();
        std::io::stdin().lock().read_to_end(&mut rest)
    });
    let _ = tokio::time::timeout(MAX_SERVING, stdin_closed).await;
    Ok(())
}
