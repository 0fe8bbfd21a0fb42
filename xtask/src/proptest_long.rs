//! `cargo xtask proptest-long [CASES] [--spec-cases N] [--sample N] [--only models|specs]`: the
//! property tests with many cases, in release builds, and a compiled sample of the random specs.
//!
//! 1. The model properties (`tests/tests/proptest_models.rs`: every generated connections model
//!    round-trips JSON → model → JSON unchanged, and no decoder panics on random or mutated JSON)
//!    with `CASES` cases per property (default 10,000).
//! 2. The generator's properties (`codegen/tests/proptest_specs.rs`: mutated specs, random schema
//!    graphs, parameter styles, reference shapes, recursion shapes and reserved names) with
//!    `--spec-cases` cases per property (default 2,000). Each drawn document that generates is
//!    written to `target/proptest-long/specs/` (`PROPTEST_SPECS_SAMPLE_DIR`).
//! 3. A sample of those documents (`--sample`, default 40, spread over the properties) is generated
//!    as crates into `target/proptest-long/crates/` and each is checked with
//!    `cargo check --all-features` in the corpus's target folder (`target/corpus/target`, so the
//!    runtime and its dependencies are built once for both commands): a document the generator
//!    accepted must give a crate that builds with no error and no warning.
//!
//! `--only models` runs step 1 alone, `--only specs` steps 2 and 3.
//!
//! `cargo test` runs the same properties with a few hundred cases and compiles nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use xtask::{generate_files, Task};

const USAGE: &str =
    "usage: cargo xtask proptest-long [CASES] [--spec-cases N] [--sample N] [--only models|specs]";
/// Everything the command writes, relative to the workspace root.
const BASE: &str = "target/proptest-long";
/// The target folder of the sampled crates: the corpus's, which builds the same dependencies.
const CRATES_TARGET: &str = "target/corpus/target";

pub(crate) fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let mut cases = 10_000u32;
    let mut spec_cases = 2_000u32;
    let mut sample = 40usize;
    let mut it = args.iter();
    let number = |flag: &str, value: Option<&String>| -> Result<u64, String> {
        let value = value.ok_or_else(|| format!("{flag} needs a number\n{USAGE}"))?;
        value
            .parse::<u64>()
            .map_err(|_| format!("{flag} must be a number, not {value:?}\n{USAGE}"))
    };
    let mut positional = false;
    let (mut models, mut specs) = (true, true);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--only" => match it.next().map(String::as_str) {
                Some("models") => specs = false,
                Some("specs") => models = false,
                _ => return Err(format!("--only takes models or specs\n{USAGE}")),
            },
            "--spec-cases" => {
                spec_cases = u32::try_from(number("--spec-cases", it.next())?)
                    .map_err(|_| "--spec-cases is too large".to_owned())?
            }
            "--sample" => {
                sample = usize::try_from(number("--sample", it.next())?)
                    .map_err(|_| "--sample is too large".to_owned())?
            }
            other if !positional && !other.starts_with('-') => {
                cases = other
                    .parse::<u32>()
                    .map_err(|_| format!("CASES must be a number, not {other:?}\n{USAGE}"))?;
                positional = true;
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    if models {
        run_models(root, &cargo, cases)?;
    }
    if specs {
        run_specs(root, &cargo, spec_cases, sample)?;
    }
    Ok(())
}

/// Step 1: the model properties.
fn run_models(root: &Path, cargo: &str, cases: u32) -> Result<(), String> {
    let status = Command::new(cargo)
        .current_dir(root)
        .env("PROPTEST_CASES", cases.to_string())
        .args([
            "test",
            "--release",
            "--package",
            "datadog-connections-replay",
            "--test",
            "proptest_models",
            "--",
            "--nocapture",
        ])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the model property tests failed ({status})"));
    }
    Ok(())
}

