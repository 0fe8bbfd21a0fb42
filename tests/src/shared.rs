//! Locates Datadog's reference data (`../shared/`) for the tests that read it.
//!
//! The data is Datadog's and is never copied into this repository, so a user's clone may not have it.
//! Tests that need it call [`shared_dir`]: when the folder is absent they print that they skipped and
//! return early, unless [`REQUIRE_ENV`] is set (as `.ci/run` does), which turns the skip into a failure.

use std::path::{Path, PathBuf};

/// Environment variable that overrides where the reference data lives.
pub const DIR_ENV: &str = "DATADOG_SHARED_DIR";

/// Environment variable that makes a missing reference folder a test failure instead of a skip.
pub const REQUIRE_ENV: &str = "DATADOG_SHARED_REQUIRED";

/// The reference folder, or `None` (after printing a skip notice) when it is absent and not required.
///
/// `test` names the caller in the skip notice.
///
/// # Panics
///
/// When the folder is absent and [`REQUIRE_ENV`] is set to anything but `0` or an empty string: in CI
/// a silent skip would hide a test that never ran.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let required = std::env::var(REQUIRE_ENV)
        .map(|v| !v.is_empty() && v != "0")
        .unwrap_or(false);
    match decide(test, locate(), required) {
        Ok(found) => found,
        // ok: a test helper; CI asks for the data, and a missing folder must fail the test loudly.
        Err(message) => panic!("{message}"),
    }
}

/// The skip-or-fail rule, apart from the environment so it can be tested.
fn decide(test: &str, found: Option<PathBuf>, required: bool) -> Result<Option<PathBuf>, String> {
    if found.is_some() {
        return Ok(found);
    }
    let looked = candidates()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if required {
        return Err(format!("{test}: Datadog reference data not found (looked in {looked}) and {REQUIRE_ENV} is set"));
    }
    eprintln!("skipped {test}: Datadog reference data not found (looked in {looked}); set {DIR_ENV} to run it");
    Ok(None)
}

/// A path inside the reference folder, with the same skip rules as [`shared_dir`].
pub fn shared_path(test: &str, relative: &str) -> Option<PathBuf> {
    shared_dir(test).map(|dir| dir.join(relative))
}

fn locate() -> Option<PathBuf> {
    candidates()
        .into_iter()
        .find(|p| p.join("specs").is_dir() || p.join("recordings").is_dir())
}

fn candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        out.push(PathBuf::from(dir));
    }
    // tests/ sits one level below the workspace root; the reference folder sits beside the root.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    out.push(root.join("..").join("shared"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_data_skips_unless_required() {
        assert_eq!(decide("t", None, false), Ok(None));
        let err = decide("t", None, true).unwrap_err();
        assert!(err.contains(REQUIRE_ENV) && err.starts_with("t: "), "{err}");
        let here = PathBuf::from("/somewhere");
        assert_eq!(decide("t", Some(here.clone()), true), Ok(Some(here)));
    }
}
