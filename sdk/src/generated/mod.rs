// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models and operations generated from the Datadog Connections API (1.0).
//!
//! Manage the connections a Datadog organization takes part in.
//!
//! - **Org Connections** connect two Datadog organizations for cross-organization visibility: a
//!   connection lets a destination (sink) organization see data, such as logs or metrics, from a
//!   source organization, so that insights from several organizations of the same account can be
//!   shown in one place. Create a connection from the organization that is to be the source; list
//!   the connections this organization takes part in as source or destination; update which kinds
//!   of data a connection shares; delete a connection from either side.
//! - **Team Connections** relate Datadog teams to teams from external sources, such as GitHub
//!   (Preview).

#[rustfmt::skip]
mod client;
#[rustfmt::skip]
pub mod models;
#[rustfmt::skip]
pub mod operations;

pub use self::client::*;
pub use openapi_sdk_runtime::{
    pagination, ApiError, ApiErrorKind, ApiResponse, ByteStream, ConfigError,
    DecodeError, Error, FilePart, Multipart, RateLimit, RequestOptions, RetryPolicy,
    TimeoutKind, UploadBody,
};
/// An unknown property's exact JSON text, as models keep it in `additional_properties`.
pub use openapi_sdk_runtime::serde_support::RawJson;
/// A string enum value this version does not know, as the enum's `Unknown` variant keeps it.
pub use openapi_sdk_runtime::serde_support::UnknownValue;
