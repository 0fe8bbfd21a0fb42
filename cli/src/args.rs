//! The command line: `generate`, `check` and `diff`, their flags and their `--help` text, and how
//! flags become a [`Task`] or a [`Comparison`].

use crate::diff::{Comparison, Format};
use crate::error::TaskError;
use crate::files::relative_path;
use crate::task::{crate_name_for, Layout, Task};
use clap::builder::NonEmptyStringValueParser;
use clap::{Args, Parser, Subcommand};
use openapi_sdk_codegen::diff::Packaging;
use openapi_sdk_codegen::{GitReference, RuntimeSource, RUNTIME_VERSION};
use std::path::{Path, PathBuf};

/// The command name, as a fix hint spells it.
pub const BIN: &str = "openapi-sdk-gen";

const ABOUT: &str = "Generate a Rust SDK crate from an OpenAPI document (3.0, 3.1, Swagger 2.0)";

const LONG_ABOUT: &str = "\
Generate a Rust SDK crate from an OpenAPI document (3.0, 3.1, Swagger 2.0): typed models, an async
client with a builder per operation, and a Cargo feature per tag. The generated crate depends on the
runtime crate openapi-sdk-runtime (retries, timeouts, auth, pagination, errors).

Exit status: 0 on success, 1 when `check` finds drift or `diff` finds a breaking change, 2 for a usage
error, a file that cannot be read or written, or a spec or configuration the generator refuses (the
message names the file, the JSON pointer into it and the reason).";

const EXAMPLES: &str = "\
Examples:
  openapi-sdk-gen generate --spec api.yaml --out ./petstore
  openapi-sdk-gen check --spec api.yaml --out ./petstore
  openapi-sdk-gen diff old.yaml new.yaml";

/// `openapi-sdk-gen`: the command line.
#[derive(Debug, Parser)]
#[command(
    name = BIN,
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_long_help = EXAMPLES,
    arg_required_else_help = true
)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// One command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the crate (or modules) a spec generates; only changed files are rewritten
    #[command(
        long_about = "\
Write the crate (or modules) a spec generates into --out. Only files whose bytes changed are
rewritten, and generated files the spec no longer produces (.rs files, Cargo.toml) are removed;
other files in the folder are left alone. The generator's notes (renamed collisions, tolerated
spec mistakes) are counted by kind; --verbose lists them with their JSON pointers.",
        after_long_help = "\
Examples:
  # A crate named after its folder (petstore), using openapi-sdk-runtime from crates.io:
  openapi-sdk-gen generate --spec api.yaml --out ./petstore

  # A crate named petstore-client, with the runtime from a local checkout:
  openapi-sdk-gen generate --spec api.yaml --out ./client --crate petstore-client \\
      --runtime-path ../openapi-sdk/sdk/runtime

  # The runtime from a git tag:
  openapi-sdk-gen generate --spec api.yaml --out ./client \\
      --runtime-git https://example.com/openapi-sdk.git --runtime-tag v0.1.0

  # Bare modules for the crate my-api, which you write by hand (mount mod.rs with #[path]):
  openapi-sdk-gen generate --spec api.yaml --out ./src/generated --modules --crate my-api"
    )]
    Generate(GenerateArgs),
    /// Fail with a diff when the files in --out differ from what the spec generates
    #[command(
        long_about = "\
Generate in memory and compare with the files in --out, never writing. When they differ, print a
unified diff per changed file, the missing and orphaned files, and the `openapi-sdk-gen generate`
command that fixes it, then exit with status 1 (2 when the spec itself is refused). Takes the same
flags as `generate`: check with the flags you generate with.",
        after_long_help = "\
Examples:
  # In CI, after committing the generated crate:
  openapi-sdk-gen check --spec api.yaml --out ./petstore"
    )]
    Check(GenerateArgs),
    /// Classify the generated public API's changes between two specs under semver
    #[command(
        long_about = "\
Compare the Rust API two versions of a spec generate, and classify each change as breaking (a
major release), minor (an addition) or patch (no change to the Rust API). The report goes to
stdout. Exit status 1 when at least one change is breaking, 0 otherwise, 2 when a spec or the
configuration cannot be read or is refused (with the JSON pointer and the reason).",
        after_long_help = "\
Examples:
  openapi-sdk-gen diff v1/api.yaml v2/api.yaml
  openapi-sdk-gen diff v1/api.yaml v2/api.yaml --json > changes.json"
    )]
    Diff(DiffArgs),
}

