//! `openapi-sdk-gen`: the OpenAPI → Rust SDK generator ([`openapi_sdk_codegen`]) as a command
//! line tool, and the library behind it.
//!
//! ```text
//! cargo install --path cli
//! openapi-sdk-gen generate --spec api.yaml --out ./my-crate [--crate NAME] [--config PATH]
//!                          [--modules] [--verbose] [--runtime-version REQ]
//!                          [--runtime-path DIR | --runtime-git URL [--runtime-branch B |
//!                           --runtime-tag T | --runtime-rev R]]
//! openapi-sdk-gen check    (same flags)   # exit 1 with a diff when --out is stale
//! openapi-sdk-gen diff OLD NEW [--config PATH] [--modules] [--json]   # exit 1 when breaking
//! ```
//!
//! The library runs the same commands without a process: [`Task`] says what to generate from
//! where, [`generate_files`] writes it, [`check_files`] compares without writing and reports
//! [`Drift`], [`compare`] classifies the changes between two specs, and [`run()`] runs a parsed
//! [`Cli`] as the binary does. The workspace's `cargo xtask generate|check|diff` call these with
//! the workspace's own defaults.
//!
//! Exit status: [`EXIT_OK`] (0), [`EXIT_DRIFT`] (1: stale output, or a breaking change), and
//! [`EXIT_ERROR`] (2: a usage error, an unreadable file, or a spec or configuration the generator
//! refuses, reported with its JSON pointer and reason). Nothing panics on bad input.

/// The generator library this command line runs.
pub use openapi_sdk_codegen as codegen;

pub mod args;
pub mod check;
pub mod diff;
pub mod error;
pub mod files;
pub mod generate;
pub mod report;
pub mod run;
pub mod task;

pub use args::{Cli, Command, DiffArgs, GenerateArgs, RuntimeArgs};
pub use check::{check_files, Drift};
pub use diff::{compare, Comparison, DiffReport, Format};
pub use error::{TaskError, EXIT_DRIFT, EXIT_ERROR};
pub use files::relative_path;
pub use generate::generate_files;
pub use report::Report;
pub use run::{clap_exit_code, run, EXIT_OK};
pub use task::{Layout, Task};
