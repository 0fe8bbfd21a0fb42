//! [`Task`]: what to generate from where, and the generator run every command shares (the spec
//! read as a multi-file document, its configuration, the output layout and the runtime source).

use crate::error::TaskError;
use openapi_sdk_codegen::{
    generate_with_files, Config, CrateOptions, FsFiles, Generated, Options, Output, RuntimeSource,
};
use std::path::{Path, PathBuf};

/// The package version a generated crate gets.
pub const CRATE_VERSION: &str = "0.1.0";

/// What to generate from where.
#[derive(Debug, Clone)]
pub struct Task {
    /// The spec file (the main document; files it references are read from its folder).
    pub spec: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// How the spec is named in generated headers (its file name is used).
    pub spec_name: String,
    /// The generator configuration; `None`: `<spec>.codegen.yaml` next to the spec, when present.
    pub config: Option<PathBuf>,
    /// What to write: a standalone crate or bare modules.
    pub layout: Layout,
}

/// What a [`Task`] writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// Bare modules (`mod.rs`, `client.rs`, `models/`, `operations/`) for a crate written by hand.
    Modules {
        /// The Rust path of the crate that mounts them at its root (`my_api`): what their doc
        /// examples `use`.
        crate_path: String,
    },
    /// A standalone crate: `Cargo.toml`, `src/lib.rs` and the modules under `src/`.
    Crate {
        /// The package name.
        name: String,
        /// Where the crate gets the runtime; `None`: the configuration's `runtime` key, else the
        /// registry version [`openapi_sdk_codegen::RUNTIME_VERSION`].
        runtime: Option<RuntimeSource>,
    },
}

impl Task {
    /// The configuration file this task uses, if any: the one named, else `<stem>.codegen.yaml`
    /// next to the spec when that file exists.
    pub fn config_path(&self) -> Option<PathBuf> {
        if let Some(path) = &self.config {
            return Some(path.clone());
        }
        default_config_path(&self.spec)
    }

    /// Runs the generator; nothing is written.
    pub fn run(&self) -> Result<Generated, TaskError> {
        // The spec's folder is the root of a multi-file spec: its file references are read there
        // and never outside it.
        let io = |e| TaskError::Io(self.spec.clone(), e);
        let spec = self.spec.canonicalize().map_err(io)?;
        let (Some(folder), Some(main)) = (spec.parent(), spec.file_name().and_then(|n| n.to_str()))
        else {
            return Err(io(std::io::Error::other("not a file with a UTF-8 name")));
        };
        let files = FsFiles::new(folder).map_err(io)?;
        let config = read_config(self.config_path().as_deref())?;
        let (output, crate_path) = match &self.layout {
            Layout::Modules { crate_path } => (Output::Modules, crate_path.clone()),
            Layout::Crate { name, runtime } => (
                Output::Crate(CrateOptions {
                    name: name.clone(),
                    version: CRATE_VERSION.to_owned(),
                    runtime: runtime.clone(),
                }),
                // A crate's examples use its package name.
                name.replace('-', "_"),
            ),
        };
        let options = Options {
            spec_name: self.spec_name.clone(),
            crate_path,
            config,
            output,
            ..Options::default()
        };
        generate_with_files(&files, main, &options).map_err(|e| TaskError::Generate {
            spec: self.spec.clone(),
            error: e,
        })
    }
}

/// `<stem>.codegen.yaml` next to `spec`, when that file exists.
pub fn default_config_path(spec: &Path) -> Option<PathBuf> {
    let stem = spec.file_stem()?.to_string_lossy().into_owned();
    let candidate = spec.with_file_name(format!("{stem}.codegen.yaml"));
    candidate.is_file().then_some(candidate)
}

/// Reads and parses a generator configuration; `None` gives the default configuration.
pub fn read_config(path: Option<&Path>) -> Result<Config, TaskError> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = std::fs::read_to_string(path).map_err(|e| TaskError::Io(path.to_path_buf(), e))?;
    Config::parse(&text).map_err(|error| TaskError::Config {
        path: path.to_path_buf(),
        error,
    })
}

/// A package name for a crate generated into `out`: the folder's name with every character Cargo
/// refuses replaced by `-` (`generated-api` when nothing is left).
pub fn crate_name_for(out: &Path) -> String {
    let name: String = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if name.trim_matches('-').is_empty() {
        "generated-api".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::crate_name_for;
    use std::path::Path;

    #[test]
    fn crate_names_come_from_the_folder() {
        for (out, expected) in [
            ("out/my-crate", "my-crate"),
            ("out/my crate", "my-crate"),
            ("petstore_api", "petstore_api"),
            ("/", "generated-api"),
            ("out/…", "generated-api"),
        ] {
            assert_eq!(crate_name_for(Path::new(out)), expected, "{out}");
        }
    }
}
