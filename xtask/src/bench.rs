//! `cargo xtask bench-generate` and `cargo xtask bench-build`: generation speed and memory, and the
//! build cost of the generated full-v2 crate per feature. Each measurement runs in a fresh child
//! process so peak memory is the run's own.

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

/// Generation benchmark: each case `runs` times in a child process; prints a table.
pub fn bench_generate(root: &Path, v2_spec: &Path, runs: usize) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = root.join("target").join("bench-generate");
    let connections = root.join(crate::DEFAULT_SPEC);
    let cases: Vec<(&str, &Path, bool)> = vec![
        ("connections spec → sdk modules", &connections, false),
        ("full v2 → sdk modules", v2_spec, false),
        ("full v2 → crate with features", v2_spec, true),
    ];
    println!("| case | runs | median wall | min wall | peak memory |");
    println!("|---|---|---|---|---|");
    for (name, spec, krate) in cases {
        let mut samples = Vec::new();
        for _ in 0..runs.max(1) {
            let mut cmd = Command::new(&exe);
            cmd.arg("__generate-once").arg(spec).arg(&out);
            if krate {
                cmd.arg("--crate");
            }
            samples.push(sample(cmd)?);
        }
        let walls: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
        let min = walls.iter().min().copied().unwrap_or_default();
        let peak = samples.iter().filter_map(|s| s.peak_kb).max();
        println!(
            "| {name} | {} | {:.2} s | {:.2} s | {} |",
            samples.len(),
            median(walls).as_secs_f64(),
            min.as_secs_f64(),
            mb(peak)
        );
    }
    let _ = std::fs::remove_dir_all(&out);
    Ok(())
}

/// Build-cost benchmark of the generated full-v2 crate: dependencies are built first, then the
/// crate itself is rebuilt from clean with one tag's feature and with `full`.
pub fn bench_build(
    root: &Path,
    v2_spec: &Path,
    features: &[String],
    check_only: bool,
) -> Result<(), String> {
    let dir = root.join("target").join("v2-crate");
    let target = root.join("target").join("v2-crate-target");
    let task = crate::Task {
        spec: v2_spec.to_path_buf(),
        out: dir.clone(),
        spec_name: v2_spec.display().to_string(),
        config: Some(root.join(crate::DATADOG_CONFIG)),
        crate_name: Some("datadog-api-v2".to_owned()),
    };
    crate::generate_files(&task).map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let verb = if check_only { "check" } else { "build" };
    let run = |args: &[&str]| -> Result<Sample, String> {
        let mut cmd = Command::new(&cargo);
        cmd.arg(verb)
            .args(args)
            .arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target);
        let started = Instant::now();
        let status = cmd
            .status()
            .map_err(|e| format!("could not run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("cargo {verb} {args:?} failed"));
        }
        Ok(Sample {
            wall: started.elapsed(),
            peak_kb: None,
        })
    };
    let clean = || {
        Command::new(&cargo)
            .args(["clean", "-p", "datadog-api-v2", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target)
            .status()
            .map_err(|e| e.to_string())
    };
    eprintln!("building dependencies once…");
    run(&[])?;
    let mut rows = Vec::new();
    for feature in features {
        clean()?;
        let s = run(&["--features", feature])?;
        rows.push((feature.clone(), s.wall));
    }
    println!("| `cargo {verb}` of the generated crate (deps prebuilt) | wall |");
    println!("|---|---|");
    for (feature, wall) in rows {
        println!("| --features {feature} | {:.1} s |", wall.as_secs_f64());
    }
    Ok(())
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

/// The default location of Datadog's full v2 spec.
pub fn default_v2_spec(root: &Path) -> PathBuf {
    root.join("..")
        .join("shared")
        .join("specs")
        .join("datadog-v2-openapi.yaml")
}
