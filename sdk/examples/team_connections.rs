//! Team connections (Preview), end to end: list the connections from one source page by page,
//! connect a Datadog team to a team in that source, find the new connection with a filter, and
//! delete it.
//!
//! ```text
//! cargo run -p datadog-connections --example team_connections                 # offline, replayed
//! DD_API_KEY=… DD_APP_KEY=… TEAM_ID=<datadog team id> CONNECTED_TEAM_ID=<github team id> \
//!     cargo run -p datadog-connections --example team_connections              # against Datadog
//! ```
//!
//! Offline, the example replays `examples/cassettes/team_connections.json`;
//! `DD_TESTKIT_MODE=record` (with keys) re-records it.

mod support;

use datadog_connections::models::{
    ConnectedTeamRef, ConnectedTeamRefData, TeamConnection, TeamConnectionAttributes,
    TeamConnectionCreateData, TeamConnectionCreateRequest, TeamConnectionDeleteRequest,
    TeamConnectionDeleteRequestDataItem, TeamConnectionRelationships, TeamRef, TeamRefData,
};
use datadog_connections_testkit::Session;
use futures_util::{StreamExt, TryStreamExt};
use support::Outcome;

const NAME: &str = "team_connections";
/// The Datadog team and the GitHub team of the recording.
const RECORDED_TEAM: &str = "aeadc05e-98a8-11ec-ac2c-da7ad0900001";
const RECORDED_CONNECTED_TEAM: &str = "@MyGitHubAccount/my-platform-team";
/// The source the example lists and connects.
const SOURCE: &str = "github";
/// A small page size, so the listing takes several pages.
const PAGE_SIZE: i64 = 2;

#[tokio::main]
async fn main() -> Outcome {
    support::run(NAME, run).await
}

async fn run(session: &Session) -> Outcome {
    let team = support::setting(session, "TEAM_ID", RECORDED_TEAM)?;
    let connected_team = support::setting(session, "CONNECTED_TEAM_ID", RECORDED_CONNECTED_TEAM)?;
    // Team Connections are in Preview: each operation is enabled explicitly.
    let client = session
        .client_builder()
        .enable_preview("ListTeamConnections")
        .enable_preview("CreateTeamConnections")
        .enable_preview("DeleteTeamConnections")
        .build()?;

    // List with a filter, page by page: the stream fetches the next page when it needs it.
    let mut pages = client
        .list_team_connections()
        .filter_sources([SOURCE])
        .page_size(PAGE_SIZE)
        .pages();
    let mut listed = 0;
    let mut page_count = 0;
    while let Some(page) = pages.next().await {
        let connections = page?.data.unwrap_or_default();
        page_count += 1;
        listed += connections.len();
        for connection in &connections {
            println!("page {page_count}  {}", describe(connection));
        }
    }
    println!("listed      {listed} {SOURCE} connection(s) in {page_count} page(s)");

    // Create: connect the Datadog team to the team in the source system.
    let relationships = TeamConnectionRelationships::new()
        .team(TeamRef::new().data(TeamRefData::new(team.as_str())))
        .connected_team(
            ConnectedTeamRef::new().data(ConnectedTeamRefData::new(connected_team.as_str())),
        );
    let data = TeamConnectionCreateData::new()
        .attributes(TeamConnectionAttributes::new().source(SOURCE))
        .relationships(relationships);
    let created = client
        .create_team_connections(TeamConnectionCreateRequest::new(vec![data]))
        .send()
        .await?
        .data
        .unwrap_or_default();
    let Some(connection) = created.first() else {
        return Err("the API created no team connection".into());
    };
    println!("created     {}", describe(connection));
    let id = connection.id.clone();

    // Find it again with filters, item by item.
    let found: Vec<TeamConnection> = client
        .list_team_connections()
        .filter_team_ids([team.as_str()])
        .filter_connection_ids([id.as_str()])
        .into_stream()
        .try_collect()
        .await?;
    println!("found       {} connection(s) with id {id}", found.len());

    // Delete it.
    let delete = TeamConnectionDeleteRequest::new(vec![TeamConnectionDeleteRequestDataItem::new(
        id.as_str(),
    )]);
    client.delete_team_connections(delete).send().await?;
    let left = client
        .list_team_connections()
        .filter_connection_ids([id.as_str()])
        .send()
        .await?
        .data
        .unwrap_or_default();
    println!(
        "deleted     {id} (listed afterwards: {})",
        if left.is_empty() { "no" } else { "yes" }
    );
    if !left.is_empty() {
        return Err(format!("team connection {id} is still listed after its deletion").into());
    }
    Ok(())
}

/// `<id>: <datadog team> <-> <connected team> (<source>)`.
fn describe(connection: &TeamConnection) -> String {
    let relationships = connection.relationships.as_ref();
    let team = relationships
        .and_then(|r| r.team.as_ref())
        .and_then(|t| t.data.as_ref())
        .map_or("?", |d| d.id.as_str());
    let connected = relationships
        .and_then(|r| r.connected_team.as_ref())
        .and_then(|t| t.data.as_ref())
        .map_or("?", |d| d.id.as_str());
    let source = connection
        .attributes
        .as_ref()
        .and_then(|a| a.source.as_deref())
        .unwrap_or("?");
    format!("{}: {team} <-> {connected} ({source})", connection.id)
}

#[cfg(test)]
mod tests {
    /// The example, replayed from its bundled cassette: every request must match the recording,
    /// and every recorded request must be sent.
    #[tokio::test]
    async fn replays_offline() -> super::Outcome {
        super::support::replay(super::NAME, super::run).await
    }
}
