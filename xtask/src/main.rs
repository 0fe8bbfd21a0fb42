//! `cargo xtask`: the project's maintenance commands.
//!
//! `cargo xtask --help` lists them (the [`COMMANDS`] table below) and `cargo xtask <command> --help`
//! describes one. `generate` and `check` are the everyday pair: regenerate the SDK's generated code
//! from the spec, or fail with a diff when it is stale.
//!
//! `generate`, `check` and `diff` are the generator's command line (`openapi-sdk-gen`, the `cli/`
//! crate) with this workspace's defaults. With `--out` anywhere but the SDK, the output is a
//! standalone crate (Cargo.toml, src/, a Cargo feature per tag) named after its folder or
//! `--crate NAME`; inside this workspace it finds the runtime crate by a relative path to
//! `sdk/runtime`, anywhere else it depends on `openapi-sdk-runtime` as the configuration's
//! `runtime` key says (default: the registry version; `openapi-sdk-gen --runtime-path` chooses a
//! folder). `--modules` writes bare modules instead. `--config` names the generator configuration
//! (default: `<spec>.codegen.yaml` next to the spec, when present).

mod corpus;
mod corpus_wire;
mod diff;
mod e2e;
mod proptest_long;
mod record_examples;
mod soak;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xtask::{bench, check_files, generate_files, workspace_root, Task};

/// One `cargo xtask` command, as `--help` shows it.
struct Command {
    name: &'static str,
    /// The arguments, after the command's name.
    args: &'static str,
    /// One line for the command list.
    about: &'static str,
    /// The rest of `cargo xtask <name> --help`: what the arguments mean.
    details: &'static str,
}

const GENERATE_FLAGS: &str =
    "  --spec PATH    the OpenAPI document (default: spec/datadog-connections.yaml)
  --out DIR      where the code goes (default: sdk/src/generated); anywhere else gets a standalone
                 crate, which finds openapi-sdk-runtime by a relative path inside this workspace
                 and by the configuration's `runtime` (default: crates.io) outside it
  --config PATH  the generator configuration (default: <spec>.codegen.yaml next to the spec)
  --crate NAME   the standalone crate's name (default: the --out folder's name)
  --modules      write bare modules instead of a standalone crate
  --verbose      list every generator note (by default they are counted by kind)";

/// Every command, in the order `cargo xtask --help` lists them.
const COMMANDS: &[Command] = &[
    Command {
        name: "generate",
        args: "[--spec PATH] [--out DIR] [--config PATH] [--crate NAME] [--modules] [--verbose]",
        about: "regenerate the SDK's generated code from the spec",
        details: GENERATE_FLAGS,
    },
    Command {
        name: "check",
        args: "[same flags as generate]",
        about: "fail with a diff if the generated code is stale",
        details: GENERATE_FLAGS,
    },
    Command {
        name: "diff",
        args: "OLD NEW [--config PATH] [--crate] [--json]",
        about: "the generated public API's changes between two specs, breaking or not (semver)",
        details: diff::FLAGS,
    },
    Command {
        name: "bench",
        args: "[--only SECTION]… [--skip-slow] [--quick] [--render-only]",
        about: "measure the SDK against its baselines and write docs/BENCHMARKS.md with its chart",
        details: xtask::benchmarks::FLAGS,
    },
    Command {
        name: "bench-generate",
        args: "[RUNS]",
        about: "generation wall time and peak memory (connections, full v2)",
        details: "  RUNS  runs per case (default 5)",
    },
    Command {
        name: "bench-build",
        args: "[--check] [FEATURE…]",
        about: "build cost of the generated full-v2 crate per feature",
        details: "  --check     `cargo check` instead of `cargo build`\n  FEATURE…    the features to time (default: teams full)",
    },
    Command {
        name: "v2-e2e",
        args: "",
        about: "build the generated full-v2 crate and run it against loopback servers",
        details: "",
    },
    Command {
        name: "package-check",
        args: "[--all-features]",
        about: "`cargo package` the runtime, the SDK and the generated full-v2 crate",
        details: "  --all-features  package (and verify) with every feature enabled",
    },
    Command {
        name: "corpus",
        args: "[--only NAME]… [--no-check]",
        about: "generate and `cargo check` other vendors' public specs and the edge cases",
        details: "  --only NAME  only this document (repeatable)\n  --no-check   generate without `cargo check`",
    },
    Command {
        name: "corpus-wire",
        args: "",
        about: "check what three corpus crates send (method, path, query, auth, body)",
        details: "",
    },
    Command {
        name: "record-examples",
        args: "[EXAMPLE…]",
        about: "re-record the SDK examples' cassettes against the loopback stand-in for Datadog",
        details: "  EXAMPLE…  only these examples (org_connections, team_connections, cross_org_visibility)",
    },
    Command {
        name: "soak",
        args: "[--requests N] [--concurrency C] [--seed S]",
        about: "the SDK against a fault-injecting loopback server (10,000 calls, 64 at a time)",
        details: "  --requests N     calls to make (default 10,000)\n  --concurrency C  calls in flight (default 64)\n  --seed S         the fault injector's seed (to repeat a run)",
    },
    Command {
        name: "proptest-long",
        args: "[CASES] [--spec-cases N] [--sample N] [--only models|specs]",
        about: "the model and generator properties with many cases; compile a sample of random specs",
        details: "  CASES           cases per model property (default 10,000)\n  --spec-cases N  cases per generator property (default 2,000)\n  --sample N      random specs generated as crates and checked (default 40)\n  --only WHICH    models, or specs (the generator's properties and the sample)",
    },
];

fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// `cargo xtask --help`.
fn help() -> String {
    let width = COMMANDS.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut text = "cargo xtask: the project's maintenance commands\n\n\
                    usage: cargo xtask <COMMAND> [ARGS]\n       \
                    cargo xtask <COMMAND> --help\n\ncommands:\n"
        .to_owned();
    for c in COMMANDS {
        text.push_str(&format!("  {:width$}  {}\n", c.name, c.about));
    }
    text.push_str(&format!("  {:width$}  this text, or a command's", "help"));
    text
}

/// `cargo xtask <command> --help`.
fn command_help(c: &Command) -> String {
    let mut text = format!(
        "cargo xtask {}: {}\n\nusage: cargo xtask {}",
        c.name, c.about, c.name
    );
    if !c.args.is_empty() {
        text.push_str(&format!(" {}", c.args));
    }
    if !c.details.is_empty() {
        text.push_str(&format!("\n\n{}", c.details));
    }
    text
}

/// The short usage that follows an error.
fn usage() -> String {
    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    format!(
        "usage: cargo xtask <{}> [ARGS]\n(`cargo xtask --help` describes them)",
        names.join("|")
    )
}

fn is_help(arg: &str) -> bool {
    arg == "--help" || arg == "-h"
}

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
    let Some((command, rest)) = args.split_first() else {
        return Err(format!("no command\n{}", usage()));
    };
    // Help goes to stdout and succeeds: `--help`, `help`, `help COMMAND`, `COMMAND --help`.
    if is_help(command) || command == "help" {
        match rest.first().filter(|_| command == "help") {
            Some(name) => {
                let c = find(name).ok_or_else(|| format!("unknown command {name}\n{}", usage()))?;
                println!("{}", command_help(c));
            }
            None => println!("{}", help()),
        }
        return Ok(());
    }
    if let Some(c) = find(command).filter(|_| rest.iter().any(|a| is_help(a))) {
        println!("{}", command_help(c));
        return Ok(());
    }
    let root = workspace_root();
    match command.as_str() {
        "bench" => return xtask::benchmarks::run(&root, rest),
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
        "diff" => return diff::run(rest),
        "corpus" => return corpus::run(&root, rest),
        "corpus-wire" => return corpus_wire::run(&root, rest),
        "record-examples" => return record_examples::run(&root, rest),
        "soak" => return soak::run(&root, rest),
        "proptest-long" => return proptest_long::run(&root, rest),
        "__corpus-generate" => return corpus::generate_child(rest),
        "__parse-once" => {
            let spec = rest.first().ok_or_else(usage)?;
            let load = rest.iter().any(|a| a == "--load");
            return bench::parse_once(PathBuf::from(spec).as_path(), load);
        }
        "__generate-once" => {
            let spec = rest.first().ok_or_else(usage)?;
            let out = rest.get(1).ok_or_else(usage)?;
            let krate = rest.iter().any(|a| a == "--crate");
            return bench::generate_once(
                PathBuf::from(spec).as_path(),
                PathBuf::from(out).as_path(),
                krate,
            );
        }
        "generate" | "check" => {}
        other => return Err(format!("unknown command {other}\n{}", usage())),
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
            .ok_or_else(|| format!("{flag} needs a value\n{}", usage()))?;
        match flag.as_str() {
            "--spec" => {
                task.spec = PathBuf::from(value);
                task.spec_name = value.clone();
            }
            "--out" => task.out = PathBuf::from(value),
            "--config" => task.config = Some(PathBuf::from(value)),
            "--crate" => task.crate_name = Some(value.clone()),
            other => return Err(format!("unknown flag {other}\n{}", usage())),
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
            // The first run builds the generator first; this says the build is done.
            eprintln!(
                "generating {} into {}…",
                task.spec_name,
                shown(&root, &task.out)
            );
            let report = generate_files(&task).map_err(|e| e.to_string())?;
            for line in report.lines(&task.out, verbose) {
                eprintln!("{line}");
            }
            Ok(())
        }
        "check" => {
            eprintln!(
                "checking {} against {}…",
                shown(&root, &task.out),
                task.spec_name
            );
            check_files(&task, &fix).map_err(|e| e.to_string())?;
            eprintln!("generated code is up to date with {}", task.spec_name);
            Ok(())
        }
        _ => Err(usage()),
    }
}

/// `path` relative to the workspace root when it is inside it.
fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
