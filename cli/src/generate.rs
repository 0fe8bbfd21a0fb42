//! `generate`: writes what the generator produces (only the files whose bytes changed) and removes
//! the files it no longer produces.

use crate::error::TaskError;
use crate::files::existing_files;
use crate::report::Report;
use crate::task::Task;
use std::path::Path;

/// Writes the generated files (only those whose bytes changed) and removes orphaned ones.
pub fn generate_files(task: &Task) -> Result<Report, TaskError> {
    let generated = task.run()?;
    let existing = existing_files(&task.out)?;
    let mut report = Report::from_diagnostics(&generated.diagnostics);
    for (rel, contents) in &generated.files {
        let path = task.out.join(rel);
        if std::fs::read(&path).is_ok_and(|old| old == contents.as_bytes()) {
            report.unchanged += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| TaskError::Io(parent.to_path_buf(), e))?;
        }
        std::fs::write(&path, contents).map_err(|e| TaskError::Io(path.clone(), e))?;
        report.written.push(rel.clone());
    }
    for (rel, path) in existing {
        if !generated.files.contains_key(&rel) {
            std::fs::remove_file(&path).map_err(|e| TaskError::Io(path.clone(), e))?;
            remove_empty_parents(&path, &task.out);
            report.removed.push(rel);
        }
    }
    Ok(report)
}

/// Removes the folders above a removed file that it leaves empty (a model crate that is no
/// longer generated, say), up to but not including `root`. A folder that still holds anything,
/// a build's `target/` included, stays.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
