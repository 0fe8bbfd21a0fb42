//! Spec diff: what changes in the generated public API between two versions of a spec, and whether
//! each change breaks code written against the old one (semver).
//!
//! Both documents go through the generator's own front end ([`load_api`]: load → lower), and the
//! two [`Api`] models are compared ([`diff`]), never the generated text. Every change is named by the
//! Rust path a user writes (`Client::list_team_connections().filter_sources`, `OrgConnection::new`,
//! `OrgConnectionTypeEnum::Audit`) and classified by what the emitters make of the model (the
//! signatures in `surface.rs`):
//!
//! - **Breaking**: code that compiled against the old crate may stop compiling, or a call that
//!   worked may now fail: anything public removed or renamed, a new positional argument (a required
//!   parameter, a required field of `new()`), a parameter or field whose Rust type changes
//!   (required ↔ optional and nullability change the type: `T`, `Option<T>`, `Option<Option<T>>`),
//!   a different result type, an operation entering or leaving Preview.
//! - **Minor**: additions that break nothing because of how the code is generated: operations,
//!   optional parameters (builder setters), models, optional fields (models are `#[non_exhaustive]`
//!   and built with `new()` and setters, never literals), enum values (enums are
//!   `#[non_exhaustive]` with an `Unknown` catch-all), deprecations.
//! - **Patch**: the Rust API is unchanged: documented statuses, an operation's tag in a crate
//!   without features, what is sent on the wire under an unchanged signature.
//!
//! The result is a deterministic `Vec<Change>` (breaking first, then by location); [`render_text`]
//! and [`render_json`] present it, [`release`] says which release it needs.

mod compare;
mod models;
mod operations;
mod render;
mod surface;
#[cfg(test)]
mod tests;

use crate::config::Config;
use crate::error::Error;
use crate::ir::Api;

pub use render::{render_json, render_text, summary};

/// Loads and lowers a spec as `generate` does (same errors, with pointers into the document as
/// written), without emitting anything.
pub fn load_api(spec_text: &str, config: &Config) -> Result<Api, Error> {
    let loaded = crate::load::load(spec_text)?;
    crate::lower::lower(&loaded.spec, config).map_err(|e| loaded.relocate(e))
}

/// How the generated code is packaged, which decides what a tag change means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Packaging {
    /// Modules for a hand-written crate (the SDK): no Cargo features; models and operations are
    /// re-exported flat, so an operation's tag is invisible.
    #[default]
    Modules,
    /// A standalone crate with a Cargo feature per tag: features and what each enables are public.
    Crate,
}

/// What to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiffOptions {
    /// How the generated code is packaged.
    pub packaging: Packaging,
}

/// How much a change matters to code written against the old version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Existing code may stop compiling or a working call may fail: needs a major release.
    Breaking,
    /// An addition that breaks nothing: needs a minor release.
    Minor,
    /// No change to the Rust API (documentation, wire details under an unchanged signature).
    Patch,
}

impl Severity {
    /// `breaking`, `minor` or `patch`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Breaking => "breaking",
            Severity::Minor => "minor",
            Severity::Patch => "patch",
        }
    }
}

/// The release a set of changes needs under semver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Release {
    /// A breaking change.
    Major,
    /// Additions only.
    Minor,
    /// No change to the Rust API.
    Patch,
}

impl Release {
    /// `major`, `minor` or `patch`.
    pub fn label(self) -> &'static str {
        match self {
            Release::Major => "major",
            Release::Minor => "minor",
            Release::Patch => "patch",
        }
    }
}

/// The release `changes` need: major if any is breaking, minor if any is an addition, else patch.
pub fn release(changes: &[Change]) -> Release {
    match changes.iter().map(|c| c.severity).min() {
        Some(Severity::Breaking) => Release::Major,
        Some(Severity::Minor) => Release::Minor,
        Some(Severity::Patch) | None => Release::Patch,
    }
}

macro_rules! change_kinds {
    ($($variant:ident => $code:literal, $label:literal;)*) => {
        /// What changed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum ChangeKind {
            $(
                #[doc = concat!("`", $code, "`: ", $label, ".")]
                $variant,
            )*
        }

        impl ChangeKind {
            /// A stable snake-case code (`field_added`), as `--json` writes it.
            pub fn code(self) -> &'static str {
                match self { $(ChangeKind::$variant => $code,)* }
            }

            /// A short phrase (`field added`).
            pub fn label(self) -> &'static str {
                match self { $(ChangeKind::$variant => $label,)* }
            }
        }
    };
}

