//! What the workflow examples share: their cassettes, the mode they run in, and their settings.
//!
//! - No keys in the environment: the example replays its cassette in `examples/cassettes/`,
//!   offline, and fails if it sends anything the cassette did not record.
//! - `DD_API_KEY` and `DD_APP_KEY` set: it runs against Datadog (`DD_SITE` chooses the site).
//! - `DD_TESTKIT_MODE=record` as well: it runs against Datadog through a recorder and rewrites its
//!   cassette, with credentials and volatile headers scrubbed.

use datadog_connections_testkit::{Mode, Session, TestKitError};
use std::error::Error;
use std::path::PathBuf;

/// What an example returns.
pub type Outcome = Result<(), Box<dyn Error>>;

/// The cassette of example `name`.
pub fn cassette(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/cassettes")
        .join(format!("{name}.json"))
}

/// Runs `example` in a session for example `name` (see [`session`]), then finishes the session:
/// replaying, that fails if a request did not match the cassette or a recorded one was not sent.
pub async fn run(name: &str, example: impl AsyncFnOnce(&Session) -> Outcome) -> Outcome {
    let session = session(name).await?;
    example(&session).await?;
    session.finish()?;
    Ok(())
}

/// Runs `example` against its cassette, offline, whatever the environment says: the examples'
/// tests.
#[cfg(test)]
pub async fn replay(name: &str, example: impl AsyncFnOnce(&Session) -> Outcome) -> Outcome {
    let session = Session::start_in(Mode::Replay, cassette(name)).await?;
    example(&session).await?;
    session.finish()?;
    Ok(())
}

/// Starts example `name`'s session: live when keys are set, replay otherwise; `DD_TESTKIT_MODE`
/// overrides both.
pub async fn session(name: &str) -> Result<Session, TestKitError> {
    let has_keys = ["DD_API_KEY", "DD_APP_KEY"]
        .iter()
        .all(|var| std::env::var(var).is_ok_and(|v| !v.is_empty()));
    let mode = Mode::from_env_or(if has_keys { Mode::Live } else { Mode::Replay })?;
    let session = Session::start_in(mode, cassette(name)).await?;
    match mode {
        Mode::Replay => eprintln!(
            "replaying {} (set DD_API_KEY and DD_APP_KEY to run against Datadog)",
            session.cassette().display()
        ),
        Mode::Record => eprintln!("recording into {}", session.cassette().display()),
        Mode::Live => eprintln!("running against Datadog"),
    }
    Ok(session)
}

/// A setting the example needs against Datadog (an org or team id), from environment variable
/// `var`. Replaying, the cassette's value `recorded` is used, whatever the environment says, so
/// the requests match the recording.
pub fn setting(session: &Session, var: &str, recorded: &str) -> Result<String, String> {
    if session.mode() == Mode::Replay {
        return Ok(recorded.to_owned());
    }
    match std::env::var(var) {
        Ok(value) if !value.trim().is_empty() => Ok(value.trim().to_owned()),
        _ => Err(format!(
            "set {var} to run this example against Datadog (the recording used {recorded})"
        )),
    }
}
