//! `cargo xtask diff OLD NEW`: what changes in the generated public API between two versions of a
//! spec, each change classified under semver: `openapi-sdk-gen diff` (its library's [`compare`])
//! with this workspace's defaults, bare modules as the SDK mounts them.
//!
//! Exit status (this command's own, older than `openapi-sdk-gen`'s 1 for breaking and 2 for an
//! error): 0 when nothing is breaking, [`EXIT_BREAKING`] when something is, 1 for an error (a
//! file that cannot be read, a spec or configuration the generator refuses, a bad argument).

use openapi_sdk_codegen::diff::Packaging;
use openapi_sdk_gen::{compare, Comparison, Format};
use std::io::Write;
use std::path::PathBuf;

/// The exit status when at least one change is breaking (as `cargo semver-checks` fails a check):
/// distinct from 1, which means the comparison itself failed.
pub const EXIT_BREAKING: i32 = 2;

/// The arguments `cargo xtask diff --help` describes.
pub const FLAGS: &str = "  OLD, NEW       the two versions of the OpenAPI document
  --config PATH  the generator configuration for both (default: each spec's own
                 <spec>.codegen.yaml when present, else none)
  --crate        compare as standalone crates (a Cargo feature per tag), not the SDK's modules
  --json         print the changes as JSON instead of text

Each change is breaking, minor (an addition) or patch (no Rust API change); see docs/generator.md.
Exit status: 0 when nothing is breaking, 2 when something is, 1 for an error.";

/// Runs the command; on a breaking change it prints the report and exits with [`EXIT_BREAKING`].
pub fn run(args: &[String]) -> Result<(), String> {
    let mut specs = Vec::new();
    let mut config = None;
    let mut format = Format::Text;
    let mut packaging = Packaging::Modules;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => format = Format::Json,
            "--crate" => packaging = Packaging::Crate,
            "--config" => {
                let value = it
                    .next()
                    .ok_or_else(|| format!("--config needs a value\n{}", crate::usage()))?;
                config = Some(PathBuf::from(value));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown flag {flag}\n{}", crate::usage()))
            }
            spec => specs.push(PathBuf::from(spec)),
        }
    }
    let [old, new] = specs.as_slice() else {
        return Err(format!(
            "diff takes two specs, OLD and NEW ({} given)\n{}",
            specs.len(),
            crate::usage()
        ));
    };
    let report = compare(&Comparison {
        old: old.clone(),
        new: new.clone(),
        config,
        packaging,
        format,
    })
    .map_err(|e| e.to_string())?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{}", report.text.trim_end())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("writing the report: {e}"))?;
    if report.breaking {
        std::process::exit(EXIT_BREAKING);
    }
    Ok(())
}