/// The flags of `generate` and `check`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// The OpenAPI document (YAML or JSON)
    #[arg(
        long,
        value_name = "PATH",
        long_help = "\
The OpenAPI document (YAML or JSON; OpenAPI 3.0, 3.1 or Swagger 2.0). Relative file references
($ref: ./schemas/pet.yaml#/Pet) are read from its folder, never outside it and never over the
network. Generated file headers name its file name."
    )]
    pub spec: PathBuf,
    /// The output folder
    #[arg(
        long,
        value_name = "DIR",
        long_help = "\
The output folder: the generated crate's root (Cargo.toml, src/), or with --modules the folder that
holds the modules. Created when missing."
    )]
    pub out: PathBuf,
    /// The package name (default: the --out folder's name); with --modules, the crate that mounts them
    #[arg(
        long = "crate",
        value_name = "NAME",
        long_help = "\
The generated crate's package name. Default: the --out folder's name, with characters Cargo refuses
replaced by '-'. With --modules (where it is required), the name of the crate that mounts the
modules at its root, which their doc examples `use`."
    )]
    pub crate_name: Option<String>,
    /// The generator configuration (default: `<spec stem>.codegen.yaml` next to the spec).
    #[arg(
        long,
        help = "The generator configuration (default: <spec stem>.codegen.yaml next to the spec)",
        value_name = "PATH",
        long_help = "\
The generator configuration (YAML): names, package metadata, the runtime source, and more (see
docs/generator.md). Default: <spec stem>.codegen.yaml next to the spec when that file exists, else
none."
    )]
    pub config: Option<PathBuf>,
    /// Write bare modules instead of a standalone crate
    #[arg(
        long,
        requires = "crate_name",
        long_help = "\
Write bare modules (mod.rs, client.rs, models/, operations/) for a crate whose Cargo.toml and lib.rs
you write yourself, instead of a standalone crate: mount mod.rs with #[path] and re-export it at the
crate root. Needs --crate NAME. Default: a standalone crate. The runtime flags do not apply (no
Cargo.toml is written)."
    )]
    pub modules: bool,
    /// List every generator note (default: counted by kind)
    #[arg(
        long,
        long_help = "\
List every generator note with its JSON pointer into the spec (renamed collisions, tolerated spec
mistakes, configuration notes). Default: the notes are counted by kind."
    )]
    pub verbose: bool,
    /// Where the generated crate gets openapi-sdk-runtime.
    #[command(flatten)]
    pub runtime: RuntimeArgs,
}

/// Where the generated crate's `openapi-sdk-runtime` dependency comes from.
#[derive(Debug, Clone, Default, Args)]
#[command(
    next_help_heading = "Runtime source (default: the configuration's `runtime`, else crates.io)"
)]
pub struct RuntimeArgs {
    /// The runtime's version requirement (default: the generator's own runtime version)
    #[arg(
        long,
        value_name = "REQ",
        value_parser = NonEmptyStringValueParser::new(),
        conflicts_with = "modules",
        long_help = runtime_version_help()
    )]
    pub runtime_version: Option<String>,
    /// Take the runtime from a folder holding its Cargo.toml
    #[arg(
        long,
        value_name = "DIR",
        conflicts_with_all = ["runtime_git", "modules"],
        long_help = "\
Take the runtime from a folder holding its Cargo.toml (path dependency, with the version
requirement). A relative DIR is relative to the current directory; the Cargo.toml gets it relative
to the generated crate's folder (absolute when no relative path exists), so it resolves."
    )]
    pub runtime_path: Option<PathBuf>,
    /// Take the runtime from a git repository
    #[arg(
        long,
        value_name = "URL",
        value_parser = NonEmptyStringValueParser::new(),
        conflicts_with = "modules",
        long_help = "\
Take the runtime from a git repository (https://, ssh:// or file:// URL) that holds it; Cargo finds
the package by name. Default commit: the default branch's head; --runtime-branch, --runtime-tag or
--runtime-rev choose another."
    )]
    pub runtime_git: Option<String>,
    /// With --runtime-git: a branch
    #[arg(
        long,
        value_name = "BRANCH",
        requires = "runtime_git",
        conflicts_with_all = ["runtime_tag", "runtime_rev"],
        value_parser = NonEmptyStringValueParser::new(),
        long_help = "With --runtime-git: the head of this branch."
    )]
    pub runtime_branch: Option<String>,
    /// With --runtime-git: a tag
    #[arg(
        long,
        value_name = "TAG",
        requires = "runtime_git",
        conflicts_with = "runtime_rev",
        value_parser = NonEmptyStringValueParser::new(),
        long_help = "With --runtime-git: this tag."
    )]
    pub runtime_tag: Option<String>,
    /// With --runtime-git: a commit id
    #[arg(
        long,
        value_name = "REV",
        requires = "runtime_git",
        value_parser = NonEmptyStringValueParser::new(),
        long_help = "With --runtime-git: this commit id."
    )]
    pub runtime_rev: Option<String>,
}

/// `--runtime-version`'s long help, which names the generator's runtime version.
fn runtime_version_help() -> String {
    format!(
        "The runtime's version requirement. Default: {RUNTIME_VERSION}, the runtime this generator was
built with.

Where the runtime comes from, by default: the generator configuration's `runtime` key when it has
one, else crates.io by version. The --runtime-* flags replace the configuration's choice as a
whole: --runtime-version alone takes the runtime from crates.io; with --runtime-path or
--runtime-git it is the requirement that folder or repository must satisfy."
    )
}

