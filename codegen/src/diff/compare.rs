//! The comparison of two models: the [`Comparison`] state, the client-level items (Cargo features,
//! credential setters, server enums); `operations.rs` and `models.rs` compare the rest. Each
//! difference is pushed as a [`Change`] with its severity and the reason for it.

use super::surface::short;
use super::{Change, ChangeKind as K, DiffOptions, Packaging, Severity};
use crate::ir::{Api, SchemeKind, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Module names that are not features of a generated crate (`emit::cargo_toml` skips them).
const NOT_FEATURES: [&str; 2] = ["full", "default"];

/// Two models being compared, and the changes found so far.
pub(super) struct Comparison<'a> {
    pub(super) old: &'a Api,
    pub(super) new: &'a Api,
    pub(super) packaging: Packaging,
    /// The types only Preview operations reach, in each version.
    pub(super) old_preview_only: BTreeSet<String>,
    pub(super) new_preview_only: BTreeSet<String>,
    out: Vec<Change>,
}

/// The Cargo features of a generated crate: one per operation module (tag).
pub(super) fn features(api: &Api) -> BTreeSet<&str> {
    api.modules
        .keys()
        .map(String::as_str)
        .filter(|m| !NOT_FEATURES.contains(m))
        .collect()
}

/// The types only Preview operations reach (through parameters, bodies, results, fields, variants
/// and aliases).
fn preview_only_types(api: &Api) -> BTreeSet<String> {
    let mut reached: BTreeMap<String, bool> = BTreeMap::new(); // name → reached by a stable one
    for op in api.modules.values().flat_map(|m| m.operations.iter()) {
        let stable = op.preview.is_none();
        let mut stack = Vec::new();
        let mut roots: Vec<&TypeRef> = op.params.iter().map(|p| &p.ty).collect();
        roots.extend(op.body.iter().map(|b| &b.ty));
        roots.extend(op.success.iter().map(|(t, _)| t));
        roots.extend(op.success_by_status.iter().map(|b| &b.ty));
        roots.extend(op.pagination.iter().map(|p| &p.item));
        for ty in roots {
            named(ty, &mut stack);
        }
        let mut seen = BTreeSet::new();
        while let Some(name) = stack.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let entry = reached.entry(name.clone()).or_insert(false);
            *entry |= stable;
            match api.types.get(&name).map(|t| &t.kind) {
                Some(TypeKind::Struct(s)) => s.fields.iter().for_each(|f| named(&f.ty, &mut stack)),
                Some(TypeKind::Union(u)) => {
                    u.variants.iter().for_each(|v| named(&v.ty, &mut stack))
                }
                Some(TypeKind::Alias(ty) | TypeKind::Newtype(ty)) => named(ty, &mut stack),
                _ => {}
            }
        }
    }
    reached
        .into_iter()
        .filter(|(_, stable)| !stable)
        .map(|(name, _)| name)
        .collect()
}

fn named(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(n) => out.push(n.clone()),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => named(inner, out),
        _ => {}
    }
}

/// A type in backquotes, without its crate paths.
pub(super) fn code(text: &str) -> String {
    format!("`{}`", short(text))
}

impl<'a> Comparison<'a> {
    pub(super) fn new(old: &'a Api, new: &'a Api, options: &DiffOptions) -> Self {
        Comparison {
            old,
            new,
            packaging: options.packaging,
            old_preview_only: preview_only_types(old),
            new_preview_only: preview_only_types(new),
            out: Vec::new(),
        }
    }

    pub(super) fn run(mut self) -> Vec<Change> {
        if self.packaging == Packaging::Crate {
            self.features();
        }
        self.schemes();
        self.server_enums();
        self.operations();
        self.models();
        self.out
    }

    pub(super) fn push(
        &mut self,
        severity: Severity,
        kind: K,
        location: impl Into<String>,
        preview: bool,
        reason: impl Into<String>,
    ) {
        self.out.push(Change {
            severity,
            kind,
            location: location.into(),
            reason: reason.into(),
            preview,
        });
    }

    // Client-level items.

