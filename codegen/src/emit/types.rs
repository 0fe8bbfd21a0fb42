//! Type references → Rust type tokens.

use crate::ir::TypeRef;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// The Rust type for a reference.
pub(crate) fn type_tokens(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::String => quote!(String),
        TypeRef::Uuid => quote!(uuid::Uuid),
        TypeRef::DateTime => quote!(chrono::DateTime<chrono::Utc>),
        TypeRef::Date => quote!(chrono::NaiveDate),
        TypeRef::Bool => quote!(bool),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::Json => quote!(serde_json::Value),
        TypeRef::Named(name) => {
            let name = ident(name);
            quote!(#name)
        }
        TypeRef::List(inner) => {
            let inner = type_tokens(inner);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = type_tokens(inner);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        TypeRef::Boxed(inner) => {
            let inner = type_tokens(inner);
            quote!(Box<#inner>)
        }
        TypeRef::Bytes => quote!(Vec<u8>),
    }
}

/// An identifier; `r#type`-style names become raw identifiers.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The parsed runtime path (`crate`, `datadog_connections`), as tokens.
pub(crate) fn path_tokens(path: &str) -> TokenStream {
    let segments = path.split("::").map(ident);
    quote!(#(#segments)::*)
}
