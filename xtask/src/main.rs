//! `cargo xtask`: the project's maintenance commands.
//!
//! ```text
//! cargo xtask generate [--spec PATH] [--out DIR] [--runtime PATH]   regenerate the SDK's generated code
//! cargo xtask check    [--spec PATH] [--out DIR] [--runtime PATH]   fail with a diff if it is stale
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use xtask::{check_files, generate_files, workspace_root, Task};

const USAGE: &str = "usage: cargo xtask <generate|check> [--spec PATH] [--out DIR] [--runtime PATH]";

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
    let mut task = Task::default_for(&root);
    let mut custom = Vec::new();
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--spec" => {
                task.spec = PathBuf::from(value);
                task.spec_name = value.clone();
            }
            "--out" => task.out = PathBuf::from(value),
            "--runtime" => task.runtime = value.clone(),
            other => return Err(format!("unknown flag {other}\n{USAGE}")),
        }
        custom.push(format!("{flag} {value}"));
    }
    let fix = if custom.is_empty() { "cargo xtask generate".to_owned() } else { format!("cargo xtask generate {}", custom.join(" ")) };
    match command.as_str() {
        "generate" => {
            let report = generate_files(&task).map_err(|e| e.to_string())?;
            for d in &report.diagnostics {
                eprintln!("note: {d}");
            }
            for f in &report.written {
                eprintln!("wrote {}", task.out.join(f).display());
            }
            for f in &report.removed {
                eprintln!("removed {}", task.out.join(f).display());
            }
            eprintln!("{} written, {} removed, {} unchanged", report.written.len(), report.removed.len(), report.unchanged);
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
