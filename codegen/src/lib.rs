//! A Rust SDK generator for OpenAPI documents (3.0, 3.1 and Swagger 2.0).
//!
//! A pipeline of plain functions: [`load`](load::load) parses the spec (OpenAPI 3.0 or 3.1, or
//! Swagger 2.0, brought to 3.0 first; openapiv3 + serde_json/serde_yaml),
//! [`lower`](lower::lower) resolves references and names into the [`ir`] model, `emit` turns the model
//! into token streams (quote), and `write` formats them (prettyplease) under a "generated" header.
//! [`generate`] runs all of it and returns `relative path → file contents`; the caller does the I/O.
//!
//! From a build script, [`build::Builder`] writes the API as one file for `include!` (see the
//! module for a complete `build.rs`); the `openapi-sdk-gen` command line writes whole crates.
//!
//! Same input, same output: everything is ordered by construction (sorted maps, spec order), so the
//! bytes are identical run to run. A bad spec gives an [`Error`] with a JSON pointer, never a panic.

pub mod build;
pub mod config;
pub mod diff;
mod emit;
pub mod error;
pub mod ir;
pub mod load;
pub mod lower;
mod names;
mod normalize;
pub mod runtime_source;
mod write;

pub use config::Config;
pub use error::Error;
pub use normalize::{FsFiles, MemoryFiles, SpecFiles, MAX_FILE_BYTES};
/// The OpenAPI types [`load::Loaded`] holds, for callers that read a document the same way.
pub use openapiv3;
pub use runtime_source::{GitReference, RuntimeSource, RUNTIME_PACKAGE, RUNTIME_VERSION};
use std::collections::BTreeMap;

/// How to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The spec's path (`spec/datadog-connections.yaml`); the generated headers name its file name
    /// alone, without control characters.
    pub spec_name: String,
    /// The Rust path of the runtime crate generated code uses (`openapi_sdk_runtime`).
    pub runtime: String,
    /// The Rust path users reach the generated items by (`datadog_connections`): what the doc
    /// examples `use`. For [`Output::Modules`], the hand-written crate that mounts them (its root
    /// must re-export the generated root, as `sdk/` does); a [`Output::Crate`] uses its package
    /// name instead.
    pub crate_path: String,
    /// The generator configuration that goes with the spec.
    pub config: Config,
    /// What to write.
    pub output: Output,
}

/// What the generator writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Modules for a crate whose `Cargo.toml` and `lib.rs` are written by hand (the SDK):
    /// `mod.rs` (the root, to mount with `#[path]`), `client.rs`, `models/` and `operations/`.
    Modules,
    /// A complete crate: `Cargo.toml`, `src/lib.rs` (the root) and the same modules under `src/`,
    /// with a Cargo feature per tag.
    Crate(CrateOptions),
}

/// How a standalone crate is generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrateOptions {
    /// The package name.
    pub name: String,
    /// The package version.
    pub version: String,
    /// Where the crate gets the runtime; `None`: the configuration's `runtime`, else
    /// [`RuntimeSource::default`] (the registry version [`RUNTIME_VERSION`]).
    pub runtime: Option<RuntimeSource>,
}

impl CrateOptions {
    /// The runtime source the crate uses: this one's, else the configuration's, else the
    /// registry version. A configuration entry that names no source is an error even when this
    /// one wins.
    pub fn runtime_source(&self, config: &Config) -> Result<RuntimeSource, Error> {
        let configured = config.runtime_source()?;
        Ok(self.runtime.clone().or(configured).unwrap_or_default())
    }
}

/// The version a crate gets when the one asked for is not a semantic version.
const FALLBACK_VERSION: &str = "0.1.0";

/// The runtime crate's Rust name.
pub const RUNTIME: &str = "openapi_sdk_runtime";

/// The SDK crate's Rust name: the default [`Options::crate_path`].
pub const SDK_CRATE: &str = "datadog_connections";

impl Default for Options {
    fn default() -> Self {
        Options {
            spec_name: "spec/datadog-connections.yaml".to_owned(),
            runtime: RUNTIME.to_owned(),
            crate_path: SDK_CRATE.to_owned(),
            config: Config::default(),
            output: Output::Modules,
        }
    }
}

/// The generated files and what the generator decided along the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// Relative path (`models/common.rs`; `src/models/common.rs` in a crate, `models-1/src/teams.rs` for split models) → file contents.
    pub files: BTreeMap<String, String>,
    /// Renamed collisions and similar notes, sorted.
    pub diagnostics: Vec<ir::Diagnostic>,
}

/// Runs the whole pipeline on spec text. A reference to another file is an error here (see
/// [`generate_with_files`]).
pub fn generate(spec_text: &str, options: &Options) -> Result<Generated, Error> {
    validate_options(options)?;
    generate_loaded(load::load(spec_text)?, options)
}

