//! Running the example CLI (`sdk/examples/connections.rs`) as a process, shared by the tests that
//! drive it (`example_cli.rs`, `hostile_cli.rs`).

use datadog_connections_replay::shared::notice;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The built example, or `None` (with a notice) when it is missing or older than the sources it is
/// built from (the example, the SDK's `src/` and the runtime's `src/`).
pub fn example_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let binary = profile_dir
        .join("examples")
        .join(format!("connections{}", std::env::consts::EXE_SUFFIX));
    let Some(built) = modified(&binary) else {
        notice(&format!(
            "skipping: the example is not built at {} (`cargo test -p datadog-connections` builds it)",
            binary.display()
        ));
        return None;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let edited = newest(&manifest.join("src"))
        .max(newest(&manifest.join("runtime/src")))
        .max(modified(&manifest.join("examples/connections.rs")));
    if edited.is_some_and(|edited| edited > built) {
        notice(&format!(
            "skipping: {} is older than its sources (`cargo test -p datadog-connections` rebuilds it)",
            binary.display()
        ));
        return None;
    }
    Some(binary)
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The latest modification time of the files under `dir`.
fn newest(dir: &Path) -> Option<SystemTime> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter_map(|path| {
            if path.is_dir() {
                newest(&path)
            } else {
                modified(&path)
            }
        })
        .max()
}

/// What the process did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the example with `args`, configured for `base_url` with test keys (or with no
/// configuration at all).
pub async fn run_example(base_url: Option<String>, args: &[&str]) -> Option<Run> {
    match base_url {
        Some(url) => {
            let env = [
                ("DD_SITE", url.as_str()),
                ("DD_API_KEY", "test-api-key"),
                ("DD_APP_KEY", "test-app-key"),
            ];
            run_with_env(&env, args).await
        }
        None => run_with_env(&[], args).await,
    }
}

/// Runs the example with `args` and exactly the `DD_*` variables in `env`.
pub async fn run_with_env(env: &[(&str, &str)], args: &[&str]) -> Option<Run> {
    let binary = example_binary()?;
    let mut command = Command::new(binary);
    command
        .args(args)
        .env_remove("DD_SITE")
        .env_remove("DD_API_KEY")
        .env_remove("DD_APP_KEY")
        .env_remove("DD_ACCESS_TOKEN")
        .env_remove("RUST_LOG")
        .env_remove("RUST_BACKTRACE")
        .envs(env.iter().copied());
    // Blocking wait on another thread, so the test's server keeps serving on this runtime.
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("join")
        .expect("spawn the example");
    Some(Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}
