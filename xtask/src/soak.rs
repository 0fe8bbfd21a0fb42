//! `cargo xtask soak [--requests N] [--concurrency C] [--seed S]`: builds the soak example of the
//! replay crate in release mode and runs it (default 10,000 calls, 64 at a time, against the chaos
//! server's ~5% faults), printing its Markdown report. It fails when a write was duplicated or
//! lost, or a call's task panicked. The figures in `docs/reliability.md` come from this command.

use std::path::Path;
use std::process::Command;

pub(crate) fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "datadog-connections-replay",
            "--example",
            "soak",
            "--",
        ])
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("soak failed ({status})"))
    }
}
