//! Models: matched by Rust name (a name that disappears while another appears for the same schema
//! is a rename), then compared by kind: struct fields and `new()`, string enum variants and
//! default, integer constants, union variants, alias targets; in a crate, the features that enable
//! each.

use super::compare::{code, features, Comparison};
use super::surface::{self, short};
use super::{ChangeKind as K, Packaging, Severity};
use crate::ir::{Enum, IntEnum, Struct, TypeDef, TypeKind, TypeRef, Union};
use std::collections::BTreeMap;

fn kind_noun(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "struct",
        TypeKind::Enum(_) => "string enum",
        TypeKind::Alias(_) => "type alias",
        TypeKind::Union(_) => "union enum",
        TypeKind::IntEnum(_) => "integer newtype",
        TypeKind::Newtype(_) => "newtype",
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

impl<'a> Comparison<'a> {
    /// Whether a change to type `name` affects only code that uses Preview operations.
    fn type_preview(&self, name: &str) -> bool {
        if self.old.types.contains_key(name) {
            self.old_preview_only.contains(name)
        } else {
            self.new_preview_only.contains(name)
        }
    }

    pub(super) fn models(&mut self) {
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
            (TypeKind::Alias(a), TypeKind::Alias(b))
            | (TypeKind::Newtype(a), TypeKind::Newtype(b)) => {
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
