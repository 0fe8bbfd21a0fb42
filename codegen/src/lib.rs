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
    /// The path of the crate that provides the runtime (`Error`, `__private`) to generated code:
    /// `crate` when generating into the SDK itself.
    pub runtime: String,
    /// Generate a standalone crate (Cargo.toml, `src/lib.rs`, one Cargo feature per tag) that
    /// depends on the SDK for its runtime, instead of modules for the SDK itself.
    pub krate: Option<CrateOptions>,
}

/// How a standalone crate is generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrateOptions {
    /// The package name.
    pub name: String,
    /// The path of the SDK crate (the runtime), as written in the generated Cargo.toml.
    pub sdk_path: String,
}

impl Default for Options {
    fn default() -> Self {
        Options { spec_name: "spec/datadog-connections.yaml".to_owned(), runtime: "crate".to_owned(), krate: None }
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
    let features = options.krate.is_some();
    let prefix = if features { "src/" } else { "" };
    let mut files = BTreeMap::new();
    for (path, text) in write::render_all(&api, &options.runtime, features, &options.spec_name)? {
        files.insert(format!("{prefix}{path}"), text);
    }
    if let Some(krate) = &options.krate {
        let lib = emit::crate_root(&api, &options.runtime);
        files.insert("src/lib.rs".to_owned(), write::render("src/lib.rs", lib, &options.spec_name)?);
        files.insert("Cargo.toml".to_owned(), emit::cargo_toml(&api, krate, &options.spec_name));
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
