//! `cargo xtask bench`: measures the SDK against its baselines and writes docs/BENCHMARKS.md with
//! its chart, docs/benchmarks.svg.
//!
//! Sections (page order): `codec` (decode and encode), `request` (overhead of one call),
//! `pagination` (memory over 100,000 streamed items) run the release binary of `bench/compare/`,
//! a workspace of its own with datadog-api-client, which prints one JSON line per result; `build`
//! times clean builds of three one-file crates (`cost.rs`); `full-v2` and `generation` reuse
//! `bench-build` and `bench-generate` (`bench.rs`); `streaming` runs the runtime's streaming
//! benchmark (`streaming.rs`). Every record is kept in
//! `target/bench-compare/results.json`, so `--only SECTION` and `--skip-slow` (which reuses the
//! datadog-api-client build figures) re-measure part of the page and reuse the rest, marked.
//!
//! The page is a pure function of the records and the machine's facts (`page.rs`, `svg.rs`).

pub mod cost;
pub mod machine;
pub mod page;
pub mod record;
pub mod streaming;
pub mod svg;

use machine::Machine;
use page::names::{CLEAN, CONNECTIONS, DDAC, FLOOR, GENERATE, LOAD, OURS, PREBUILT, V2};
use page::SECTIONS;
use record::Measurement;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// What `cargo xtask bench --help` says about the flags.
pub const FLAGS: &str =
    "  --only SECTION  measure this section only, reuse the others' last figures (repeatable):
                  codec, request, pagination, build, full-v2, generation, streaming
  --skip-slow     reuse the last datadog-api-client build figures (about 10 minutes and 10 GB
                  to measure) when there are some
  --quick         fewer rounds in the micro-benchmarks and generation runs (to try things out)
  --render-only   write the page and chart again from the last figures, measuring nothing";

/// The command's options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// The sections to measure (all when empty).
    pub only: Vec<String>,
    /// Reuse the datadog-api-client build figures.
    pub skip_slow: bool,
    /// Fewer rounds.
    pub quick: bool,
    /// Measure nothing: write the page from the kept figures.
    pub render_only: bool,
}

/// Reads the command's arguments.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--skip-slow" => options.skip_slow = true,
            "--quick" => options.quick = true,
            "--render-only" => options.render_only = true,
            "--only" => {
                let section = it.next().ok_or("--only needs a section")?;
                if !SECTIONS.contains(&section.as_str()) {
                    return Err(format!(
                        "unknown section {section} (sections: {})",
                        SECTIONS.join(", ")
                    ));
                }
                if !options.only.contains(section) {
                    options.only.push(section.clone());
                }
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(options)
}

impl Options {
    /// The sections to measure, in page order.
    pub fn sections(&self) -> Vec<&'static str> {
        SECTIONS
            .iter()
            .copied()
            .filter(|s| self.only.is_empty() || self.only.iter().any(|o| o == s))
            .collect()
    }
}

