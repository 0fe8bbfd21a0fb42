//! [`Session`]: one test's or example's connection to the API — a replay of a cassette (the
//! default, offline), a recording of the live API into that cassette, or the live API itself —
//! chosen by [`Mode`], usually from the `DD_TESTKIT_MODE` environment variable.

use std::fmt;
use std::path::{Path, PathBuf};

use datadog_connections::{Client, ClientBuilder};

use crate::cassette::Cassette;
use crate::error::TestKitError;
use crate::record::Recorder;
use crate::scrub::Scrubber;
use crate::server::ReplayServer;

/// The environment variable that selects the [`Mode`]: `replay` (the default), `record` or `live`.
pub const ENV_MODE: &str = "DD_TESTKIT_MODE";

/// The API key a replaying client sends (replay ignores credentials).
pub const REPLAY_API_KEY: &str = "replay-api-key";

/// The application key a replaying client sends.
pub const REPLAY_APP_KEY: &str = "replay-app-key";

/// Where a session's requests go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Answer from the cassette, offline; fail on any request it did not record.
    Replay,
    /// Forward to the live API (keys and site from the environment) and write the cassette,
    /// scrubbed, when the session finishes.
    Record,
    /// Send to the live API and record nothing.
    Live,
}

impl Mode {
    /// The mode `DD_TESTKIT_MODE` names, or [`Mode::Replay`] when it is unset or empty.
    pub fn from_env() -> Result<Mode, TestKitError> {
        Mode::from_env_or(Mode::Replay)
    }

    /// The mode `DD_TESTKIT_MODE` names, or `default` when it is unset or empty (examples default
    /// to [`Mode::Live`] when keys are set).
    pub fn from_env_or(default: Mode) -> Result<Mode, TestKitError> {
        match std::env::var(ENV_MODE) {
            Ok(value) if value.trim().is_empty() => Ok(default),
            Ok(value) => value.parse(),
            Err(_) => Ok(default),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Mode::Replay => "replay",
            Mode::Record => "record",
            Mode::Live => "live",
        }
    }
}

impl std::str::FromStr for Mode {
    type Err = TestKitError;

    fn from_str(value: &str) -> Result<Mode, TestKitError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "replay" => Ok(Mode::Replay),
            "record" => Ok(Mode::Record),
            "live" => Ok(Mode::Live),
            _ => Err(TestKitError::InvalidMode {
                variable: ENV_MODE,
                value: value.to_owned(),
            }),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Record and live mode talk to the API: without credentials every call would fail.
fn require_credentials(mode: &'static str) -> Result<(), TestKitError> {
    let set = |var: &str| std::env::var(var).is_ok_and(|v| !v.trim().is_empty());
    let keys = set(datadog_connections::ENV_API_KEY) && set(datadog_connections::ENV_APP_KEY);
    if keys || set(datadog_connections::ENV_BEARER_TOKEN) {
        Ok(())
    } else {
        Err(TestKitError::MissingCredentials { mode })
    }
}

enum Backend {
    Replay(ReplayServer),
    Record(Recorder),
    Live,
}

/// A cassette-backed session. Start it, build clients with [`client_builder`](Self::client_builder),
/// run the code under test, then [`finish`](Self::finish) it: in replay mode that fails with a
/// readable diff if the code sent anything the cassette did not record, or left recorded requests
/// unsent; in record mode it writes the cassette.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use datadog_connections_testkit::{Mode, Session};
/// # let dir = std::env::temp_dir().join(format!("testkit-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # let cassette = dir.join("list.json");
/// # std::fs::write(&cassette, r#"{"http_interactions":[{"request":{"body":"","headers":{},
/// #   "method":"get","uri":"https://api.datadoghq.com/api/v2/org_connections"},
/// #   "response":{"body":{"string":"{\"data\":[]}","encoding":null},
/// #   "headers":{"Content-Type":["application/json"]},"status":{"code":200,"message":"OK"}}}],
/// #   "recorded_with":"VCR 6.0.0"}"#)?;
/// let session = Session::start_in(Mode::Replay, &cassette).await?;
/// let client = session.client_builder().build()?;
/// let page = client.list_org_connections().send().await?;
/// assert!(page.data.is_empty());
/// session.finish()?;
/// # Ok(()) }
/// ```
pub struct Session {
    mode: Mode,
    cassette: PathBuf,
    backend: Backend,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("mode", &self.mode)
            .field("cassette", &self.cassette)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// Starts a session on the cassette at `cassette`, in the mode `DD_TESTKIT_MODE` names
    /// (replay by default).
    pub async fn start(cassette: impl AsRef<Path>) -> Result<Session, TestKitError> {
        Session::start_in(Mode::from_env()?, cassette).await
    }

