//! The runtime knows no API: its code (comments aside) names no vendor, no environment variable of
//! one, no site domain and no operation of the specs in this repository. Everything API-specific is
//! generated into the crates that use it.

use std::path::{Path, PathBuf};

/// Names that belong to one API, never to the runtime.
const FORBIDDEN: &[&str] = &[
    "DD_",
    "datadog",
    "datadoghq",
    "ddog-gov",
    "DD-API-KEY",
    "DD-APPLICATION-KEY",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line, without a trailing `//` comment (a `//` inside a string literal, as in a
/// URL, is kept).
fn code_of(line: &str) -> &str {
    let mut in_string = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

/// The operation ids of the specs in this repository (when the checkout has them).
fn operation_ids() -> Vec<String> {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/datadog-connections.yaml");
    let Ok(text) = std::fs::read_to_string(spec) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("operationId:"))
        .map(|id| id.trim().to_owned())
        .collect()
}

#[test]
fn the_runtime_source_names_no_api() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 10, "found the runtime's source files");
    let ids = operation_ids();
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line.trim_start());
            let lower = code.to_ascii_lowercase();
            let hits = FORBIDDEN
                .iter()
                .filter(|f| lower.contains(&f.to_ascii_lowercase()))
                .map(|f| (*f).to_owned())
                .chain(ids.iter().filter(|id| code.contains(id.as_str())).cloned());
            for hit in hits {
                found.push(format!("{}:{}: `{hit}` in {code:?}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "API-specific names in the runtime:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_can_fail() {
    assert_eq!(
        code_of(r#"let url = "https://x"; // DD_API_KEY"#),
        r#"let url = "https://x"; "#
    );
    assert_eq!(code_of("/// DD_SITE docs"), "");
    let line = r#"std::env::var("DD_API_KEY")"#;
    assert!(FORBIDDEN.iter().any(|f| code_of(line).contains(f)));
}
