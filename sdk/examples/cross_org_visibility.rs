//! The cross-organisation visibility flow: the source organisation connects a sink organisation,
//! both organisations list the connection, and the sink deletes it (either side may).
//!
//! ```text
//! cargo run -p datadog-connections --example cross_org_visibility             # offline, replayed
//! DD_API_KEY=… DD_APP_KEY=…                  # the source organisation's keys
//! SINK_ORG_ID=<uuid> SINK_API_KEY=… SINK_APP_KEY=…   # the sink organisation's
//!     cargo run -p datadog-connections --example cross_org_visibility          # against Datadog
//! ```
//!
//! Both organisations must be in the same Datadog site. Offline, the example replays
//! `examples/cassettes/cross_org_visibility.json`; `DD_TESTKIT_MODE=record` (with keys)
//! re-records it.

mod support;

use datadog_connections::models::{
    OrgConnectionCreate, OrgConnectionCreateAttributes, OrgConnectionCreateRelationships,
    OrgConnectionCreateRequest, OrgConnectionOrgRelationship, OrgConnectionOrgRelationshipData,
    OrgConnectionTypeEnum,
};
use datadog_connections::Client;
use datadog_connections_testkit::Session;
use support::Outcome;

const NAME: &str = "cross_org_visibility";
/// The organisations of the recording.
const RECORDED_SOURCE_ORG: &str = "0879ce27-29a1-481f-a12e-bc2a48ec9ae1";
const RECORDED_SINK_ORG: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";

#[tokio::main]
async fn main() -> Outcome {
    support::run(NAME, run).await
}

async fn run(session: &Session) -> Outcome {
    let sink_org = support::setting(session, "SINK_ORG_ID", RECORDED_SINK_ORG)?;
    // The source organisation's client uses DD_API_KEY and DD_APP_KEY; the sink's its own keys.
    let source = session.client_builder().build()?;
    let sink = session
        .client_builder()
        .api_key(support::setting(session, "SINK_API_KEY", "(replayed)")?)
        .app_key(support::setting(session, "SINK_APP_KEY", "(replayed)")?)
        .build()?;

    // 1. The source organisation shares its logs with the sink organisation.
    let request = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
        OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Logs]),
        OrgConnectionCreateRelationships::new(
            OrgConnectionOrgRelationship::new()
                .data(OrgConnectionOrgRelationshipData::new().id(sink_org.as_str())),
        ),
    ));
    let created = source.create_org_connections(request).send().await?.data;
    let id = created.id;
    let source_org = created
        .relationships
        .source_org
        .as_ref()
        .and_then(|r| r.data.as_ref())
        .and_then(|d| d.id.clone())
        .unwrap_or_else(|| RECORDED_SOURCE_ORG.to_owned());
    println!("source org {source_org} created connection {id} to sink org {sink_org}");

    // 2. Both sides see it: the source among the connections to the sink, the sink among the
    //    connections from the source.
    let seen_by_source = lists(&source, "source", |r| r.sink_org_id(sink_org.as_str()), id).await?;
    let seen_by_sink = lists(&sink, "sink", |r| r.source_org_id(source_org.as_str()), id).await?;
    if !(seen_by_source && seen_by_sink) {
        return Err(format!("connection {id} is not visible from both organisations").into());
    }

    // 3. The sink organisation deletes it; neither side lists it any more.
    sink.delete_org_connections(id).send().await?;
    println!("sink org deleted connection {id}");
    let after_source = lists(&source, "source", |r| r.sink_org_id(sink_org.as_str()), id).await?;
    let after_sink = lists(&sink, "sink", |r| r.source_org_id(source_org.as_str()), id).await?;
    if after_source || after_sink {
        return Err(format!("connection {id} is still listed after its deletion").into());
    }
    Ok(())
}

/// Lists `who`'s connections with `filter` applied, prints them, and says whether `id` is among
/// them.
async fn lists(
    client: &Client,
    who: &str,
    filter: impl FnOnce(
        datadog_connections::operations::ListOrgConnectionsRequest,
    ) -> datadog_connections::operations::ListOrgConnectionsRequest,
    id: uuid::Uuid,
) -> Result<bool, datadog_connections::Error> {
    let page = filter(client.list_org_connections()).send().await?;
    let seen = page.data.iter().any(|c| c.id == id);
    println!(
        "  {who:<6} lists {} connection(s); {id} {}",
        page.data.len(),
        if seen { "among them" } else { "not among them" }
    );
    Ok(seen)
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
