//! `cargo xtask bench-generate` and `cargo xtask bench-build`: generation speed and memory, and the
//! build cost of the generated full-v2 crate per feature. Each measurement runs in a fresh child
//! process so peak memory is the run's own. `cargo xtask bench` (`benchmarks/`) reuses both.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One measured run: wall time and the child's peak resident memory (kB), if the OS tells.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Wall time.
    pub wall: Duration,
    /// Peak resident set size in kB (Linux `VmHWM`).
    pub peak_kb: Option<u64>,
}

/// The peak resident memory of this process so far, in kB (Linux only).
pub fn own_peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Runs `command`, which must print `peak_kb=<n>` on its last stderr line (the xtask's hidden
/// `__generate-once` does), and times it.
fn sample(mut command: Command) -> Result<Sample, String> {
    let started = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("could not run {command:?}: {e}"))?;
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("{command:?} failed: {stderr}"));
    }
    let peak_kb = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak_kb="))
        .and_then(|v| v.trim().parse().ok());
    Ok(Sample { wall, peak_kb })
}

fn median(mut walls: Vec<Duration>) -> Duration {
    walls.sort();
    walls.get(walls.len() / 2).copied().unwrap_or_default()
}

fn mb(kb: Option<u64>) -> String {
    kb.map(|k| format!("{:.0} MB", k as f64 / 1024.0))
        .unwrap_or_else(|| "n/a".to_owned())
}

/// What a generation case runs in its child process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The generator's whole run, into modules (`false`) or a crate with features (`true`).
    Generate {
        /// A crate with a feature per tag, rather than bare modules.
        krate: bool,
    },
    /// The generator's first stage: parse, normalise, read as openapiv3 types.
    Load,
    /// The parse floor (issue 12): the YAML text straight into `openapiv3::OpenAPI` through
    /// serde_yaml (`serde_norway`), as any openapiv3-based generator must at least do.
    Parse,
}

/// Times `stage` on `spec` `runs` times, each in a fresh child process of `exe` (this binary,
/// or a copy of it).
pub fn sample_stage(
    exe: &Path,
    root: &Path,
    spec: &Path,
    stage: Stage,
    runs: usize,
) -> Result<Vec<Sample>, String> {
    let out = root.join("target").join("bench-generate");
    let mut samples = Vec::new();
    for _ in 0..runs.max(1) {
        let mut cmd = Command::new(exe);
        match stage {
            Stage::Generate { krate } => {
                cmd.arg("__generate-once").arg(spec).arg(&out);
                if krate {
                    cmd.arg("--crate");
                }
            }
            Stage::Load => {
                cmd.arg("__parse-once").arg(spec).arg("--load");
            }
            Stage::Parse => {
                cmd.arg("__parse-once").arg(spec);
            }
        }
        samples.push(sample(cmd)?);
    }
    let _ = std::fs::remove_dir_all(&out);
    Ok(samples)
}

/// Median wall, minimum wall and peak memory of samples.
pub fn summary(samples: &[Sample]) -> (Duration, Duration, Option<u64>) {
    let walls: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
    let min = walls.iter().min().copied().unwrap_or_default();
    let peak = samples.iter().filter_map(|s| s.peak_kb).max();
    (median(walls), min, peak)
}

/// Builds the xtask with cargo's release profile into a target folder of its own
/// (`target/bench-compare/generator`), and copies the binary to `target/bench-compare/
/// xtask-generate`, which the generation children run: the generator optimised as a whole, like
/// the parse floor's dependencies (a debug xtask has the generator at opt-level 0). The copy
/// keeps a concurrent build from replacing the binary mid-run.
pub fn release_generator(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join("target").join("bench-compare");
    let target = dir.join("generator");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    eprintln!("building the xtask (release) for the generation runs…");
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "xtask",
            "--manifest-path",
        ])
        .arg(root.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err("building the release xtask failed".to_owned());
    }
    let built = target
        .join("release")
        .join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    let exe = dir.join(format!("xtask-generate{}", std::env::consts::EXE_SUFFIX));
    std::fs::copy(&built, &exe)
        .map_err(|e| format!("copying {} to {}: {e}", built.display(), exe.display()))?;
    Ok(exe)
}

/// Generation benchmark: each case `runs` times in a child process of the release xtask
/// ([`release_generator`]); prints a table.
pub fn bench_generate(root: &Path, v2_spec: &Path, runs: usize) -> Result<(), String> {
    let exe = release_generator(root)?;
    let connections = root.join(crate::DEFAULT_SPEC);
    let cases: Vec<(&str, &Path, bool)> = vec![
        ("connections spec → sdk modules", &connections, false),
        ("full v2 → sdk modules", v2_spec, false),
        ("full v2 → crate with features", v2_spec, true),
    ];
    println!("| case | runs | median wall | min wall | peak memory |");
    println!("|---|---|---|---|---|");
    for (name, spec, krate) in cases {
        let samples = sample_stage(&exe, root, spec, Stage::Generate { krate }, runs)?;
        let (median, min, peak) = summary(&samples);
        println!(
            "| {name} | {} | {:.2} s | {:.2} s | {} |",
            samples.len(),
            median.as_secs_f64(),
            min.as_secs_f64(),
            mb(peak)
        );
    }
    Ok(())
}