/// What profiling showed for each target, printed on the page when the target is missed. Written
/// by hand from `perf` and cargo's timings; each says when and how it was profiled.
pub const NOTES: &[(&str, &str)] = &[
    ("decode-org", DECODE_NOTE),
    ("decode-team", DECODE_NOTE),
    (
        "decode-ddac",
        "datadog-api-client's model visitors read every field into a `serde_json::Value` and \
         convert it with `from_value`, so each nested object is built as a `Value` tree (a \
         `BTreeMap` of owned keys) and taken apart again once per level above it. perf of the \
         codec run (2026-11-30) shows its time in building and dropping those maps (`Value` map \
         deserialisation, `BTreeMap` insert and drain, malloc and free) rather than in parsing. \
         That is allocator work, so the ratio moves with the allocator and with other load on the \
         machine: 6.2× in the issue's earlier run.",
    ),
    (
        "build",
        "cargo --timings of the SDK user's clean build (2026-11-30, 115 s): the SDK adds two \
         crates at the end of the critical path, openapi-sdk-runtime (5.1 s, after reqwest) then \
         datadog-connections (2.7 s) and the binary (1.1 s); its extra dependencies (thiserror \
         and tracing-attributes, both proc macros, serde_path_to_error, httpdate, fastrand) take \
         about 5 s of CPU beside reqwest's tree. Both builds are dominated by the same C build \
         of aws-lc-sys (47 s) and rustls (20 s), so the gap is within the noise of a shared \
         machine from run to run.",
    ),
    ("request-sequential", REQUEST_NOTE),
    ("request-concurrent", REQUEST_NOTE),
    (
        "generation-memory",
        "the `load` row is most of it: the document as openapiv3 types and the generator's own \
         value (about 71 MB at its peak in a process of its own). Generation frees the parsed \
         document while it renders the files, so it peaks barely above `load` (72 MB; 97 MB when \
         the document was held to the end), holding the lowered model and every formatted file \
         of the crate until they are written.",
    ),
    ("full-v2-wall", FULL_V2_NOTE),
    ("full-v2-memory", FULL_V2_NOTE),
    (
        "generation-time",
        "perf of one full-v2 generation, release build (2026-12-01): the generator writes 13 MB \
         of Rust in about 240 files, and building, parsing and printing it is the time the floor \
         does not have. Timed by stage: reading the document 210 ms (the floor is 150 ms: the YAML \
         becomes a JSON value, 110 ms, which is then read as openapiv3 types on 2 threads, 90 ms), \
         lowering 83 ms on one core, and emitting and formatting the files 555 ms on 2 cores. Of \
         the CPU samples, syn parsing the token streams is about 27% (`impl` items 19%, copying \
         each token into syn's buffer and freeing it 14%), prettyplease 15%, the emitters 17%, \
         and glibc's allocator (malloc, free, consolidation, memmove) about 40% spread over all \
         of them. A string enum's six impl blocks now come from the runtime's `string_enum!` \
         (6.5× to 5.9×). Measured and not adopted: mimalloc as the xtask's allocator makes \
         generation 0.52 s, but the floor too (0.11 s), so 4.5×, and its peak rises to 125 MB \
         (the floor's to 112 MB), over the memory target; with purging tuned to stay under it, \
         4.2×. The rest of the gap is syn and prettyplease themselves, which the generator \
         is built on. Emission and formatting are spread over the 2 cores, so other load on the \
         machine slows generation more than the single-threaded floor.",
    ),
];

/// The request targets' note (both cases share it).
const REQUEST_NOTE: &str = "perf of the request run (2026-11-30, idle machine): the runtime's own \
     code (request building, credentials, the retry plan, the bounded body read, the send \
     future) stays under 1% of the samples; the kernel's loopback path is 40% and malloc 21%. \
     Sequential calls are within a few percent. With 64 calls in flight on 2 cores the client is \
     CPU-bound. It used two tokio timers per call (the attempt timeout and the deadline); one is \
     enough, and dropping the other took this from 1.17× to 1.13×. A second round (2026-12-01, \
     each side alone in a process of its own, 64 tasks × 4 calls, 100 rounds): the SDK makes 579 \
     allocations per call against 570 by hand, and removing its last timer changed nothing \
     (87-91 µs against 71); but it made 74,000 context switches against 40,000 and 25,800 \
     `futex` calls against 4,700, and perf of those calls puts them in glibc's malloc and free \
     waiting on an arena lock while the bodies are decoded (the ids' `String`s), so the workers \
     sat idle more (1.52 CPUs busy against 1.78). With a larger per-thread cache \
     (`GLIBC_TUNABLES=glibc.malloc.tcache_count=1000`) the gap closes to 72 µs against 68 (1.05×), \
     and with one arena for all threads both are 170 µs (1.02×); with mimalloc as the \
     program's allocator both are faster and the context switches equal (52 µs against 49.5, \
     1.06×). Ruled out one by one: the SDK's reqwest client (given the hand-written one through \
     `http_client`, no change), its tracing spans, the chunked body read, the response headers' \
     copy, and its 2.8 KB boxed send future (the same allocation held across the await by the \
     hand-written call costs it nothing). So what is left is how glibc's arena locks fall under \
     this schedule; which allocation tips them is not found. Runs on a loaded machine measured \
     1.02 to 1.08×.";

