//! `cargo xtask proptest-long [CASES]`: the model property tests (`tests/tests/proptest_models.rs`:
//! every generated connections model round-trips JSON → model → JSON unchanged, and no decoder
//! panics on random or mutated JSON) with `CASES` cases per property (default 10,000) in a release
//! build. `cargo test` runs the same properties with a few hundred cases.

use std::path::Path;
use std::process::Command;

pub(crate) fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let cases = match args.first() {
        Some(cases) => cases
            .parse::<u32>()
            .map_err(|_| format!("CASES must be a number, not {cases:?}"))?,
        None => 10_000,
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .current_dir(root)
        .env("PROPTEST_CASES", cases.to_string())
        .args([
            "test",
            "--release",
            "--package",
            "datadog-connections-replay",
            "--test",
            "proptest_models",
            "--",
            "--nocapture",
        ])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the property tests failed ({status})"))
    }
}
