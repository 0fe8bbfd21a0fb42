//! The project's tasks as library functions, so the `xtask` binary stays thin and a test can run
//! the drift check exactly as CI does.

pub mod bench;
pub mod benchmarks;

use openapi_sdk_codegen::{
    generate_with_files, Config, CrateOptions, FsFiles, Generated, Options, Output, RuntimeSource,
};
use std::collections::BTreeMap;
use std::fmt;
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

    /// The configuration file this task uses, if any.
    pub fn config_path(&self) -> Option<PathBuf> {
        if let Some(path) = &self.config {
            return Some(path.clone());
        }
        let stem = self.spec.file_stem()?.to_string_lossy().into_owned();
        let candidate = self.spec.with_file_name(format!("{stem}.codegen.yaml"));
        candidate.is_file().then_some(candidate)
    }
}

/// `to` relative to `from` (both made absolute), with `/` separators; `None` when they share no
/// root.
pub fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let from = std::path::absolute(from).ok()?;
    let to = std::path::absolute(to).ok()?;
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let ups = std::iter::repeat_n("..".to_owned(), from.len() - common);
    let downs = to[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let parts: Vec<String> = ups.chain(downs).collect();
    Some(if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    })
}

/// Why a task failed.
#[derive(Debug)]
pub enum TaskError {
    /// Reading or writing a file failed.
    Io(PathBuf, std::io::Error),
    /// The generator refused the spec.
    Generate(openapi_sdk_codegen::Error),
    /// The checked-in code differs from what the spec generates.
    Drift(Drift),
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            TaskError::Generate(e) => write!(f, "generation failed: {e}"),
            TaskError::Drift(d) => d.fmt(f),
        }
    }
}

impl std::error::Error for TaskError {}

/// Files that differ between the checked-in output and a fresh generation.
#[derive(Debug, Default)]
pub struct Drift {
    /// Changed files with their unified diffs (checked-in → generated).
    pub changed: Vec<(String, String)>,
    /// Files the spec generates that are not checked in.
    pub missing: Vec<String>,
    /// Checked-in `.rs` files the spec no longer generates.
    pub orphaned: Vec<String>,
    /// The command that fixes it.
    pub fix: String,
}

impl Drift {
    fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.orphaned.is_empty()
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "generated code is out of date with the spec:")?;
        for (file, diff) in &self.changed {
            writeln!(f, "\n--- changed: {file}\n{diff}")?;
        }
        for file in &self.missing {
            writeln!(f, "missing: {file}")?;
        }
        for file in &self.orphaned {
            writeln!(f, "orphaned (no longer generated): {file}")?;
        }
        write!(f, "\nfix: run `{}` and commit the result", self.fix)
    }
}

/// A summary of a generation.
#[derive(Debug, Default)]
pub struct Report {
    /// Files written because they changed or were new.
    pub written: Vec<String>,
    /// Files removed because the spec no longer generates them.
    pub removed: Vec<String>,
    /// Files left untouched.
    pub unchanged: usize,
    /// The generator's notes.
    pub diagnostics: Vec<String>,
    /// How many notes of each kind (`renamed`, `tolerated`, …), by kind.
    pub note_counts: BTreeMap<&'static str, usize>,
}

fn run_generator(task: &Task) -> Result<Generated, TaskError> {
    // The spec's folder is the root of a multi-file spec: its file references are read there and
    // never outside it.
    let io = |e| TaskError::Io(task.spec.clone(), e);
    let spec = task.spec.canonicalize().map_err(io)?;
    let (Some(folder), Some(main)) = (spec.parent(), spec.file_name().and_then(|n| n.to_str()))
    else {
        return Err(io(std::io::Error::other("not a file with a UTF-8 name")));
    };
    let files = FsFiles::new(folder).map_err(io)?;
    let config = match task.config_path() {
        Some(path) => {
            let text =
                std::fs::read_to_string(&path).map_err(|e| TaskError::Io(path.clone(), e))?;
            Config::parse(&text).map_err(TaskError::Generate)?
        }
        None => Config::default(),
    };
    let output = match &task.crate_name {
        None => Output::Modules,
        Some(name) => {
            // Inside this workspace the crate also finds the runtime by a relative path; anywhere
            // else it depends on the published version alone.
            let root = workspace_root();
            let inside = std::path::absolute(&task.out).is_ok_and(|out| out.starts_with(&root));
            Output::Crate(CrateOptions {
                name: name.clone(),
                version: "0.1.0".to_owned(),
                runtime: inside
                    .then(|| relative_path(&task.out, &root.join(RUNTIME_DIR)))
                    .flatten()
                    .map(|path| RuntimeSource::Path {
                        path,
                        version: RUNTIME_VERSION.to_owned(),
                    }),
            })
        }
    };
    let options = Options {
        spec_name: task.spec_name.clone(),
        config,
        output,
        ..Options::default()
    };
    generate_with_files(&files, main, &options).map_err(TaskError::Generate)
}

