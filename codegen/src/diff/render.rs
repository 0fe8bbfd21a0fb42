//! A list of changes as text for a person (breaking first, then the rest, then a summary line) or as
//! JSON for a tool.

use super::{release, Change, Severity};

/// `3 breaking (3 only in Preview operations), 6 non-breaking → needs a major release`.
pub fn summary(changes: &[Change]) -> String {
    let breaking: Vec<&Change> = changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking)
        .collect();
    let non_breaking = changes.len() - breaking.len();
    if changes.is_empty() {
        return "0 breaking, 0 non-breaking → no change to the generated public API".to_owned();
    }
    let preview = breaking.iter().filter(|c| c.preview).count();
    let preview = if preview > 0 {
        format!(" ({preview} only in Preview operations)")
    } else {
        String::new()
    };
    format!(
        "{} breaking{preview}, {non_breaking} non-breaking → needs a {} release",
        breaking.len(),
        release(changes).label()
    )
}

/// The changes as text: a section of breaking changes, one of non-breaking ones (each marked minor
/// or patch), then the [`summary`] line. Each change is its location and kind, with the reason on
/// the next line.
pub fn render_text(changes: &[Change]) -> String {
    let mut text = String::new();
    let (breaking, rest): (Vec<&Change>, Vec<&Change>) = changes
        .iter()
        .partition(|c| c.severity == Severity::Breaking);
    for (title, group) in [("Breaking", breaking), ("Non-breaking", rest)] {
        if group.is_empty() {
            continue;
        }
        text.push_str(&format!("{title} changes ({}):\n", group.len()));
        for c in group {
            let severity = match c.severity {
                Severity::Breaking => String::new(),
                other => format!("{:5}  ", other.label()),
            };
            let preview = if c.preview { " [Preview]" } else { "" };
            text.push_str(&format!(
                "  {severity}{}: {}{preview}\n      {}\n",
                c.location,
                c.kind.label(),
                c.reason
            ));
        }
        text.push('\n');
    }
    text.push_str(&summary(changes));
    text.push('\n');
    text
}

/// The changes as a JSON document: `{"changes": [{"severity", "kind", "location", "reason",
/// "preview"}…], "breaking": N, "non_breaking": M, "release": "major"|"minor"|"patch"}`.
pub fn render_json(changes: &[Change]) -> String {
    let list: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "severity": c.severity.label(),
                "kind": c.kind.code(),
                "location": c.location,
                "reason": c.reason,
                "preview": c.preview,
            })
        })
        .collect();
    let breaking = changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking)
        .count();
    let document = serde_json::json!({
        "changes": list,
        "breaking": breaking,
        "non_breaking": changes.len() - breaking,
        "release": release(changes).label(),
        "summary": summary(changes),
    });
    // A `Value` built from strings, numbers and booleans always serializes.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
