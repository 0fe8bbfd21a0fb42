//! An OpenAPI 3.0 → Rust generator for the Datadog connections SDK.
//!
//! A pipeline of plain functions: [`load`](load::load) parses the spec (openapiv3 + serde_yaml),
//! [`lower`](lower::lower) resolves references and names into the [`ir`] model, `emit` turns the model
//! into token streams (quote), and `write` formats them (prettyplease) under a "generated" header.
//! [`generate`] runs all of it and returns `relative path → file contents`; the caller does the I/O.
//!
//! Same input, same output: everything is ordered by construction (sorted maps, spec order), so the
//! bytes are identical run to run. A bad spec gives an [`Error`] with a JSON pointer, never a panic.

mod emit;
pub mod error;
pub mod ir;
pub mod load;
pub mod lower;
mod names;
mod write;

pub use error::Error;
use std::collections::BTreeMap;

/// How to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The spec's name as the generated headers mention it (`spec/datadog-connections.yaml`).
    pub spec_name: String,
    /// The path of the crate that provides the runtime (`Client`, `Error`, `__private`) to generated
    /// code: `crate` when generating into the SDK itself.
    pub runtime: String,
}

impl Default for Options {
    fn default() -> Self {
        Options { spec_name: "spec/datadog-connections.yaml".to_owned(), runtime: "crate".to_owned() }
    }
}

/// The generated files and what the generator decided along the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// Relative path (`models/common.rs`) → file contents.
    pub files: BTreeMap<String, String>,
    /// Renamed collisions and similar notes, sorted.
    pub diagnostics: Vec<ir::Diagnostic>,
}

/// Runs the whole pipeline on spec text.
pub fn generate(spec_text: &str, options: &Options) -> Result<Generated, Error> {
    validate_runtime_path(&options.runtime)?;
    let spec = load::load(spec_text)?;
    let api = lower::lower(&spec)?;
    let mut files = BTreeMap::new();
    for (path, tokens) in emit::emit(&api, &options.runtime) {
        let text = write::render(&path, tokens, &options.spec_name)?;
        files.insert(path, text);
    }
    Ok(Generated { files, diagnostics: api.diagnostics })
}

fn validate_runtime_path(path: &str) -> Result<(), Error> {
    let valid = !path.is_empty()
        && path.split("::").all(|seg| {
            let mut chars = seg.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    if valid {
        Ok(())
    } else {
        Err(Error::Invalid { pointer: String::new(), reason: format!("runtime path {path:?} is not a Rust path") })
    }
}
