//! `cargo xtask v2-e2e`: the crate generated from Datadog's full v2 spec, built and driven end to
//! end against loopback servers; and `cargo xtask package-check`: `cargo package` (with its verify
//! build) for the runtime, the SDK and the generated full-v2 crate, and the generated crate's
//! metadata (`cargo package --list`, no warning). Generated crates get the runtime from this
//! workspace through the configuration's `runtime` key ([`use_runtime_folder`]), as a user's do.
//!
//! `v2-e2e` generates the crate into `target/v2-e2e/datadog-api-v2`, writes a scratch binary crate
//! beside it (`target/v2-e2e/runner`: the manifest from `xtask/e2e/Cargo.toml.template`, the program
//! copied from `xtask/e2e/main.rs`), builds it in its own target folder (`target/v2-e2e/target`) and
//! runs it. The program's scenarios and their checks are described in `xtask/e2e/main.rs`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use xtask::{generate_files, relative_path, Task, DATADOG_CONFIG, RUNTIME_DIR};

/// The generated crate's package name.
const V2_CRATE: &str = "datadog-api-v2";
/// The scratch crate's package (and binary) name, as in its manifest template.
const RUNNER: &str = "v2-e2e-runner";
/// Where the runner's template files are, relative to the workspace root.
const TEMPLATE_DIR: &str = "xtask/e2e";
/// The dependencies the runner builds before the generated crate (all but the generated crate).
const RUNNER_DEPENDENCIES: &[&str] = &[
    "openapi-sdk-runtime",
    "datadog-connections-replay",
    "tokio",
    "serde_json",
    "futures-util",
];

/// Datadog's full v2 spec: in `$DATADOG_SHARED_DIR/specs/` when that is set, else in the
/// reference folder `../shared/specs/` beside the repository.
pub fn v2_spec(root: &Path) -> PathBuf {
    match std::env::var_os("DATADOG_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir)
            .join("specs")
            .join("datadog-v2-openapi.yaml"),
        None => xtask::bench::default_v2_spec(root),
    }
}

fn missing_spec(spec: &Path, command: &str) -> String {
    format!(
        "{command}: Datadog's v2 spec not found at {}.\n\
         It is Datadog's reference data, kept outside this repository: put it in `../shared/specs/` \
         beside the repository, or set DATADOG_SHARED_DIR to a folder whose `specs/` holds \
         `datadog-v2-openapi.yaml`.",
        spec.display()
    )
}