/// Runs the whole pipeline on a multi-file spec: the main document is `main` among `files` (a
/// path relative to their root, which is the main document's folder), and its relative file
/// references (`./schemas/pet.yaml#/Pet`) are read from `files`, never outside them and never
/// over the network. [`FsFiles`] reads a folder on disk; [`MemoryFiles`] holds them in memory.
pub fn generate_with_files(
    files: &dyn SpecFiles,
    main: &str,
    options: &Options,
) -> Result<Generated, Error> {
    validate_options(options)?;
    generate_loaded(load::load_with_files(files, main)?, options)
}

fn validate_options(options: &Options) -> Result<(), Error> {
    validate_path("runtime", &options.runtime)?;
    validate_path("crate", &crate_path(options))
}

fn crate_path(options: &Options) -> String {
    match &options.output {
        Output::Modules => options.crate_path.clone(),
        Output::Crate(krate) => krate.name.replace('-', "_"),
    }
}

fn generate_loaded(loaded: load::Loaded, options: &Options) -> Result<Generated, Error> {
    let crate_path = crate_path(options);
    let mut api = lower::lower(&loaded.spec, &options.config).map_err(|e| loaded.relocate(e))?;
    options.config.deep_object_arrays.apply(&mut api);
    // A crate version Cargo would refuse is replaced, with a note.
    let mut output = options.output.clone();
    if let Output::Crate(krate) = &mut output {
        if semver::Version::parse(&krate.version).is_err() {
            api.diagnostics.push(ir::Diagnostic {
                pointer: String::new(),
                message: format!(
                    "crate version {:?} is not a semantic version; {FALLBACK_VERSION} is used",
                    krate.version
                ),
                kind: ir::NoteKind::Configuration,
            });
            krate.version = FALLBACK_VERSION.to_owned();
        }
    }
    let options = &Options {
        output,
        ..options.clone()
    };
    api.diagnostics = loaded.diagnostics(std::mem::take(&mut api.diagnostics));
    let gating = match &options.output {
        Output::Modules => emit::Gating::None,
        Output::Crate(_) => emit::Gating::PerTag,
    };
    let split = match &options.output {
        Output::Modules => None,
        Output::Crate(krate) => emit::model_crates::ModelCrates::plan(
            &api,
            &krate.name,
            options.config.model_crates.max_types,
        ),
    };
    let paths = emit::Paths {
        runtime: &options.runtime,
        krate: &crate_path,
        standalone: matches!(options.output, Output::Crate(_)),
        split: split.as_ref(),
    };
    // The parsed document is no longer needed: it is freed on a thread of its own while the
    // files are rendered, rather than held to the end (peak memory) or freed on the way.
    // The headers name the spec by its file name: no folder, and nothing that could end a comment.
    let spec_name = write::spec_label(&options.spec_name);
    let rendered = std::thread::scope(|scope| {
        scope.spawn(move || drop(loaded));
        write::render_all(&api, paths, gating, &spec_name)
    })?;
    let mut files: BTreeMap<String, String> = rendered.into_iter().collect();
    if let Output::Crate(krate) = &options.output {
        let package = &options.config.package;
        let runtime = krate.runtime_source(&options.config)?;
        files.insert(
            "Cargo.toml".to_owned(),
            emit::cargo_toml(&api, krate, &runtime, package, &spec_name, split.as_ref()),
        );
        package_notes(&mut api.diagnostics, package, api.license.as_deref());
        files.insert(
            "README.md".to_owned(),
            emit::readme(&api, krate, &runtime, package, &crate_path),
        );
        for c in split
            .iter()
            .flat_map(|s| s.crates.iter().map(move |c| (s, c)))
        {
            let (split, this) = c;
            files.insert(
                format!("{}/Cargo.toml", this.dir),
                emit::model_crate_toml(&api, krate, &runtime, package, &spec_name, split, this),
            );
        }
    }
    Ok(Generated {
        files,
        diagnostics: api.diagnostics,
    })
}
/// Notes for the package metadata a standalone crate lacks: without a license `cargo package`
/// warns (and crates.io refuses it), without a repository crates.io links nowhere.
fn package_notes(
    diagnostics: &mut Vec<ir::Diagnostic>,
    package: &config::PackageConfig,
    spec_license: Option<&str>,
) {
    let mut note = |message: &str| {
        diagnostics.push(ir::Diagnostic {
            pointer: String::new(),
            message: message.to_owned(),
            kind: ir::NoteKind::Configuration,
        })
    };
    if package.license.is_none() && spec_license.is_none() {
        note(
            "the crate has no license (the configuration gives no `package.license` and the \
             spec's `info.license` is not an SPDX expression): `cargo package` will warn; set \
             `package: { license: Apache-2.0 }` (an SPDX expression) in the configuration",
        );
    }
    if package.repository.is_none() {
        note(
            "the crate has no repository: its crates.io page links to no source; set \
             `package: { repository: \"https://…\" }` in the configuration",
        );
    }
}

fn validate_path(what: &str, path: &str) -> Result<(), Error> {
    let valid = !path.is_empty()
        && path.split("::").all(|seg| {
            let mut chars = seg.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    if valid {
        Ok(())
    } else {
        Err(Error::Invalid {
            pointer: String::new(),
            reason: format!("{what} path {path:?} is not a Rust path"),
        })
    }
}
