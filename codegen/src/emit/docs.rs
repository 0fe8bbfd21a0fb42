//! Rustdoc attributes from spec text: `#[doc = "..."]` lines that rustdoc renders without warnings.

use proc_macro2::TokenStream;
use quote::quote;

/// One `#[doc]` attribute per line of `text` (none for empty text).
pub(crate) fn doc_attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return TokenStream::new();
    };
    let lines = sanitize(text)
        .lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect::<Vec<_>>();
    quote! { #( #[doc = #lines] )* }
}

/// One `#[doc]` attribute per line of text the generator wrote itself, whose intra-doc links
/// (`[`Client`]`) must stay links: nothing is escaped.
pub(crate) fn own_doc_attrs(text: &str) -> TokenStream {
    let lines = text
        .trim()
        .lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect::<Vec<_>>();
    quote! { #( #[doc = #lines] )* }
}

/// Inner (`//!`) doc attributes.
pub(crate) fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = sanitize(text.trim())
        .lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect::<Vec<_>>();
    quote! { #( #![doc = #lines] )* }
}

/// Makes spec prose safe for rustdoc: brackets that are not Markdown links are escaped (so
/// `filter[sources]` is not read as an intra-doc link) and bare URLs are wrapped in `<>`.
pub(crate) fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut in_code = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            i += 1;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => match link_end(&chars, i) {
                // A Markdown link `[text](url)`: copy it whole.
                Some(end) => {
                    out.extend(&chars[i..end]);
                    i = end;
                    continue;
                }
                None => out.push_str("\\["),
            },
            ']' => out.push_str("\\]"),
            'h' if starts_url(&chars[i..]) && (i == 0 || !matches!(chars[i - 1], '<' | '(')) => {
                let end = chars[i..]
                    .iter()
                    .position(|c| c.is_whitespace() || *c == '>' || *c == ')')
                    .map_or(chars.len(), |p| i + p);
                let mut url: String = chars[i..end].iter().collect();
                let trailing: Vec<char> = url
                    .chars()
                    .rev()
                    .take_while(|c| matches!(c, '.' | ',' | ';' | ':'))
                    .collect();
                url.truncate(url.len() - trailing.len());
                out.push('<');
                out.push_str(&url);
                out.push('>');
                out.extend(trailing.iter().rev());
                i = end;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn starts_url(chars: &[char]) -> bool {
    let s: String = chars.iter().take(8).collect();
    s.starts_with("https://") || s.starts_with("http://")
}

/// The end (exclusive) of a Markdown link starting at `start`, if one does.
fn link_end(chars: &[char], start: usize) -> Option<usize> {
    let close = start + chars[start..].iter().position(|c| *c == ']')?;
    if chars[start + 1..close].contains(&'[') || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = close + 1 + chars[close + 1..].iter().position(|c| *c == ')')?;
    Some(paren + 1)
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn sanitizes_brackets_and_urls() {
        let cases = [
            ("filter[sources] list", "filter\\[sources\\] list"),
            (
                "see [Teams](https://x.io/t) page",
                "see [Teams](https://x.io/t) page",
            ),
            ("go to https://x.io/a.", "go to <https://x.io/a>."),
            ("`page[size]` stays", "`page[size]` stays"),
            ("<https://x.io> stays", "<https://x.io> stays"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize(input), expected, "input {input:?}");
        }
    }
}