/// The full-v2 targets' note (time and memory share it).
const FULL_V2_NOTE: &str = "rustc's `-Z time-passes` on the crate with `full` (2026-11-30, \
     dependencies prebuilt), before and after this round of cuts: LLVM code generation fell from \
     20.8 s to 1.3 s and peak memory from 4.5 to 3.2 GB (builder glue and model setters are \
     `#[inline]`, so the library compiles to machine code only what a user calls; models \
     serialize and decode through the runtime's `serialize_struct!`/`deserialize_struct!`, which \
     call shared generic steps; every operation's future is the runtime's one boxed send future \
     instead of an `async fn` state machine). What is left is the front end, spread thinly over \
     about 60,000 function bodies (3,812 structs, 1,167 enums, 985 operations, each with its \
     derives, constructor, setters and serde impls): on a 12-tag slice, MIR borrow checking \
     (with the bodies' type inference) is 43%, type checking 26%, crate metadata 8%, coherence \
     7%, and `perf` of rustc shows no hot spot (type interning 7%, the rest under 2% per \
     function). Measured on that slice, dropping every model setter would save 11%, `PartialEq` \
     13%, all doc comments 14%: API and documentation users rely on, so they stay. So the models \
     are now generated as crates of their own (a shared crate and parts holding whole tags), \
     which cargo builds in parallel and rustc holds in memory one at a time: with `full`, 62.7 s \
     and 3.07 GB became about 24 s and 0.6 GB (1.2 GB over all processes).";

/// The decode targets' note (both cases share it).
const DECODE_NOTE: &str = "perf of each decoder alone (2026-12-01, release build with symbols): \
     both spend the largest share in serde_json's string scanning (`parse_str`, `from_utf8`, \
     `skip_to_escape`, a third of each profile); the difference is data movement, which follows \
     the size of the values. `additional_properties` was a 24-byte map in every object; it is now \
     `AdditionalProperties`, one pointer, the map allocated only when something is kept. String \
     enums kept an unknown value as a `String` (24 bytes against the derived enum's 1); it is \
     now `UnknownValue`, one pointer, so an enum is 8 or 16 bytes: a team connection went from \
     360 to 248 to 200 bytes (the mirror's is 120), and the org list, whose connections hold a \
     `Vec` of enums, from 1.05-1.07× to 1.03×. The team page stayed at 1.09-1.11×: with \
     symbols, serde_json moving each finished object out of its map visitor (`de.rs:1806`) is \
     5.6% of the SDK's samples against 1.7% for the derive, and `memmove` 3.5% against under \
     1%; what is left is the one pointer of `additional_properties` in each of a team \
     connection's five objects and the enums' 8 bytes against 1, which is the feature (unknown \
     properties and values kept) itself.";

