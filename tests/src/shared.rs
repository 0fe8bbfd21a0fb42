//! Locates Datadog's reference data (`../shared/`) for the tests that read it.
//!
//! The data is Datadog's and is never copied into this repository, so a user's clone may not have it.
//! Tests that need it call [`shared_dir`]: when the folder is absent they write a `skipped …` line to
//! the process's stderr (past libtest's output capture, so it shows in a plain `cargo test`) and
//! return early, unless [`REQUIRE_ENV`] is set (as `.ci/run` does), which turns the skip into a
//! failure. A [`DIR_ENV`] that names a folder without the data is always a failure: the user asked
//! for that folder.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Environment variable that overrides where the reference data lives.
pub const DIR_ENV: &str = "DATADOG_SHARED_DIR";

/// Environment variable that makes a missing reference folder a test failure instead of a skip.
pub const REQUIRE_ENV: &str = "DATADOG_SHARED_REQUIRED";

/// The reference folder, or `None` (after writing a skip notice on stderr) when it is absent and
/// not required.
///
/// `test` names the caller in the skip notice.
///
/// # Panics
///
/// When [`DIR_ENV`] is set (and not blank) to a folder that does not exist or holds neither
/// `specs/` nor `recordings/`; and when the folder is absent and [`REQUIRE_ENV`] is set to anything
/// but `0` or an empty string: in CI a silent skip would hide a test that never ran.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let required = std::env::var(REQUIRE_ENV)
        .map(|v| !v.is_empty() && v != "0")
        .unwrap_or(false);
    let chosen = std::env::var_os(DIR_ENV)
        .filter(|v| !v.to_string_lossy().trim().is_empty())
        .map(PathBuf::from);
    match resolve(test, chosen.as_deref(), &default_dir(), required) {
        Ok(found) => found,
        // ok: a test helper; a wrong DATADOG_SHARED_DIR, or missing data in CI, must fail loudly.
        Err(message) => panic!("{message}"),
    }
}

/// A path inside the reference folder, with the same skip rules as [`shared_dir`].
pub fn shared_path(test: &str, relative: &str) -> Option<PathBuf> {
    shared_dir(test).map(|dir| dir.join(relative))
}

/// Writes `line` and a newline straight to the process's stderr.
///
/// libtest captures what `eprintln!` prints in a passing test (it only shows on failure or with
/// `--nocapture`), so a skip announced that way looks like a pass. Writing through
/// [`std::io::stderr`] bypasses the capture: the line is seen in a plain `cargo test`.
pub fn notice(line: &str) {
    let mut stderr = std::io::stderr().lock();
    // Best effort: a closed stderr must not fail the test that is skipping.
    let _ = writeln!(stderr, "{line}").and_then(|()| stderr.flush());
}

/// The rule, apart from the environment so it can be tested: `chosen` is [`DIR_ENV`]'s value
/// (when set), `default` the folder beside the workspace.
fn resolve(
    test: &str,
    chosen: Option<&Path>,
    default: &Path,
    required: bool,
) -> Result<Option<PathBuf>, String> {
    if let Some(dir) = chosen {
        if !dir.is_dir() {
            let what = if dir.exists() {
                "is not a folder"
            } else {
                "does not exist"
            };
            return Err(format!(
                "{test}: {DIR_ENV} is {}, which {what} (unset it to look in {})",
                dir.display(),
                default.display()
            ));
        }
        if !holds_data(dir) {
            return Err(format!(
                "{test}: {DIR_ENV} is {}, which holds neither specs/ nor recordings/",
                dir.display()
            ));
        }
        return Ok(Some(dir.to_path_buf()));
    }
    if holds_data(default) {
        return Ok(Some(default.to_path_buf()));
    }
    let looked = default.display();
    if required {
        return Err(format!(
            "{test}: Datadog reference data not found in {looked} and {REQUIRE_ENV} is set"
        ));
    }
    notice(&format!(
        "skipped {test}: Datadog reference data not found in {looked}; set {DIR_ENV} to run it"
    ));
    Ok(None)
}

