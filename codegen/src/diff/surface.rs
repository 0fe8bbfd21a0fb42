//! What the emitters make of the model, as text: the signatures a user of the generated crate
//! writes code against (client method arguments, builder setters, constructor arguments, field and
//! result types).
//!
//! These mirror the rules in `emit/models.rs` and `emit/operations.rs`; the unit tests parse
//! generated code with syn and check that every signature here is the one emitted, so the two cannot
//! drift apart silently. Types are written as the emitters write them (`uuid::Uuid`,
//! `impl std::fmt::Display`); [`short`] drops the crate paths for messages.

use crate::ir::{Body, Field, Media, Operation, Param, ParamLocation, TypeRef};

/// A type as `emit::types::type_tokens` writes it.
pub(crate) fn rust_type(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "String".to_owned(),
        TypeRef::Uuid => "uuid::Uuid".to_owned(),
        TypeRef::DateTime => "chrono::DateTime<chrono::Utc>".to_owned(),
        TypeRef::Date => "chrono::NaiveDate".to_owned(),
        TypeRef::Bool => "bool".to_owned(),
        TypeRef::I32 => "i32".to_owned(),
        TypeRef::I64 => "i64".to_owned(),
        TypeRef::F32 => "f32".to_owned(),
        TypeRef::F64 => "f64".to_owned(),
        TypeRef::Json => "serde_json::Value".to_owned(),
        TypeRef::Named(name) => name.clone(),
        TypeRef::List(inner) => format!("Vec<{}>", rust_type(inner)),
        TypeRef::Map(inner) => format!("std::collections::BTreeMap<String, {}>", rust_type(inner)),
        TypeRef::Boxed(inner) => format!("Box<{}>", rust_type(inner)),
        TypeRef::Bytes => "Vec<u8>".to_owned(),
    }
}

/// A type without its crate paths, for messages (`BTreeMap<String, Uuid>`).
pub(crate) fn short(ty: &str) -> String {
    [
        "std::collections::",
        "std::fmt::",
        "uuid::",
        "chrono::",
        "serde_json::",
        "rt::",
    ]
    .iter()
    .fold(ty.to_owned(), |text, prefix| text.replace(prefix, ""))
}

/// The argument type of a parameter, as a client method argument or a builder setter's
/// (`emit::operations::argument`).
pub(crate) fn param_argument(p: &Param) -> String {
    match (&p.ty, p.location) {
        (TypeRef::String | TypeRef::Uuid, ParamLocation::Path) => {
            "impl std::fmt::Display".to_owned()
        }
        (TypeRef::String, _) => "impl Into<String>".to_owned(),
        (TypeRef::List(inner), _) if **inner == TypeRef::String => {
            "impl IntoIterator<Item = impl Into<String>>".to_owned()
        }
        (TypeRef::List(inner), _) => format!("impl IntoIterator<Item = {}>", rust_type(inner)),
        (ty, _) => rust_type(ty),
    }
}

/// The type a body is passed as (`emit::operations::body_type`).
pub(crate) fn body_argument(b: &Body) -> String {
    match &b.media {
        Media::Json | Media::Form => rust_type(&b.ty),
        Media::Multipart if !b.parts.is_empty() => rust_type(&b.ty),
        Media::Text(_) => "String".to_owned(),
        Media::Bytes(_) => "impl Into<rt::UploadBody>".to_owned(),
        Media::Multipart => "rt::Multipart".to_owned(),
    }
}

/// What `send()` returns inside `Result<_, Error>` (`emit::operations::single_success` and
/// `by_status_success`).
pub(crate) fn output(op: &Operation) -> String {
    if !op.success_by_status.is_empty() {
        return match &op.success {
            Some((union, _)) => rust_type(union),
            None => "()".to_owned(),
        };
    }
    match &op.success {
        Some((ty, Media::Json | Media::Multipart)) => rust_type(ty),
        Some((_, Media::Text(_) | Media::Form)) => "String".to_owned(),
        // Streamed: `send()` returns `rt::StreamBodyFuture`, resolving to a `ByteStream`.
        Some((_, Media::Bytes(_))) => "rt::ByteStream".to_owned(),
        None => "()".to_owned(),
    }
}

/// The client method's positional arguments, in order: required parameters, then a required body
/// (`emit::operations::client_method`).
pub(crate) fn positional(op: &Operation) -> Vec<(String, String)> {
    let mut args: Vec<(String, String)> = op
        .params
        .iter()
        .filter(|p| p.required)
        .map(|p| (p.name.clone(), param_argument(p)))
        .collect();
    if let Some(b) = op.body.as_ref().filter(|b| b.required) {
        args.push(("body".to_owned(), body_argument(b)));
    }
    args
}

/// How a model field shows: its declared type, its `new()` argument and its setter's argument
/// (`emit::models::field_type`, `constructor` and `setter`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldSurface {
    /// The field's declared type (`Option<String>`).
    pub(crate) ty: String,
    /// Its `new()` argument type, when `new` takes it.
    pub(crate) constructor: Option<String>,
    /// Its setter's argument type, when it has a setter.
    pub(crate) setter: Option<String>,
}

/// The declared type of a field: `T`, `Option<T>` or `Option<Option<T>>`.
pub(crate) fn field_type(f: &Field) -> String {
    let ty = rust_type(&f.ty);
    match (f.required, f.nullable) {
        (true, false) => ty,
        (true, true) | (false, false) => format!("Option<{ty}>"),
        (false, true) => format!("Option<Option<{ty}>>"),
    }
}

/// Whether `new()` takes the field: required, and not filled in from an enum default.
pub(crate) fn in_constructor(f: &Field) -> bool {
    f.required && f.default_variant.is_none()
}

pub(crate) fn field_surface(f: &Field) -> FieldSurface {
    let constructor = in_constructor(f).then(|| {
        if !f.nullable && f.ty == TypeRef::String {
            "impl Into<String>".to_owned()
        } else {
            field_type(f)
        }
    });
    let setter = (!in_constructor(f)).then(|| {
        let ty = rust_type(&f.ty);
        match (f.required, f.nullable) {
            (false, true) => format!("Option<{ty}>"),
            _ if f.ty == TypeRef::String => "impl Into<String>".to_owned(),
            _ => ty,
        }
    });
    FieldSurface {
        ty: field_type(f),
        constructor,
        setter,
    }
}
