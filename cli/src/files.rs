//! The files the generator owns in an output folder, and paths relative to one another.

use crate::error::TaskError;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The files the generator owns under `dir` (`.rs` files, a top-level `Cargo.toml` and the
/// generated manifests of split model crates; build output in `target/` is not looked at),
/// relative, with `/` separators.
pub fn existing_files(dir: &Path) -> Result<BTreeMap<String, PathBuf>, TaskError> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(TaskError::Io(d, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| TaskError::Io(d.clone(), e))?.path();
            let manifest = path.file_name().is_some_and(|n| n == "Cargo.toml");
            if path.is_dir() {
                if path.file_name().is_none_or(|n| n != "target") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs")
                || (manifest && d == dir)
                || (manifest
                    && std::fs::read_to_string(&path).is_ok_and(|t| t.starts_with("# @generated")))
                // A crate's README, when the generator wrote it (a hand-written one stays).
                || (d == dir
                    && path.file_name().is_some_and(|n| n == "README.md")
                    && std::fs::read_to_string(&path)
                        .is_ok_and(|t| t.starts_with("<!-- @generated")))
            {
                if let Ok(rel) = path.strip_prefix(dir) {
                    let rel = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    out.insert(rel, path);
                }
            }
        }
    }
    Ok(out)
}

/// `to` relative to `from` (both made absolute against the current directory), with `/`
/// separators; `None` when they share no root (two Windows drives).
pub fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let from = std::path::absolute(from).ok()?;
    let to = std::path::absolute(to).ok()?;
    let from: Vec<_> = normal(&from);
    let to: Vec<_> = normal(&to);
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let ups = std::iter::repeat_n("..".to_owned(), from.len() - common);
    let downs = to[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let parts: Vec<String> = ups.chain(downs).collect();
    Some(if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    })
}

/// A path's components with `.` dropped and `..` applied (no symlink is followed: the path need
/// not exist yet).
fn normal(path: &Path) -> Vec<std::path::Component<'_>> {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // Above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::relative_path;
    use std::path::Path;

    #[test]
    fn relative_paths() {
        for (from, to, expected) in [
            ("/a/b/out", "/a/rt", "../../rt"),
            ("/a/b", "/a/b", "."),
            ("/a/b", "/a/b/c/d", "c/d"),
            ("/a/./b/../c", "/a/rt", "../rt"),
            ("/x/y", "/a", "../../a"),
        ] {
            assert_eq!(
                relative_path(Path::new(from), Path::new(to)).as_deref(),
                Some(expected),
                "{from} → {to}"
            );
        }
    }
}
