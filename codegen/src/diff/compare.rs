//! The comparison of two models: client-level items, operations, then models, each pushed as a
//! [`Change`] with its severity and the reason for it.

use super::surface::{self, short};
use super::{Change, ChangeKind as K, DiffOptions, Packaging, Severity};
use crate::ir::{
    Api, Enum, IntEnum, Operation, Param, ParamLocation, SchemeKind, Status, Struct, TypeDef,
    TypeKind, TypeRef, Union,
};
use std::collections::{BTreeMap, BTreeSet};

/// Module names that are not features of a generated crate (`emit::cargo_toml` skips them).
const NOT_FEATURES: [&str; 2] = ["full", "default"];

pub(super) struct Comparison<'a> {
    old: &'a Api,
    new: &'a Api,
    packaging: Packaging,
    /// Per type, whether only Preview operations reach it (old, new).
    old_preview_only: BTreeSet<String>,
    new_preview_only: BTreeSet<String>,
    out: Vec<Change>,
}

/// An operation and the module (tag) it is in.
type Located<'a> = (&'a str, &'a Operation);

fn operations(api: &Api) -> BTreeMap<&str, Located<'_>> {
    api.modules
        .iter()
        .flat_map(|(m, module)| module.operations.iter().map(move |op| (m.as_str(), op)))
        .map(|(m, op)| (op.id.as_str(), (m, op)))
        .collect()
}

fn features(api: &Api) -> BTreeSet<&str> {
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
                Some(TypeKind::Alias(ty)) => named(ty, &mut stack),
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

fn kind_noun(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "struct",
        TypeKind::Enum(_) => "string enum",
        TypeKind::Alias(_) => "type alias",
        TypeKind::Union(_) => "union enum",
        TypeKind::IntEnum(_) => "integer newtype",
    }
}

/// `a struct`, `an integer newtype`.
fn kind_name(kind: &TypeKind) -> String {
    let noun = kind_noun(kind);
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// A parameter's Rust path: `Client::m(name)` for a positional argument, `Client::m().name` for a
/// builder setter.
fn param_location(method: &str, p: &Param) -> String {
    if p.required {
        format!("Client::{method}({})", p.name)
    } else {
        format!("Client::{method}().{}", p.name)
    }
}

/// The names in `list` that `other` has too, in `list`'s order.
fn kept<'l>(list: &'l [(String, String)], other: &BTreeSet<&str>) -> Vec<&'l str> {
    list.iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| other.contains(n))
        .collect()
}

