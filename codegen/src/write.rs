//! Stage 4: token streams → formatted Rust source with the "generated" header.

use crate::emit;
use crate::error::Error;
use crate::ir::Api;
use proc_macro2::TokenStream;

/// How the headers name the spec: its file name alone (`datadog-connections.yaml`), without the
/// folders of the path it was read from, and with every control character (a line break could end
/// the comment and start a line of code) and bidirectional formatting character replaced by `_`.
pub(crate) fn spec_label(spec_name: &str) -> String {
    let file = spec_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let label: String = file
        .chars()
        .map(|c| {
            let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi || matches!(c, '\u{2028}' | '\u{2029}') {
                '_'
            } else {
                c
            }
        })
        .collect();
    if label.trim().is_empty() {
        "an OpenAPI document".to_owned()
    } else {
        label
    }
}

/// The header every generated Rust file starts with; `spec_name` is a [`spec_label`].
pub(crate) fn header(spec_name: &str) -> String {
    format!(
        "// @generated from {spec_name} by openapi-sdk-gen. Do not edit by hand:\n// change the spec or the generator, then regenerate.\n\n"
    )
}

/// Formats `tokens` with prettyplease and prefixes the header naming the spec and the command.
/// Items are parsed as `syn::File` parses them (inner attributes, then items to the end), but each
/// is laid out and freed as soon as it is parsed, so a file's syntax tree is never held whole.
pub(crate) fn render(file: &str, tokens: TokenStream, spec_name: &str) -> Result<String, Error> {
    use syn::parse::Parser;
    let mut out = header(spec_name);
    let parse = |input: syn::parse::ParseStream<'_>| -> syn::Result<()> {
        let mut layout = Layout::new(&mut out);
        layout.attrs(input.call(syn::Attribute::parse_inner)?);
        while !input.is_empty() {
            layout.item(input.parse()?);
        }
        Ok(())
    };
    parse.parse2(tokens).map_err(|e| Error::Format {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    Ok(out)
}

/// A rendered file: its position in the job list, path and text.
type Rendered = (usize, String, String);

/// A rough cost of emitting and formatting a job's file, in model types (an operation's builder,
/// method and example come to about two of them): the workers take the largest jobs first.
fn cost(api: &Api, job: &emit::Job<'_>) -> usize {
    match job {
        emit::Job::Models(group) => api.types.values().filter(|t| t.group == *group).count(),
        emit::Job::Operations(module) => api
            .modules
            .get(*module)
            .map_or(0, |m| 2 * m.operations.len()),
        _ => 0,
    }
}

/// Emits and renders every file, on every core (formatting dominates generation time): each
/// worker takes the next job, largest first, until none is left. The result is in path order,
/// whichever worker rendered what, so output stays deterministic.
pub(crate) fn render_all(
    api: &Api,
    paths: emit::Paths<'_>,
    gating: emit::Gating,
    spec_name: &str,
) -> Result<Vec<(String, String)>, Error> {
    let jobs = emit::jobs(api, &paths);
    let mut order: Vec<(usize, usize)> = jobs
        .iter()
        .enumerate()
        .map(|(i, job)| (cost(api, job), i))
        .collect();
    // Largest first; ties in path order.
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Vec<Rendered>, Error>> = std::thread::scope(|scope| {
        let (jobs, order, next) = (&jobs, &order, &next);
        let work = move || {
            let mut out = Vec::new();
            loop {
                let taken = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(_, i)) = order.get(taken) else {
                    break;
                };
                let Some(job) = jobs.get(i) else {
                    break;
                };
                let path = job.path(&paths);
                let text = render(&path, emit::emit(api, job, &paths, gating), spec_name)?;
                out.push((i, path, text));
            }
            Ok(out)
        };
        // This thread is one of the workers.
        let handles: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut results = vec![work()];
        results.extend(handles.into_iter().map(|h| {
            h.join().unwrap_or_else(|_| {
                Err(Error::Format {
                    file: String::new(),
                    message: "a generator thread panicked".to_owned(),
                })
            })
        }));
        results
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

/// A whole parsed file through [`Layout`].
#[cfg(test)]
fn layout(file: syn::File, out: &mut String) {
    let mut layout = Layout::new(out);
    layout.attrs(file.attrs);
    for item in file.items {
        layout.item(item);
    }
}

/// Lays out a file's inner attributes, then its items one by one.
///
/// prettyplease prints items back to back; a person puts a blank line between items (at the top
/// level and inside `impl` blocks) and after the module docs, and keeps runs of `use` and `mod`
/// together. Each item is formatted on its own, so where items start and end comes from the syntax
/// tree, never from the text.
struct Layout<'a> {
    out: &'a mut String,
    start: usize,
    previous: Option<&'static str>,
}

impl<'a> Layout<'a> {
    fn new(out: &'a mut String) -> Self {
        let start = out.len();
        Layout {
            out,
            start,
            previous: None,
        }
    }

    fn attrs(&mut self, attrs: Vec<syn::Attribute>) {
        if !attrs.is_empty() {
            self.out.push_str(&unparse(&syn::File {
                shebang: None,
                attrs,
                items: Vec::new(),
            }));
        }
    }

    fn item(&mut self, item: syn::Item) {
        let kind = item_kind(&item);
        let grouped = self.previous == Some(kind) && matches!(kind, "use" | "mod");
        if (self.previous.is_some() || self.out.len() > self.start) && !grouped {
            self.out.push('\n');
        }
        self.previous = Some(kind);
        match item {
            syn::Item::Impl(block) if block.items.len() > 1 => impl_block(block, self.out),
            item => self.out.push_str(&unparse(&single(item))),
        }
    }
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

fn unparse(file: &syn::File) -> String {
    prettyplease::unparse(file)
}

/// An `impl` block with a blank line between its members: the block's header (with its attributes)
/// from the block without members, then each member formatted inside a block of its own.
fn impl_block(mut block: syn::ItemImpl, out: &mut String) {
    let members = std::mem::take(&mut block.items);
    let mut file = single(syn::Item::Impl(block));
    let header = unparse(&file);
    // `impl X {}` (possibly after attributes and a `where` clause) opens the block.
    out.push_str(
        header
            .trim_end()
            .strip_suffix("{}")
            .unwrap_or(header.trim_end()),
    );
    out.push_str("{\n");
    // Each member is printed inside the block's header without its attributes.
    if let Some(syn::Item::Impl(bare)) = file.items.first_mut() {
        bare.attrs.clear();
    }
    for (i, member) in members.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(syn::Item::Impl(bare)) = file.items.first_mut() {
            bare.items = vec![member];
        }
        let text = unparse(&file);
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
}

#[cfg(test)]
mod tests {
    use super::{layout, spec_label};

    #[test]
    fn the_spec_is_named_by_its_file_name_alone() {
        let cases = [
            ("spec/datadog-connections.yaml", "datadog-connections.yaml"),
            ("C:\\specs\\api.json", "api.json"),
            ("api.yaml", "api.yaml"),
            ("x.yaml\nfn evil() {}", "x.yaml_fn evil() {}"),
            ("dir\n/a\"b[c]\r\u{2028}.yaml", "a\"b[c]__.yaml"),
            ("evil\u{202e}lmay.json", "evil_lmay.json"),
            ("specs/", "an OpenAPI document"),
        ];
        for (path, expected) in cases {
            assert_eq!(spec_label(path), expected, "{path:?}");
        }
    }

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
        let mut out = String::new();
        layout(input, &mut out);
        assert_eq!(out, expected);
    }
}
