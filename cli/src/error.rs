//! [`TaskError`]: why a command failed, with the file it is about and, for a spec or
//! configuration the generator refuses, the generator's JSON pointer and reason.

use crate::check::Drift;
use std::path::PathBuf;

/// Why a task failed.
#[derive(Debug, thiserror::Error)]
pub enum TaskError {
    /// Reading or writing a file failed.
    #[error("{}: {}", .0.display(), .1)]
    Io(PathBuf, std::io::Error),
    /// The generator refused the spec (the message holds the JSON pointer and the reason).
    #[error("{}: {error}", spec.display())]
    Generate {
        /// The spec file.
        spec: PathBuf,
        /// The generator's error.
        error: openapi_sdk_codegen::Error,
    },
    /// The generator configuration is not valid.
    #[error("{}: {error}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong, and where in the file.
        error: openapi_sdk_codegen::Error,
    },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
    /// The checked-in code differs from what the spec generates.
    #[error("{0}")]
    Drift(Drift),
}

impl TaskError {
    /// The process exit status this error gives: [`EXIT_DRIFT`] for drift, [`EXIT_ERROR`] for the
    /// rest.
    pub fn exit_code(&self) -> u8 {
        match self {
            TaskError::Drift(_) => EXIT_DRIFT,
            _ => EXIT_ERROR,
        }
    }
}

/// The exit status when the generated code is stale (`check`) or a change is breaking (`diff`).
pub const EXIT_DRIFT: u8 = 1;
/// The exit status for a usage error, a file that cannot be read or written, or a spec or
/// configuration the generator refuses.
pub const EXIT_ERROR: u8 = 2;
