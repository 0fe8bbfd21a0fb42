//! `$ref` resolution for the component kinds the generator follows. Normalisation has already
//! rewritten every other local reference, and those to other files it was given, into
//! `#/components/<kind>/<name>`; what is left otherwise is refused here, saying why.

use crate::error::Error;
use openapiv3::{OpenAPI, Parameter, ReferenceOr, RequestBody, Response};

/// Resolves `#/components/<kind>/<name>` against `lookup`, following chains of references (with a
/// bound, so a cycle is an error rather than a hang).
fn resolve<'a, T>(
    item: &'a ReferenceOr<T>,
    pointer: &str,
    kind: &str,
    lookup: impl Fn(&str) -> Option<&'a ReferenceOr<T>>,
) -> Result<&'a T, Error> {
    let mut current = item;
    for _ in 0..32 {
        match current {
            ReferenceOr::Item(value) => return Ok(value),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, kind, pointer)?;
                current = lookup(name).ok_or_else(|| Error::Reference {
                    pointer: pointer.to_owned(),
                    reference: reference.clone(),
                    reason: format!("no {kind} named `{name}` in components"),
                })?;
            }
        }
    }
    Err(Error::Reference {
        pointer: pointer.to_owned(),
        reference: ref_text(item),
        reason: "reference chain is cyclic or longer than 32 links".to_owned(),
    })
}

fn ref_text<T>(item: &ReferenceOr<T>) -> String {
    match item {
        ReferenceOr::Reference { reference } => reference.clone(),
        ReferenceOr::Item(_) => String::new(),
    }
}

/// The `<name>` in `#/components/<kind>/<name>`, or an error naming the pointer.
pub(crate) fn component_name<'r>(
    reference: &'r str,
    kind: &str,
    pointer: &str,
) -> Result<&'r str, Error> {
    let prefix = format!("#/components/{kind}/");
    reference
        .strip_prefix(&prefix)
        .filter(|n| !n.is_empty() && !n.contains('/'))
        .ok_or_else(|| Error::Reference {
            pointer: pointer.to_owned(),
            reference: reference.to_owned(),
            reason: format!(
                "{}expected a local reference of the form `{prefix}<name>`",
                why_not_local(reference)
            ),
        })
}

/// Why a reference that normalisation left as it was is not local, as the start of a message.
fn why_not_local(reference: &str) -> &'static str {
    let address = reference.split('#').next().unwrap_or_default();
    let scheme = address
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && !s.contains('/'));
    if scheme || address.starts_with("//") {
        "references are never fetched over the network; "
    } else if !address.is_empty() {
        "another file is read only with the spec's folder (`generate_with_files`, as the `openapi-sdk-gen` command does); "
    } else {
        ""
    }
}

pub(crate) fn parameter<'a>(
    spec: &'a OpenAPI,
    item: &'a ReferenceOr<Parameter>,
    pointer: &str,
) -> Result<&'a Parameter, Error> {
    resolve(item, pointer, "parameters", |n| {
        spec.components.as_ref()?.parameters.get(n)
    })
}

pub(crate) fn request_body<'a>(
    spec: &'a OpenAPI,
    item: &'a ReferenceOr<RequestBody>,
    pointer: &str,
) -> Result<&'a RequestBody, Error> {
    resolve(item, pointer, "requestBodies", |n| {
        spec.components.as_ref()?.request_bodies.get(n)
    })
}

pub(crate) fn response<'a>(
    spec: &'a OpenAPI,
    item: &'a ReferenceOr<Response>,
    pointer: &str,
) -> Result<&'a Response, Error> {
    resolve(item, pointer, "responses", |n| {
        spec.components.as_ref()?.responses.get(n)
    })
}