/// The files the command writes, relative to the workspace root.
pub const PAGE: &str = "docs/BENCHMARKS.md";
/// The chart, relative to the workspace root.
pub const CHART: &str = "docs/benchmarks.svg";
/// The kept results, relative to the workspace root.
pub const RESULTS: &str = "target/bench-compare/results.json";

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// `cargo xtask bench`.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let started = Instant::now();
    let run_id = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let results = root.join(RESULTS);
    let kept = record::load(&results);
    if options.render_only {
        // The page as the latest run wrote it, with that run's facts.
        let (run, facts) = kept.latest();
        let machine = facts.cloned().unwrap_or_else(|| Machine::read(root));
        write_page(root, &machine, &kept.measurements, run)?;
        eprintln!("wrote {PAGE} and {CHART} from {RESULTS}");
        return Ok(());
    }
    let machine = Machine::read(root);
    let mut runs = kept.runs.clone();
    runs.insert(run_id, machine.clone());
    let kept = kept.measurements;
    let sections = options.sections();
    let mut done: Vec<&str> = Vec::new();
    let mut measured: Vec<Measurement> = Vec::new();
    let mut harness: Option<PathBuf> = None;
    for section in &sections {
        let section_started = Instant::now();
        eprintln!("== bench {section}");
        let rows = match *section {
            "codec" | "request" | "pagination" => {
                let exe = match &harness {
                    Some(exe) => exe.clone(),
                    None => {
                        let exe = build_harness(root)?;
                        harness = Some(exe.clone());
                        exe
                    }
                };
                let args: Vec<&str> = match *section {
                    "codec" => vec!["codec"],
                    "request" => vec!["request"],
                    _ => vec!["paginate", "--items", "100000", "--page-size", "100"],
                };
                let quick = options.quick && *section != "pagination";
                Some(run_harness(&exe, &args, quick)?)
            }
            "build" => Some(build_section(root, &kept, options.skip_slow)?),
            "full-v2" => full_v2_section(root)?,
            "generation" => generation_section(root, if options.quick { 2 } else { 5 })?,
            streaming::SECTION => Some(streaming::measure(root, options.quick)?),
            _ => None,
        };
        let Some(mut rows) = rows else {
            continue;
        };
        for m in &mut rows {
            if m.run == 0 {
                m.run = run_id;
                m.date = machine.date.clone();
                m.commit = machine.commit.clone();
            }
        }
        eprintln!(
            "   {section}: {} figures in {:.0} s",
            rows.len(),
            section_started.elapsed().as_secs_f64()
        );
        measured.extend(rows);
        done.push(section);
        // Kept after every section, so a failure later loses nothing measured.
        let all = record::merge(kept.clone(), measured.clone(), &done, &SECTIONS);
        record::save(&results, &record::Kept::new(all, &runs))?;
    }
    let all = record::merge(kept, measured, &done, &SECTIONS);
    write_page(root, &machine, &all, run_id)?;
    eprintln!(
        "wrote {PAGE} and {CHART} in {:.1} min",
        started.elapsed().as_secs_f64() / 60.0
    );
    for t in page::targets(&all) {
        eprintln!(
            "  {:<70} {:>10} {:>10}  {}",
            t.what,
            t.value_text(),
            t.limit_text(),
            t.status_text().replace("**", "")
        );
    }
    Ok(())
}

