//! Rustdoc attributes from spec text: `#[doc = "..."]` lines that rustdoc renders without warnings,
//! and in which nothing from the spec is code.
//!
//! A spec is untrusted input, and its prose is Markdown that rustdoc renders. rustdoc compiles and
//! runs every code block of a doc comment that has no language or a Rust one, and every indented
//! block, and it passes raw HTML through to the page. [`render`] parses spec prose with the parser
//! rustdoc uses (pulldown-cmark) and rewrites, by the source offsets of what it finds, every code
//! block into a ```` ```text ```` block and every piece of raw HTML into escaped text; then it parses
//! its own output again and, should anything still be code or HTML, shows the whole text as one
//! `text` block instead. Values the generator puts into its own sentences go into code spans
//! ([`code_span`]) or onto one line ([`inline`]).

pub(crate) use crate::lower::docs::code_span;
use crate::lower::docs::longest_run;
use proc_macro2::TokenStream;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use quote::quote;
use std::ops::Range;

/// One `#[doc]` attribute per line of `text` (none for empty text): spec prose, possibly inside
/// sentences of the generator's, rendered by [`render`].
pub(crate) fn doc_attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return TokenStream::new();
    };
    let lines = doc_lines(&render(text));
    quote! { #( #[doc = #lines] )* }
}

/// One `#[doc]` attribute per line of text the generator wrote itself, whose intra-doc links
/// (`[`Client`]`) must stay links: nothing is escaped, so a value from the spec may appear in it
/// only as a [`code_span`].
pub(crate) fn own_doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text.trim());
    quote! { #( #[doc = #lines] )* }
}

/// Inner (`//!`) doc attributes, rendered by [`render`].
pub(crate) fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(&render(text));
    quote! { #( #![doc = #lines] )* }
}

/// The text of one `#[doc]` attribute per line, each after a space, as `///` would give.
fn doc_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect()
}

/// Spec prose on one line: runs of whitespace, line breaks included, become one space. For a
/// title or a short description inside a sentence of the generator's, where a line break could
/// start a block (a fence, a heading).
pub(crate) fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Markdown extensions rustdoc turns on that change how a document is split into blocks.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Makes spec prose safe for rustdoc. Every code block (fenced with any language or none, or
/// indented) becomes a ```` ```text ```` block, which rustdoc neither compiles nor runs; raw HTML
/// (blocks and inline tags) is escaped, so it shows as text; in ordinary text, brackets that are
/// not Markdown links are escaped (so `filter[sources]` is not read as an intra-doc link) and bare
/// URLs are wrapped in `<>`. Code spans and links are kept.
pub(crate) fn render(text: &str) -> String {
    let text = normalize(text);
    let rewritten = rewrite(&text);
    if is_inert(&rewritten) {
        rewritten
    } else {
        // Not reached for any input found so far; a guarantee rather than a rendering.
        text_block(&text)
    }
}

/// Line breaks as `\n` (a bare carriage return is not allowed in a doc comment), tabs in the
/// indentation as spaces, and the indentation all lines share removed, as rustdoc removes it: the
/// text parsed here is the text rustdoc parses.
fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text.lines().map(expand_indentation).collect();
    let shared = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.get(shared..).unwrap_or("").trim_end())
        .collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |p| p + 1);
    lines.get(first..last).unwrap_or_default().join("\n")
}

/// A line with the tabs of its indentation replaced by spaces up to the next multiple of four
/// columns (Markdown's tab stops).
fn expand_indentation(line: &str) -> String {
    let rest = line.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line[..line.len() - rest.len()].chars() {
        if c == '\t' {
            out.push_str(&" ".repeat(4 - out.len() % 4));
        } else {
            out.push(c);
        }
    }
    out.push_str(rest);
    out
}