/// Build-cost benchmark of the generated full-v2 crate: dependencies are built first, then the
/// crate itself is rebuilt from clean with one tag's feature and with `full`; prints a table.
pub fn bench_build(
    root: &Path,
    v2_spec: &Path,
    features: &[String],
    check_only: bool,
) -> Result<(), String> {
    let dir = root.join("target").join("v2-crate");
    let target = root.join("target").join("v2-crate-target");
    let rows = full_v2_builds(root, v2_spec, (&dir, &target), features, check_only)?;
    let verb = if check_only { "check" } else { "build" };
    println!("| `cargo {verb}` of the generated crate (deps prebuilt) | wall | peak memory |");
    println!("|---|---|---|");
    for (feature, cost) in rows {
        println!(
            "| --features {feature} | {:.1} s | {} |",
            cost.wall.as_secs_f64(),
            mb(cost.peak_kb)
        );
    }
    Ok(())
}

/// Generates the full-v2 crate into `dir` (building into `target`), builds its dependencies once,
/// then times a clean build (or check) of the crate alone per feature: wall time and peak memory.
pub fn full_v2_builds(
    root: &Path,
    v2_spec: &Path,
    (dir, target): (&Path, &Path),
    features: &[String],
    check_only: bool,
) -> Result<Vec<(String, crate::benchmarks::cost::Cost)>, String> {
    let task = crate::Task {
        spec: v2_spec.to_path_buf(),
        out: dir.to_path_buf(),
        spec_name: v2_spec.display().to_string(),
        config: Some(root.join(crate::DATADOG_CONFIG)),
        crate_name: Some("datadog-api-v2".to_owned()),
    };
    crate::generate_files(&task).map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let verb = if check_only { "check" } else { "build" };
    let command = |args: &[&str]| {
        let mut cmd = Command::new(&cargo);
        cmd.arg(verb)
            .args(args)
            .arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            // Non-incremental, as a dependency from crates.io is built: the generated crate is
            // a path crate of its own, which cargo would otherwise build incrementally (slower
            // for a clean build, and a leftover incremental cache skews the next one).
            .env("CARGO_INCREMENTAL", "0");
        cmd
    };
    // The crate and its split model crates (`models-*/`, members of its workspace) are rebuilt.
    let mut packages = vec!["datadog-api-v2".to_owned()];
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut parts: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("Cargo.toml").is_file())
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .map(|n| format!("datadog-api-v2-{n}"))
            })
            .collect();
        parts.sort();
        packages.extend(parts);
    }
    let clean = || {
        let mut cmd = Command::new(&cargo);
        cmd.arg("clean");
        for p in &packages {
            cmd.args(["-p", p]);
        }
        cmd.arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .status()
            .map_err(|e| e.to_string())
    };
    eprintln!("building dependencies once…");
    let status = command(&[])
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo {verb} of the full-v2 crate failed"));
    }
    let mut rows = Vec::new();
    for feature in features {
        clean()?;
        eprintln!("cargo {verb} --features {feature}…");
        let cost = crate::benchmarks::cost::measure(&command(&["--features", feature]))?;
        rows.push((feature.clone(), cost));
    }
    Ok(rows)
}

/// The hidden child command: generate once, report peak memory.
pub fn generate_once(spec: &Path, out: &Path, krate: bool) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(out);
    let task = crate::Task {
        spec: spec.to_path_buf(),
        out: out.to_path_buf(),
        spec_name: spec.display().to_string(),
        config: Some(crate::workspace_root().join(crate::DATADOG_CONFIG)),
        crate_name: krate.then(|| "bench-crate".to_owned()),
    };
    crate::generate_files(&task).map_err(|e| e.to_string())?;
    eprintln!(
        "peak_kb={}",
        own_peak_kb().map(|k| k.to_string()).unwrap_or_default()
    );
    Ok(())
}

/// The hidden child command: parse `spec` once, report peak memory. Without `load`, the parse
/// floor: the YAML text straight into `openapiv3::OpenAPI` with serde_yaml (no normalisation, no
/// source positions); with `load`, the generator's first stage.
pub fn parse_once(spec: &Path, load: bool) -> Result<(), String> {
    use openapi_sdk_codegen::openapiv3::OpenAPI;
    let text = std::fs::read_to_string(spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    if load {
        let loaded = openapi_sdk_codegen::load::load(&text).map_err(|e| e.to_string())?;
        std::hint::black_box(&loaded);
    } else {
        let value: OpenAPI = serde_yaml::from_str(&text).map_err(|e| e.to_string())?;
        std::hint::black_box(&value);
    }
    eprintln!(
        "peak_kb={}",
        own_peak_kb().map(|k| k.to_string()).unwrap_or_default()
    );
    Ok(())
}

/// The default location of Datadog's full v2 spec.
pub fn default_v2_spec(root: &Path) -> PathBuf {
    root.join("..")
        .join("shared")
        .join("specs")
        .join("datadog-v2-openapi.yaml")
}
