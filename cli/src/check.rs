//! `check`: compares the files in the output folder with a fresh generation, never writing, and
//! describes any drift as unified diffs plus missing and orphaned files.

use crate::error::TaskError;
use crate::files::existing_files;
use crate::task::Task;
use std::fmt;

/// Files that differ between the checked-in output and a fresh generation.
#[derive(Debug, Default)]
pub struct Drift {
    /// Changed files with their unified diffs (checked-in → generated).
    pub changed: Vec<(String, String)>,
    /// Files the spec generates that are not checked in.
    pub missing: Vec<String>,
    /// Checked-in `.rs` files the spec no longer generates.
    pub orphaned: Vec<String>,
    /// The command that fixes it.
    pub fix: String,
}

impl Drift {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.orphaned.is_empty()
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "generated code is out of date with the spec:")?;
        for (file, diff) in &self.changed {
            writeln!(f, "\n--- changed: {file}\n{diff}")?;
        }
        for file in &self.missing {
            writeln!(f, "missing: {file}")?;
        }
        for file in &self.orphaned {
            writeln!(f, "orphaned (no longer generated): {file}")?;
        }
        write!(f, "\nfix: run `{}` and commit the result", self.fix)
    }
}

/// Compares the files in `task.out` with a fresh generation; never writes. `fix` is the command
/// the drift report names.
pub fn check_files(task: &Task, fix: &str) -> Result<(), TaskError> {
    let generated = task.run()?;
    let existing = existing_files(&task.out)?;
    let mut drift = Drift {
        fix: fix.to_owned(),
        ..Drift::default()
    };
    for (rel, contents) in &generated.files {
        match existing.get(rel) {
            None => drift.missing.push(rel.clone()),
            Some(path) => {
                let old =
                    std::fs::read_to_string(path).map_err(|e| TaskError::Io(path.clone(), e))?;
                if &old != contents {
                    let diff = similar::TextDiff::from_lines(&old, contents)
                        .unified_diff()
                        .context_radius(3)
                        .header(
                            &format!("a/{rel} (checked in)"),
                            &format!("b/{rel} (generated)"),
                        )
                        .to_string();
                    drift.changed.push((rel.clone(), diff));
                }
            }
        }
    }
    drift.orphaned = existing
        .keys()
        .filter(|rel| !generated.files.contains_key(*rel))
        .cloned()
        .collect();
    if drift.is_empty() {
        Ok(())
    } else {
        Err(TaskError::Drift(drift))
    }
}