/// Rewrites code blocks, HTML and ordinary text by their source ranges.
fn rewrite(text: &str) -> String {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut events = Parser::new_ext(text, options()).into_offset_iter();
    // Inside a link (or an image), where text is the link's and stays as written.
    let mut links = 0usize;
    // A run of adjacent text that reads as written (no escapes or entities in it).
    let mut run: Option<Range<usize>> = None;
    while let Some((event, range)) = events.next() {
        if let Event::Text(t) = &event {
            // An escaped character's range leaves out its backslash: it is not text as written.
            let escaped = text[..range.start].ends_with('\\');
            if links == 0 && !escaped && text.get(range.clone()) == Some(&**t) {
                run = match run.take() {
                    Some(r) if r.end == range.start => Some(r.start..range.end),
                    Some(r) => {
                        edit_text(text, r, &mut edits);
                        Some(range)
                    }
                    None => Some(range),
                };
                continue;
            }
        }
        if let Some(r) = run.take() {
            edit_text(text, r, &mut edits);
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut content = String::new();
                for (event, _) in events.by_ref() {
                    match event {
                        Event::Text(t) => content.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let fence = "`".repeat(longest_run(&content, '`').max(2) + 1);
                let body = content.lines().map(str::to_owned).collect();
                edits.push(block(
                    text,
                    range,
                    matches!(kind, CodeBlockKind::Indented),
                    Some(&fence),
                    body,
                ));
            }
            Event::Start(Tag::HtmlBlock) => {
                let mut content = String::new();
                for (event, _) in events.by_ref() {
                    match event {
                        Event::Html(t) | Event::Text(t) => content.push_str(&t),
                        Event::End(TagEnd::HtmlBlock) => break,
                        _ => {}
                    }
                }
                // Each line as text: without its indentation and with every punctuation mark
                // escaped, no line can start a block.
                let body = content
                    .lines()
                    .map(|l| escape_punctuation(l.trim_start()))
                    .collect();
                edits.push(block(text, range, false, None, body));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                edits.push((range, escape_punctuation(&html)));
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => links += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => links = links.saturating_sub(1),
            _ => {}
        }
    }
    if let Some(r) = run.take() {
        edit_text(text, r, &mut edits);
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (range, replacement) in edits {
        // Edits come in document order and never overlap; one that did would be skipped.
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The edit that replaces a block (a code or HTML block at `range`) with `body`, fenced by `fence`
/// when given. The block's lines keep the prefix of the containers it is in (`> ` of a quote, the
/// indentation of a list item): the first line as written, the others with a list marker's width
/// as spaces. An indented code block's first line loses the four spaces that made it code.
fn block(
    text: &str,
    range: Range<usize>,
    indented: bool,
    fence: Option<&str>,
    body: Vec<String>,
) -> (Range<usize>, String) {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let mut first = text[line_start..range.start].to_owned();
    if indented {
        let spaces = first.len() - first.trim_end_matches(' ').len();
        first.truncate(first.len() - spaces.min(4));
    }
    let rest: String = first
        .chars()
        .map(|c| if c == '>' { '>' } else { ' ' })
        .collect();
    let mut out = first;
    let mut lines = body.into_iter();
    match fence {
        Some(fence) => {
            out.push_str(fence);
            out.push_str("text\n");
        }
        None => {
            out.push_str(&lines.next().unwrap_or_default());
            out.push('\n');
        }
    }
    for line in lines {
        if line.is_empty() {
            out.push_str(rest.trim_end());
        } else {
            out.push_str(&rest);
            out.push_str(&line);
        }
        out.push('\n');
    }
    match fence {
        Some(fence) => {
            out.push_str(&rest);
            out.push_str(fence);
        }
        None => {
            out.pop();
        }
    }
    if text[range.clone()].ends_with('\n') {
        out.push('\n');
    }
    (line_start..range.end, out)
}

/// Records the edit of a run of ordinary text, if it changes.
fn edit_text(text: &str, range: Range<usize>, edits: &mut Vec<(Range<usize>, String)>) {
    let original = &text[range.clone()];
    let escaped = escape_text(original);
    if escaped != original {
        edits.push((range, escaped));
    }
}

/// Ordinary text: brackets escaped (they are not links, or the parser would have said so) and
/// bare URLs wrapped in `<>`, which rustdoc links and its `bare_urls` lint asks for.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after_angle = out.ends_with('<');
        if !after_angle && (rest.starts_with("https://") || rest.starts_with("http://")) {
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | ')' | '`' | '"'))
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Every ASCII punctuation mark backslash-escaped: Markdown reads none of it, so `<script>` shows
/// as written.
fn escape_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether rustdoc finds nothing in `text` to run or to pass through as HTML: every code block is
/// a fenced `text` block, and there is no raw HTML.
fn is_inert(text: &str) -> bool {
    Parser::new_ext(text, options()).all(|event| match event {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => &*info == "text",
        Event::Start(Tag::CodeBlock(CodeBlockKind::Indented) | Tag::HtmlBlock)
        | Event::Html(_)
        | Event::InlineHtml(_) => false,
        _ => true,
    })
}

/// The whole text as one `text` block, its fence longer than any run of backticks in it.
fn text_block(text: &str) -> String {
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    format!("{fence}text\n{text}\n{fence}")
}

#[cfg(test)]
mod tests {
    use super::{code_span, inline, is_inert, render, text_block};

    /// Each input renders to the expected Markdown, which is inert.
    fn check(cases: &[(&str, &str)]) {
        for (input, expected) in cases {
            let rendered = render(input);
            assert_eq!(&rendered, expected, "input {input:?}");
            assert!(is_inert(&rendered), "{rendered:?} of {input:?}");
        }
    }

    #[test]
    fn ordinary_text_keeps_links_and_code_and_escapes_brackets_and_urls() {
        check(&[
            ("filter[sources] list", "filter\\[sources\\] list"),
            (
                "see [Teams](https://x.io/t) page",
                "see [Teams](https://x.io/t) page",
            ),
            ("go to https://x.io/a.", "go to <https://x.io/a>."),
            ("(see https://x.io/a_b_c)", "(see <https://x.io/a_b_c>)"),
            ("`page[size]` stays", "`page[size]` stays"),
            ("<https://x.io> stays", "<https://x.io> stays"),
            ("an escaped \\[ stays", "an escaped \\[ stays"),
            ("**bold** and _em_", "**bold** and _em_"),
        ]);
    }

    #[test]
    fn fenced_blocks_of_any_language_become_text() {
        let code = "std::fs::write(\"x\", \"ran\").unwrap();";
        for info in [
            "",
            "rust",
            "ignore",
            "no_run",
            "should_panic",
            "edition2021",
            "sh",
            "json",
        ] {
            let input = format!("Run this:\n\n```{info}\n{code}\n```\n\nDone.");
            check(&[(
                &input,
                &format!("Run this:\n\n```text\n{code}\n```\n\nDone."),
            )]);
        }
        check(&[
            // Tildes, an indented fence, a fence that is never closed.
            ("~~~rust\nx\n~~~", "```text\nx\n```"),
            ("a\n\n  ```\n  x\n  ```", "a\n\n  ```text\n  x\n  ```"),
            ("```\nx();\nmore", "```text\nx();\nmore\n```"),
            // A fence longer than any run of backticks inside.
            ("````\n```\nx\n```\n````", "````text\n```\nx\n```\n````"),
            // A block that interrupts a paragraph, and one right after a heading.
            ("text\n```\nx\n```", "text\n```text\nx\n```"),
            ("# Head\n```\nx\n```", "# Head\n```text\nx\n```"),
        ]);
    }

    #[test]
    fn indented_blocks_become_text() {
        check(&[
            (
                "para\n\n    code1\n      code2\n\nafter",
                "para\n\n```text\ncode1\n  code2\n```\n\nafter",
            ),
            // Indented as a whole: the shared indentation is not code, as rustdoc removes it.
            ("    all indented\n    text", "all indented\ntext"),
            ("\tcode\n\nnot", "```text\ncode\n```\n\nnot"),
        ]);
    }

    #[test]
    fn blocks_inside_quotes_and_lists_stay_inside() {
        check(&[
            (
                "> quote\n> ```\n> a\n>\n> b\n> ```",
                "> quote\n> ```text\n> a\n>\n> b\n> ```",
            ),
            (
                "- item\n\n      code\n  more",
                "- item\n\n  ```text\n  code\n  ```\n  more",
            ),
            (
                "1. ```rust\n   x\n   ```\n2. y",
                "1. ```text\n   x\n   ```\n2. y",
            ),
            ("> - ```\n>   x\n>   ```", "> - ```text\n>   x\n>   ```"),
        ]);
    }

    #[test]
    fn html_is_escaped() {
        check(&[
            ("a <b>bold</b> word", "a \\<b\\>bold\\<\\/b\\> word"),
            (
                "<script>alert(1)</script>",
                "\\<script\\>alert\\(1\\)\\<\\/script\\>",
            ),
            // Lines of an HTML block cannot start blocks of their own once escaped.
            (
                "<div>\n```\nx\n```\n</div>",
                "\\<div\\>\n\\`\\`\\`\nx\n\\`\\`\\`\n\\<\\/div\\>",
            ),
            (
                "<script>\n\n    fn main() {}\n</script>",
                "\\<script\\>\n\nfn main\\(\\) \\{\\}\n\\<\\/script\\>",
            ),
            ("<!-- note -->", "\\<\\!\\-\\- note \\-\\-\\>"),
            // A tag spanning lines.
            ("x <a\ntitle=\"b\">y", "x \\<a\ntitle\\=\\\"b\\\"\\>y"),
        ]);
    }

    #[test]
    fn line_breaks_and_tabs_are_normalized() {
        check(&[("a\r\nb\rc", "a\nb\nc"), ("\n\n  text  \n\n", "text")]);
    }

    #[test]
    fn the_fallback_is_one_text_block() {
        let block = text_block("a\n````\nb");
        assert_eq!(block, "`````text\na\n````\nb\n`````");
        assert!(is_inert(&block));
        assert!(!is_inert("```\nx\n```"));
        assert!(!is_inert("    x"));
        assert!(!is_inert("<b>x</b>"));
    }

    #[test]
    fn values_stay_inside_their_code_span() {
        let cases = [
            ("logs", "`logs`"),
            ("a`b", "``a`b``"),
            ("`x`", "`` `x` ``"),
            ("line\n```\nfn main() {}", "````line ``` fn main() {}````"),
            ("", "` `"),
        ];
        for (value, expected) in cases {
            let span = code_span(value);
            assert_eq!(span, expected, "value {value:?}");
            let text = format!("Example: {span}.");
            assert_eq!(render(&text), text);
        }
        assert_eq!(inline("The\n```\nTitle\n\n  API"), "The ``` Title API");
    }
}
