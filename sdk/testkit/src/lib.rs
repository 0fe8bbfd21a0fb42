//! Test kit for code that uses the [`datadog_connections`] SDK: run it against recorded HTTP
//! exchanges on loopback, offline, in `cargo test`.
//!
//! - [`Session`]: the usual entry point. One cassette per test; `DD_TESTKIT_MODE` chooses to
//!   **replay** it (the default, offline), **record** it again from the live API (keys from
//!   `DD_API_KEY` / `DD_APP_KEY`, site from `DD_SITE`), or run **live**. It hands out a
//!   [`ClientBuilder`](datadog_connections::ClientBuilder) pointed at the right place, and
//!   [`Session::finish`] fails with a readable diff when the code sent a request the cassette did not
//!   record.
//! - [`ReplayServer`]: replays [`Cassette`]s in Datadog's VCR format (the format of the recordings
//!   in Datadog's own client repositories; see [`cassette`]). Matching follows Datadog's replay:
//!   method, path, query pairs as a multiset, and the body compared as JSON. Each interaction is
//!   served once; a request that matches nothing gets status [`MISMATCH_STATUS`] and is reported by
//!   [`ReplayServer::verify`] as a [`Mismatch`]: a unified diff against the nearest recorded request.
//! - [`FaultServer`]: ad-hoc responses and failure sequences without a cassette: a script of
//!   [`Fault`]s (a status with headers and a body, a delay, a connection reset, a stall, a redirect),
//!   one per request, for testing retries, timeouts and error handling.
//! - [`Recorder`]: a recording proxy in front of the live API; [`Scrubber`] removes credentials
//!   (wherever they occur) and volatile headers before anything is written.
//!
//! Credentials never appear in this crate's output: `Debug` and mismatch diffs redact them, and
//! recorded cassettes never contain them.
//!
//! # A test
//!
//! `Cargo.toml`:
//!
//! ```toml
//! [dev-dependencies]
//! datadog-connections-testkit = "0.1"
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! ```
//!
//! `tests/connections.rs`, with the cassette in `tests/cassettes/list_logs_connections.json`
//! (record it with `DD_TESTKIT_MODE=record cargo test`, or write it by hand). This is the test kit's
//! own `tests/downstream.rs`, which runs in its `cargo test`:
//!
#![doc = concat!("```no_run\n", include_str!("../tests/downstream.rs"), "```")]
//!
//! For failures, script a [`FaultServer`]:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use datadog_connections::{Client, RetryPolicy};
//! use datadog_connections_testkit::{Fault, FaultServer};
//! use std::time::Duration;
//!
//! let server = FaultServer::start(vec![
//!     Fault::json(429, r#"{"errors":["Too many requests"]}"#).header("Retry-After", "0"),
//!     Fault::Reset,
//!     Fault::json(200, r#"{"data":[]}"#).after(Duration::from_millis(20)),
//! ])
//! .await?;
//! let client = Client::builder()
//!     .api_key("test")
//!     .app_key("test")
//!     .base_url(server.base_url())
//!     .retry_policy(RetryPolicy::new().base_delay(Duration::from_millis(1)))
//!     .build()?;
//! let page = client.list_org_connections().send().await?; // retried twice, then answered
//! assert!(page.data.is_empty());
//! assert_eq!(server.request_count(), 3);
//! # Ok(()) }
//! ```

pub mod cassette;
pub mod error;
pub mod fault;
pub mod matching;
pub mod mismatch;
pub mod received;
pub mod record;
pub mod redact;
pub mod scrub;
mod serve;
pub mod server;
pub mod session;
pub mod write;

pub use cassette::{cassette_files, Cassette, Interaction, RecordedRequest, RecordedResponse};
pub use error::{CassetteError, TestKitError};
pub use fault::{Fault, FaultServer};
pub use matching::{CanonicalBody, CanonicalRequest, Matcher};
pub use mismatch::Mismatch;
pub use received::ReceivedRequest;
pub use record::Recorder;
pub use scrub::Scrubber;
pub use server::{ReplayReport, ReplayServer, MISMATCH_REASON, MISMATCH_STATUS};
pub use session::{Mode, Session, ENV_MODE};
