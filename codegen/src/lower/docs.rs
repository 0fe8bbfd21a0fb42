//! Rustdoc text assembled from spec descriptions and examples.

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
    value.map(|v| format!("Example: `{}`", compact(v)))
}

/// `Default: `1000``.
pub(crate) fn default(value: Option<&Value>) -> Option<String> {
    value.map(|v| format!("Default: `{}`", compact(v)))
}

fn compact(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
