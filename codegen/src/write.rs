//! Stage 4: token streams → formatted Rust source with the "generated" header.

use crate::emit;
use crate::error::Error;
use crate::ir::Api;
use proc_macro2::TokenStream;

/// Formats `tokens` with prettyplease and prefixes the header naming the spec and the command.
pub(crate) fn render(file: &str, tokens: TokenStream, spec_name: &str) -> Result<String, Error> {
    let parsed = syn::parse2::<syn::File>(tokens).map_err(|e| Error::Format {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    let body = space_items(&prettyplease::unparse(&parsed));
    Ok(format!(
        "// @generated from {spec_name} by `cargo xtask generate`. Do not edit by hand:\n// change the spec or the generator, then regenerate.\n\n{body}"
    ))
}

/// A rendered file: its position in the job list, path and text.
type Rendered = (usize, String, String);

/// Emits and renders every file, on every core (formatting dominates generation time). The result
/// is in path order, so output stays deterministic.
pub(crate) fn render_all(
    api: &Api,
    runtime: &str,
    features: bool,
    spec_name: &str,
) -> Result<Vec<(String, String)>, Error> {
    let jobs = emit::jobs(api);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    // Interleave the jobs over the workers so large and small files spread evenly.
    let results: Vec<Result<Vec<Rendered>, Error>> = std::thread::scope(|scope| {
        let jobs = &jobs;
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for (i, job) in jobs.iter().enumerate().skip(w).step_by(workers) {
                        let path = job.path();
                        let text =
                            render(&path, emit::emit(api, job, runtime, features), spec_name)?;
                        out.push((i, path, text));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Error::Format {
                        file: String::new(),
                        message: "a generator thread panicked".to_owned(),
                    })
                })
            })
            .collect()
    });
    let mut files = Vec::with_capacity(jobs.len());
    for r in results {
        files.extend(r?);
    }
    files.sort_by_key(|(i, _, _)| *i);
    Ok(files
        .into_iter()
        .map(|(_, path, text)| (path, text))
        .collect())
}

/// prettyplease prints items back to back; a person puts a blank line between items (at the top
/// level and inside `impl` blocks) and after the module docs. Statements and fields are left alone.
fn space_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        if let Some(p) = prev {
            if needs_blank(p, line) {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        prev = Some(line);
    }
    out
}

fn needs_blank(prev: &str, line: &str) -> bool {
    let indent = line.len() - line.trim_start().len();
    let prev_indent = prev.len() - prev.trim_start().len();
    let (trimmed, prev_trimmed) = (line.trim_start(), prev.trim_start());
    if prev_trimmed.starts_with("//!") {
        return !trimmed.starts_with("//!");
    }
    let macro_call =
        trimmed.starts_with(|c: char| c.is_ascii_alphabetic()) && trimmed.contains("!(");
    let starts_item = macro_call
        || [
            "///", "#[", "pub ", "pub(", "fn ", "impl", "const ", "async ", "mod ", "use ",
            "type ", "struct ", "enum ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p));
    let prev_is_comment = prev_trimmed.starts_with("//");
    let prev_ends_item = !prev_is_comment
        && (prev_trimmed == "}"
            || prev_trimmed == "};"
            || (prev_trimmed.ends_with(';') && prev_indent == indent));
    let same_kind = |kw: &str| trimmed.starts_with(kw) && prev_trimmed.starts_with(kw);
    let consecutive =
        same_kind("use ") || same_kind("mod ") || same_kind("pub use ") || same_kind("pub mod ");
    indent <= 4 && prev_indent == indent && starts_item && prev_ends_item && !consecutive
}

#[cfg(test)]
mod tests {
    use super::space_items;

    #[test]
    fn blank_lines_between_items_only() {
        let input = "//! Doc.\nuse a;\nuse b;\npub struct A {\n    x: u8,\n}\nimpl A {\n    fn f() {\n        let y = 1;\n        g();\n    }\n    fn h() {}\n}\n";
        let expected = "//! Doc.\n\nuse a;\nuse b;\n\npub struct A {\n    x: u8,\n}\n\nimpl A {\n    fn f() {\n        let y = 1;\n        g();\n    }\n\n    fn h() {}\n}\n";
        assert_eq!(space_items(input), expected);
    }
}
