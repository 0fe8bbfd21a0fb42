//! Org connections, end to end: create a connection to another organisation, list connections
//! with filters and a page size, change what the connection shares, and delete it.
//!
//! ```text
//! cargo run -p datadog-connections --example org_connections                  # offline, replayed
//! DD_API_KEY=… DD_APP_KEY=… SINK_ORG_ID=<uuid> \
//!     cargo run -p datadog-connections --example org_connections               # against Datadog
//! ```
//!
//! `SINK_ORG_ID` is the organisation to connect to. Offline, the example replays
//! `examples/cassettes/org_connections.json`; `DD_TESTKIT_MODE=record` (with keys) re-records it.

mod support;

use datadog_connections::models::{
    OrgConnection, OrgConnectionCreate, OrgConnectionCreateAttributes,
    OrgConnectionCreateRelationships, OrgConnectionCreateRequest, OrgConnectionOrgRelationship,
    OrgConnectionOrgRelationshipData, OrgConnectionTypeEnum, OrgConnectionUpdate,
    OrgConnectionUpdateAttributes, OrgConnectionUpdateRequest,
};
use datadog_connections_testkit::Session;
use support::Outcome;

const NAME: &str = "org_connections";
/// The sink organisation of the recording.
const RECORDED_SINK_ORG: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";

#[tokio::main]
async fn main() -> Outcome {
    support::run(NAME, run).await
}

async fn run(session: &Session) -> Outcome {
    let sink_org = support::setting(session, "SINK_ORG_ID", RECORDED_SINK_ORG)?;
    let client = session.client_builder().build()?;

    // Create: connect the sink organisation and choose what it may see.
    let sink = OrgConnectionOrgRelationship::new()
        .data(OrgConnectionOrgRelationshipData::new().id(sink_org.as_str()));
    let request = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
        OrgConnectionCreateAttributes::new(vec![
            OrgConnectionTypeEnum::Logs,
            OrgConnectionTypeEnum::Metrics,
        ]),
        OrgConnectionCreateRelationships::new(sink),
    ));
    let created = client.create_org_connections(request).send().await?.data;
    println!("created     {}", describe(&created));
    let id = created.id;

    // List with a filter: the connections to that sink organisation.
    let to_sink = client
        .list_org_connections()
        .sink_org_id(sink_org.as_str())
        .send()
        .await?;
    println!("to the sink {} connection(s)", to_sink.data.len());
    for connection in &to_sink.data {
        println!("            {}", describe(connection));
    }

    // List a page at a time: the first connection this organisation takes part in (as source
    // or as sink), and how many there are in all.
    let page = client
        .list_org_connections()
        .limit(1)
        .offset(0)
        .send()
        .await?;
    let total = page
        .meta
        .as_ref()
        .and_then(|m| m.page.as_ref())
        .and_then(|p| p.total_count);
    println!(
        "first page  {} of {} connection(s)",
        page.data.len(),
        total.map_or_else(|| "?".to_owned(), |t| t.to_string())
    );

    // Update: share logs only.
    let update = OrgConnectionUpdateRequest::new(OrgConnectionUpdate::new(
        OrgConnectionUpdateAttributes::new(vec![OrgConnectionTypeEnum::Logs]),
        id,
    ));
    let updated = client.update_org_connections(id, update).send().await?.data;
    println!("updated     {}", describe(&updated));

    // Delete.
    client.delete_org_connections(id).send().await?;
    let left = client
        .list_org_connections()
        .sink_org_id(sink_org.as_str())
        .send()
        .await?;
    let still_there = left.data.iter().any(|c| c.id == id);
    println!(
        "deleted     {id} (listed afterwards: {})",
        if still_there { "yes" } else { "no" }
    );
    if still_there {
        return Err(format!("connection {id} is still listed after its deletion").into());
    }
    Ok(())
}

/// `<id>: <source org> -> <sink org> [types]`.
fn describe(connection: &OrgConnection) -> String {
    let org = |r: &OrgConnectionOrgRelationship| {
        r.data
            .as_ref()
            .and_then(|d| d.name.clone().or_else(|| d.id.clone()))
            .unwrap_or_else(|| "?".to_owned())
    };
    let relationships = &connection.relationships;
    let types: Vec<&str> = connection
        .attributes
        .connection_types
        .iter()
        .map(|t| t.as_str())
        .collect();
    format!(
        "{}: {} -> {} [{}]",
        connection.id,
        relationships
            .source_org
            .as_ref()
            .map_or_else(|| "?".to_owned(), org),
        relationships
            .sink_org
            .as_ref()
            .map_or_else(|| "?".to_owned(), org),
        types.join(", ")
    )
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
