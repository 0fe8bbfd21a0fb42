//! `diff OLD NEW`: what changes in the generated public API between two versions of a spec, each
//! change classified under semver (the generator's `diff` module does the work).

use crate::error::TaskError;
use crate::task::{default_config_path, read_config};
use openapi_sdk_codegen::diff::{self, DiffOptions, Packaging};
use std::path::{Path, PathBuf};

/// What to compare.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The old spec.
    pub old: PathBuf,
    /// The new spec.
    pub new: PathBuf,
    /// The configuration for both; `None`: each spec's own `<spec>.codegen.yaml`, when present.
    pub config: Option<PathBuf>,
    /// Compare as standalone crates (a Cargo feature per tag) or as bare modules.
    pub packaging: Packaging,
    /// How to print the report.
    pub format: Format,
}

/// How a diff report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Lines for people.
    Text,
    /// JSON for tools.
    Json,
}

/// The outcome of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffReport {
    /// The report, in the format asked for.
    pub text: String,
    /// Whether at least one change is breaking (a major release under semver).
    pub breaking: bool,
}

/// Compares two specs.
pub fn compare(comparison: &Comparison) -> Result<DiffReport, TaskError> {
    let old_api = load(&comparison.old, comparison.config.as_deref())?;
    let new_api = load(&comparison.new, comparison.config.as_deref())?;
    let changes = diff::diff(
        &old_api,
        &new_api,
        &DiffOptions {
            packaging: comparison.packaging,
        },
    );
    let text = match comparison.format {
        Format::Json => diff::render_json(&changes),
        Format::Text => format!(
            "comparing {} → {}\n\n{}",
            comparison.old.display(),
            comparison.new.display(),
            diff::render_text(&changes)
        ),
    };
    Ok(DiffReport {
        text,
        breaking: diff::release(&changes) == diff::Release::Major,
    })
}

/// Reads a spec and its configuration and lowers it; errors name the file (and the generator's
/// JSON pointer into it).
fn load(spec: &Path, config: Option<&Path>) -> Result<openapi_sdk_codegen::ir::Api, TaskError> {
    let text = std::fs::read_to_string(spec).map_err(|e| TaskError::Io(spec.to_path_buf(), e))?;
    let config_path = match config {
        Some(path) => Some(path.to_path_buf()),
        None => default_config_path(spec),
    };
    let config = read_config(config_path.as_deref())?;
    diff::load_api(&text, &config).map_err(|error| TaskError::Generate {
        spec: spec.to_path_buf(),
        error,
    })
}
