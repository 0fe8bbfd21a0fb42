//! `cargo xtask corpus-wire`: crates generated from real corpus specs, checked on the wire.
//!
//! The three documents (ReadMe: bearer, JSON body, path parameters; Rclone: `deepObject` query
//! parameters; the corpus's Swagger 2.0 document: basic auth, a form-urlencoded body and the 2.0
//! collection formats) are generated into `target/corpus/out/` by `cargo xtask corpus --only …
//! --no-check` (reusing its cached downloads). A scratch binary crate beside them
//! (`target/corpus/wire-runner`: the manifest from `xtask/corpus-wire/Cargo.toml.template`, the
//! program copied from `xtask/corpus-wire/main.rs`) is built with only the features it uses, in its
//! own target folder (`target/corpus/wire-target`), and run: it prints a table of the calls and the
//! checks of each, and fails on any mismatch. The scenarios are described in that program.

use std::path::Path;
use std::process::Command;

use crate::e2e::{cargo, read, run_echoed, toml_path, write_if_changed};

/// The scratch crate's package (and binary) name, as in its manifest template.
const RUNNER: &str = "corpus-wire-runner";
/// Where the runner's template files are, relative to the workspace root.
const TEMPLATE_DIR: &str = "xtask/corpus-wire";
/// The corpus entries used (as `--only` names them), each with its manifest placeholder and
/// its folder under `target/corpus/out/`.
const SPECS: &[(&str, &str, &str)] = &[
    ("readme", "{{README}}", "readme"),
    ("rclone", "{{RCLONE}}", "rclone"),
    ("swagger-2.0", "{{SWAGGER2}}", "edge-swagger-2.0"),
];

/// `cargo xtask corpus-wire`.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!(
            "unknown argument {arg}\nusage: cargo xtask corpus-wire"
        ));
    }
    let base = root.join("target").join("corpus");
    let mut corpus_args = vec!["--no-check".to_owned()];
    for (name, _, _) in SPECS {
        corpus_args.extend(["--only".to_owned(), (*name).to_owned()]);
    }
    eprintln!(
        "generating the corpus crates: cargo xtask corpus {}",
        corpus_args.join(" ")
    );
    crate::corpus::run(root, &corpus_args).map_err(|e| format!("corpus-wire: {e}"))?;

    let runner = base.join("wire-runner");
    let template = root.join(TEMPLATE_DIR).join("Cargo.toml.template");
    let mut manifest = read(&template)?;
    for (_, placeholder, folder) in SPECS {
        let crate_dir = base.join("out").join(folder);
        manifest = manifest.replace(placeholder, &toml_path(&runner, &crate_dir));
    }
    // The replay crate's raw loopback recorder.
    manifest = manifest.replace("{{REPLAY}}", &toml_path(&runner, &root.join("tests")));
    if manifest.contains("{{") {
        return Err(format!(
            "{} has a placeholder this xtask does not fill in",
            template.display()
        ));
    }
    write_if_changed(&runner.join("Cargo.toml"), &manifest)?;
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

    let target = base.join("wire-target");
    eprintln!("building {RUNNER} and the corpus crates with its features…");
    let mut build = Command::new(cargo());
    build
        .arg("build")
        .arg("--manifest-path")
        .arg(runner.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target);
    let (_, warnings) = run_echoed(build).map_err(|e| format!("corpus-wire: {e}"))?;
    if !warnings.is_empty() {
        return Err(format!(
            "corpus-wire: the build printed {} warning line(s); the generated crates and the runner must build without warnings:\n{}",
            warnings.len(),
            warnings.join("\n")
        ));
    }

    let exe = target
        .join("debug")
        .join(format!("{RUNNER}{}", std::env::consts::EXE_SUFFIX));
    let status = Command::new(&exe)
        .status()
        .map_err(|e| format!("corpus-wire: could not run {}: {e}", exe.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "corpus-wire: a request differs from its spec ({status}); see the table and the FAILED lines above"
        ))
    }
}
