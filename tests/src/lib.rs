//! The workspace's integration tests for the Datadog connections SDK, and what only they need: the
//! soak server ([`chaos`]), the raw wire recorder ([`raw`]) and the locator for Datadog's reference
//! data ([`shared`]). Cassettes, replay and scripted failures come from the published test kit,
//! `datadog-connections-testkit`, re-exported here.
//!
//! # Cassettes
//!
//! [`Cassette::load`] / [`Cassette::from_json`] read VCR cassettes as Datadog records them (see
//! [`cassette`] for the format) into [`Interaction`]s: a [`RecordedRequest`] (method, percent-decoded
//! path, decoded query pairs, headers, optional body) and a [`RecordedResponse`] (status, reason,
//! headers, body). Bad input never panics: it is a [`CassetteError`]. [`cassette_files`] lists the
//! cassettes of a directory tree.
//!
//! ```text
//! Cassette::load(path: &Path) -> Result<Cassette, CassetteError>          // name = file stem
//! Cassette::from_json(name: &str, json: &str) -> Result<Cassette, CassetteError>
//! cassette_files(dir: &Path) -> Result<Vec<PathBuf>, CassetteError>
//! RecordedRequest::json_body(&self) -> Option<Result<serde_json::Value, serde_json::Error>>
//! RecordedRequest::path_and_query(&self) -> String                       // re-encoded target
//! ```
//!
//! # Replay
//!
//! [`ReplayServer::start`] serves interactions over HTTP/1.1 on `127.0.0.1:<ephemeral port>` until it
//! is dropped (or [`ReplayServer::shutdown`]):
//!
//! ```text
//! ReplayServer::start(interactions: Vec<Interaction>) -> std::io::Result<ReplayServer>   (async)
//! ReplayServer::base_url(&self) -> String        // "http://127.0.0.1:PORT"
//! ReplayServer::received(&self) -> Vec<ReceivedRequest>
//! ReplayServer::mismatches(&self) -> Vec<Mismatch>
//! ReplayServer::unused(&self) -> Vec<usize>
//! ```
//!
//! Matching (see [`matching`]) follows Datadog's replay: method, percent-decoded path, query pairs as a
//! multiset, and the body compared as JSON when both sides parse as JSON (else as exact text; empty
//! equals absent); scheme, host, port and headers are ignored. Each interaction is served at most
//! once, the earliest unused match first, replaying its status, reason phrase, headers (minus
//! hop-by-hop and framing headers) and body. A request matching nothing gets status
//! [`MISMATCH_STATUS`] (599) and a plain-text body: the [`Mismatch`], a unified diff against the
//! nearest recorded interaction. Values of credential headers (`DD-API-KEY`, `DD-APPLICATION-KEY`,
//! `Authorization`, ...) are never displayed: `Debug` shows them as `<redacted>`.
//!
//! # Soak
//!
//! [`chaos::ChaosServer`] plays a small connections API and injects faults into a share of the
//! requests (resets before and after a write, 5xx, 429, slow, oversized and gzip-bomb bodies),
//! counting every write it applies; `examples/soak.rs` (`cargo xtask soak`) drives it.
//!
//! # Reference data
//!
//! [`shared::shared_dir`] locates Datadog's own recordings and specs (outside this repository), or
//! returns `None` so tests can skip.

pub mod chaos;
pub mod raw;
pub mod shared;
pub mod standin;

// The cassette, replay and fault-injection support is the published test kit's; re-exported under
// the paths these tests have always used.
pub use datadog_connections_testkit::{
    cassette, cassette_files, error, fault, matching, mismatch, received, redact, server,
    CanonicalBody, CanonicalRequest, Cassette, CassetteError, Interaction, Matcher, Mismatch,
    ReceivedRequest, RecordedRequest, RecordedResponse, ReplayServer, MISMATCH_REASON,
    MISMATCH_STATUS,
};
