//! Named types → model files: structs with serde derives, enums that keep unknown values.

use super::docs::{code_span, doc_attrs, inner_doc_attrs};
use super::types::{ident, path_tokens, type_tokens};
use super::Gating;
use crate::ir::{Enum, Field, IntEnum, Struct, TypeDef, TypeKind, TypeRef, Union};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// The contents of one model file: every type in `group`.
///
/// Gated per tag, each item is compiled only when a feature of an operation module that uses its
/// type is on, and other groups are imported by glob (a named import could outlive its gated type).
pub(crate) fn model_file(
    group: &str,
    types: &BTreeMap<String, TypeDef>,
    inside_unions: &BTreeSet<String>,
    runtime: &str,
    gating: Gating,
) -> TokenStream {
    let members: Vec<&TypeDef> = types.values().filter(|t| t.group == group).collect();
    let heading = if group == crate::lower::COMMON_GROUP {
        "Models shared by several operation groups.".to_owned()
    } else {
        format!("Models used by the `{group}` operations.")
    };
    let heading = inner_doc_attrs(&heading);
    let imports = if gating == Gating::PerTag {
        quote! {
            #[allow(unused_imports)]
            use super::*;
        }
    } else {
        cross_group_imports(group, &members, types)
    };
    let items = members.iter().map(|t| {
        let gate = match gating {
            Gating::PerTag => super::feature_cfg(t.users.iter().map(String::as_str)),
            Gating::None => quote!(),
        };
        type_item(t, inside_unions.contains(&t.name), runtime, &gate)
    });
    quote! {
        #heading
        #imports
        #(#items)*
    }
}

/// `use super::{A, B};` for the types this group uses from other groups.
fn cross_group_imports(
    group: &str,
    members: &[&TypeDef],
    types: &BTreeMap<String, TypeDef>,
) -> TokenStream {
    let mut used = BTreeSet::new();
    for t in members {
        match &t.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .for_each(|f| collect_named(&f.ty, &mut used)),
            TypeKind::Alias(ty) | TypeKind::Newtype(ty) => collect_named(ty, &mut used),
            TypeKind::Union(u) => u
                .variants
                .iter()
                .for_each(|v| collect_named(&v.ty, &mut used)),
            TypeKind::Enum(_) | TypeKind::IntEnum(_) => {}
        }
    }
    let foreign: Vec<_> = used
        .into_iter()
        .filter(|n| types.get(n).is_some_and(|t| t.group != group))
        .map(|n| ident(&n))
        .collect();
    if foreign.is_empty() {
        TokenStream::new()
    } else {
        quote! { use super::{#(#foreign),*}; }
    }
}

pub(crate) fn collect_named(ty: &TypeRef, out: &mut BTreeSet<String>) {
    match ty {
        TypeRef::Named(n) => {
            out.insert(n.clone());
        }
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => {
            collect_named(inner, out)
        }
        _ => {}
    }
}

/// One named type; `exact` when a union may decode it (then it implements the runtime's `Exact`).
fn type_item(def: &TypeDef, exact: bool, runtime: &str, gate: &TokenStream) -> TokenStream {
    match &def.kind {
        TypeKind::Struct(s) => struct_item(def, s, exact, runtime, gate),
        TypeKind::Enum(e) => enum_item(def, e, exact, runtime, gate),
        TypeKind::Union(u) => union_item(def, u, runtime, gate),
        TypeKind::IntEnum(e) => int_enum_item(def, e, exact, runtime, gate),
        TypeKind::Newtype(ty) => newtype_item(def, ty, exact, runtime, gate),
        TypeKind::Alias(ty) => {
            let docs = doc_attrs(def.docs.as_deref());
            let name = ident(&def.name);
            let ty = type_tokens(ty);
            quote! { #gate #docs pub type #name = #ty; }
        }
    }
}

/// A list or map that contains itself, as a struct around it: serialized as the value it wraps,
/// and used like it (`Deref`, `DerefMut`, `From` both ways).
fn newtype_item(
    def: &TypeDef,
    ty: &TypeRef,
    exact: bool,
    runtime: &str,
    gate: &TokenStream,
) -> TokenStream {
    let described = def
        .docs
        .as_deref()
        .map(|d| format!("{d}\n\n"))
        .unwrap_or_default();
    let docs = doc_attrs(Some(&format!(
        "{described}A struct around the value rather than a type alias, because the value contains `{}` itself; it is serialized as the value it wraps.",
        def.name
    )));
    let name = ident(&def.name);
    let inner = type_tokens(ty);
    let rt = path_tokens(runtime);
    let exact_impl = exact.then(|| {
        quote! {
            #gate
            impl #rt::serde_support::Exact for #name {
                #[inline]
                fn is_exact(&self) -> bool {
                    #rt::serde_support::Exact::is_exact(&self.0)
                }
            }
        }
    });
    quote! {
        #gate
        #docs
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(pub #inner);

        #gate
        impl std::ops::Deref for #name {
            type Target = #inner;

            #[inline]
            fn deref(&self) -> &Self::Target {
                &self.0
            }
        }

        #gate
        impl std::ops::DerefMut for #name {
            #[inline]
            fn deref_mut(&mut self) -> &mut Self::Target {
                &mut self.0
            }
        }

        #gate
        impl From<#inner> for #name {
            #[inline]
            fn from(value: #inner) -> Self {
                Self(value)
            }
        }

        #gate
        impl From<#name> for #inner {
            #[inline]
            fn from(value: #name) -> Self {
                value.0
            }
        }

        #exact_impl
    }
}