/// Steps 2 and 3: the generator's properties, then a sample of what they generated, compiled.
fn run_specs(root: &Path, cargo: &str, spec_cases: u32, sample: usize) -> Result<(), String> {
    let base = root.join(BASE);
    let specs = base.join("specs");
    let _ = fs::remove_dir_all(&specs);
    fs::create_dir_all(&specs).map_err(|e| format!("{}: {e}", specs.display()))?;
    let status = Command::new(cargo)
        .current_dir(root)
        .env("PROPTEST_CASES", spec_cases.to_string())
        .env("PROPTEST_SPECS_SAMPLE_DIR", &specs)
        .args([
            "test",
            "--release",
            "--package",
            "openapi-sdk-codegen",
            "--test",
            "proptest_specs",
        ])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    // The sample is still compiled when a property failed: what generated is worth checking.
    let properties = if status.success() {
        Ok(())
    } else {
        Err(format!("the generator's property tests failed ({status})"))
    };

    let chosen = choose_sample(&specs, sample)?;
    eprintln!(
        "checking {} generated crates from {}",
        chosen.len(),
        specs.display()
    );
    let crates = base.join("crates");
    let _ = fs::remove_dir_all(&crates);
    let target = root.join(CRATES_TARGET);
    let mut failed: Vec<String> = Vec::new();
    for (i, spec) in chosen.iter().enumerate() {
        let stem = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out = crates.join(&stem);
        let task = Task {
            spec: spec.clone(),
            out: out.clone(),
            spec_name: format!("{stem}.yaml"),
            config: None,
            crate_name: Some(format!("sample-{stem}")),
        };
        generate_files(&task).map_err(|e| format!("{}: {e}", spec.display()))?;
        let _ = fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock"));
        let output = Command::new(cargo)
            .args([
                "check",
                "--all-features",
                "--message-format=json",
                "--manifest-path",
            ])
            .arg(out.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target)
            .env("CARGO_TERM_COLOR", "never")
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let text = String::from_utf8_lossy(&output.stdout);
        let folder = out.canonicalize().unwrap_or_else(|_| out.clone());
        let counts = crate::corpus::count_messages(&text, &folder);
        let verdict = if counts.errors == 0 && counts.warnings == 0 && output.status.success() {
            "ok".to_owned()
        } else {
            let first = counts
                .first_error
                .clone()
                .unwrap_or_else(|| format!("cargo check exited with {}", output.status));
            failed.push(format!(
                "{}: {} errors, {} warnings; first: {first}",
                spec.display(),
                counts.errors,
                counts.warnings
            ));
            format!("{} errors, {} warnings", counts.errors, counts.warnings)
        };
        eprintln!("[{}/{}] {stem}: {verdict}", i + 1, chosen.len());
    }
    if failed.is_empty() {
        eprintln!(
            "{} sampled crates built with no error and no warning",
            chosen.len()
        );
        properties
    } else {
        let sample = format!(
            "{} of {} sampled crates do not build cleanly:\n{}",
            failed.len(),
            chosen.len(),
            failed.join("\n")
        );
        Err(match properties {
            Ok(()) => sample,
            Err(e) => format!("{e}\n{sample}"),
        })
    }
}

/// Up to `n` of the kept documents, taken in turn from each property (`<property>-<hash>.yaml`) in
/// the order of their hashes, so the sample covers every property and is the same for the same
/// documents.
fn choose_sample(dir: &Path, n: usize) -> Result<Vec<PathBuf>, String> {
    let mut by_property: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some((property, _)) = name.rsplit_once('-') {
            by_property
                .entry(property.to_owned())
                .or_default()
                .push(path);
        }
    }
    by_property.values_mut().for_each(|v| v.sort());
    Ok(round_robin(by_property.into_values().collect(), n))
}

/// Takes one item from each list in turn until `n` are taken or every list is empty.
fn round_robin<T>(lists: Vec<Vec<T>>, n: usize) -> Vec<T> {
    let mut iters: Vec<std::vec::IntoIter<T>> = lists.into_iter().map(Vec::into_iter).collect();
    let mut out = Vec::new();
    while out.len() < n {
        let before = out.len();
        for it in iters.iter_mut() {
            if out.len() == n {
                break;
            }
            out.extend(it.next());
        }
        if out.len() == before {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::round_robin;

    #[test]
    fn the_sample_takes_from_every_property_in_turn() {
        let lists = vec![vec![1, 2, 3], vec![10], vec![20, 21]];
        assert_eq!(round_robin(lists.clone(), 4), [1, 10, 20, 2]);
        assert_eq!(round_robin(lists.clone(), 10), [1, 10, 20, 2, 21, 3]);
        assert_eq!(round_robin(lists, 0), Vec::<i32>::new());
        assert_eq!(round_robin(Vec::<Vec<i32>>::new(), 3), Vec::<i32>::new());
    }
}
