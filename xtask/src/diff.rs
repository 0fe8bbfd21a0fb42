//! `cargo xtask diff OLD NEW`: what changes in the generated public API between two versions of a
//! spec, each change classified under semver (the generator's `diff` module does the work).
//!
//! Exit status: 0 when nothing is breaking, [`EXIT_BREAKING`] when something is, 1 for an error (a
//! file that cannot be read, a spec or configuration the generator refuses, a bad argument).

use openapi_sdk_codegen::diff::{self, DiffOptions, Packaging};
use openapi_sdk_codegen::Config;
use std::io::Write;
use std::path::{Path, PathBuf};
use xtask::Task;

/// The exit status when at least one change is breaking (as `cargo semver-checks` fails a check):
/// distinct from 1, which means the comparison itself failed.
pub const EXIT_BREAKING: i32 = 2;

/// The arguments `cargo xtask diff --help` describes.
pub const FLAGS: &str = "  OLD, NEW       the two versions of the OpenAPI document
  --config PATH  the generator configuration for both (default: each spec's own
                 <spec>.codegen.yaml when present, else none)
  --crate        compare as standalone crates (a Cargo feature per tag), not the SDK's modules
  --json         print the changes as JSON instead of text

Each change is breaking, minor (an addition) or patch (no Rust API change); see docs/generator.md.
Exit status: 0 when nothing is breaking, 2 when something is, 1 for an error.";

/// Runs the command; on a breaking change it prints the report and exits with [`EXIT_BREAKING`].
pub fn run(args: &[String]) -> Result<(), String> {
    let mut specs = Vec::new();
    let mut config = None;
    let mut json = false;
    let mut packaging = Packaging::Modules;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--crate" => packaging = Packaging::Crate,
            "--config" => {
                let value = it
                    .next()
                    .ok_or_else(|| format!("--config needs a value\n{}", crate::usage()))?;
                config = Some(PathBuf::from(value));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown flag {flag}\n{}", crate::usage()))
            }
            spec => specs.push(PathBuf::from(spec)),
        }
    }
    let [old, new] = specs.as_slice() else {
        return Err(format!(
            "diff takes two specs, OLD and NEW ({} given)\n{}",
            specs.len(),
            crate::usage()
        ));
    };
    let old_api = load(old, config.as_deref())?;
    let new_api = load(new, config.as_deref())?;
    let changes = diff::diff(&old_api, &new_api, &DiffOptions { packaging });
    let report = if json {
        diff::render_json(&changes)
    } else {
        format!(
            "comparing {} → {}\n\n{}",
            old.display(),
            new.display(),
            diff::render_text(&changes)
        )
    };
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{}", report.trim_end())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("writing the report: {e}"))?;
    if diff::release(&changes) == diff::Release::Major {
        std::process::exit(EXIT_BREAKING);
    }
    Ok(())
}

/// Reads a spec and its configuration and lowers it; errors name the file (and the generator's
/// JSON pointer into it).
fn load(spec: &Path, config: Option<&Path>) -> Result<openapi_sdk_codegen::ir::Api, String> {
    let text = std::fs::read_to_string(spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    let config_path = match config {
        Some(path) => Some(path.to_path_buf()),
        None => Task {
            spec: spec.to_path_buf(),
            ..Task::default_for(&xtask::workspace_root())
        }
        .config_path(),
    };
    let config = match config_path {
        Some(path) => {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Config::default(),
    };
    diff::load_api(&text, &config).map_err(|e| format!("{}: {e}", spec.display()))
}