fn struct_item(
    def: &TypeDef,
    s: &Struct,
    exact: bool,
    runtime: &str,
    gate: &TokenStream,
) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let fields = s.fields.iter().map(|f| {
        let docs = doc_attrs(f.docs.as_deref());
        let fname = ident(&f.name);
        let ty = field_type(f);
        let deprecated = deprecated_attr(f.deprecated);
        quote! { #docs #deprecated pub #fname: #ty, }
    });
    // `new()` with no arguments is `Default`.
    let all_optional = s
        .fields
        .iter()
        .all(|f| !f.required || f.default_variant.is_some());
    let derive_default = if all_optional {
        quote!(Default,)
    } else {
        quote!()
    };
    let constructor = constructor(def, s);
    let setters = s
        .fields
        .iter()
        .filter(|f| !f.required || f.default_variant.is_some())
        .map(setter);
    let deserialize = path_tokens(&format!("{runtime}::deserialize_struct"));
    let serialize = path_tokens(&format!("{runtime}::serialize_struct"));
    let additional = path_tokens(&format!("{runtime}::serde_support::AdditionalProperties"));
    // The encoder and decoder name every field, deprecated ones included.
    let allow_deprecated = if s.fields.iter().any(|f| f.deprecated) {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    let kinds: Vec<(TokenStream, &str, proc_macro2::Ident)> = s
        .fields
        .iter()
        .map(|f| {
            let kind = ident(match (f.required, f.nullable) {
                (true, _) => "required",
                (false, false) => "optional",
                (false, true) => "nullable",
            });
            (quote!(#kind), f.wire_name.as_str(), ident(&f.name))
        })
        .collect();
    // A readOnly property is the server's to set: the encoding (what requests send) leaves it out.
    let written = kinds
        .iter()
        .zip(&s.fields)
        .filter(|(_, f)| !f.read_only)
        .map(|((kind, wire, fname), _)| quote!(#fname (#kind) = #wire));
    // What each property decodes as: the field's type, or the `Option<T>` inside an optional
    // nullable field's `Option<Option<T>>`.
    let exact_marker = if exact { quote!(exact) } else { quote!() };
    let decoded = s.fields.iter().zip(&kinds).map(|(f, (kind, wire, fname))| {
        let ty = match (f.required, f.nullable) {
            (false, true) => {
                let inner = type_tokens(&f.ty);
                quote!(Option<#inner>)
            }
            _ => field_type(f),
        };
        quote!(#fname (#kind #ty) = #wire)
    });
    quote! {
        #gate
        #docs
        #[derive(Debug, Clone, PartialEq, #derive_default)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
            pub additional_properties: #additional,
        }

        #gate
        impl #name {
            #constructor
            #(#setters)*
        }

        #gate
        #serialize!(#allow_deprecated #name { #(#written),* });

        #gate
        #deserialize!(#allow_deprecated #exact_marker #name { #(#decoded),* });
    }
}

fn deprecated_attr(deprecated: bool) -> TokenStream {
    if deprecated {
        quote!(#[deprecated])
    } else {
        quote!()
    }
}

/// The declared field type: `T`, `Option<T>` or `Option<Option<T>>` (absent vs `null` vs a value).
fn field_type(f: &Field) -> TokenStream {
    let ty = type_tokens(&f.ty);
    match (f.required, f.nullable) {
        (true, false) => ty,
        (true, true) | (false, false) => quote!(Option<#ty>),
        (false, true) => quote!(Option<Option<#ty>>),
    }
}

/// `new(required fields)`; required enum fields with a default are filled in.
/// A required, non-null `String` field: its constructor argument is `impl Into<String>`.
fn takes_into_string(f: &Field) -> bool {
    f.required && !f.nullable && f.default_variant.is_none() && f.ty == TypeRef::String
}

fn constructor(def: &TypeDef, s: &Struct) -> TokenStream {
    let args = s
        .fields
        .iter()
        .filter(|f| f.required && f.default_variant.is_none())
        .map(|f| {
            let name = ident(&f.name);
            // Text takes anything that becomes a `String`, as the setters do.
            if takes_into_string(f) {
                return quote!(#name: impl Into<String>);
            }
            let ty = field_type(f);
            quote!(#name: #ty)
        });
    let inits = s.fields.iter().map(|f| {
        let name = ident(&f.name);
        match (&f.default_variant, f.required) {
            (Some(variant), _) => {
                let ty = type_tokens(&f.ty);
                let variant = ident(variant);
                quote!(#name: #ty::#variant)
            }
            (None, true) if takes_into_string(f) => quote!(#name: #name.into()),
            (None, true) => quote!(#name),
            (None, false) => quote!(#name: None),
        }
    });
    let inits = inits.chain(std::iter::once(
        quote!(additional_properties: Default::default()),
    ));
    let doc = format!(" Creates a [`{}`] from its required fields.", def.name);
    let allow = if s
        .fields
        .iter()
        .filter(|f| f.required && f.default_variant.is_none())
        .count()
        > 7
    {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        quote!()
    };
    let deprecated = if s.fields.iter().any(|f| f.deprecated) {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    quote! {
        #[doc = #doc]
        #allow
        #deprecated
        #[inline]
        pub fn new(#(#args),*) -> Self {
            Self { #(#inits),* }
        }
    }
}

fn setter(f: &Field) -> TokenStream {
    let name = ident(&f.name);
    let ty = type_tokens(&f.ty);
    let doc = format!(" Sets {}.", code_span(&f.wire_name));
    let deprecated = deprecated_attr(f.deprecated);
    let allow = if f.deprecated {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    // Strings take anything that converts, so literals need no `.to_owned()`.
    let (arg, converted) = match f.ty {
        TypeRef::String => (quote!(impl Into<String>), quote!(value.into())),
        _ => (ty.clone(), quote!(value)),
    };
    let (param, value) = match (f.required, f.nullable) {
        (true, _) => (arg, converted),
        (false, false) => (arg, quote!(Some(#converted))),
        // Nullable: `None` sends an explicit `null`.
        (false, true) => (quote!(Option<#ty>), quote!(Some(value))),
    };
    quote! {
        #[doc = #doc]
        #deprecated
        #allow
        #[inline]
        pub fn #name(mut self, value: #param) -> Self {
            self.#name = #value;
            self
        }
    }
}

fn enum_item(
    def: &TypeDef,
    e: &Enum,
    exact: bool,
    runtime: &str,
    gate: &TokenStream,
) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let rt = path_tokens(runtime);
    let variants = e.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let doc = format!(" {}", code_span(&v.value));
        let default = if e.default.as_ref() == Some(&v.name) {
            quote!(#[default])
        } else {
            quote!()
        };
        quote! { #[doc = #doc] #default #vname, }
    });
    let known = e.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let value = &v.value;
        quote!(#vname = #value)
    });
    let string_enum = path_tokens(&format!("{runtime}::string_enum"));
    let derive_default = if e.default.is_some() {
        quote!(Default,)
    } else {
        quote!()
    };
    let exact_impl = exact.then(|| {
        quote! {
            #gate
            impl #rt::serde_support::Exact for #name {
                #[inline]
                fn is_exact(&self) -> bool {
                    !matches!(self, Self::Unknown(_))
                }
            }
        }
    });
    let query = e.used_in_parameters.then(|| {
        quote! {
            #gate
            impl #rt::ParamValue for #name {
                #[inline]
                fn write_param(&self, out: &mut String) {
                    out.push_str(self.as_str());
                }
            }
        }
    });
    quote! {
        #gate
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, #derive_default)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this version of the SDK does not know, kept verbatim so it round-trips.
            Unknown(#rt::serde_support::UnknownValue),
        }

        #gate
        #string_enum!(#name { #(#known),* });

        #exact_impl

        #query
    }
}

fn union_item(def: &TypeDef, u: &Union, runtime: &str, gate: &TokenStream) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let rt = path_tokens(runtime);
    let variants = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let ty = type_tokens(&v.ty);
        quote!(#vname(#ty),)
    });
    let macro_path = path_tokens(&format!("{runtime}::deserialize_union"));
    let entries = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let ty = type_tokens(&v.ty);
        quote!(#vname(#ty))
    });
    let tag = u.discriminator.as_ref().map(|d| {
        let property = &d.property;
        let pairs = d.mapping.iter().map(|(value, variant)| {
            let variant = ident(variant);
            quote!(#value => #variant)
        });
        quote!(tag #property { #(#pairs),* })
    });
    quote! {
        #gate
        #docs
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
            Unknown(#rt::serde_support::RawJson),
        }

        #gate
        #macro_path!(#name { #(#entries),* } #tag);
    }
}

fn int_enum_item(
    def: &TypeDef,
    e: &IntEnum,
    exact: bool,
    runtime: &str,
    gate: &TokenStream,
) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let rt = path_tokens(runtime);
    let base = type_tokens(&e.base);
    let consts = e.values.iter().map(|(cname, value)| {
        let cname = ident(cname);
        let doc = format!(" `{value}`");
        let literal = match e.base {
            TypeRef::I32 => {
                let v = i32::try_from(*value).unwrap_or_default();
                quote!(#v)
            }
            _ => quote!(#value),
        };
        quote! {
            #[doc = #doc]
            pub const #cname: Self = Self(#literal);
        }
    });
    let exact_impl = exact.then(|| {
        quote! {
            #gate
            impl #rt::serde_support::Exact for #name {
                #[inline]
                fn is_exact(&self) -> bool {
                    self.is_known()
                }
            }
        }
    });
    let known = e.values.iter().map(|(_, v)| match e.base {
        TypeRef::I32 => {
            let v = i32::try_from(*v).unwrap_or_default();
            quote!(#v)
        }
        _ => quote!(#v),
    });
    quote! {
        #gate
        #docs
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(pub #base);

        #gate
        impl #name {
            #(#consts)*

            /// Whether the value is one the spec documents (others are kept as they are).
            #[inline]
            pub fn is_known(self) -> bool {
                matches!(self.0, #(#known)|*)
            }
        }

        #exact_impl

        #gate
        impl #rt::ParamValue for #name {
            #[inline]
            fn write_param(&self, out: &mut String) {
                #rt::ParamValue::write_param(&self.0, out);
            }
        }
    }
}