change_kinds! {
    FeatureAdded => "feature_added", "Cargo feature added";
    FeatureRemoved => "feature_removed", "Cargo feature removed";
    SchemeAdded => "scheme_added", "credential setter added";
    SchemeRemoved => "scheme_removed", "credential setter removed";
    SchemeChanged => "scheme_changed", "credential setter changed";
    ServerEnumAdded => "server_enum_added", "server variable enum added";
    ServerEnumRemoved => "server_enum_removed", "server variable enum removed";
    ServerValueAdded => "server_value_added", "server variable value added";
    ServerValueRemoved => "server_value_removed", "server variable value removed";
    ServerDefaultChanged => "server_default_changed", "server variable default changed";
    OperationAdded => "operation_added", "operation added";
    OperationRemoved => "operation_removed", "operation removed";
    OperationRenamed => "operation_renamed", "operation id renamed";
    PreviewEntered => "preview_entered", "operation entered Preview";
    PreviewLeft => "preview_left", "operation left Preview";
    EndpointChanged => "endpoint_changed", "HTTP method or path changed";
    OperationMoved => "operation_moved", "operation moved to another tag";
    OperationDeprecated => "operation_deprecated", "operation deprecated";
    AuthChanged => "auth_changed", "authentication changed";
    ParamAdded => "param_added", "parameter added";
    ParamRemoved => "param_removed", "parameter removed";
    ParamRequiredChanged => "param_required_changed", "parameter required/optional changed";
    ParamTypeChanged => "param_type_changed", "parameter type changed";
    ParamOrderChanged => "param_order_changed", "positional arguments reordered";
    ParamWireChanged => "param_wire_changed", "parameter encoding changed";
    ParamDeprecated => "param_deprecated", "parameter deprecated";
    BodyAdded => "body_added", "request body added";
    BodyRemoved => "body_removed", "request body removed";
    BodyRequiredChanged => "body_required_changed", "request body required/optional changed";
    BodyTypeChanged => "body_type_changed", "request body type changed";
    ResultTypeChanged => "result_type_changed", "result type changed";
    StatusAdded => "status_added", "response status added";
    StatusRemoved => "status_removed", "response status removed";
    PaginationAdded => "pagination_added", "pagination added";
    PaginationRemoved => "pagination_removed", "pagination removed";
    PaginationChanged => "pagination_changed", "pagination item type changed";
    ModelAdded => "model_added", "model added";
    ModelRemoved => "model_removed", "model removed";
    ModelRenamed => "model_renamed", "model renamed";
    ModelKindChanged => "model_kind_changed", "model kind changed";
    ModelGatingChanged => "model_gating_changed", "model no longer enabled by a feature";
    FieldAdded => "field_added", "field added";
    FieldRemoved => "field_removed", "field removed";
    FieldRequiredChanged => "field_required_changed", "field required/optional changed";
    FieldNullableChanged => "field_nullable_changed", "field nullability changed";
    FieldTypeChanged => "field_type_changed", "field type changed";
    FieldWireChanged => "field_wire_changed", "field JSON name changed";
    FieldDeprecated => "field_deprecated", "field deprecated";
    ConstructorChanged => "constructor_changed", "constructor changed";
    EnumValueAdded => "enum_value_added", "enum value added";
    EnumValueRemoved => "enum_value_removed", "enum value removed";
    EnumValueChanged => "enum_value_changed", "enum value's wire text changed";
    EnumDefaultChanged => "enum_default_changed", "enum default changed";
    UnionVariantAdded => "union_variant_added", "union variant added";
    UnionVariantRemoved => "union_variant_removed", "union variant removed";
    UnionVariantChanged => "union_variant_changed", "union variant type changed";
    AliasChanged => "alias_changed", "type alias changed";
}

/// One difference in the generated public API.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    /// Breaking, minor or patch.
    pub severity: Severity,
    /// Where, as the Rust path a user writes: `Client::get_org_connection(connection_id)` (a
    /// positional argument), `Client::list_team_connections().filter_sources` (a builder setter),
    /// `OrgConnection::relationships` (a field), `OrgConnectionTypeEnum::Audit` (a variant).
    pub location: String,
    /// What changed.
    pub kind: ChangeKind,
    /// Why it has its severity, in one line.
    pub reason: String,
    /// Whether only code using Preview operations is affected (an operation in Preview in the old
    /// version, or a model that only Preview operations use).
    pub preview: bool,
}

/// The changes from `old` to `new`, breaking first, then minor, then patch, each by location.
pub fn diff(old: &Api, new: &Api, options: &DiffOptions) -> Vec<Change> {
    let mut changes = compare::Comparison::new(old, new, options).run();
    changes.sort();
    changes.dedup();
    changes
}