pub(crate) fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// Runs `command` with stdout passed through and stderr echoed line by line; returns the wall time
/// and the lines that start with `warning` (cargo's and rustc's warnings).
pub(crate) fn run_echoed(mut command: Command) -> Result<(Duration, Vec<String>), String> {
    let shown = format!("{command:?}");
    let started = Instant::now();
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run {shown}: {e}"))?;
    let mut warnings = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.map_err(|e| format!("reading the output of {shown}: {e}"))?;
            eprintln!("{line}");
            if line.trim_start().starts_with("warning") {
                warnings.push(line);
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for {shown}: {e}"))?;
    let wall = started.elapsed();
    if status.success() {
        Ok((wall, warnings))
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Writes `contents` to `path` unless it already holds exactly that (so cargo sees no change).
pub(crate) fn write_if_changed(path: &Path, contents: &str) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `to` as a TOML string usable from `from`: relative when possible, with `/` separators.
pub(crate) fn toml_path(from: &Path, to: &Path) -> String {
    let path = relative_path(from, to).unwrap_or_else(|| to.display().to_string());
    path.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Points the crate `task` generates at the runtime folder `runtime` the way a user does: the
/// task's configuration (its own, or the one beside the spec; else an empty one) with the
/// `runtime` key set to `{ path: … }` (relative to the crate's folder when possible), written to
/// `config_out`, which becomes the task's configuration.
pub(crate) fn use_runtime_folder(
    task: &mut Task,
    runtime: &Path,
    config_out: &Path,
) -> Result<(), String> {
    use serde_yaml::{Mapping, Value};
    let mut config = match task.config_path() {
        Some(path) => serde_yaml::from_str::<Value>(&read(&path)?)
            .map_err(|e| format!("{}: {e}", path.display()))?,
        None => Value::Mapping(Mapping::new()),
    };
    if config.is_null() {
        config = Value::Mapping(Mapping::new());
    }
    let Value::Mapping(map) = &mut config else {
        return Err(format!(
            "{}: the configuration is not a mapping",
            task.config_path().unwrap_or_default().display()
        ));
    };
    let path = relative_path(&task.out, runtime).unwrap_or_else(|| {
        std::path::absolute(runtime)
            .unwrap_or_else(|_| runtime.to_path_buf())
            .display()
            .to_string()
    });
    let mut source = Mapping::new();
    source.insert("path".into(), path.into());
    map.insert("runtime".into(), Value::Mapping(source));
    let text = serde_yaml::to_string(&config).map_err(|e| format!("configuration: {e}"))?;
    write_if_changed(
        config_out,
        &format!(
            "# Written by cargo xtask: the task's configuration, with the runtime from this \
             workspace's folder.\n{text}"
        ),
    )?;
    task.config = Some(config_out.to_path_buf());
    Ok(())
}

/// The runner's manifest: the template with its `{{…}}` placeholders filled in.
fn runner_manifest(root: &Path, runner: &Path, generated: &Path) -> Result<String, String> {
    let template = root.join(TEMPLATE_DIR).join("Cargo.toml.template");
    let manifest = read(&template)?
        .replace("{{GENERATED_CRATE}}", &toml_path(runner, generated))
        .replace("{{RUNTIME}}", &toml_path(runner, &root.join(RUNTIME_DIR)))
        .replace("{{REPLAY}}", &toml_path(runner, &root.join("tests")));
    if manifest.contains("{{") {
        return Err(format!(
            "{} has a placeholder this xtask does not fill in",
            template.display()
        ));
    }
    Ok(manifest)
}

/// The generation task for the full v2 spec into `out`: Datadog's configuration, with the
/// runtime from this workspace's folder when `runtime_config` (where that configuration is
/// written) is given.
fn v2_task(
    root: &Path,
    spec: &Path,
    out: &Path,
    runtime_config: Option<&Path>,
) -> Result<Task, String> {
    let mut task = Task {
        spec: spec.to_path_buf(),
        out: out.to_path_buf(),
        spec_name: relative_path(root, spec).unwrap_or_else(|| spec.display().to_string()),
        config: Some(root.join(DATADOG_CONFIG)),
        crate_name: Some(V2_CRATE.to_owned()),
    };
    if let Some(config_out) = runtime_config {
        use_runtime_folder(&mut task, &root.join(RUNTIME_DIR), config_out)?;
    }
    Ok(task)
}

/// `cargo xtask v2-e2e`.
pub fn v2_e2e(root: &Path) -> Result<(), String> {
    let spec = v2_spec(root);
    if !spec.is_file() {
        return Err(missing_spec(&spec, "v2-e2e"));
    }
    let spec = spec.canonicalize().unwrap_or(spec);
    let base = root.join("target").join("v2-e2e");
    let generated = base.join(V2_CRATE);
    let runner = base.join("runner");
    let target = base.join("target");
    let mut timings: Vec<(String, Duration)> = Vec::new();

    eprintln!(
        "generating {} into {}…",
        spec.display(),
        generated.display()
    );
    let started = Instant::now();
    // The crate takes the runtime from this workspace's folder, through the configuration's
    // `runtime` key as a user with a clone would.
    let task = v2_task(
        root,
        &spec,
        &generated,
        Some(&base.join(format!("{V2_CRATE}.codegen.yaml"))),
    )
    .map_err(|e| format!("v2-e2e: {e}"))?;
    let report = generate_files(&task).map_err(|e| format!("v2-e2e: {e}"))?;
    timings.push((
        format!(
            "generate the full-v2 crate ({} files written, {} unchanged)",
            report.written.len(),
            report.unchanged
        ),
        started.elapsed(),
    ));

    // The scratch crate: its manifest from the template, its program copied as it is.
    write_if_changed(
        &runner.join("Cargo.toml"),
        &runner_manifest(root, &runner, &generated)?,
    )?;
    write_if_changed(
        &runner.join("src").join("main.rs"),
        &read(&root.join(TEMPLATE_DIR).join("main.rs"))?,
    )?;
    // Start from the workspace's resolved versions; cargo adds and prunes what differs.
    let lock = runner.join("Cargo.lock");
    if !lock.is_file() {
        std::fs::copy(root.join("Cargo.lock"), &lock)
            .map_err(|e| format!("{}: {e}", lock.display()))?;
    }

    let build = |packages: &[&str]| {
        let mut command = Command::new(cargo());
        command
            .arg("build")
            .arg("--manifest-path")
            .arg(runner.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target);
        for package in packages {
            command.arg("-p").arg(package);
        }
        run_echoed(command).map_err(|e| format!("v2-e2e: {e}"))
    };
    eprintln!("building the runner's dependencies…");
    let (wall, mut warnings) = build(RUNNER_DEPENDENCIES)?;
    timings.push((
        "build dependencies (runtime, replay servers, tokio…)".to_owned(),
        wall,
    ));
    eprintln!("building {V2_CRATE} with the runner's features, and the runner…");
    let (wall, more) = build(&[RUNNER])?;
    warnings.extend(more);
    timings.push((
        format!("build {V2_CRATE} with the runner's features (xtask/e2e/Cargo.toml.template), and the runner"),
        wall,
    ));
    if !warnings.is_empty() {
        return Err(format!(
            "v2-e2e: the build printed {} warning line(s); the generated crate and the runner must build without warnings:\n{}",
            warnings.len(),
            warnings.join("\n")
        ));
    }

    let exe = target
        .join("debug")
        .join(format!("{RUNNER}{}", std::env::consts::EXE_SUFFIX));
    eprintln!("running {}…", exe.display());
    let started = Instant::now();
    let status = Command::new(&exe)
        .status()
        .map_err(|e| format!("v2-e2e: could not run {}: {e}", exe.display()))?;
    timings.push(("run the scenarios".to_owned(), started.elapsed()));

    println!();
    println!("| step | wall |");
    println!("|---|---|");
    for (step, wall) in &timings {
        println!("| {step} | {} |", secs(*wall));
    }
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "v2-e2e: the scenarios failed ({status}); see the table and the FAILED lines above"
        ))
    }
}

/// Whether `dir` holds a `<name>-<version>.crate` written at or after `since`.
fn fresh_crate_file(dir: &Path, name: &str, since: std::time::SystemTime) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let file = entry.file_name().to_string_lossy().into_owned();
        let version = file
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".crate"));
        version.is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= since)
    })
}