/// Writes the page and the chart from the records.
pub fn write_page(
    root: &Path,
    machine: &Machine,
    all: &[Measurement],
    run: u64,
) -> Result<(), String> {
    let chart_name = Path::new(CHART)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let markdown = page::render(
        all,
        &page::PageInput {
            machine,
            run,
            chart: &chart_name,
            notes: NOTES,
        },
    );
    let chart = svg::render(
        "Ours ÷ baseline (log scale; below 1 is better)",
        &page::bars(all),
    );
    for (path, text) in [(PAGE, markdown), (CHART, chart)] {
        let path = root.join(path);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Builds `bench/compare` (release) into its own target folder; the binary's path.
fn build_harness(root: &Path) -> Result<PathBuf, String> {
    let target = root.join("target").join("bench-compare").join("harness");
    eprintln!("   building bench/compare (release; the first build compiles datadog-api-client: minutes, about 10 GB)…");
    let status = Command::new(cargo())
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("bench").join("compare").join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err("building bench/compare failed".to_owned());
    }
    Ok(target.join("release").join("bench-compare"))
}

/// Runs the comparison binary; its JSON lines.
fn run_harness(exe: &Path, args: &[&str], quick: bool) -> Result<Vec<Measurement>, String> {
    let mut cmd = Command::new(exe);
    cmd.args(args);
    if quick {
        cmd.arg("--quick");
    }
    let output = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run {}: {e}", exe.display()))?;
    if !output.status.success() {
        return Err(format!(
            "bench-compare {} failed ({})",
            args.join(" "),
            output.status
        ));
    }
    record::parse_lines(&String::from_utf8_lossy(&output.stdout))
}

/// Clean debug builds of the three crates; datadog-api-client's also with its dependencies
/// prebuilt. With `skip_slow`, datadog-api-client's kept figures are reused when there are both.
fn build_section(
    root: &Path,
    kept: &[Measurement],
    skip_slow: bool,
) -> Result<Vec<Measurement>, String> {
    let dir = root.join("target").join("bench-compare").join("build");
    let lock = root.join("bench").join("compare").join("Cargo.lock");
    let sdk = root.join("sdk");
    let mut rows = Vec::new();
    for krate in cost::crates() {
        if krate.subject == DDAC && skip_slow {
            let reused: Vec<Measurement> = kept
                .iter()
                .filter(|m| {
                    m.section == "build"
                        && m.subject == DDAC
                        && (m.case == CLEAN || m.case == PREBUILT)
                })
                .cloned()
                .collect();
            if reused.len() == 2 {
                eprintln!("   reusing datadog-api-client's build figures (--skip-slow)");
                rows.extend(reused);
                continue;
            }
            eprintln!("   no datadog-api-client build figures to reuse: measuring them");
        }
        let crate_dir = dir.join(krate.name);
        std::fs::create_dir_all(crate_dir.join("src")).map_err(|e| e.to_string())?;
        std::fs::write(crate_dir.join("Cargo.toml"), krate.manifest(&sdk))
            .map_err(|e| e.to_string())?;
        std::fs::write(crate_dir.join("src").join("main.rs"), krate.main)
            .map_err(|e| e.to_string())?;
        // The same versions everywhere: the comparison package's lockfile (cargo drops what a
        // crate does not use).
        if lock.is_file() {
            std::fs::copy(&lock, crate_dir.join("Cargo.lock")).map_err(|e| e.to_string())?;
        }
        let manifest = crate_dir.join("Cargo.toml");
        let status = Command::new(cargo())
            .args(["fetch", "--quiet", "--manifest-path"])
            .arg(&manifest)
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("cargo fetch for {} failed", krate.name));
        }
        let target = dir.join(format!("{}-target", krate.name));
        let _ = std::fs::remove_dir_all(&target);
        let build = || {
            let mut cmd = Command::new(cargo());
            // Non-incremental, as a dependency from crates.io is built (the SDK is a path
            // dependency here, which cargo would otherwise build incrementally).
            cmd.args(["build", "--quiet", "--manifest-path"])
                .arg(&manifest)
                .env("CARGO_TARGET_DIR", &target)
                .env("CARGO_INCREMENTAL", "0");
            cmd
        };
        eprintln!("   clean debug build of {}…", krate.name);
        let clean = cost::measure(&build())?;
        let mut values = clean.values();
        values.push((
            "target_mb",
            cost::dir_size(&target) as f64 / 1024.0 / 1024.0,
        ));
        rows.push(Measurement::new("build", CLEAN, krate.subject, &values));
        if krate.subject == DDAC {
            let status = Command::new(cargo())
                .args([
                    "clean",
                    "--quiet",
                    "-p",
                    "datadog-api-client",
                    "--manifest-path",
                ])
                .arg(&manifest)
                .env("CARGO_TARGET_DIR", &target)
                .status()
                .map_err(|e| e.to_string())?;
            if !status.success() {
                return Err("cargo clean -p datadog-api-client failed".to_owned());
            }
            eprintln!(
                "   debug build of {} with its dependencies prebuilt…",
                krate.name
            );
            let prebuilt = cost::measure(&build())?;
            rows.push(Measurement::new(
                "build",
                PREBUILT,
                DDAC,
                &prebuilt.values(),
            ));
        }
        // Gigabytes each; nothing reads them again.
        let _ = std::fs::remove_dir_all(&target);
    }
    Ok(rows)
}