fn holds_data(dir: &Path) -> bool {
    dir.join("specs").is_dir() || dir.join("recordings").is_dir()
}

/// `../shared` beside the workspace root (`tests/` sits one level below the root).
fn default_dir() -> PathBuf {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    match tests.parent().and_then(Path::parent) {
        Some(beside_root) => beside_root.join("shared"),
        None => tests.join("..").join("..").join("shared"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Set in the child process of [`the_skip_notice_escapes_output_capture`].
    const CHILD_ENV: &str = "DATADOG_SHARED_TEST_SKIP_CHILD";

    /// An empty scratch folder, unique to this process and `name`.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("shared-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a scratch folder");
        dir
    }

    #[test]
    fn absent_data_skips_unless_required() {
        let empty = scratch("absent");
        assert_eq!(resolve("t", None, &empty, false), Ok(None));
        let err = resolve("t", None, &empty, true).unwrap_err();
        assert!(err.contains(REQUIRE_ENV) && err.starts_with("t: "), "{err}");
        std::fs::create_dir(empty.join("specs")).expect("mkdir");
        assert_eq!(resolve("t", None, &empty, true), Ok(Some(empty.clone())));
        let _ = std::fs::remove_dir_all(&empty);
    }

    #[test]
    fn a_chosen_folder_that_does_not_exist_is_an_error_not_a_fallback() {
        // The default holds data, so a fallback would succeed: the error shows there is none.
        let default = scratch("fallback");
        std::fs::create_dir(default.join("recordings")).expect("mkdir");
        let missing = default.join("nonexistent");
        let err = resolve("t", Some(&missing), &default, false).unwrap_err();
        assert!(
            err.starts_with("t: ")
                && err.contains(DIR_ENV)
                && err.contains(&missing.display().to_string())
                && err.contains("does not exist"),
            "{err}"
        );
        // A folder that exists but is not the reference data is an error too.
        let err = resolve("t", Some(&default.join("recordings")), &default, false).unwrap_err();
        assert!(err.contains("neither specs/ nor recordings/"), "{err}");
        // The chosen folder wins over the default when it holds the data.
        assert_eq!(
            resolve("t", Some(&default), Path::new("/nonexistent"), true),
            Ok(Some(default.clone()))
        );
        let _ = std::fs::remove_dir_all(&default);
    }

    /// Runs [`skip_notice_child`] in a child process with libtest's default capture (no
    /// `--nocapture`) and checks the skip notice reached its stderr, while `eprintln!` did not.
    #[test]
    fn the_skip_notice_escapes_output_capture() {
        let exe = std::env::current_exe().expect("the test binary");
        let output = Command::new(exe)
            .args([
                "--exact",
                "shared::tests::skip_notice_child",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, "1")
            .env_remove("RUST_TEST_NOCAPTURE")
            .output()
            .expect("run the test binary");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{stdout}\n{stderr}");
        assert!(
            stdout.contains("1 passed"),
            "the child test ran: {stdout}\n{stderr}"
        );
        assert!(
            stderr.contains("skipped skip_notice_child: Datadog reference data not found")
                && stderr.contains(DIR_ENV),
            "the notice is visible: {stdout}\n{stderr}"
        );
        assert!(
            !stderr.contains("captured by libtest") && !stdout.contains("captured by libtest"),
            "eprintln! is captured, so the check above is meaningful: {stdout}\n{stderr}"
        );
    }

    /// The child of [`the_skip_notice_escapes_output_capture`]; does nothing in a normal run.
    #[test]
    fn skip_notice_child() {
        if std::env::var_os(CHILD_ENV).is_none() {
            return;
        }
        eprintln!("captured by libtest");
        let absent = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-folder");
        assert_eq!(resolve("skip_notice_child", None, &absent, false), Ok(None));
    }
}
