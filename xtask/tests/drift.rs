//! `cargo test` fails when the checked-in generated code has drifted from the spec, with the same
//! diff `cargo xtask check` prints.

use std::fs;
use xtask::{check_files, generate_files, workspace_root, Task, TaskError};

#[test]
fn checked_in_code_matches_the_spec() {
    let task = Task::default_for(&workspace_root());
    if let Err(e) = check_files(&task, "cargo xtask generate") {
        panic!("{e}");
    }
}

/// The check itself can fail: a stale, a missing and an orphaned file are each reported, and
/// generate repairs all three.
#[test]
fn check_reports_changed_missing_and_orphaned_files() {
    let root = workspace_root();
    let dir = std::env::temp_dir().join(format!("xtask-drift-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let task = Task {
        out: dir.clone(),
        ..Task::default_for(&root)
    };
    let first = generate_files(&task).expect("generate into a temp dir");
    assert!(first.written.contains(&"mod.rs".to_owned()));
    check_files(&task, "fix").expect("fresh output is up to date");

    fs::write(dir.join("mod.rs"), "// edited by hand\n").unwrap();
    fs::remove_file(dir.join("models/common.rs")).unwrap();
    fs::write(dir.join("models/stale.rs"), "").unwrap();
    // An orphaned folder of generated files (a model crate no longer generated) goes entirely;
    // one that holds something else stays.
    fs::create_dir_all(dir.join("models-9/src")).unwrap();
    fs::write(dir.join("models-9/src/lib.rs"), "").unwrap();
    fs::create_dir_all(dir.join("models-8/src")).unwrap();
    fs::write(dir.join("models-8/src/lib.rs"), "").unwrap();
    fs::write(dir.join("models-8/notes.txt"), "kept").unwrap();
    let Err(TaskError::Drift(drift)) = check_files(&task, "fix") else {
        panic!("drift not detected")
    };
    assert_eq!(drift.changed.len(), 1);
    assert!(
        drift.changed[0].1.contains("-// edited by hand"),
        "{}",
        drift.changed[0].1
    );
    assert_eq!(drift.missing, vec!["models/common.rs"]);
    assert_eq!(
        drift.orphaned,
        vec![
            "models-8/src/lib.rs",
            "models-9/src/lib.rs",
            "models/stale.rs"
        ]
    );
    assert!(drift.to_string().contains("fix: run `fix`"));

    let repaired = generate_files(&task).unwrap();
    assert_eq!(
        repaired.removed,
        vec![
            "models-8/src/lib.rs",
            "models-9/src/lib.rs",
            "models/stale.rs"
        ]
    );
    assert!(
        !dir.join("models-9").exists(),
        "an emptied folder is removed"
    );
    assert!(!dir.join("models-8/src").exists());
    assert!(
        dir.join("models-8/notes.txt").exists(),
        "a folder with other files stays"
    );
    assert!(
        dir.join("models").is_dir(),
        "a folder that still has files stays"
    );
    check_files(&task, "fix").expect("generate repairs drift");
    let again = generate_files(&task).unwrap();
    assert!(
        again.written.is_empty(),
        "generation is idempotent: {:?}",
        again.written
    );
    let _ = fs::remove_dir_all(&dir);
}
