//! The READMEs show the test kit's example as the test that runs: the code block after each
//! README's pointer to this file is `tests/downstream.rs`, byte for byte (rustdoc's hidden lines,
//! `# …`, aside), so the example cannot drift from the test or name a cassette it does not use.

use std::path::Path;

/// The sentence that introduces the copy in each README.
const MARKER: &str = "(a test, `tests/readme.rs`, keeps this copy the same)";

/// The first fenced Rust block after `MARKER` in `readme`, without rustdoc's hidden lines.
fn example_after_marker(readme: &str) -> Option<String> {
    let rest = &readme[readme.find(MARKER)? + MARKER.len()..];
    let mut lines = rest.lines().skip_while(|l| !l.starts_with("```rust"));
    lines.next()?;
    let mut code = String::new();
    for line in lines {
        if line.starts_with("```") {
            return Some(code);
        }
        if line == "#" || line.starts_with("# ") {
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    None
}

#[test]
fn the_readme_examples_are_the_downstream_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let test = std::fs::read_to_string(dir.join("tests/downstream.rs")).expect("the test");
    let cassette = "tests/cassettes/list_logs_connections.json";
    assert!(test.contains(cassette) && dir.join(cassette).is_file());
    for readme in ["README.md", "../README.md"] {
        let path = dir.join(readme);
        let text = std::fs::read_to_string(&path).expect("the README");
        let example = example_after_marker(&text)
            .unwrap_or_else(|| panic!("{}: no example after {MARKER:?}", path.display()));
        assert!(
            example == test,
            "{}: the example differs from tests/downstream.rs; copy the file into it:\n{}",
            path.display(),
            similar::TextDiff::from_lines(&test, &example).unified_diff()
        );
        assert!(text.contains(cassette), "{}", path.display());
    }
}
