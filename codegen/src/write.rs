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
    let body = layout(parsed);
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
    paths: emit::Paths<'_>,
    gating: emit::Gating,
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
                        let text = render(&path, emit::emit(api, job, &paths, gating), spec_name)?;
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
/// level and inside `impl` blocks) and after the module docs, and keeps runs of `use` and `mod`
/// together. Each item is formatted on its own, so where items start and end comes from the syntax
/// tree, never from the text.
fn layout(file: syn::File) -> String {
    let mut out = String::new();
    if !file.attrs.is_empty() {
        out.push_str(&unparse(syn::File {
            shebang: None,
            attrs: file.attrs,
            items: Vec::new(),
        }));
    }
    let mut previous: Option<&'static str> = None;
    for item in file.items {
        let kind = item_kind(&item);
        let grouped = previous == Some(kind) && matches!(kind, "use" | "mod");
        if (previous.is_some() || !out.is_empty()) && !grouped {
            out.push('\n');
        }
        previous = Some(kind);
        match item {
            syn::Item::Impl(block) if block.items.len() > 1 => out.push_str(&impl_block(block)),
            item => out.push_str(&unparse(single(item))),
        }
    }
    out
}

fn item_kind(item: &syn::Item) -> &'static str {
    match item {
        syn::Item::Use(_) => "use",
        syn::Item::Mod(_) => "mod",
        _ => "item",
    }
}

fn single(item: syn::Item) -> syn::File {
    syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    }
}

fn unparse(file: syn::File) -> String {
    prettyplease::unparse(&file)
}

/// An `impl` block with a blank line between its members: the block's header (with its attributes)
/// from the block without members, then each member formatted inside a block of its own.
fn impl_block(block: syn::ItemImpl) -> String {
    let members = block.items.clone();
    let empty = syn::ItemImpl {
        items: Vec::new(),
        ..block.clone()
    };
    let header = unparse(single(syn::Item::Impl(empty)));
    // `impl X {}` (possibly after attributes and a `where` clause) opens the block.
    let mut out = header
        .trim_end()
        .strip_suffix("{}")
        .unwrap_or(header.trim_end())
        .to_owned();
    out.push_str("{\n");
    let bare = syn::ItemImpl {
        attrs: Vec::new(),
        items: Vec::new(),
        ..block
    };
    for (i, member) in members.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let text = unparse(single(syn::Item::Impl(syn::ItemImpl {
            items: vec![member],
            ..bare.clone()
        })));
        // The member sits between the header, which ends with the first line ending in `{`, and
        // the closing `}`.
        let lines: Vec<&str> = text.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.ends_with('{'))
            .map_or(0, |p| p + 1);
        let end = lines.len().saturating_sub(1).max(start);
        for line in &lines[start..end] {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn blank_lines_between_items_and_members_only() {
        let input: syn::File = syn::parse_quote! {
            //! Doc.
            use a;
            use b;
            pub struct A {
                x: u8,
            }
            impl A {
                fn f() {
                    let y = 1;
                    g();
                }
                /// Ends with a semicolon;
                fn h() {}
            }
            impl B {
                fn only() {}
            }
        };
        let expected = "//! Doc.\n\nuse a;\nuse b;\n\npub struct A {\n    x: u8,\n}\n\nimpl A {\n    fn f() {\n        let y = 1;\n        g();\n    }\n\n    /// Ends with a semicolon;\n    fn h() {}\n}\n\nimpl B {\n    fn only() {}\n}\n";
        assert_eq!(layout(input), expected);
    }
}