/// One `cargo package` of `package-check`.
struct Packaged {
    what: String,
    command: String,
    outcome: Result<Duration, String>,
}

/// Removes this workspace's and the generated crates' unpacked packages from cargo's registry
/// source folders (`$CARGO_HOME/registry/src/*/`), where `cargo package` verification left them
/// (none of them is on crates.io, so nothing else is lost).
fn forget_unpacked_packages() {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let Some(sources) = home.map(|h| h.join("registry").join("src")) else {
        return;
    };
    let ours = |name: &str| {
        [
            "openapi-sdk-runtime-",
            "datadog-connections",
            "datadog-api-v2",
        ]
        .iter()
        .any(|prefix| name.starts_with(prefix))
    };
    for registry in std::fs::read_dir(&sources).into_iter().flatten().flatten() {
        for unpacked in std::fs::read_dir(registry.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if unpacked.file_name().to_str().is_some_and(ours) {
                let _ = std::fs::remove_dir_all(unpacked.path());
            }
        }
    }
}

/// `cargo package --workspace --list` of a generated crate: what would be packaged, without
/// resolving or building (so a path dependency is fine); any warning (missing metadata) fails.
fn metadata_row(dir: &Path) -> Packaged {
    let args = ["package", "--workspace", "--list", "--allow-dirty"];
    let mut command = Command::new(cargo());
    command
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .env("CARGO_TERM_COLOR", "never");
    let outcome = run_echoed(command).and_then(|(wall, warnings)| {
        if warnings.is_empty() {
            Ok(wall)
        } else {
            Err(format!("cargo package warned:\n{}", warnings.join("\n")))
        }
    });
    Packaged {
        what: "generated full-v2 crate, runtime by path: metadata".to_owned(),
        command: format!("cargo {}", args.join(" ")),
        outcome,
    }
}