/// The flags of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old version of the OpenAPI document
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new version of the OpenAPI document
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// The generator configuration for both (default: each spec's own `<spec stem>.codegen.yaml`).
    #[arg(
        long,
        help = "The generator configuration for both (default: each spec's own <spec stem>.codegen.yaml)",
        value_name = "PATH",
        long_help = "\
The generator configuration both specs are generated with. Default: each spec's own
<spec stem>.codegen.yaml next to it when that file exists, else none."
    )]
    pub config: Option<PathBuf>,
    /// Compare as bare modules rather than standalone crates
    #[arg(
        long,
        long_help = "\
Compare as bare modules (re-exported flat: an operation's tag is invisible) rather than as
standalone crates with a Cargo feature per tag (where features and what each enables are public).
Default: standalone crates, as `generate` writes them."
    )]
    pub modules: bool,
    /// Print the changes as JSON instead of text
    #[arg(
        long,
        long_help = "Print the changes as JSON (one object per change, with its level) instead of text."
    )]
    pub json: bool,
}

impl GenerateArgs {
    /// The task these flags describe; relative paths are relative to `cwd`.
    pub fn task(&self, cwd: &Path) -> Result<Task, TaskError> {
        let layout = if self.modules {
            Layout::Modules {
                crate_path: self
                    .crate_name
                    .clone()
                    .unwrap_or_else(|| crate_name_for(&cwd.join(&self.out)))
                    .replace('-', "_"),
            }
        } else {
            Layout::Crate {
                name: self
                    .crate_name
                    .clone()
                    .unwrap_or_else(|| crate_name_for(&cwd.join(&self.out))),
                runtime: self.runtime.source(&cwd.join(&self.out), cwd)?,
            }
        };
        Ok(Task {
            spec: cwd.join(&self.spec),
            out: cwd.join(&self.out),
            spec_name: self.spec.to_string_lossy().into_owned(),
            config: self.config.as_ref().map(|c| cwd.join(c)),
            layout,
        })
    }

    /// The `generate` command line these flags repeat (a `check` failure names it as the fix).
    pub fn command_line(&self) -> String {
        let mut words = vec![BIN.to_owned(), "generate".to_owned()];
        let mut flag = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                words.push(name.to_owned());
                words.push(shell_word(&value));
            }
        };
        let path = |p: &Option<PathBuf>| p.as_ref().map(|p| p.to_string_lossy().into_owned());
        flag("--spec", Some(self.spec.to_string_lossy().into_owned()));
        flag("--out", Some(self.out.to_string_lossy().into_owned()));
        flag("--crate", self.crate_name.clone());
        flag("--config", path(&self.config));
        let r = &self.runtime;
        flag("--runtime-version", r.runtime_version.clone());
        flag("--runtime-path", path(&r.runtime_path));
        flag("--runtime-git", r.runtime_git.clone());
        flag("--runtime-branch", r.runtime_branch.clone());
        flag("--runtime-tag", r.runtime_tag.clone());
        flag("--runtime-rev", r.runtime_rev.clone());
        if self.modules {
            words.push("--modules".to_owned());
        }
        words.join(" ")
    }
}

impl RuntimeArgs {
    /// The runtime source these flags name for a crate generated into `out`, or `None` when no
    /// flag is given (the configuration decides). A relative `--runtime-path` is relative to
    /// `cwd` and becomes relative to `out`.
    pub fn source(&self, out: &Path, cwd: &Path) -> Result<Option<RuntimeSource>, TaskError> {
        let version = self
            .runtime_version
            .clone()
            .unwrap_or_else(|| RUNTIME_VERSION.to_owned());
        if let Some(dir) = &self.runtime_path {
            let dir = cwd.join(dir);
            let path = match relative_path(out, &dir) {
                Some(path) => path,
                None => std::path::absolute(&dir)
                    .map_err(|e| TaskError::Io(dir.clone(), e))?
                    .to_str()
                    .ok_or_else(|| {
                        TaskError::Usage(format!(
                            "--runtime-path {} is not valid UTF-8, which Cargo.toml needs",
                            dir.display()
                        ))
                    })?
                    .to_owned(),
            };
            return Ok(Some(RuntimeSource::Path { path, version }));
        }
        if let Some(url) = &self.runtime_git {
            let reference = match (&self.runtime_branch, &self.runtime_tag, &self.runtime_rev) {
                (Some(branch), _, _) => GitReference::Branch(branch.clone()),
                (_, Some(tag), _) => GitReference::Tag(tag.clone()),
                (_, _, Some(rev)) => GitReference::Rev(rev.clone()),
                _ => GitReference::DefaultBranch,
            };
            return Ok(Some(RuntimeSource::Git {
                url: url.clone(),
                reference,
                version,
            }));
        }
        Ok(self
            .runtime_version
            .is_some()
            .then_some(RuntimeSource::Registry { version }))
    }
}

impl DiffArgs {
    /// The comparison these flags describe (paths as given: the report names them so).
    pub fn comparison(&self) -> Comparison {
        Comparison {
            old: self.old.clone(),
            new: self.new.clone(),
            config: self.config.clone(),
            packaging: if self.modules {
                Packaging::Modules
            } else {
                Packaging::Crate
            },
            format: if self.json {
                Format::Json
            } else {
                Format::Text
            },
        }
    }
}

/// `word` as one shell word: unchanged when it holds only characters no shell treats specially,
/// else single-quoted.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@+=,".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
