//! An async Rust client for Datadog's **Org Connections** and **Team Connections** (Preview) APIs.
//!
//! Everything here is generated from `spec/datadog-connections.yaml` (and its generator
//! configuration): the models, the request builders, the `Client` and `ClientBuilder` with a
//! setter per security scheme, the `Site` type and the pagination streams. The behaviour — one
//! execute path, auth, retries, timeouts, errors, pagination — is the
//! [`openapi_sdk_runtime`] crate's, which knows no API.
//!
//! The guide below is the repository's README, compiled here as doctests, so the two never drift.
//!
//! ---
//!
#![doc = include_str!("../README.md")]

// Generated code is laid out by the generator (prettyplease), and `cargo xtask check` compares it
// byte for byte: rustfmt leaves it alone.
#[rustfmt::skip]
#[path = "generated/mod.rs"]
mod generated;

pub use generated::*;

#[cfg(test)]
#[deny(warnings)]
pub mod snapshot_fixtures;
