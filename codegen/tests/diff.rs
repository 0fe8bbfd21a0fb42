//! The spec diff on Datadog's own history: the connections subset as it was on 2025-11-13, when
//! Team Connections arrived in Preview under its own tag, against the later subset, where the three
//! Team Connections operations left Preview and moved to the "Teams" tag, and org connections gained
//! the `audit` connection type. Skipped without `../shared` (unless DATADOG_SHARED_REQUIRED is set).

use datadog_connections_replay::shared::shared_dir;
use openapi_sdk_codegen::diff::{
    self, Change, ChangeKind as K, DiffOptions, Packaging, Release, Severity,
};
use openapi_sdk_codegen::Config;
use std::path::{Path, PathBuf};
use Severity::{Breaking, Minor, Patch};

const OLD: &str = "specs/datadog-connections-subset-preview-2025-11-13.yaml";
const NEW: &str = "specs/datadog-connections-subset.yaml";

/// The two subsets (old, new), or `None` (after a skip notice) when `../shared` is absent.
fn subsets(test: &str) -> Option<(PathBuf, PathBuf)> {
    let dir = shared_dir(test)?;
    Some((dir.join(OLD), dir.join(NEW)))
}

/// The changes from `old` to `new`, both read with the SDK's generator configuration.
fn compare(old: &Path, new: &Path, packaging: Packaging) -> Vec<Change> {
    let config = Config::parse(include_str!("../../spec/datadog-connections.codegen.yaml"))
        .expect("the SDK's configuration");
    let load = |path: &Path| {
        let text = std::fs::read_to_string(path).expect("a Datadog subset");
        diff::load_api(&text, &config).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    diff::diff(&load(old), &load(new), &DiffOptions { packaging })
}

/// The changes from the Preview subset to the later one, or `None` when `../shared` is absent.
fn datadog_diff(test: &str, packaging: Packaging) -> Option<Vec<Change>> {
    let (old, new) = subsets(test)?;
    Some(compare(&old, &new, packaging))
}

fn listed(changes: &[Change]) -> Vec<(Severity, K, &str, bool)> {
    changes
        .iter()
        .map(|c| (c.severity, c.kind, c.location.as_str(), c.preview))
        .collect()
}

#[test]
fn team_connections_leaving_preview_is_a_minor_release_for_the_sdk() {
    let Some(changes) = datadog_diff(
        "team_connections_leaving_preview_is_a_minor_release_for_the_sdk",
        Packaging::Modules,
    ) else {
        return;
    };
    let text = diff::render_text(&changes);
    assert_eq!(
        listed(&changes),
        [
            (
                Minor,
                K::PreviewLeft,
                "Client::create_team_connections",
                true
            ),
            (
                Minor,
                K::PreviewLeft,
                "Client::delete_team_connections",
                true
            ),
            (Minor, K::PreviewLeft, "Client::list_team_connections", true),
            (
                Minor,
                K::EnumValueAdded,
                "OrgConnectionTypeEnum::Audit",
                false
            ),
            (
                Patch,
                K::OperationMoved,
                "Client::create_team_connections",
                true
            ),
            (
                Patch,
                K::OperationMoved,
                "Client::delete_team_connections",
                true
            ),
            (
                Patch,
                K::OperationMoved,
                "Client::list_team_connections",
                true
            ),
        ],
        "{text}"
    );
    // Opted-in callers keep building: the runtime accepts every operation id of the API in
    // `enable_preview`, so leaving Preview needs no change from them.
    assert_eq!(
        changes[2].reason,
        "no longer in Preview: it needs no opt-in; \
         `ClientBuilder::enable_preview(\"ListTeamConnections\")` still builds (the runtime accepts \
         any operation id of the API) and changes nothing"
    );
    assert!(
        changes[3].reason.starts_with(
            "`audit` decoded as `Unknown(\"audit\")` before and decodes as this variant now"
        ),
        "{}",
        changes[3].reason
    );
    assert!(
        changes[4]
            .reason
            .starts_with("tag \"Team Connections\" → \"Teams\": "),
        "{}",
        changes[4].reason
    );
    assert_eq!(diff::release(&changes), Release::Minor);
    assert_eq!(
        diff::summary(&changes),
        "0 breaking, 7 non-breaking → needs a minor release"
    );
}

#[test]
fn as_standalone_crates_the_tag_change_renames_a_feature() {
    let Some(changes) = datadog_diff(
        "as_standalone_crates_the_tag_change_renames_a_feature",
        Packaging::Crate,
    ) else {
        return;
    };
    assert_eq!(
        listed(&changes),
        [
            (
                Breaking,
                K::OperationMoved,
                "Client::create_team_connections",
                true
            ),
            (
                Breaking,
                K::OperationMoved,
                "Client::delete_team_connections",
                true
            ),
            (
                Breaking,
                K::OperationMoved,
                "Client::list_team_connections",
                true
            ),
            (
                Breaking,
                K::FeatureRemoved,
                "feature \"team_connections\"",
                true
            ),
            (
                Minor,
                K::PreviewLeft,
                "Client::create_team_connections",
                true
            ),
            (
                Minor,
                K::PreviewLeft,
                "Client::delete_team_connections",
                true
            ),
            (Minor, K::PreviewLeft, "Client::list_team_connections", true),
            (
                Minor,
                K::EnumValueAdded,
                "OrgConnectionTypeEnum::Audit",
                false
            ),
            (Minor, K::FeatureAdded, "feature \"teams\"", false),
        ],
        "{}",
        diff::render_text(&changes)
    );
    assert_eq!(
        diff::summary(&changes),
        "4 breaking (4 only in Preview operations), 5 non-breaking → needs a major release"
    );
}

#[test]
fn the_reverse_direction_is_breaking_too() {
    // Going back: the operations enter Preview (every call now needs an opt-in) and the `audit`
    // variant disappears.
    let Some((preview, later)) = subsets("the_reverse_direction_is_breaking_too") else {
        return;
    };
    let changes = compare(&later, &preview, Packaging::Modules);
    let breaking: Vec<(K, &str)> = changes
        .iter()
        .filter(|c| c.severity == Breaking)
        .map(|c| (c.kind, c.location.as_str()))
        .collect();
    assert_eq!(
        breaking,
        [
            (K::PreviewEntered, "Client::create_team_connections"),
            (K::PreviewEntered, "Client::delete_team_connections"),
            (K::PreviewEntered, "Client::list_team_connections"),
            (K::EnumValueRemoved, "OrgConnectionTypeEnum::Audit"),
        ],
        "{}",
        diff::render_text(&changes)
    );
}
