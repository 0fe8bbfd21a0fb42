//! The runtime of SDKs generated from OpenAPI documents.
//!
//! A generated crate describes its API as data — an [`Api`] (servers, security schemes, Preview
//! operations) and one [`Operation`] constant per request builder — and sends every request
//! through this crate's single path, [`Client::execute`]. Everything that behaves lives here,
//! written once: auth mechanisms, server URL templates, retries with backoff, timeouts and a
//! deadline, rate-limit headers, errors that keep the raw body, request and response encodings,
//! the serde support generated models use, and the pagination engine. Nothing here knows any
//! particular API.
//!
//! # What generated code uses
//!
//! | item | role |
//! |---|---|
//! | [`Api`], [`Server`], [`ServerVariable`], [`SecurityScheme`] | the API's description, a `static` per generated crate |
//! | [`ClientBuilder`], [`Client`] | configuration and the connection pool; a generated crate wraps both with setters named after its schemes and servers |
//! | [`Operation`], [`Method`], [`Request`], [`ParamValue`], [`encode_path_segment`], [`encode_path_param`], [`QueryStyle`], [`DeepArrays`], [`PathStyle`] | what a request builder fills in (parameters of every style, bodies) |
//! | [`Client::send`], [`ResponseFuture`], [`BodyFuture`], [`send`]'s decodings; [`Client::execute`], [`RawResponse`], [`ApiResponse`] | sending, and decoding the answer |
//! | [`Multipart`], [`FilePart`] | `multipart/form-data` bodies |
//! | [`UploadBody`], [`ByteStream`], [`Client::send_stream`], [`StreamFuture`], [`StreamBodyFuture`] | binary bodies that are not held in memory: uploads from bytes, a file or a stream; downloads as a stream |
//! | [`serde_support`], [`serialize_struct!`], [`deserialize_struct!`], [`deserialize_union!`], [`string_enum!`] | model encoding, and decoding that keeps unknown properties and shapes |
//! | [`pagination`] | streams over paginated operations, driven by data the generator derives from the spec |
//!
//! This is a public, versioned API: generated crates depend on it by version, and a change to any
//! item above is a semver change of this crate.
//!
//! # Features
//!
//! | feature | default | what it does |
//! |---|---|---|
//! | `rustls` | yes | TLS with [rustls] and its aws-lc-rs crypto provider (reqwest's `rustls`). `aws-lc-sys` compiles C: it needs a C compiler (and CMake on some targets) |
//! | `rustls-no-provider` | no | TLS with rustls and no crypto provider compiled in: the application installs one as the process default before building a client. With a pure-Rust provider the build needs no C toolchain |
//! | `native-tls` | no | TLS with the platform's library ([native-tls]): OpenSSL on Linux (its headers and `pkg-config`), Security.framework on macOS, SChannel on Windows |
//! | `http2` | yes | HTTP/2, negotiated by ALPN |
//! | `gzip` | yes | `Accept-Encoding: gzip` and decompression; the body limit counts decompressed bytes |
//!
//! Generated crates forward the same features (with `default-features = false` on this crate), so
//! the choice is made once, on the generated crate.
//!
//! - **No provider installed.** With `rustls-no-provider` as the only TLS feature,
//!   [`ClientBuilder::build`] returns [`ConfigError::NoCryptoProvider`] when no rustls
//!   `CryptoProvider` is installed (reqwest itself would panic). Install one first, for example a
//!   pure-Rust one: `rustls_rustcrypto::provider().install_default()`, or
//!   `rustls_graviola::default_provider().install_default()` (x86_64 and aarch64), or
//!   `rustls::crypto::ring::default_provider().install_default()` (ring compiles C too, but needs no
//!   CMake). A reqwest client of your own ([`ClientBuilder::http_client`]) needs the provider as well.
//! - **No TLS feature.** The client speaks plain HTTP only (a loopback test server, a local
//!   proxy): `build` refuses an `https` base URL or per-operation URL with
//!   [`ConfigError::TlsNotEnabled`], and a call to an operation whose own server is `https` fails
//!   with the same error before anything is sent (reqwest would fail every attempt with "scheme is
//!   not http"). A client given its own reqwest client is not checked.
//! - **Both backends.** With `native-tls` and a rustls feature, reqwest uses native-tls.
//! - **Feature unification.** Cargo features add up across a build: if another crate enables
//!   reqwest's `rustls` or `native-tls`, reqwest has that backend too, but this crate's checks
//!   follow its own features. Enable the feature here as well, or pass that client to
//!   [`ClientBuilder::http_client`].
//!
//! [rustls]: https://docs.rs/rustls
//! [native-tls]: https://docs.rs/native-tls

mod additional_properties;
mod api;
mod auth;
mod body;
mod client;
mod config;
mod error;
mod options;
pub mod pagination;
mod param_style;
mod rate_limit;
mod request;
mod response;
mod retry;
pub mod send;
pub mod serde_support;
mod server;
mod stream;
mod transport;
mod unknown_value;
mod upload;

pub use api::Api;
pub use auth::{ApiKeyLocation, Credential, SchemeKind, Secret, SecurityScheme};
pub use body::{FilePart, Multipart};
pub use client::Client;
pub use config::ClientBuilder;
pub use error::{
    redact_url, ApiError, ApiErrorKind, ConfigError, DecodeError, Error, ErrorMessages, TimeoutKind,
};
pub use options::RequestOptions;
pub use param_style::{DeepArrays, PathStyle, QueryStyle};
pub use rate_limit::{RateLimit, RateLimitHeaders, ResetKind};
pub use request::{encode_path_param, encode_path_segment, Method, Operation, ParamValue, Request};
pub use response::{ApiResponse, RawResponse};
pub use retry::RetryPolicy;
pub use send::{BodyFuture, ResponseFuture, StreamBodyFuture, StreamFuture};
pub use server::{Server, ServerVariable};
pub use stream::ByteStream;
pub use transport::check_crypto_provider;
pub use upload::UploadBody;

/// The HTTP client the runtime sends with (for [`ClientBuilder::http_client`]).
pub use reqwest;
/// The serde version generated models are written against (re-exported so the decoding macros
/// work in any crate).
pub use serde;
/// The serde_json version generated models keep unknown properties in.
pub use serde_json;

/// Reads an environment variable, treating an unset, empty or blank value as absent.
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
