//! [`Report`]: what a generation wrote, removed and noted, and how the commands print it.

use openapi_sdk_codegen::ir::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;

/// A summary of a generation.
#[derive(Debug, Default)]
pub struct Report {
    /// Files written because they changed or were new.
    pub written: Vec<String>,
    /// Files removed because the spec no longer generates them.
    pub removed: Vec<String>,
    /// Files left untouched.
    pub unchanged: usize,
    /// The generator's notes (`pointer: message`).
    pub diagnostics: Vec<String>,
    /// How many notes of each kind (`renamed`, `tolerated`, …), by kind.
    pub note_counts: BTreeMap<&'static str, usize>,
}

impl Report {
    /// An empty report holding the generator's notes.
    pub fn from_diagnostics(diagnostics: &[Diagnostic]) -> Report {
        let mut report = Report {
            diagnostics: diagnostics.iter().map(ToString::to_string).collect(),
            ..Report::default()
        };
        for d in diagnostics {
            *report.note_counts.entry(d.kind.label()).or_default() += 1;
        }
        report
    }

    /// The lines a command prints after generating into `out`: every note when `verbose` (else
    /// their count by kind), each file written or removed, and the totals.
    pub fn lines(&self, out: &Path, verbose: bool) -> Vec<String> {
        let mut lines = Vec::new();
        if verbose {
            lines.extend(self.diagnostics.iter().map(|d| format!("note: {d}")));
        }
        if !self.note_counts.is_empty() {
            let counts: Vec<String> = self
                .note_counts
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            let more = if verbose {
                ""
            } else {
                " (--verbose lists them)"
            };
            lines.push(format!("notes: {}{more}", counts.join(", ")));
        }
        lines.extend(
            self.written
                .iter()
                .map(|f| format!("wrote {}", out.join(f).display())),
        );
        lines.extend(
            self.removed
                .iter()
                .map(|f| format!("removed {}", out.join(f).display())),
        );
        lines.push(format!(
            "{} written, {} removed, {} unchanged",
            self.written.len(),
            self.removed.len(),
            self.unchanged
        ));
        lines
    }
}
