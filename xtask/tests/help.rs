//! `cargo xtask --help`, `cargo xtask help` and `cargo xtask <command> --help` print usage on
//! stdout and succeed, and `generate`/`check` announce themselves on stderr; the built binary is run
//! as `cargo xtask` runs it.

use std::process::{Command, Output};

const COMMANDS: &[&str] = &[
    "generate",
    "check",
    "bench",
    "bench-generate",
    "bench-build",
    "v2-e2e",
    "package-check",
    "corpus",
    "corpus-wire",
    "soak",
    "proptest-long",
    "diff",
    "record-examples",
];

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("run xtask")
}

/// Checks the run succeeded with help on stdout (and nothing on stderr); returns stdout.
fn help_text(args: &[&str]) -> String {
    let output = xtask(args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "xtask {args:?} exited with {}:\n{stdout}\n{stderr}",
        output.status
    );
    assert!(
        stderr.is_empty(),
        "xtask {args:?} wrote on stderr: {stderr}"
    );
    assert!(
        stdout.contains("usage: cargo xtask"),
        "xtask {args:?}:\n{stdout}"
    );
    stdout
}

#[test]
fn help_lists_every_command() {
    let text = help_text(&["--help"]);
    for &command in COMMANDS {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(command)),
            "{command} is missing from --help:\n{text}"
        );
    }
    assert_eq!(help_text(&["help"]), text);
    assert_eq!(help_text(&["-h"]), text);
}

#[test]
fn generate_help_describes_its_flags() {
    let text = help_text(&["generate", "--help"]);
    assert!(
        text.contains("usage: cargo xtask generate [--spec PATH]"),
        "{text}"
    );
    for flag in [
        "--spec PATH",
        "--out DIR",
        "--config PATH",
        "--crate NAME",
        "--modules",
        "--verbose",
    ] {
        assert!(text.contains(&format!("\n  {flag}")), "{flag}:\n{text}");
    }
    // The defaults it names are the ones it uses.
    assert!(text.contains(xtask::DEFAULT_SPEC), "{text}");
    assert!(text.contains(xtask::DEFAULT_OUT), "{text}");
    assert_eq!(help_text(&["help", "generate"]), text);
    // After other flags too, and never mistaken for a flag's value.
    assert_eq!(help_text(&["generate", "--verbose", "--help"]), text);
}

#[test]
fn every_command_has_help() {
    for &command in COMMANDS {
        let text = help_text(&[command, "--help"]);
        assert!(
            text.contains(&format!("usage: cargo xtask {command}")),
            "{command}:\n{text}"
        );
    }
}

#[test]
fn mistakes_fail_with_usage_on_stderr() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["help", "frobnicate"],
        &["generate", "--bogus", "x"],
    ] {
        let output = xtask(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr.contains("cargo xtask --help"), "{args:?}: {stderr}");
    }
}

/// `generate` and `check` say what they are about to do before doing it: the first `cargo xtask`
/// run spends minutes building, and the line shows the build is over.
#[test]
fn generate_and_check_announce_themselves_on_stderr() {
    let out = std::env::temp_dir().join(format!("xtask-help-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out_arg = out.to_string_lossy().into_owned();
    let spec = xtask::DEFAULT_SPEC;

    let output = xtask(&["generate", "--out", &out_arg, "--modules"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some(format!("generating {spec} into {}…", out.display()).as_str()),
        "{stderr}"
    );

    let output = xtask(&["check", "--out", &out_arg, "--modules"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some(format!("checking {} against {spec}…", out.display()).as_str()),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&out);
}
