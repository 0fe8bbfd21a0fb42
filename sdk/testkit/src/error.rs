//! Typed errors for reading cassettes: every way a cassette file can be unreadable or malformed.

use std::path::PathBuf;

/// Why a cassette could not be read or understood.
///
/// `cassette` names the cassette (its file stem, or the name given to [`crate::Cassette::from_json`]);
/// `location` says where inside it the problem is, e.g. `interaction 2 request`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CassetteError {
    /// The file (or a directory being listed) could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or directory that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid JSON.
    #[error("cassette {cassette}: malformed JSON: {source}")]
    MalformedJson {
        /// The cassette's name.
        cassette: String,
        /// The JSON parser's error (it carries line and column).
        #[source]
        source: serde_json::Error,
    },
    /// A field the VCR format requires is absent.
    #[error("cassette {cassette}: {location}: missing field `{field}`")]
    MissingField {
        /// The cassette's name.
        cassette: String,
        /// Where the field was expected, e.g. `interaction 0 response`.
        location: String,
        /// The missing field's name.
        field: String,
    },
    /// A field is present but its value is unusable (wrong JSON type, unparsable URI, bad status...).
    #[error("cassette {cassette}: {location}: field `{field}` {problem}")]
    InvalidField {
        /// The cassette's name.
        cassette: String,
        /// Where the field is, e.g. `interaction 0 request`.
        location: String,
        /// The field's name.
        field: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A body declares an encoding other than text (`null` or `UTF-8`).
    #[error("cassette {cassette}: {location}: unsupported body encoding {encoding:?} (only null and \"UTF-8\" are supported)")]
    UnsupportedEncoding {
        /// The cassette's name.
        cassette: String,
        /// Which body, e.g. `interaction 1 response body`.
        location: String,
        /// The declared encoding.
        encoding: String,
    },
}

/// Why a test-kit [`Session`](crate::Session) could not start or finish.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TestKitError {
    /// The cassette could not be read or written.
    #[error(transparent)]
    Cassette(#[from] CassetteError),
    /// A loopback server could not be started.
    #[error("cannot start a loopback server: {0}")]
    Io(#[from] std::io::Error),
    /// `DD_TESTKIT_MODE` has a value other than `replay`, `record` or `live`.
    #[error("{variable}={value:?} is not a test-kit mode (expected replay, record or live)")]
    InvalidMode {
        /// The environment variable.
        variable: &'static str,
        /// Its value.
        value: String,
    },
    /// Recording or live mode needs a client configured from the environment, and it is not.
    #[error("{mode} mode needs DD_API_KEY and DD_APP_KEY (and DD_SITE for a site other than US1): {source}")]
    Config {
        /// The mode that needed it.
        mode: &'static str,
        /// The SDK's configuration error.
        #[source]
        source: datadog_connections::ConfigError,
    },
    /// Recording or live mode needs credentials in the environment, and there are none.
    #[error("{mode} mode needs DD_API_KEY and DD_APP_KEY (or DD_ACCESS_TOKEN) in the environment")]
    MissingCredentials {
        /// The mode that needed them.
        mode: &'static str,
    },
    /// Replay found requests that match no recorded interaction, or interactions never requested.
    #[error(transparent)]
    Replay(#[from] crate::server::ReplayReport),
    /// The recorder could not reach the live API for some requests.
    #[error("the recorder could not reach the API:\n{}", .0.join("\n"))]
    Upstream(Vec<String>),
}