    /// Starts a session in `mode`. Replay loads the cassette now; record and live check that the
    /// environment configures a client (`DD_API_KEY`, `DD_APP_KEY`, `DD_SITE`).
    pub async fn start_in(mode: Mode, cassette: impl AsRef<Path>) -> Result<Session, TestKitError> {
        Session::start_with(mode, cassette, Scrubber::default()).await
    }

    /// Like [`start_in`](Self::start_in), recording with `scrubber`'s rules.
    pub async fn start_with(
        mode: Mode,
        cassette: impl AsRef<Path>,
        scrubber: Scrubber,
    ) -> Result<Session, TestKitError> {
        let cassette = cassette.as_ref().to_path_buf();
        let backend = match mode {
            Mode::Replay => {
                let recorded = Cassette::load(&cassette)?;
                Backend::Replay(ReplayServer::start(recorded.interactions).await?)
            }
            Mode::Record => {
                require_credentials("record")?;
                let live = Client::from_env().map_err(|source| TestKitError::Config {
                    mode: "record",
                    source,
                })?;
                Backend::Record(Recorder::start_with(live.base_url(), scrubber).await?)
            }
            Mode::Live => {
                require_credentials("live")?;
                Client::from_env().map_err(|source| TestKitError::Config {
                    mode: "live",
                    source,
                })?;
                Backend::Live
            }
        };
        Ok(Session {
            mode,
            cassette,
            backend,
        })
    }

    /// The session's mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The cassette's path.
    pub fn cassette(&self) -> &Path {
        &self.cassette
    }

    /// Where this session's clients send requests.
    pub fn base_url(&self) -> Option<String> {
        match &self.backend {
            Backend::Replay(server) => Some(server.base_url()),
            Backend::Record(recorder) => Some(recorder.base_url()),
            Backend::Live => None,
        }
    }

    /// A client builder for this session: in replay mode with placeholder keys and the replay
    /// server's URL; in record mode configured from the environment but sending through the
    /// recorder; in live mode configured from the environment. Add what the code under test
    /// needs (Preview operations, retry policy) before building. Setting other keys on it is how
    /// a second organisation's client is made; in replay mode they are ignored.
    pub fn client_builder(&self) -> ClientBuilder {
        match &self.backend {
            Backend::Replay(server) => Client::builder()
                .api_key(REPLAY_API_KEY)
                .app_key(REPLAY_APP_KEY)
                .base_url(server.base_url()),
            Backend::Record(recorder) => ClientBuilder::from_env().base_url(recorder.base_url()),
            Backend::Live => ClientBuilder::from_env(),
        }
    }

    /// The replay server, in replay mode (to inspect [`received`](ReplayServer::received)
    /// requests).
    pub fn replay_server(&self) -> Option<&ReplayServer> {
        match &self.backend {
            Backend::Replay(server) => Some(server),
            _ => None,
        }
    }

    /// Ends the session. Replay: `Err(TestKitError::Replay(report))` when a request matched
    /// nothing or a recorded interaction was never requested (`report` shows each as a diff).
    /// Record: writes the cassette (or fails if some requests could not be forwarded).
    pub fn finish(self) -> Result<(), TestKitError> {
        match &self.backend {
            Backend::Replay(server) => Ok(server.verify()?),
            Backend::Record(recorder) => {
                let failures = recorder.upstream_failures();
                if !failures.is_empty() {
                    return Err(TestKitError::Upstream(failures));
                }
                Ok(recorder.save(&self.cassette)?)
            }
            Backend::Live => Ok(()),
        }
    }
}
