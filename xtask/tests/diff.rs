//! `cargo xtask diff OLD NEW` on the small specs in `tests/fixtures/diff/`: the report, the JSON,
//! and the exit status (0 without a breaking change, 2 with one, 1 for an error); the built binary
//! is run as `cargo xtask` runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("run xtask")
}

/// Runs `cargo xtask diff` on two fixtures; returns the exit status, stdout and stderr.
fn diff(old: &str, new: &str, flags: &[&str]) -> (Option<i32>, String, String) {
    let (old, new) = (fixture(old), fixture(new));
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    args.extend(flags);
    let output = xtask(&args);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn breaking_changes_exit_with_2_and_are_listed_first() {
    let (code, stdout, stderr) = diff("old.yaml", "breaking.yaml", &[]);
    assert_eq!(code, Some(2), "{stdout}\n{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let body = stdout
        .split_once("\n\n")
        .map(|(_, body)| body)
        .unwrap_or_default();
    let headlines: Vec<&str> = body.lines().filter(|l| !l.starts_with("      ")).collect();
    assert_eq!(
        headlines,
        [
            "Breaking changes (3):",
            "  Client::get_pet: operation removed",
            "  Pet::tag: field required/optional changed",
            "  PetKind::Dog: enum value removed",
            "",
            "Non-breaking changes (2):",
            "  minor  Client::list_pets().limit: parameter added",
            "  minor  PetKind::default: enum default changed",
            "",
            "3 breaking, 2 non-breaking → needs a major release",
        ],
        "{stdout}"
    );
    assert!(
        stdout.starts_with("comparing ") && stdout.contains("old.yaml → "),
        "{stdout}"
    );
    assert!(
        stdout.contains("optional → required; its type is `String` (was `Option<String>`); `Pet::new` takes a new argument `tag: impl Into<String>`; its setter is gone"),
        "{stdout}"
    );
}

#[test]
fn additions_only_exit_with_0_and_need_a_minor_release() {
    let (code, stdout, stderr) = diff("old.yaml", "additive.yaml", &[]);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(!stdout.contains("Breaking changes"), "{stdout}");
    for line in [
        "Non-breaking changes (5):",
        "  minor  Client::delete_pet: operation added",
        "  minor  Client::list_pets().limit: parameter added",
        "  minor  Pet::age: field added",
        "  minor  PetKind::Bird: enum value added",
        "  patch  Client::list_pets().send() → 429: response status added",
        "0 breaking, 5 non-breaking → needs a minor release",
    ] {
        assert!(stdout.lines().any(|l| l == line), "{line:?}:\n{stdout}");
    }
    let (code, stdout, _) = diff("old.yaml", "old.yaml", &[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.ends_with("0 breaking, 0 non-breaking → no change to the generated public API\n"),
        "{stdout}"
    );
}

#[test]
fn json_output_has_the_same_changes_and_exit_status() {
    let (code, stdout, stderr) = diff("old.yaml", "breaking.yaml", &["--json"]);
    assert_eq!(code, Some(2), "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    assert_eq!(report["breaking"], 3);
    assert_eq!(report["non_breaking"], 2);
    assert_eq!(report["release"], "major");
    let kinds: Vec<(&str, &str, &str)> = report["changes"]
        .as_array()
        .expect("a list of changes")
        .iter()
        .map(|c| {
            (
                c["severity"].as_str().unwrap_or_default(),
                c["kind"].as_str().unwrap_or_default(),
                c["location"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("breaking", "operation_removed", "Client::get_pet"),
            ("breaking", "field_required_changed", "Pet::tag"),
            ("breaking", "enum_value_removed", "PetKind::Dog"),
            ("minor", "param_added", "Client::list_pets().limit"),
            // Down to one value, the enum has a default (a field of that type fills itself in).
            ("minor", "enum_default_changed", "PetKind::default"),
        ]
    );
}

#[test]
fn errors_exit_with_1_and_never_panic() {
    // A spec the generator refuses: its error, with the JSON pointer, naming the file.
    let (code, stdout, stderr) = diff("old.yaml", "bad.yaml", &[]);
    assert_eq!(code, Some(1), "{stdout}\n{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("bad.yaml: unresolved reference `#/components/schemas/Missing` at `/paths/~1pets/get/responses/200"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // A file that does not exist, a configuration that does not parse, the wrong arguments.
    let (code, _, stderr) = diff("old.yaml", "missing.yaml", &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("missing.yaml: "), "{stderr}");
    let (code, _, stderr) = diff("old.yaml", "old.yaml", &["--config", &fixture("old.yaml")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("old.yaml: "), "{stderr}");
    for args in [
        &["diff"][..],
        &["diff", "a.yaml"],
        &["diff", "a.yaml", "b.yaml", "c.yaml"],
        &["diff", "a.yaml", "b.yaml", "--bogus"],
        &["diff", "a.yaml", "b.yaml", "--config"],
    ] {
        let output = xtask(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("cargo xtask --help"), "{args:?}: {stderr}");
    }
}

#[test]
fn diff_has_help() {
    let output = xtask(&["diff", "--help"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("usage: cargo xtask diff OLD NEW [--config PATH] [--crate] [--json]"),
        "{stdout}"
    );
    for flag in ["--config PATH", "--crate", "--json"] {
        assert!(stdout.contains(&format!("\n  {flag}")), "{flag}:\n{stdout}");
    }
    assert!(stdout.contains("2 when something is"), "{stdout}");
    let list = xtask(&["--help"]);
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.lines().any(|l| l.trim_start().starts_with("diff ")),
        "{list}"
    );
}