fn code(text: &str) -> String {
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

    fn push(
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

    // Operations.

    fn operations(&mut self) {
        let (old, new) = (operations(self.old), operations(self.new));
        let mut removed: Vec<Located<'a>> = old
            .iter()
            .filter(|(id, _)| !new.contains_key(*id))
            .map(|(_, l)| *l)
            .collect();
        let mut added: Vec<Located<'a>> = new
            .iter()
            .filter(|(id, _)| !old.contains_key(*id))
            .map(|(_, l)| *l)
            .collect();
        for (id, o) in &old {
            if let Some(n) = new.get(id) {
                self.operation(*o, *n);
            }
        }
        // An id that disappears while another appears for the same method and path is a rename.
        let mut renamed = Vec::new();
        removed.retain(|(om, o)| {
            let Some(i) = added
                .iter()
                .position(|(_, n)| n.method == o.method && n.path == o.path)
            else {
                return true;
            };
            renamed.push(((*om, *o), added.remove(i)));
            false
        });
        for (o, n) in renamed {
            self.renamed_operation(o, n);
            self.operation(o, n);
        }
        for (_, o) in removed {
            self.push(
                Severity::Breaking,
                K::OperationRemoved,
                format!("Client::{}", o.method_name),
                o.preview.is_some(),
                format!(
                    "the method and `{}` are gone (`{} {}`)",
                    o.builder_name,
                    o.method.as_str(),
                    o.path
                ),
            );
        }
        for (_, n) in added {
            let preview = match n.preview {
                Some(_) => " (in Preview: it must be enabled with `enable_preview`)",
                None => "",
            };
            self.push(
                Severity::Minor,
                K::OperationAdded,
                format!("Client::{}", n.method_name),
                n.preview.is_some(),
                format!(
                    "a new method and `{}` for `{} {}`{preview}",
                    n.builder_name,
                    n.method.as_str(),
                    n.path
                ),
            );
        }
    }

    fn renamed_operation(&mut self, (_, o): Located<'a>, (_, n): Located<'a>) {
        let names_change = o.method_name != n.method_name || o.builder_name != n.builder_name;
        let (severity, reason) = if names_change {
            (
                Severity::Breaking,
                format!(
                    "operation id `{}` is now `{}`: `Client::{}` and `{}` are gone",
                    o.id, n.id, o.method_name, o.builder_name
                ),
            )
        } else {
            (
                Severity::Minor,
                format!(
                    "operation id `{}` is now `{}` (same Rust names; strings passed to `operation_base_url`{} must follow)",
                    o.id,
                    n.id,
                    if o.preview.is_some() { " and `enable_preview`" } else { "" }
                ),
            )
        };
        self.push(
            severity,
            K::OperationRenamed,
            format!("Client::{}", o.method_name),
            o.preview.is_some(),
            reason,
        );
    }

    fn operation(&mut self, (om, o): Located<'a>, (nm, n): Located<'a>) {
        let method = n.method_name.as_str();
        let at = format!("Client::{method}");
        let preview = o.preview.is_some();
        match (&o.preview, &n.preview) {
            (Some(_), None) => self.push(
                Severity::Breaking,
                K::PreviewLeft,
                &at,
                true,
                format!(
                    "no longer in Preview: `ClientBuilder::enable_preview(\"{}\")` now fails `build()` with `ConfigError::UnknownPreviewOperation` (`enable_all_previews()` still builds)",
                    o.id
                ),
            ),
            (None, Some(_)) => self.push(
                Severity::Breaking,
                K::PreviewEntered,
                &at,
                false,
                format!(
                    "now in Preview: calls fail with `Error::PreviewNotEnabled` unless the client enables it (`enable_preview(\"{}\")`)",
                    n.id
                ),
            ),
            _ => {}
        }
        if o.method != n.method || o.path != n.path {
            self.push(
                Severity::Minor,
                K::EndpointChanged,
                &at,
                preview,
                format!(
                    "`{} {}` is now `{} {}`; the Rust signature is unchanged, requests go to the new endpoint",
                    o.method.as_str(),
                    o.path,
                    n.method.as_str(),
                    n.path
                ),
            );
        }
        if om != nm {
            let (old_tag, new_tag) = (
                self.old.modules.get(om).map_or(om, |m| m.tag.as_str()),
                self.new.modules.get(nm).map_or(nm, |m| m.tag.as_str()),
            );
            match self.packaging {
                Packaging::Modules => self.push(
                    Severity::Patch,
                    K::OperationMoved,
                    &at,
                    preview,
                    format!(
                        "tag \"{old_tag}\" → \"{new_tag}\": operations and models are re-exported flat, so no Rust path changes"
                    ),
                ),
                Packaging::Crate => self.push(
                    Severity::Breaking,
                    K::OperationMoved,
                    &at,
                    preview,
                    format!(
                        "tag \"{old_tag}\" → \"{new_tag}\": compiled under feature \"{nm}\" instead of \"{om}\""
                    ),
                ),
            }
        }
        if !o.deprecated && n.deprecated {
            self.push(
                Severity::Minor,
                K::OperationDeprecated,
                &at,
                preview,
                "now #[deprecated]: callers get a warning, not an error",
            );
        }
        if o.security != n.security {
            let show = |s: &[Vec<String>]| {
                if s.is_empty() {
                    "no credentials".to_owned()
                } else {
                    s.iter()
                        .map(|a| a.join(" + "))
                        .collect::<Vec<_>>()
                        .join(", or ")
                }
            };
            self.push(
                Severity::Minor,
                K::AuthChanged,
                &at,
                preview,
                format!(
                    "accepts {} instead of {}; a client without one of them fails with `MissingCredentials`",
                    show(&n.security),
                    show(&o.security)
                ),
            );
        }
        self.params(method, o, n, preview);
        self.body(method, o, n, preview);
        let (old_out, new_out) = (surface::output(o), surface::output(n));
        if old_out != new_out {
            self.push(
                Severity::Breaking,
                K::ResultTypeChanged,
                format!("Client::{method}().send()"),
                preview,
                format!("returns {} instead of {}", code(&new_out), code(&old_out)),
            );
        }
        self.statuses(method, o, n, preview);
        self.pagination(method, o, n, preview);
    }

    fn params(&mut self, method: &str, o: &'a Operation, n: &'a Operation, preview: bool) {
        let by_name = |op: &'a Operation| -> BTreeMap<&'a str, &'a Param> {
            op.params.iter().map(|p| (p.name.as_str(), p)).collect()
        };
        let (old, new) = (by_name(o), by_name(n));
        for (name, p) in &old {
            let Some(q) = new.get(name) else {
                let what = if p.required {
                    format!("the positional argument `{name}` is gone")
                } else {
                    format!("the builder setter `{name}` is gone")
                };
                self.push(
                    Severity::Breaking,
                    K::ParamRemoved,
                    param_location(method, p),
                    preview,
                    what,
                );
                continue;
            };
            self.param(method, p, q, preview);
        }
        for (name, q) in new.iter().filter(|(name, _)| !old.contains_key(*name)) {
            let ty = code(&surface::param_argument(q));
            let (severity, reason) = if q.required {
                (
                    Severity::Breaking,
                    format!("`Client::{method}` takes a new positional argument `{name}: {}` (required {} parameter `{}`)", short(&surface::param_argument(q)), location_name(q.location), q.wire_name),
                )
            } else {
                (
                    Severity::Minor,
                    format!(
                        "a new builder setter taking {ty} (optional {} parameter `{}`)",
                        location_name(q.location),
                        q.wire_name
                    ),
                )
            };
            self.push(
                severity,
                K::ParamAdded,
                param_location(method, q),
                preview,
                reason,
            );
        }
        // Positional arguments present on both sides must keep their order.
        let (old_pos, new_pos) = (surface::positional(o), surface::positional(n));
        let old_names: BTreeSet<&str> = old_pos.iter().map(|(n, _)| n.as_str()).collect();
        let new_names: BTreeSet<&str> = new_pos.iter().map(|(n, _)| n.as_str()).collect();
        let (a, b) = (kept(&old_pos, &new_names), kept(&new_pos, &old_names));
        if a != b {
            self.push(
                Severity::Breaking,
                K::ParamOrderChanged,
                format!("Client::{method}"),
                preview,
                format!(
                    "positional arguments ({}) are now in the order ({})",
                    a.join(", "),
                    b.join(", ")
                ),
            );
        }
    }

    fn param(&mut self, method: &str, p: &Param, q: &Param, preview: bool) {
        let at = param_location(method, p);
        let (old_arg, new_arg) = (surface::param_argument(p), surface::param_argument(q));
        if p.required != q.required {
            let reason = if q.required {
                format!(
                    "optional → required: the builder setter is gone and `Client::{method}` takes it as a positional argument `{}: {}`",
                    q.name,
                    short(&new_arg)
                )
            } else {
                format!("required → optional: `Client::{method}` no longer takes it as an argument; it is a builder setter now")
            };
            self.push(
                Severity::Breaking,
                K::ParamRequiredChanged,
                at.clone(),
                preview,
                reason,
            );
        } else if old_arg != new_arg {
            self.push(
                Severity::Breaking,
                K::ParamTypeChanged,
                at.clone(),
                preview,
                format!("takes {} instead of {}", code(&new_arg), code(&old_arg)),
            );
        } else if p.ty != q.ty {
            self.push(
                Severity::Patch,
                K::ParamTypeChanged,
                at.clone(),
                preview,
                format!(
                    "its schema type changes from {} to {}, but the argument type {} is the same",
                    code(&surface::rust_type(&p.ty)),
                    code(&surface::rust_type(&q.ty)),
                    code(&new_arg)
                ),
            );
        }
        let wire = |x: &Param| {
            (
                x.location,
                x.wire_name.clone(),
                x.style,
                x.explode,
                x.json_content,
            )
        };
        if wire(p) != wire(q) {
            self.push(
                Severity::Patch,
                K::ParamWireChanged,
                at.clone(),
                preview,
                format!(
                    "sent as {} parameter `{}` ({:?}, explode {}) instead of {} parameter `{}` ({:?}, explode {}); the signature is unchanged",
                    location_name(q.location),
                    q.wire_name,
                    q.style,
                    q.explode,
                    location_name(p.location),
                    p.wire_name,
                    p.style,
                    p.explode
                ),
            );
        }
        if !p.deprecated && q.deprecated {
            self.push(
                Severity::Minor,
                K::ParamDeprecated,
                at,
                preview,
                "now #[deprecated]: callers get a warning, not an error",
            );
        }
    }

    fn body(&mut self, method: &str, o: &Operation, n: &Operation, preview: bool) {
        let at = |required: bool| {
            if required {
                format!("Client::{method}(body)")
            } else {
                format!("Client::{method}().body")
            }
        };
        match (&o.body, &n.body) {
            (None, None) => {}
            (Some(b), None) => self.push(
                Severity::Breaking,
                K::BodyRemoved,
                at(b.required),
                preview,
                if b.required {
                    "the operation takes no body: the `body` argument is gone"
                } else {
                    "the operation takes no body: the `body` setter is gone"
                },
            ),
            (None, Some(b)) => {
                let ty = code(&surface::body_argument(b));
                if b.required {
                    self.push(
                        Severity::Breaking,
                        K::BodyAdded,
                        at(true),
                        preview,
                        format!("`Client::{method}` takes a new positional argument `body: {ty}`"),
                    );
                } else {
                    self.push(
                        Severity::Minor,
                        K::BodyAdded,
                        at(false),
                        preview,
                        format!("a new optional `body` setter taking {ty}"),
                    );
                }
            }
            (Some(a), Some(b)) => {
                let (old_ty, new_ty) = (surface::body_argument(a), surface::body_argument(b));
                if a.required != b.required {
                    self.push(
                        Severity::Breaking,
                        K::BodyRequiredChanged,
                        at(a.required),
                        preview,
                        if b.required {
                            "optional → required: the `body` setter is gone and the method takes the body as an argument"
                        } else {
                            "required → optional: the method no longer takes the body as an argument; it is a `body` setter now"
                        },
                    );
                } else if old_ty != new_ty {
                    self.push(
                        Severity::Breaking,
                        K::BodyTypeChanged,
                        at(a.required),
                        preview,
                        format!("takes {} instead of {}", code(&new_ty), code(&old_ty)),
                    );
                }
            }
        }
    }

    fn statuses(&mut self, method: &str, o: &'a Operation, n: &'a Operation, preview: bool) {
        let statuses = |op: &'a Operation| -> BTreeMap<Status, &'a str> {
            op.responses
                .iter()
                .map(|r| (r.status, r.description.trim()))
                .collect()
        };
        let (old, new) = (statuses(o), statuses(n));
        let why = |s: &Status| {
            if s.is_success() {
                "documentation only: a success status; the result type is compared on its own"
            } else {
                "documentation only: every non-2xx status is an `Error::Api`, documented or not"
            }
        };
        for (s, description) in old.iter().filter(|(s, _)| !new.contains_key(*s)) {
            self.push(
                Severity::Patch,
                K::StatusRemoved,
                format!("Client::{method}().send() → {s}"),
                preview,
                format!("{} ({description})", why(s)),
            );
        }
        for (s, description) in new.iter().filter(|(s, _)| !old.contains_key(*s)) {
            self.push(
                Severity::Patch,
                K::StatusAdded,
                format!("Client::{method}().send() → {s}"),
                preview,
                format!("{} ({description})", why(s)),
            );
        }
    }

    fn pagination(&mut self, method: &str, o: &Operation, n: &Operation, preview: bool) {
        let at = format!("Client::{method}().into_stream()");
        match (&o.pagination, &n.pagination) {
            (Some(_), None) => self.push(
                Severity::Breaking,
                K::PaginationRemoved,
                at,
                preview,
                "the builder's `paginate`, `pages`, `into_stream` and `collect_all` are gone",
            ),
            (None, Some(p)) => self.push(
                Severity::Minor,
                K::PaginationAdded,
                at,
                preview,
                format!(
                    "new `paginate`, `pages`, `into_stream` and `collect_all` methods, yielding {}",
                    code(&surface::rust_type(&p.item))
                ),
            ),
            (Some(a), Some(b)) if a.item != b.item => self.push(
                Severity::Breaking,
                K::PaginationChanged,
                at,
                preview,
                format!(
                    "yields {} instead of {}",
                    code(&surface::rust_type(&b.item)),
                    code(&surface::rust_type(&a.item))
                ),
            ),
            _ => {}
        }
    }

    // Models.

    /// Whether a change to type `name` affects only code that uses Preview operations.
    fn type_preview(&self, name: &str) -> bool {
        if self.old.types.contains_key(name) {
            self.old_preview_only.contains(name)
        } else {
            self.new_preview_only.contains(name)
        }
    }

    fn models(&mut self) {
        let (old, new): (&'a BTreeMap<String, TypeDef>, &'a BTreeMap<String, TypeDef>) =
            (&self.old.types, &self.new.types);
        let mut removed: Vec<&'a TypeDef> = old
            .values()
            .filter(|t| !new.contains_key(&t.name))
            .collect();
        let mut added: Vec<&'a TypeDef> = new
            .values()
            .filter(|t| !old.contains_key(&t.name))
            .collect();
        for (name, o) in old {
            if let Some(n) = new.get(name) {
                self.model(name, o, n);
            }
        }
        // A type that disappears while another appears for the same schema was renamed.
        let mut renamed = Vec::new();
        removed.retain(|o| {
            let same: Vec<usize> = added
                .iter()
                .enumerate()
                .filter(|(_, n)| n.origin == o.origin)
                .map(|(i, _)| i)
                .collect();
            match same.as_slice() {
                [i] => {
                    renamed.push((*o, added.remove(*i)));
                    false
                }
                _ => true,
            }
        });
        for (o, n) in renamed {
            let preview = self.old_preview_only.contains(&o.name);
            self.push(
                Severity::Breaking,
                K::ModelRenamed,
                o.name.as_str(),
                preview,
                format!(
                    "renamed to `{}` (schema `{}`): code naming `{}` stops compiling",
                    n.name, n.origin, o.name
                ),
            );
            self.model(&n.name, o, n);
        }
        for o in removed {
            let preview = self.old_preview_only.contains(&o.name);
            self.push(
                Severity::Breaking,
                K::ModelRemoved,
                o.name.as_str(),
                preview,
                format!(
                    "{} (schema `{}`) is gone: code naming it stops compiling",
                    kind_name(&o.kind),
                    o.origin
                ),
            );
        }
        for n in added {
            let preview = self.new_preview_only.contains(&n.name);
            self.push(
                Severity::Minor,
                K::ModelAdded,
                n.name.as_str(),
                preview,
                format!("a new {} (schema `{}`)", kind_noun(&n.kind), n.origin),
            );
        }
    }

    /// Compares two versions of a type, reported under `name` (its new name).
    fn model(&mut self, name: &str, o: &'a TypeDef, n: &'a TypeDef) {
        let preview = self.type_preview(&o.name);
        if self.packaging == Packaging::Crate {
            let features = features(self.new);
            let lost: Vec<&str> = o
                .users
                .iter()
                .map(String::as_str)
                .filter(|u| !n.users.contains(*u) && features.contains(u))
                .collect();
            if !lost.is_empty() {
                self.push(
                    Severity::Breaking,
                    K::ModelGatingChanged,
                    name,
                    preview,
                    format!(
                        "no longer compiled with feature {} alone",
                        lost.iter()
                            .map(|f| format!("\"{f}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
        match (&o.kind, &n.kind) {
            (TypeKind::Struct(a), TypeKind::Struct(b)) => self.fields(name, a, b, preview),
            (TypeKind::Enum(a), TypeKind::Enum(b)) => self.variants(name, a, b, preview),
            (TypeKind::IntEnum(a), TypeKind::IntEnum(b)) => self.constants(name, a, b, preview),
            (TypeKind::Union(a), TypeKind::Union(b)) => self.union(name, a, b, preview),
            (TypeKind::Alias(a), TypeKind::Alias(b)) => {
                if a != b {
                    self.push(
                        Severity::Breaking,
                        K::AliasChanged,
                        name,
                        preview,
                        format!(
                            "now names {} instead of {}",
                            code(&surface::rust_type(b)),
                            code(&surface::rust_type(a))
                        ),
                    );
                }
            }
            (a, b) => self.push(
                Severity::Breaking,
                K::ModelKindChanged,
                name,
                preview,
                format!("was {}, is now {}", kind_name(a), kind_name(b)),
            ),
        }
    }

    fn fields(&mut self, model: &str, a: &'a Struct, b: &'a Struct, preview: bool) {
        let new_fields: BTreeMap<&str, &crate::ir::Field> =
            b.fields.iter().map(|f| (f.name.as_str(), f)).collect();
        let old_fields: BTreeMap<&str, &crate::ir::Field> =
            a.fields.iter().map(|f| (f.name.as_str(), f)).collect();
        for f in &a.fields {
            let at = format!("{model}::{}", f.name);
            let Some(g) = new_fields.get(f.name.as_str()) else {
                let extra = if surface::in_constructor(f) {
                    " and `new()` no longer takes it"
                } else {
                    " with its setter"
                };
                self.push(
                    Severity::Breaking,
                    K::FieldRemoved,
                    at,
                    preview,
                    format!("the field (`{}` on the wire) is gone{extra}", f.wire_name),
                );
                continue;
            };
            let (x, y) = (surface::field_surface(f), surface::field_surface(g));
            if x != y {
                let kind = if f.required != g.required {
                    K::FieldRequiredChanged
                } else if f.nullable != g.nullable {
                    K::FieldNullableChanged
                } else if f.ty != g.ty {
                    K::FieldTypeChanged
                } else {
                    K::ConstructorChanged
                };
                let mut parts = Vec::new();
                if f.required != g.required {
                    parts.push(if g.required {
                        "optional → required".to_owned()
                    } else {
                        "required → optional".to_owned()
                    });
                }
                if f.nullable != g.nullable {
                    parts.push(if g.nullable {
                        "now nullable".to_owned()
                    } else {
                        "no longer nullable".to_owned()
                    });
                }
                if x.ty != y.ty {
                    parts.push(format!("its type is {} (was {})", code(&y.ty), code(&x.ty)));
                }
                match (&x.constructor, &y.constructor) {
                    (Some(_), None) => parts.push(match &g.default_variant {
                        Some(v) => format!("`{model}::new` no longer takes it (it fills in `{v}`)"),
                        None => format!("`{model}::new` no longer takes it"),
                    }),
                    (None, Some(t)) => parts.push(format!(
                        "`{model}::new` takes a new argument `{}: {}`",
                        g.name,
                        short(t)
                    )),
                    (Some(s), Some(t)) if s != t => parts.push(format!(
                        "its `new()` argument is {} (was {})",
                        code(t),
                        code(s)
                    )),
                    _ => {}
                }
                match (&x.setter, &y.setter) {
                    (Some(_), None) => parts.push("its setter is gone".to_owned()),
                    (None, Some(_)) => parts.push("it gains a setter".to_owned()),
                    (Some(s), Some(t)) if s != t => {
                        parts.push(format!("its setter takes {} (was {})", code(t), code(s)))
                    }
                    _ => {}
                }
                self.push(
                    Severity::Breaking,
                    kind,
                    at.clone(),
                    preview,
                    parts.join("; "),
                );
            }
            if f.wire_name != g.wire_name {
                self.push(
                    Severity::Patch,
                    K::FieldWireChanged,
                    at.clone(),
                    preview,
                    format!(
                        "JSON property `{}` is now `{}`; the Rust field is unchanged",
                        f.wire_name, g.wire_name
                    ),
                );
            }
            if !f.deprecated && g.deprecated {
                self.push(
                    Severity::Minor,
                    K::FieldDeprecated,
                    at,
                    preview,
                    "now #[deprecated]: users get a warning, not an error",
                );
            }
        }
        for g in b
            .fields
            .iter()
            .filter(|g| !old_fields.contains_key(g.name.as_str()))
        {
            let at = format!("{model}::{}", g.name);
            let y = surface::field_surface(g);
            let (severity, reason) = match (&y.constructor, &g.default_variant) {
                (Some(t), _) => (
                    Severity::Breaking,
                    format!(
                        "a required field (`{}` on the wire): `{model}::new` takes a new argument `{}: {}`",
                        g.wire_name,
                        g.name,
                        short(t)
                    ),
                ),
                (None, Some(v)) => (
                    Severity::Minor,
                    format!(
                        "a required field (`{}` on the wire) that `new()` fills in with `{v}`, and its setter; `{model}` is #[non_exhaustive], so no struct literal or pattern breaks",
                        g.wire_name
                    ),
                ),
                (None, None) => (
                    Severity::Minor,
                    format!(
                        "a new optional field {} (`{}` on the wire) and its setter; `{model}` is #[non_exhaustive] (built with `new()` and setters), so no struct literal or pattern breaks",
                        code(&y.ty),
                        g.wire_name
                    ),
                ),
            };
            self.push(severity, K::FieldAdded, at, preview, reason);
        }
        // `new()` takes its arguments in field order: a reorder is breaking (silently so when the
        // types agree).
        let ctor = |s: &'a Struct, other: &BTreeMap<&str, &crate::ir::Field>| -> Vec<&'a str> {
            s.fields
                .iter()
                .filter(|f| surface::in_constructor(f))
                .filter(|f| {
                    other
                        .get(f.name.as_str())
                        .is_some_and(|g| surface::in_constructor(g))
                })
                .map(|f| f.name.as_str())
                .collect()
        };
        let (x, y) = (ctor(a, &new_fields), ctor(b, &old_fields));
        if x != y {
            self.push(
                Severity::Breaking,
                K::ConstructorChanged,
                format!("{model}::new"),
                preview,
                format!(
                    "arguments ({}) are now in the order ({})",
                    x.join(", "),
                    y.join(", ")
                ),
            );
        }
    }

    fn variants(&mut self, model: &str, a: &'a Enum, b: &'a Enum, preview: bool) {
        let values = |e: &'a Enum| -> BTreeMap<&'a str, &'a str> {
            e.variants
                .iter()
                .map(|v| (v.name.as_str(), v.value.as_str()))
                .collect()
        };
        let (old, new) = (values(a), values(b));
        for (v, value) in &old {
            let at = format!("{model}::{v}");
            match new.get(v) {
                None => self.push(
                    Severity::Breaking,
                    K::EnumValueRemoved,
                    at,
                    preview,
                    format!(
                        "the variant is gone: code naming it stops compiling, and `{value}` decodes as `Unknown(\"{value}\")`"
                    ),
                ),
                Some(now) if now != value => self.push(
                    Severity::Breaking,
                    K::EnumValueChanged,
                    at,
                    preview,
                    format!(
                        "stands for `{now}` instead of `{value}`: `{value}` decodes as `Unknown` and the variant sends `{now}`"
                    ),
                ),
                Some(_) => {}
            }
        }
        for (v, value) in new.iter().filter(|(v, _)| !old.contains_key(*v)) {
            self.push(
                Severity::Minor,
                K::EnumValueAdded,
                format!("{model}::{v}"),
                preview,
                format!(
                    "`{value}` decoded as `Unknown(\"{value}\")` before and decodes as this variant now; `{model}` is #[non_exhaustive] with an `Unknown` catch-all, so every match already has a wildcard arm"
                ),
            );
        }
        let at = format!("{model}::default");
        match (&a.default, &b.default) {
            (None, Some(v)) => self.push(
                Severity::Minor,
                K::EnumDefaultChanged,
                at,
                preview,
                format!("now implements `Default` (`{v}`)"),
            ),
            (Some(v), None) => self.push(
                Severity::Breaking,
                K::EnumDefaultChanged,
                at,
                preview,
                format!("no longer implements `Default` (was `{v}`)"),
            ),
            (Some(v), Some(w)) if v != w => self.push(
                Severity::Breaking,
                K::EnumDefaultChanged,
                at,
                preview,
                format!("`Default` gives `{w}` instead of `{v}`"),
            ),
            _ => {}
        }
    }

    fn constants(&mut self, model: &str, a: &'a IntEnum, b: &'a IntEnum, preview: bool) {
        if a.base != b.base {
            self.push(
                Severity::Breaking,
                K::ModelKindChanged,
                model,
                preview,
                format!(
                    "wraps {} instead of {}",
                    code(&surface::rust_type(&b.base)),
                    code(&surface::rust_type(&a.base))
                ),
            );
        }
        let values = |e: &'a IntEnum| -> BTreeMap<&'a str, i64> {
            e.values.iter().map(|(n, v)| (n.as_str(), *v)).collect()
        };
        let (old, new) = (values(a), values(b));
        for (c, value) in &old {
            let at = format!("{model}::{c}");
            match new.get(c) {
                None => self.push(
                    Severity::Breaking,
                    K::EnumValueRemoved,
                    at,
                    preview,
                    format!("the constant for `{value}` is gone"),
                ),
                Some(now) if now != value => self.push(
                    Severity::Breaking,
                    K::EnumValueChanged,
                    at,
                    preview,
                    format!("is `{now}` instead of `{value}`"),
                ),
                Some(_) => {}
            }
        }
        for (c, value) in new.iter().filter(|(c, _)| !old.contains_key(*c)) {
            self.push(
                Severity::Minor,
                K::EnumValueAdded,
                format!("{model}::{c}"),
                preview,
                format!(
                    "a new constant for `{value}` (the newtype keeps any value, so `is_known()` is now true for it)"
                ),
            );
        }
    }

    fn union(&mut self, model: &str, a: &'a Union, b: &'a Union, preview: bool) {
        let variants = |u: &'a Union| -> BTreeMap<&'a str, &'a TypeRef> {
            u.variants
                .iter()
                .map(|v| (v.name.as_str(), &v.ty))
                .collect()
        };
        let (old, new) = (variants(a), variants(b));
        for (v, ty) in &old {
            let at = format!("{model}::{v}");
            match new.get(v) {
                None => self.push(
                    Severity::Breaking,
                    K::UnionVariantRemoved,
                    at,
                    preview,
                    format!(
                        "the variant ({}) is gone; such values decode as another variant or `Unknown`",
                        code(&surface::rust_type(ty))
                    ),
                ),
                Some(now) if now != ty => self.push(
                    Severity::Breaking,
                    K::UnionVariantChanged,
                    at,
                    preview,
                    format!(
                        "holds {} instead of {}",
                        code(&surface::rust_type(now)),
                        code(&surface::rust_type(ty))
                    ),
                ),
                Some(_) => {}
            }
        }
        for (v, ty) in new.iter().filter(|(v, _)| !old.contains_key(*v)) {
            self.push(
                Severity::Minor,
                K::UnionVariantAdded,
                format!("{model}::{v}"),
                preview,
                format!(
                    "a new variant holding {}; `{model}` is #[non_exhaustive], so every match already has a wildcard arm (values that fell to `Unknown` may decode as it now)",
                    code(&surface::rust_type(ty))
                ),
            );
        }
    }
}
