//! An async Rust client for Datadog's **Org Connections** and **Team Connections** (Preview) APIs.
//!
//! Everything here is generated from `spec/datadog-connections.yaml` (and its generator
//! configuration): the models, the request builders, the `Client` and `ClientBuilder` with a
//! setter per security scheme, the `Site` type and the pagination streams. The behaviour — one
//! execute path, auth, retries, timeouts, errors, pagination — is the
//! [`openapi_sdk_runtime`] crate's, which knows no API.
//!
//! ```no_run
//! use datadog_connections::models::{
//!     OrgConnectionCreate, OrgConnectionCreateAttributes, OrgConnectionCreateRelationships,
//!     OrgConnectionCreateRequest, OrgConnectionOrgRelationship, OrgConnectionOrgRelationshipData,
//!     OrgConnectionTypeEnum,
//! };
//! use datadog_connections::{Client, Error};
//!
//! # async fn run() -> Result<(), Error> {
//! // DD_API_KEY, DD_APP_KEY and (optionally) DD_SITE.
//! let client = Client::from_env()?;
//!
//! let page = client.list_org_connections().limit(100).send().await?;
//! for connection in &page.data {
//!     println!("{} {:?}", connection.id, connection.attributes.connection_types);
//! }
//!
//! let sink = OrgConnectionOrgRelationship::default()
//!     .data(OrgConnectionOrgRelationshipData::default().id("83999dcd-7f97-11f0-8de1-1ecf66f1aa85"));
//! let request = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
//!     OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Logs]),
//!     OrgConnectionCreateRelationships::new(sink),
//! ));
//! match client.create_org_connections(request).send().await {
//!     Ok(created) => println!("created {}", created.data.id),
//!     Err(Error::Api(e)) if e.status() == 409 => println!("already connected: {:?}", e.errors()),
//!     Err(e) => return Err(e),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Team Connections are a Preview API: enable each operation on the builder
//! (`ClientBuilder::enable_preview("ListTeamConnections")`) or all of them
//! (`enable_all_previews()`); otherwise they fail with [`Error::PreviewNotEnabled`] before sending.

// Generated code is laid out by the generator (prettyplease), and `cargo xtask check` compares it
// byte for byte: rustfmt leaves it alone.
#[rustfmt::skip]
#[path = "generated/mod.rs"]
mod generated;

pub use generated::*;

#[cfg(test)]
#[deny(warnings)]
pub mod snapshot_fixtures;

/// The README's examples compile as doctests, so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