/// The full-v2 crate with one tag's feature and with `full` (`None` without Datadog's spec).
fn full_v2_section(root: &Path) -> Result<Option<Vec<Measurement>>, String> {
    let spec = crate::bench::default_v2_spec(root);
    if !spec.is_file() {
        eprintln!("   skipped: {} is missing", spec.display());
        return Ok(None);
    }
    let features: Vec<String> = page::FULL_V2_FEATURES
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    // Folders of its own: `cargo xtask bench-build` may be running in this tree too.
    let dir = root.join("target").join("bench-compare").join("v2-crate");
    let target = root
        .join("target")
        .join("bench-compare")
        .join("v2-crate-target");
    let rows = crate::bench::full_v2_builds(root, &spec, (&dir, &target), &features, false)?;
    Ok(Some(
        rows.into_iter()
            .map(|(feature, cost)| Measurement::new("full-v2", &feature, OURS, &cost.values()))
            .collect(),
    ))
}

/// Generation of both specs against their parse floor (`None` without Datadog's spec).
fn generation_section(root: &Path, runs: usize) -> Result<Option<Vec<Measurement>>, String> {
    use crate::bench::{sample_stage, summary, Stage};
    let v2 = crate::bench::default_v2_spec(root);
    if !v2.is_file() {
        eprintln!("   skipped: {} is missing", v2.display());
        return Ok(None);
    }
    // The children run from a release build of the xtask (a copy of it, see `release_generator`).
    let exe = crate::bench::release_generator(root)?;
    let connections = root.join(crate::DEFAULT_SPEC);
    let mut rows = Vec::new();
    for (case, spec, krate) in [(CONNECTIONS, &connections, false), (V2, &v2, true)] {
        for (subject, stage) in [
            (GENERATE, Stage::Generate { krate }),
            (LOAD, Stage::Load),
            (FLOOR, Stage::Parse),
        ] {
            let samples = sample_stage(&exe, root, spec, stage, runs)?;
            let (median, min, peak) = summary(&samples);
            let mut values = vec![
                ("median_s", median.as_secs_f64()),
                ("min_s", min.as_secs_f64()),
                ("runs", samples.len() as f64),
            ];
            if let Some(kb) = peak {
                values.push(("peak_mb", kb as f64 / 1024.0));
            }
            rows.push(Measurement::new("generation", case, subject, &values));
        }
    }
    Ok(Some(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use page::names::BARE;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn reads_its_flags() {
        assert_eq!(parse_args(&[]).unwrap(), Options::default());
        assert_eq!(parse_args(&[]).unwrap().sections(), SECTIONS.to_vec());
        let options = parse_args(&args(&[
            "--only",
            "generation",
            "--skip-slow",
            "--only",
            "codec",
        ]))
        .unwrap();
        assert!(options.skip_slow && !options.quick);
        assert_eq!(options.sections(), ["codec", "generation"], "page order");
        assert!(parse_args(&args(&["--quick"])).unwrap().quick);
        assert!(parse_args(&args(&["--render-only"])).unwrap().render_only);
        assert!(parse_args(&args(&["--only"]))
            .unwrap_err()
            .contains("needs a section"));
        let err = parse_args(&args(&["--only", "speed"])).unwrap_err();
        assert!(
            err.contains("unknown section speed") && err.contains("full-v2"),
            "{err}"
        );
        assert!(parse_args(&args(&["--fast"]))
            .unwrap_err()
            .contains("unknown argument"));
    }

    #[test]
    fn every_note_belongs_to_a_target() {
        let ids: Vec<&str> = page::targets(&[]).iter().map(|t| t.id).collect();
        for (id, note) in NOTES {
            assert!(ids.contains(id), "{id}");
            assert!(note.ends_with('.'), "{id}");
        }
    }

    #[test]
    fn build_subjects_are_the_page_names() {
        let subjects: Vec<&str> = cost::crates().iter().map(|c| c.subject).collect();
        assert_eq!(subjects, [OURS, BARE, DDAC]);
    }
}
