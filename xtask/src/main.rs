//! `cargo xtask`: the project's maintenance commands.
//!
//! ```text
//! cargo xtask generate [--spec PATH] [--out DIR] [--config PATH] [--crate NAME] [--modules] [--verbose]
//!                                                    regenerate the SDK's generated code
//! cargo xtask check    [same flags]                  fail with a diff if it is stale
//!
//! cargo xtask bench-generate [RUNS]                                     generation time and memory
//! cargo xtask bench-build [--check] [FEATURE…]                            build cost per feature
//!
//! cargo xtask v2-e2e                        generated full-v2 crate built and run against loopback servers
//! cargo xtask package-check [--all-features]  `cargo package` of the runtime, the SDK and the full-v2 crate
//! cargo xtask corpus [--only NAME]… [--no-check]  other vendors' public specs and edge cases: generate, check, tabulate
//! cargo xtask corpus-wire                     three corpus crates' requests checked byte for byte on a loopback server
//! cargo xtask soak [--requests N] [--concurrency C] [--seed S]  the SDK against a fault-injecting loopback server
//! cargo xtask proptest-long [CASES]           the model property tests with CASES cases each (default 10,000)
//!
//! With `--out` anywhere but the SDK, the output is a standalone crate (Cargo.toml, src/, a Cargo
//! feature per tag) that depends on the runtime crate (`sdk/runtime`) by version, plus a relative
//! path when the folder is inside this workspace; it is named after its folder or `--crate NAME`;
//! `--modules` writes bare modules instead. `--config` names the generator configuration (default:
//! `<spec>.codegen.yaml` next to the spec, when present).
//! ```

mod corpus;
mod corpus_wire;
mod e2e;
mod proptest_long;
mod soak;

use std::path::PathBuf;
use std::process::ExitCode;
use xtask::{bench, check_files, generate_files, workspace_root, Task};

const USAGE: &str = "usage: cargo xtask <generate|check> [--spec PATH] [--out DIR] [--config PATH] [--crate NAME] [--modules] [--verbose]
       cargo xtask bench-generate [RUNS]             generation wall time and peak memory (connections, full v2)
       cargo xtask bench-build [--check] [FEATURE…]  build cost of the generated full-v2 crate per feature
       cargo xtask v2-e2e                            build the generated full-v2 crate and run it against loopback servers
       cargo xtask package-check [--all-features]    `cargo package` the runtime, the SDK and the generated full-v2 crate
       cargo xtask corpus [--only NAME]… [--no-check]  generate and `cargo check` other vendors' public specs and the edge cases
       cargo xtask corpus-wire                       check what three corpus crates send (method, path, query, auth, body)
       cargo xtask soak [--requests N] [--concurrency C] [--seed S]  10,000 calls, 64 at a time, against ~5% injected faults
       cargo xtask proptest-long [CASES]             model round-trip and no-panic properties, 10,000 cases each";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let root = workspace_root();
    match command.as_str() {
        "bench-generate" => {
            let runs = rest.first().and_then(|r| r.parse().ok()).unwrap_or(5);
            return bench::bench_generate(&root, &bench::default_v2_spec(&root), runs);
        }
        "bench-build" => {
            let check_only = rest.iter().any(|a| a == "--check");
            let mut features: Vec<String> = rest
                .iter()
                .filter(|a| !a.starts_with("--"))
                .cloned()
                .collect();
            if features.is_empty() {
                features = vec!["teams".to_owned(), "full".to_owned()];
            }
            return bench::bench_build(
                &root,
                &bench::default_v2_spec(&root),
                &features,
                check_only,
            );
        }
        "v2-e2e" => return e2e::v2_e2e(&root),
        "package-check" => {
            let all_features = rest.iter().any(|a| a == "--all-features");
            return e2e::package_check(&root, all_features);
        }
        "corpus" => return corpus::run(&root, rest),
        "corpus-wire" => return corpus_wire::run(&root, rest),
        "soak" => return soak::run(&root, rest),
        "proptest-long" => return proptest_long::run(&root, rest),
        "__corpus-generate" => return corpus::generate_child(rest),
        "__generate-once" => {
            let spec = rest.first().ok_or(USAGE)?;
            let out = rest.get(1).ok_or(USAGE)?;
            let krate = rest.iter().any(|a| a == "--crate");
            return bench::generate_once(
                PathBuf::from(spec).as_path(),
                PathBuf::from(out).as_path(),
                krate,
            );
        }
        _ => {}
    }
    let mut task = Task::default_for(&root);
    let mut custom = Vec::new();
    let mut it = rest.iter();
    let mut modules_only = false;
    let mut verbose = false;
    while let Some(flag) = it.next() {
        if flag == "--verbose" {
            verbose = true;
            continue;
        }
        if flag == "--modules" {
            modules_only = true;
            custom.push(flag.clone());
            continue;
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--spec" => {
                task.spec = PathBuf::from(value);
                task.spec_name = value.clone();
            }
            "--out" => task.out = PathBuf::from(value),
            "--config" => task.config = Some(PathBuf::from(value)),
            "--crate" => task.crate_name = Some(value.clone()),
            other => return Err(format!("unknown flag {other}\n{USAGE}")),
        }
        custom.push(format!("{flag} {value}"));
    }
    // Anywhere but the SDK, the output is a complete crate (named after its folder) unless
    // `--modules` asks for bare modules.
    if task.out != Task::default_for(&root).out && task.crate_name.is_none() && !modules_only {
        let name = task
            .out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        task.crate_name = Some(if name.is_empty() {
            "generated-api".to_owned()
        } else {
            name
        });
    }
    let fix = if custom.is_empty() {
        "cargo xtask generate".to_owned()
    } else {
        format!("cargo xtask generate {}", custom.join(" "))
    };
    match command.as_str() {
        "generate" => {
            let report = generate_files(&task).map_err(|e| e.to_string())?;
            if verbose {
                for d in &report.diagnostics {
                    eprintln!("note: {d}");
                }
            }
            if !report.note_counts.is_empty() {
                let counts: Vec<String> = report
                    .note_counts
                    .iter()
                    .map(|(kind, n)| format!("{n} {kind}"))
                    .collect();
                let more = if verbose {
                    ""
                } else {
                    " (--verbose lists them)"
                };
                eprintln!("notes: {}{more}", counts.join(", "));
            }
            for f in &report.written {
                eprintln!("wrote {}", task.out.join(f).display());
            }
            for f in &report.removed {
                eprintln!("removed {}", task.out.join(f).display());
            }
            eprintln!(
                "{} written, {} removed, {} unchanged",
                report.written.len(),
                report.removed.len(),
                report.unchanged
            );
            Ok(())
        }
        "check" => {
            check_files(&task, &fix).map_err(|e| e.to_string())?;
            eprintln!("generated code is up to date with {}", task.spec_name);
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}
