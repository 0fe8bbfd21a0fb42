//! The product path: `openapi-sdk-gen` generating a standalone crate from a 3.1 spec into a folder
//! outside this workspace, with the runtime taken from this workspace's `sdk/runtime` by a path
//! given relative to the current directory; `check` failing with a diff after an edit; `diff`
//! exit statuses; and `--help` naming every flag. The generated crate is not built here (too slow
//! for `cargo test`).

use clap::Parser;
use openapi_sdk_gen::codegen::RUNTIME_VERSION;
use openapi_sdk_gen::{run, Cli, EXIT_DRIFT, EXIT_ERROR, EXIT_OK};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ is inside the workspace")
        .to_path_buf()
}

/// A fresh folder under the system's temporary folder (outside the workspace).
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("openapi-sdk-gen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temporary folder");
    assert!(
        !dir.starts_with(workspace()),
        "{} is inside the workspace",
        dir.display()
    );
    dir
}

/// Runs the command line in `cwd`; returns the exit status, stdout and stderr.
fn cli(cwd: &Path, args: &[&str]) -> (u8, String, String) {
    let cli = Cli::try_parse_from(std::iter::once("openapi-sdk-gen").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?} is a valid command line: {e}"));
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = run(&cli, cwd, &mut stdout, &mut stderr);
    (
        code,
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// The built binary, as a user runs it.
fn binary(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_openapi-sdk-gen"))
        .args(args)
        .output()
        .expect("run openapi-sdk-gen");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The 3.1 Petstore spec of the build-script example, copied into `dir`.
fn petstore(dir: &Path) -> PathBuf {
    let spec = dir.join("petstore.yaml");
    std::fs::copy(
        workspace().join("examples/build-script/spec/petstore.yaml"),
        &spec,
    )
    .expect("copy the spec");
    spec
}

/// The `openapi-sdk-runtime` dependency table of a generated manifest.
fn runtime_dependency(manifest: &Path) -> toml_edit::Table {
    let text = std::fs::read_to_string(manifest).expect("read Cargo.toml");
    let doc: toml_edit::DocumentMut = text.parse().expect("Cargo.toml is TOML");
    let dependency = &doc["dependencies"]["openapi-sdk-runtime"];
    match dependency.as_inline_table() {
        Some(inline) => inline.clone().into_table(),
        None => dependency
            .as_table()
            .cloned()
            .unwrap_or_else(|| panic!("no runtime dependency in\n{text}")),
    }
}

fn string<'a>(table: &'a toml_edit::Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(|v| v.as_str())
}

#[test]
fn a_crate_outside_the_workspace_finds_the_runtime_given_relative_to_the_current_directory() {
    let base = temp("product");
    petstore(&base);
    // The runtime relative to the current directory (`base`), which is not the crate's folder.
    let runtime = workspace().join("sdk/runtime");
    let from_cwd = openapi_sdk_gen::relative_path(&base, &runtime).expect("same root");
    let (code, _, stderr) = cli(
        &base,
        &[
            "generate",
            "--spec",
            "petstore.yaml",
            "--out",
            "crates/petstore-client",
            "--runtime-path",
            &from_cwd,
        ],
    );
    assert_eq!(code, EXIT_OK, "{stderr}");
    assert!(
        stderr.starts_with("generating petstore.yaml into crates/petstore-client…"),
        "{stderr}"
    );
    let out = base.join("crates/petstore-client");
    let manifest = out.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).expect("Cargo.toml");
    assert!(
        text.starts_with("# @generated from petstore.yaml by openapi-sdk-gen."),
        "{text}"
    );
    let doc: toml_edit::DocumentMut = text.parse().expect("TOML");
    assert_eq!(doc["package"]["name"].as_str(), Some("petstore-client"));

    let dependency = runtime_dependency(&manifest);
    let path = string(&dependency, "path").expect("a path dependency");
    // Written relative to the crate's folder, two levels below the current directory.
    assert_eq!(path, format!("../../{from_cwd}"));
    assert_eq!(string(&dependency, "version"), Some(RUNTIME_VERSION));
    let resolved = out.join(path).canonicalize().expect("the path exists");
    assert_eq!(resolved, runtime.canonicalize().unwrap());
    let runtime_manifest: toml_edit::DocumentMut =
        std::fs::read_to_string(resolved.join("Cargo.toml"))
            .expect("the runtime's Cargo.toml")
            .parse()
            .expect("TOML");
    assert_eq!(
        runtime_manifest["package"]["name"].as_str(),
        Some("openapi-sdk-runtime")
    );
    for file in ["src/lib.rs", "src/client.rs", "src/operations/pets.rs"] {
        let source = std::fs::read_to_string(out.join(file)).expect(file);
        assert!(
            source.starts_with("// @generated from petstore.yaml by openapi-sdk-gen. Do not edit by hand:\n// change the spec or the generator, then regenerate.\n"),
            "{file}"
        );
    }

    // An absolute --runtime-path is written relative to the crate too (they share a root), and
    // resolves to the same folder.
    let runtime_arg = runtime.to_string_lossy().into_owned();
    let (code, _, stderr) = cli(
        &base,
        &[
            "generate",
            "--spec",
            "petstore.yaml",
            "--out",
            "abs",
            "--runtime-path",
            &runtime_arg,
        ],
    );
    assert_eq!(code, EXIT_OK, "{stderr}");
    let dependency = runtime_dependency(&base.join("abs/Cargo.toml"));
    let path = string(&dependency, "path").expect("a path dependency");
    assert_eq!(
        base.join("abs").join(path).canonicalize().unwrap(),
        runtime.canonicalize().unwrap()
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn check_fails_with_a_diff_after_an_edit_and_generate_repairs_it() {
    let base = temp("check");
    petstore(&base);
    let flags = ["--spec", "petstore.yaml", "--out", "petstore"];
    let with = |command: &'static str| -> Vec<&'static str> {
        std::iter::once(command).chain(flags).collect()
    };
    assert_eq!(cli(&base, &with("generate")).0, EXIT_OK);
    let (code, _, stderr) = cli(&base, &with("check"));
    assert_eq!(code, EXIT_OK, "{stderr}");

    let models = base.join("petstore/src/models/pets.rs");
    let original = std::fs::read_to_string(&models).expect("the pets models");
    let edited = original.replacen("pub name: String,", "pub name: Box<str>,", 1);
    assert_ne!(edited, original, "the models have a name field");
    std::fs::write(&models, &edited).unwrap();
    std::fs::write(base.join("petstore/src/stray.rs"), "// left behind\n").unwrap();

    let (code, stdout, stderr) = cli(&base, &with("check"));
    assert_eq!(code, EXIT_DRIFT, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    for expected in [
        "--- changed: src/models/pets.rs",
        "--- a/src/models/pets.rs (checked in)",
        "+++ b/src/models/pets.rs (generated)",
        "-    pub name: Box<str>,",
        "+    pub name: String,",
        "orphaned (no longer generated): src/stray.rs",
        "fix: run `openapi-sdk-gen generate --spec petstore.yaml --out petstore`",
    ] {
        assert!(
            stderr.contains(expected),
            "{expected:?} missing from:\n{stderr}"
        );
    }
    // `check` never writes.
    assert_eq!(std::fs::read_to_string(&models).unwrap(), edited);

    let (code, _, stderr) = cli(&base, &with("generate"));
    assert_eq!(code, EXIT_OK, "{stderr}");
    assert!(stderr.contains("removed petstore/src/stray.rs"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&models).unwrap(), original);
    assert_eq!(cli(&base, &with("check")).0, EXIT_OK);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn runtime_flags_choose_the_dependency_and_invalid_combinations_are_usage_errors() {
    let base = temp("runtime");
    petstore(&base);
    let generate = |extra: &[&str]| {
        let mut args = vec!["generate", "--spec", "petstore.yaml", "--out", "rt"];
        args.extend_from_slice(extra);
        let (code, _, stderr) = cli(&base, &args);
        assert_eq!(code, EXIT_OK, "{extra:?}: {stderr}");
        runtime_dependency(&base.join("rt/Cargo.toml"))
    };
    let registry = generate(&[]);
    assert_eq!(string(&registry, "version"), Some(RUNTIME_VERSION));
    assert_eq!(string(&registry, "path"), None);
    assert_eq!(string(&registry, "git"), None);

    let pinned = generate(&["--runtime-version", "0.1.7"]);
    assert_eq!(string(&pinned, "version"), Some("0.1.7"));
    assert_eq!(string(&pinned, "path"), None);

    let git = generate(&[
        "--runtime-git",
        "https://example.invalid/openapi-sdk.git",
        "--runtime-tag",
        "v0.1.0",
    ]);
    assert_eq!(
        string(&git, "git"),
        Some("https://example.invalid/openapi-sdk.git")
    );
    assert_eq!(string(&git, "tag"), Some("v0.1.0"));
    assert_eq!(string(&git, "version"), Some(RUNTIME_VERSION));
    let branch = generate(&[
        "--runtime-git",
        "file:///srv/sdk",
        "--runtime-branch",
        "main",
    ]);
    assert_eq!(string(&branch, "branch"), Some("main"));

    // The configuration's `runtime` applies without flags, and the flags replace it.
    std::fs::write(
        base.join("petstore.codegen.yaml"),
        "runtime: { path: ../vendor/runtime, version: '0.1' }\n",
    )
    .unwrap();
    let configured = generate(&[]);
    assert_eq!(string(&configured, "path"), Some("../vendor/runtime"));
    assert_eq!(string(&configured, "version"), Some("0.1"));
    let overridden = generate(&["--runtime-version", "0.2"]);
    assert_eq!(string(&overridden, "path"), None);
    assert_eq!(string(&overridden, "version"), Some("0.2"));

    // A configuration the generator refuses names its file and pointer.
    std::fs::write(
        base.join("petstore.codegen.yaml"),
        "runtime: { path: a, git: b }\n",
    )
    .unwrap();
    let (code, _, stderr) = cli(
        &base,
        &["generate", "--spec", "petstore.yaml", "--out", "rt"],
    );
    assert_eq!(code, EXIT_ERROR, "{stderr}");
    assert!(stderr.contains("petstore.codegen.yaml"), "{stderr}");
    assert!(stderr.contains("/runtime/git"), "{stderr}");
    let _ = std::fs::remove_dir_all(&base);

    for invalid in [
        &["--runtime-tag", "v1"][..],
        &["--runtime-path", "a", "--runtime-git", "b"],
        &[
            "--runtime-git",
            "b",
            "--runtime-tag",
            "v1",
            "--runtime-rev",
            "abc",
        ],
        &[
            "--runtime-git",
            "b",
            "--runtime-branch",
            "x",
            "--runtime-tag",
            "v1",
        ],
        &["--modules", "--runtime-version", "1"],
        &["--modules"],
        &["--runtime-version", ""],
    ] {
        let mut args = vec!["generate", "--spec", "s.yaml", "--out", "o"];
        args.extend_from_slice(invalid);
        let (code, stdout, stderr) = binary(&args);
        assert_eq!(code, Some(i32::from(EXIT_ERROR)), "{invalid:?}: {stderr}");
        assert!(stdout.is_empty(), "{invalid:?}");
        assert!(stderr.contains("error:"), "{invalid:?}: {stderr}");
    }
}

#[test]
fn a_spec_the_generator_refuses_exits_2_with_its_pointer() {
    let base = temp("bad");
    std::fs::write(
        base.join("bad.yaml"),
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {$ref: '#/components/responses/Nope'}}\n",
    )
    .unwrap();
    let (code, _, stderr) = cli(&base, &["generate", "--spec", "bad.yaml", "--out", "o"]);
    assert_eq!(code, EXIT_ERROR, "{stderr}");
    assert!(stderr.contains("bad.yaml"), "{stderr}");
    assert!(
        stderr.contains("`/paths/~1a/get/responses/200`"),
        "{stderr}"
    );
    assert!(
        !base.join("o").exists(),
        "nothing is written for a refused spec"
    );

    let (code, _, stderr) = cli(&base, &["check", "--spec", "missing.yaml", "--out", "o"]);
    assert_eq!(code, EXIT_ERROR, "{stderr}");
    assert!(stderr.contains("missing.yaml"), "{stderr}");
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn diff_exits_1_on_a_breaking_change_and_0_otherwise() {
    let fixtures = workspace().join("xtask/tests/fixtures/diff");
    let fixture = |name: &str| fixtures.join(name).to_string_lossy().into_owned();
    let (code, stdout, stderr) = cli(
        &fixtures,
        &["diff", &fixture("old.yaml"), &fixture("breaking.yaml")],
    );
    assert_eq!(code, EXIT_DRIFT, "{stderr}");
    assert!(stdout.contains("Client::get_pet"), "{stdout}");
    assert!(stdout.contains("breaking"), "{stdout}");
    let (code, stdout, stderr) = cli(
        &fixtures,
        &[
            "diff",
            &fixture("old.yaml"),
            &fixture("additive.yaml"),
            "--json",
        ],
    );
    assert_eq!(code, EXIT_OK, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    assert_eq!(report["breaking"], 0, "{stdout}");
    assert_eq!(report["release"], "minor", "{stdout}");
    let (code, _, stderr) = cli(
        &fixtures,
        &["diff", &fixture("old.yaml"), &fixture("bad.yaml")],
    );
    assert_eq!(code, EXIT_ERROR, "{stderr}");
}

#[test]
fn every_command_help_names_every_flag() {
    let cases: [(&str, &[&str]); 3] = [
        (
            "generate",
            &[
                "--spec",
                "--out",
                "--crate",
                "--config",
                "--modules",
                "--verbose",
                "--runtime-version",
                "--runtime-path",
                "--runtime-git",
                "--runtime-branch",
                "--runtime-tag",
                "--runtime-rev",
            ],
        ),
        (
            "check",
            &[
                "--spec",
                "--out",
                "--crate",
                "--config",
                "--modules",
                "--verbose",
                "--runtime-version",
                "--runtime-path",
                "--runtime-git",
                "--runtime-branch",
                "--runtime-tag",
                "--runtime-rev",
            ],
        ),
        (
            "diff",
            &["<OLD>", "<NEW>", "--config", "--modules", "--json"],
        ),
    ];
    for (command, flags) in cases {
        let (code, help, stderr) = binary(&[command, "--help"]);
        assert_eq!(code, Some(0), "{command}: {stderr}");
        for flag in flags {
            assert!(
                help.contains(flag),
                "{command} --help lacks {flag}:\n{help}"
            );
        }
        assert!(help.contains("Examples:"), "{command}:\n{help}");
    }
    let (_, help, _) = binary(&["generate", "--help"]);
    // The default runtime source and how to change it.
    assert!(
        help.contains(&format!("Default: {RUNTIME_VERSION}")),
        "{help}"
    );
    assert!(help.contains("else crates.io"), "{help}");
    let (code, help, _) = binary(&["--help"]);
    assert_eq!(code, Some(0));
    for command in ["generate", "check", "diff"] {
        assert!(help.contains(command), "{help}");
    }
    assert!(help.contains("Exit status: 0"), "{help}");
    let (code, _, stderr) = binary(&[]);
    assert_eq!(code, Some(i32::from(EXIT_ERROR)), "{stderr}");
}

/// `--modules` writes bare modules whose doc examples `use` the crate named by `--crate`.
#[test]
fn modules_name_the_crate_that_mounts_them() {
    let base = temp("modules");
    petstore(&base);
    let args = [
        "--spec",
        "petstore.yaml",
        "--out",
        "generated",
        "--modules",
        "--crate",
        "my-api",
    ];
    let (code, _, stderr) = cli(&base, &[&["generate"][..], &args].concat());
    assert_eq!(code, EXIT_OK, "{stderr}");
    assert!(!base.join("generated/Cargo.toml").exists());
    let operations = std::fs::read_to_string(base.join("generated/operations/pets.rs"))
        .expect("the pets operations");
    assert!(
        operations.contains("/// use my_api::{Client, Error};"),
        "{operations}"
    );
    assert_eq!(cli(&base, &[&["check"][..], &args].concat()).0, EXIT_OK);
    let _ = std::fs::remove_dir_all(&base);
}