    fn features(&mut self) {
        let (old, new) = (features(self.old), features(self.new));
        for f in old.difference(&new) {
            // Only Preview users are affected when every operation it enabled was in Preview.
            let preview = self.old.modules.get(*f).is_some_and(|m| {
                !m.operations.is_empty() && m.operations.iter().all(|o| o.preview.is_some())
            });
            self.push(
                Severity::Breaking,
                K::FeatureRemoved,
                format!("feature \"{f}\""),
                preview,
                "a Cargo.toml that enables it no longer resolves",
            );
        }
        for f in new.difference(&old) {
            self.push(
                Severity::Minor,
                K::FeatureAdded,
                format!("feature \"{f}\""),
                false,
                "a new feature (and part of `full`)",
            );
        }
    }

    fn schemes(&mut self) {
        let setters = |api: &'a Api| -> BTreeMap<&'a str, bool> {
            api.security_schemes
                .iter()
                .map(|s| (s.setter.as_str(), s.kind == SchemeKind::Basic))
                .collect()
        };
        let (old, new) = (setters(self.old), setters(self.new));
        for (setter, basic) in &old {
            let location = format!("ClientBuilder::{setter}");
            match new.get(setter) {
                None => self.push(
                    Severity::Breaking,
                    K::SchemeRemoved,
                    location,
                    false,
                    "the credential setter is gone (the security scheme was removed or renamed)",
                ),
                Some(now) if now != basic => self.push(
                    Severity::Breaking,
                    K::SchemeChanged,
                    location,
                    false,
                    if *now {
                        "takes a username and a password now (HTTP basic), not one token"
                    } else {
                        "takes one token now, not a username and a password"
                    },
                ),
                Some(_) => {}
            }
        }
        for setter in new.keys().filter(|s| !old.contains_key(*s)) {
            self.push(
                Severity::Minor,
                K::SchemeAdded,
                format!("ClientBuilder::{setter}"),
                false,
                "a new security scheme and its credential setter",
            );
        }
    }

    fn server_enums(&mut self) {
        let enums = |api: &'a Api| -> BTreeMap<&'a str, &'a crate::ir::ServerEnum> {
            api.server_enums
                .iter()
                .map(|e| (e.type_name.as_str(), e))
                .collect()
        };
        let (old, new) = (enums(self.old), enums(self.new));
        for (name, o) in &old {
            let Some(n) = new.get(name) else {
                self.push(
                    Severity::Breaking,
                    K::ServerEnumRemoved,
                    *name,
                    false,
                    format!("the enum and `ClientBuilder::{}` are gone", o.setter),
                );
                continue;
            };
            let variants = |e: &crate::ir::ServerEnum| -> BTreeMap<String, String> {
                e.values
                    .iter()
                    .map(|(v, value, _)| (v.clone(), value.clone()))
                    .collect()
            };
            let (ov, nv) = (variants(o), variants(n));
            for (v, value) in &ov {
                if !nv.contains_key(v) {
                    self.push(
                        Severity::Breaking,
                        K::ServerValueRemoved,
                        format!("{name}::{v}"),
                        false,
                        format!("the variant for `{value}` is gone"),
                    );
                }
            }
            for (v, value) in nv.iter().filter(|(v, _)| !ov.contains_key(*v)) {
                self.push(
                    Severity::Minor,
                    K::ServerValueAdded,
                    format!("{name}::{v}"),
                    false,
                    format!(
                        "a new value `{value}`; the enum is #[non_exhaustive] (only code that spells out `[{name}; N]` for `{name}::ALL` notices)"
                    ),
                );
            }
            if o.default != n.default {
                self.push(
                    Severity::Breaking,
                    K::ServerDefaultChanged,
                    format!("{name}::default"),
                    false,
                    format!(
                        "a client built without choosing one now talks to `{}` instead of `{}`",
                        n.default, o.default
                    ),
                );
            }
        }
        for (name, n) in new.iter().filter(|(name, _)| !old.contains_key(*name)) {
            self.push(
                Severity::Minor,
                K::ServerEnumAdded,
                *name,
                false,
                format!(
                    "a new enum and builder setter `ClientBuilder::{}`",
                    n.setter
                ),
            );
        }
    }
}