/// `cargo xtask package-check [--all-features]`.
pub fn package_check(root: &Path, all_features: bool) -> Result<(), String> {
    let target = root.join("target").join("package-check");
    // A packaged crate's files all carry the same fixed timestamp, and this workspace's crates
    // keep their version between runs: a build of an earlier package would look up to date and be
    // verified instead of the new one. Each run starts from an empty target folder.
    if target.exists() {
        std::fs::remove_dir_all(&target).map_err(|e| format!("clear {}: {e}", target.display()))?;
    }
    // For the same reason cargo would verify against an earlier run's sources: it unpacks a
    // packaged dependency (the runtime, the SDK, the split model crates) into its local
    // registry's source folder once per version and reuses it. Those unpacked copies go first.
    forget_unpacked_packages();
    let mut rows = Vec::new();
    let runtime =
        std::path::absolute(root.join(RUNTIME_DIR)).unwrap_or_else(|_| root.join(RUNTIME_DIR));
    let runtime_shown = runtime.display().to_string();
    let package = |dir: &Path, args: &[&str], what: &str, crates: &[&str]| -> Packaged {
        let mut command = Command::new(cargo());
        command
            .arg("package")
            .args(args)
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", &target);
        let shown = format!("cargo package {}", args.join(" "))
            .replace(&runtime_shown, "<workspace>/sdk/runtime");
        eprintln!("{what}: {shown}");
        // A little slack for file systems with coarse timestamps.
        let started = std::time::SystemTime::now() - Duration::from_secs(2);
        let outcome = run_echoed(command).and_then(|(wall, _)| {
            for name in crates {
                if !fresh_crate_file(&target.join("package"), name, started) {
                    return Err(format!(
                        "no {name}-*.crate written to {}",
                        target.join("package").display()
                    ));
                }
            }
            Ok(wall)
        });
        Packaged {
            what: what.to_owned(),
            command: shown,
            outcome,
        }
    };

    // The working tree may hold uncommitted changes; the check is about what would be packaged
    // from it, so those are included rather than refused.
    rows.push(package(
        root,
        &["--allow-dirty", "-p", "openapi-sdk-runtime"],
        "runtime",
        &["openapi-sdk-runtime"],
    ));
    // The SDK depends on the runtime, which is not published: packaged together, cargo verifies
    // the SDK against the runtime's fresh package in a local registry.
    rows.push(package(
        root,
        &[
            "--allow-dirty",
            "-p",
            "openapi-sdk-runtime",
            "-p",
            "datadog-connections",
        ],
        "sdk (with the runtime)",
        &["datadog-connections"],
    ));
    // The test kit depends on the SDK: all three packaged together.
    rows.push(package(
        root,
        &[
            "--allow-dirty",
            "-p",
            "openapi-sdk-runtime",
            "-p",
            "datadog-connections",
            "-p",
            "datadog-connections-testkit",
        ],
        "test kit (with the sdk and the runtime)",
        &["datadog-connections-testkit"],
    ));

    // The generated crate as a user would have it, outside this workspace, twice. First with the
    // runtime from this workspace's folder, set by the configuration's `runtime` key as a user
    // with a clone does: `cargo package --list` shows its metadata is complete (a warning
    // fails the row). A package with a path dependency cannot be verified before that
    // dependency is on a registry (cargo resolves the packaged manifest there), so the verify
    // build is the second: the registry form (the default), with the runtime patched in as its
    // README's `[patch.crates-io]` says.
    let spec = v2_spec(root);
    let mut scratch = None;
    if spec.is_file() {
        let dir = std::env::temp_dir().join(format!("xtask-package-check-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let by_path = dir.join("by-path").join(V2_CRATE);
        let started = Instant::now();
        let generated = v2_task(
            root,
            &spec,
            &by_path,
            Some(&dir.join(format!("{V2_CRATE}.codegen.yaml"))),
        )
        .and_then(|task| generate_files(&task).map_err(|e| e.to_string()));
        rows.push(match generated {
            Ok(_) => {
                eprintln!(
                    "generated {} in {}",
                    by_path.display(),
                    secs(started.elapsed())
                );
                metadata_row(&by_path)
            }
            Err(e) => Packaged {
                what: "generated full-v2 crate, runtime by path: metadata".to_owned(),
                command: "generate".to_owned(),
                outcome: Err(e),
            },
        });
        let out = dir.join("registry").join(V2_CRATE);
        let started = Instant::now();
        match v2_task(root, &spec, &out, None)
            .and_then(|task| generate_files(&task).map_err(|e| e.to_string()))
        {
            Ok(_) => {
                eprintln!("generated {} in {}", out.display(), secs(started.elapsed()));
                let patch = format!(
                    "patch.crates-io.openapi-sdk-runtime.path=\"{}\"",
                    runtime
                        .display()
                        .to_string()
                        .replace('\\', "\\\\")
                        .replace('"', "\\\"")
                );
                // `--workspace`: its split model crates are packaged with it, and cargo
                // verifies each against the others' fresh packages in a local registry.
                let mut args = vec!["--workspace", "--config", patch.as_str()];
                if all_features {
                    args.push("--all-features");
                }
                rows.push(package(
                    &out,
                    &args,
                    "generated full-v2 crate, registry form + its README's patch: verify",
                    &[V2_CRATE],
                ));
            }
            Err(e) => rows.push(Packaged {
                what: "generated full-v2 crate, registry form + its README's patch: verify"
                    .to_owned(),
                command: "generate".to_owned(),
                outcome: Err(e),
            }),
        }
        scratch = Some(dir);
    } else {
        let required =
            std::env::var("DATADOG_SHARED_REQUIRED").is_ok_and(|v| !v.is_empty() && v != "0");
        let message = missing_spec(&spec, "package-check");
        if required {
            return Err(format!("{message}\nDATADOG_SHARED_REQUIRED is set."));
        }
        eprintln!("skipping the generated crate: {message}");
    }
    if let Some(dir) = scratch {
        let _ = std::fs::remove_dir_all(dir);
    }

    println!();
    println!("| package | command | wall | result |");
    println!("|---|---|---|---|");
    let mut failed = Vec::new();
    for row in &rows {
        let command = &row.command;
        match &row.outcome {
            Ok(wall) => println!("| {} | `{command}` | {} | ok |", row.what, secs(*wall)),
            Err(e) => {
                println!("| {} | `{command}` | - | FAILED |", row.what);
                failed.push(format!("{}: {e}", row.what));
            }
        }
    }
    if !spec.is_file() {
        println!("| generated full-v2 crate | - | - | skipped (no v2 spec) |");
    }
    println!("packages are in {}", target.join("package").display());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("package-check failed:\n{}", failed.join("\n")))
    }
}
