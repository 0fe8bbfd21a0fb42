//! The project's tasks as library functions, so the `xtask` binary stays thin and a test can run
//! the drift check exactly as CI does. `generate`, `check` and `diff` are the generator's command
//! line library (`openapi-sdk-gen`) with this workspace's defaults: the spec, the SDK's output
//! folder, and the runtime by relative path for crates generated inside the workspace.

pub mod bench;
pub mod benchmarks;

use openapi_sdk_codegen::RuntimeSource;
use openapi_sdk_gen::Layout;
pub use openapi_sdk_gen::{relative_path, Drift, Report, TaskError};
use std::path::{Path, PathBuf};

/// The workspace root (the folder above `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The default spec, relative to the workspace root.
pub const DEFAULT_SPEC: &str = "spec/datadog-connections.yaml";
/// The generator configuration for Datadog's specs (the connections spec's own), relative to the
/// workspace root; commands that generate Datadog's full v2 spec use it too.
pub const DATADOG_CONFIG: &str = "spec/datadog-connections.codegen.yaml";
/// The default output folder, relative to the workspace root.
pub const DEFAULT_OUT: &str = "sdk/src/generated";

/// The runtime crate's folder, relative to the workspace root.
pub const RUNTIME_DIR: &str = "sdk/runtime";
/// The runtime version generated crates depend on.
pub use openapi_sdk_codegen::RUNTIME_VERSION;

/// What to generate from where.
#[derive(Debug, Clone)]
pub struct Task {
    /// The spec file.
    pub spec: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// How the spec is named in generated headers.
    pub spec_name: String,
    /// The generator configuration; by default `<spec>.codegen.yaml` next to the spec, when present.
    pub config: Option<PathBuf>,
    /// Generate a standalone crate with this package name, instead of modules for the SDK.
    pub crate_name: Option<String>,
}

impl Task {
    /// The default task: the project's spec into the SDK.
    pub fn default_for(root: &Path) -> Task {
        Task {
            spec: root.join(DEFAULT_SPEC),
            out: root.join(DEFAULT_OUT),
            spec_name: DEFAULT_SPEC.to_owned(),
            config: None,
            crate_name: None,
        }
    }

    /// The configuration file this task uses, if any: the one named, else
    /// `<spec>.codegen.yaml` next to the spec when present.
    pub fn config_path(&self) -> Option<PathBuf> {
        self.to_gen().config_path()
    }
}

impl Task {
    /// The generator's task: this one, with the runtime found by a relative path to
    /// [`RUNTIME_DIR`] when a standalone crate is generated inside this workspace (anywhere else
    /// the configuration's `runtime`, else the registry version).
    pub fn to_gen(&self) -> openapi_sdk_gen::Task {
        let layout = match &self.crate_name {
            // The SDK mounts the modules (and `--modules` elsewhere keeps its paths).
            None => Layout::Modules {
                crate_path: openapi_sdk_codegen::SDK_CRATE.to_owned(),
            },
            Some(name) => {
                let root = workspace_root();
                let inside = std::path::absolute(&self.out).is_ok_and(|out| out.starts_with(&root));
                Layout::Crate {
                    name: name.clone(),
                    runtime: inside
                        .then(|| relative_path(&self.out, &root.join(RUNTIME_DIR)))
                        .flatten()
                        .map(|path| RuntimeSource::Path {
                            path,
                            version: RUNTIME_VERSION.to_owned(),
                        }),
                }
            }
        };
        openapi_sdk_gen::Task {
            spec: self.spec.clone(),
            out: self.out.clone(),
            spec_name: self.spec_name.clone(),
            config: self.config.clone(),
            layout,
        }
    }
}

/// Writes the generated files (only those whose bytes changed) and removes orphaned ones
/// ([`openapi_sdk_gen::generate_files`] on [`Task::to_gen`]).
pub fn generate_files(task: &Task) -> Result<Report, TaskError> {
    openapi_sdk_gen::generate_files(&task.to_gen())
}

/// Compares the checked-in files with a fresh generation; never writes
/// ([`openapi_sdk_gen::check_files`] on [`Task::to_gen`]).
pub fn check_files(task: &Task, fix: &str) -> Result<(), TaskError> {
    openapi_sdk_gen::check_files(&task.to_gen(), fix)
}