/// The files the generator owns under `dir` (`.rs` files, a top-level `Cargo.toml` and the
/// generated manifests of split model crates; build output in `target/` is not looked at),
/// relative, with `/` separators.
fn existing_files(dir: &Path) -> Result<BTreeMap<String, PathBuf>, TaskError> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(TaskError::Io(d, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| TaskError::Io(d.clone(), e))?.path();
            let manifest = path.file_name().is_some_and(|n| n == "Cargo.toml");
            if path.is_dir() {
                if path.file_name().is_none_or(|n| n != "target") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs")
                || (manifest && d == dir)
                || (manifest
                    && std::fs::read_to_string(&path).is_ok_and(|t| t.starts_with("# @generated")))
                // A crate's README, when the generator wrote it (a hand-written one stays).
                || (d == dir
                    && path.file_name().is_some_and(|n| n == "README.md")
                    && std::fs::read_to_string(&path).is_ok_and(|t| t.starts_with("<!-- @generated")))
            {
                if let Ok(rel) = path.strip_prefix(dir) {
                    let rel = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    out.insert(rel, path);
                }
            }
        }
    }
    Ok(out)
}

/// Writes the generated files (only those whose bytes changed) and removes orphaned ones.
pub fn generate_files(task: &Task) -> Result<Report, TaskError> {
    let generated = run_generator(task)?;
    let existing = existing_files(&task.out)?;
    let mut report = Report {
        diagnostics: generated
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.pointer, d.message))
            .collect(),
        ..Report::default()
    };
    for d in &generated.diagnostics {
        *report.note_counts.entry(d.kind.label()).or_default() += 1;
    }
    for (rel, contents) in &generated.files {
        let path = task.out.join(rel);
        if std::fs::read(&path).is_ok_and(|old| old == contents.as_bytes()) {
            report.unchanged += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| TaskError::Io(parent.to_path_buf(), e))?;
        }
        std::fs::write(&path, contents).map_err(|e| TaskError::Io(path.clone(), e))?;
        report.written.push(rel.clone());
    }
    for (rel, path) in existing {
        if !generated.files.contains_key(&rel) {
            std::fs::remove_file(&path).map_err(|e| TaskError::Io(path.clone(), e))?;
            remove_empty_parents(&path, &task.out);
            report.removed.push(rel);
        }
    }
    Ok(report)
}

/// Removes the folders above a removed file that it leaves empty (a model crate that is no
/// longer generated, say), up to but not including `root`. A folder that still holds anything,
/// a build's `target/` included, stays.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Compares the checked-in files with a fresh generation; never writes.
pub fn check_files(task: &Task, fix: &str) -> Result<(), TaskError> {
    let generated = run_generator(task)?;
    let existing = existing_files(&task.out)?;
    let mut drift = Drift {
        fix: fix.to_owned(),
        ..Drift::default()
    };
    for (rel, contents) in &generated.files {
        match existing.get(rel) {
            None => drift.missing.push(rel.clone()),
            Some(path) => {
                let old =
                    std::fs::read_to_string(path).map_err(|e| TaskError::Io(path.clone(), e))?;
                if &old != contents {
                    let diff = similar::TextDiff::from_lines(&old, contents)
                        .unified_diff()
                        .context_radius(3)
                        .header(
                            &format!("a/{rel} (checked in)"),
                            &format!("b/{rel} (generated)"),
                        )
                        .to_string();
                    drift.changed.push((rel.clone(), diff));
                }
            }
        }
    }
    drift.orphaned = existing
        .keys()
        .filter(|rel| !generated.files.contains_key(*rel))
        .cloned()
        .collect();
    if drift.is_empty() {
        Ok(())
    } else {
        Err(TaskError::Drift(drift))
    }
}
