//! Rustdoc text assembled from spec descriptions and examples.
//!
//! Descriptions stay Markdown, which the emitters render safely (`emit/docs.rs`); values (an
//! example, a default) go into code spans that nothing in them can leave.

use serde_json::Value;

/// Joins the non-empty parts with blank lines.
pub(crate) fn join(parts: &[Option<String>]) -> Option<String> {
    let parts: Vec<&str> = parts
        .iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// `Example: `logs``, rendered compactly.
pub(crate) fn example(value: Option<&Value>) -> Option<String> {
    value.map(|v| format!("Example: {}", code_span(&compact(v))))
}

/// `Default: `1000``.
pub(crate) fn default(value: Option<&Value>) -> Option<String> {
    value.map(|v| format!("Default: {}", code_span(&compact(v))))
}

/// A string as itself, anything else (and the empty string, which would show as nothing) as JSON.
fn compact(v: &Value) -> String {
    match v {
        Value::String(s) if !s.is_empty() => s.clone(),
        other => other.to_string(),
    }
}

/// `text` as a Markdown code span that nothing in it can end or break: control characters (line
/// breaks among them) become spaces, the span is delimited by one backtick more than the longest
/// run inside, and padded with a space when the text starts or ends with a backtick (or with a
/// space at both ends, which Markdown would strip).
pub(crate) fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.is_empty() {
        return "` `".to_owned();
    }
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    let pad = if pad { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// The length of the longest run of `c` in `text`.
pub(crate) fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut current) = (0, 0);
    for ch in text.chars() {
        current = if ch == c { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::{default, example};
    use serde_json::json;

    #[test]
    fn values_are_code_spans() {
        let cases = [
            (json!("logs"), "Example: `logs`"),
            (json!(""), "Example: `\"\"`"),
            (json!(10), "Example: `10`"),
            (json!("a`b"), "Example: ``a`b``"),
            (json!("x\n```\nrun()"), "Example: ````x ``` run()````"),
            (json!({"k": "`"}), "Example: ``{\"k\":\"`\"}``"),
        ];
        for (value, expected) in cases {
            assert_eq!(example(Some(&value)).as_deref(), Some(expected), "{value}");
        }
        assert_eq!(
            default(Some(&json!(1000))).as_deref(),
            Some("Default: `1000`")
        );
    }
}
