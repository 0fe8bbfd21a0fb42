//! `x-pagination` (and the configuration's stop rules) → a typed [`Pagination`] per operation:
//! which parameter carries the position, where the items are, and which typed fields the stop rules
//! read. Runs after every type is final (boxing included), so field paths are exact.

use crate::config::PaginationConfig;
use crate::ir::{
    Diagnostic, FieldStep, Media, Operation, Pagination, PagingStyle, Target, TypeDef, TypeKind,
    TypeRef,
};
use std::collections::BTreeMap;

/// Resolves the annotation of `op`, or explains in a note why no stream is generated.
pub(crate) fn resolve(
    op: &Operation,
    annotation: &serde_json::Map<String, serde_json::Value>,
    config: Option<&PaginationConfig>,
    types: &BTreeMap<String, TypeDef>,
    pointer: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Pagination> {
    match try_resolve(op, annotation, config, types) {
        Ok(p) => Some(p),
        Err(reason) => {
            diagnostics.push(Diagnostic {
                kind: crate::ir::NoteKind::Skipped,
                pointer: format!("{pointer}/x-pagination"),
                message: format!("no pagination stream for `{}`: {reason}", op.id),
            });
            None
        }
    }
}

fn try_resolve(
    op: &Operation,
    annotation: &serde_json::Map<String, serde_json::Value>,
    config: Option<&PaginationConfig>,
    types: &BTreeMap<String, TypeDef>,
) -> Result<Pagination, String> {
    let text = |key: &str| annotation.get(key).and_then(|v| v.as_str());
    let (style, position_wire) = if let Some(p) = text("cursorParam") {
        (PagingStyle::Cursor, p)
    } else if let Some(p) = text("pageOffsetParam") {
        (PagingStyle::Offset, p)
    } else if let Some(p) = text("pageParam") {
        (PagingStyle::PageNumber, p)
    } else {
        return Err("the annotation names no cursorParam, pageOffsetParam or pageParam".to_owned());
    };
    let (position, position_ty, _) = target(op, types, position_wire)?;
    let position_ok = match style {
        PagingStyle::Cursor => position_ty == TypeRef::String,
        _ => matches!(position_ty, TypeRef::I32 | TypeRef::I64),
    };
    if !position_ok {
        return Err(format!(
            "its position `{position_wire}` has an unexpected type"
        ));
    }
    let limit = match text("limitParam") {
        Some(wire) => {
            let (target, ty, default) = target(op, types, wire)?;
            matches!(ty, TypeRef::I32 | TypeRef::I64).then_some((target, ty, default))
        }
        None => None,
    };
    let page = match &op.success {
        Some((ty @ TypeRef::Named(_), Media::Json)) if op.success_by_status.is_empty() => {
            ty.clone()
        }
        _ => return Err("its success response is not a single JSON object".to_owned()),
    };
    let results_path = text("resultsPath").unwrap_or("data");
    let (results, leaf) = walk(types, &page, results_path)?;
    let TypeRef::List(item) = leaf else {
        return Err(format!("`{results_path}` is not a list"));
    };
    let item = *item;
    let leaf_of = |path: &str, want: fn(&TypeRef) -> bool| -> Result<Vec<FieldStep>, String> {
        let (steps, leaf) = walk(types, &page, path)?;
        if want(&leaf) {
            Ok(steps)
        } else {
            Err(format!("`{path}` does not hold the expected type"))
        }
    };
    let integer = |t: &TypeRef| matches!(t, TypeRef::I32 | TypeRef::I64);
    let optional = |path: Option<&String>| path.map(|p| leaf_of(p, integer)).transpose();
    let config = config.cloned().unwrap_or_default();
    let number = optional(config.page_number_path.as_ref())?;
    let next_number = optional(config.next_page_path.as_ref())?;
    let last_number = optional(config.last_page_path.as_ref())?;
    let totals = config
        .total_paths
        .iter()
        .map(|p| leaf_of(p, integer))
        .collect::<Result<Vec<_>, _>>()?;
    let cursor = match style {
        PagingStyle::Cursor => {
            let path = text("cursorPath").ok_or("a cursorParam needs a cursorPath")?;
            Some(leaf_of(path, |t| *t == TypeRef::String)?)
        }
        _ => None,
    };
    let start = match style {
        PagingStyle::PageNumber => annotation
            .get("pageStart")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(0),
        _ => 0,
    };
    Ok(Pagination {
        style,
        position,
        position_ty,
        limit,
        start,
        page,
        results,
        item_id: item_id(types, &item),
        item,
        number,
        next_number,
        last_number,
        totals,
        cursor,
    })
}

/// Where a value named by the annotation goes: a query parameter (`page[offset]`), or a field of the
/// JSON body (`body.page.cursor`) whose containers can be created empty (they derive `Default`).
/// Returns the target, the value's type and its documented default.
fn target(
    op: &Operation,
    types: &BTreeMap<String, TypeDef>,
    wire: &str,
) -> Result<(Target, TypeRef, Option<i64>), String> {
    if let Some(path) = wire.strip_prefix("body.") {
        let body = match &op.body {
            Some(b) if b.media == Media::Json => b,
            _ => {
                return Err(format!(
                    "it names `{wire}`, but the operation has no JSON body"
                ))
            }
        };
        let (steps, leaf) = walk(types, &body.ty, path)?;
        let defaultable = |ty: &TypeRef| match resolve_type(types, ty) {
            TypeRef::Named(name) => {
                matches!(types.get(name).map(|t| &t.kind), Some(TypeKind::Struct(s))
                if s.fields.iter().all(|f| !f.required || f.default_variant.is_some()))
            }
            _ => false,
        };
        if !body.required && !defaultable(&body.ty) {
            return Err(format!(
                "`{wire}`: the optional body cannot be created empty"
            ));
        }
        if let Some((_, containers)) = steps.split_last() {
            if let Some(step) = containers
                .iter()
                .find(|s| (!s.required || s.nullable) && !defaultable(&s.ty))
            {
                return Err(format!(
                    "`{wire}`: `{}` cannot be created empty",
                    step.field
                ));
            }
        }
        return Ok((
            Target::Body {
                body_optional: !body.required,
                steps,
            },
            leaf,
            None,
        ));
    }
    let param = op
        .params
        .iter()
        .find(|p| p.wire_name == wire && p.location == crate::ir::ParamLocation::Query)
        .ok_or_else(|| {
            format!("it names `{wire}`, which is not a query parameter of the operation")
        })?;
    if param.required {
        return Err(format!(
            "`{wire}` is required, so the paginator cannot set it"
        ));
    }
    Ok((
        Target::Query(param.name.clone()),
        resolve_type(types, &param.ty).clone(),
        param.int_default,
    ))
}

/// The type an alias (or a box) stands for.
fn resolve_type<'t>(types: &'t BTreeMap<String, TypeDef>, ty: &'t TypeRef) -> &'t TypeRef {
    let mut ty = unboxed(ty);
    for _ in 0..32 {
        match ty {
            TypeRef::Named(name) => match types.get(name).map(|t| &t.kind) {
                Some(TypeKind::Alias(target)) => ty = unboxed(target),
                _ => return ty,
            },
            _ => return ty,
        }
    }
    ty
}

/// Follows a dotted path of JSON property names through struct fields; returns the steps and the
/// type at the end (unboxed).
fn walk(
    types: &BTreeMap<String, TypeDef>,
    root: &TypeRef,
    path: &str,
) -> Result<(Vec<FieldStep>, TypeRef), String> {
    let mut ty = root.clone();
    let mut steps = Vec::new();
    for segment in path.split('.') {
        let fields = match resolve_type(types, &ty) {
            TypeRef::Named(name) => match types.get(name).map(|t| &t.kind) {
                Some(TypeKind::Struct(s)) => &s.fields,
                _ => {
                    return Err(format!(
                        "`{path}`: `{name}` is not an object with properties"
                    ))
                }
            },
            _ => return Err(format!("`{path}`: `{segment}` is not inside an object")),
        };
        let field = fields
            .iter()
            .find(|f| f.wire_name == segment)
            .ok_or_else(|| format!("`{path}`: no property `{segment}`"))?;
        steps.push(FieldStep {
            field: field.name.clone(),
            required: field.required,
            nullable: field.nullable,
            boxed: matches!(field.ty, TypeRef::Boxed(_)),
            ty: resolve_type(types, &field.ty).clone(),
        });
        ty = field.ty.clone();
    }
    Ok((steps, resolve_type(types, &ty).clone()))
}

fn unboxed(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Boxed(inner) => unboxed(inner),
        other => other,
    }
}

/// The Rust name of an item's required, non-null `id` field of a string, UUID or integer type.
fn item_id(types: &BTreeMap<String, TypeDef>, item: &TypeRef) -> Option<String> {
    let TypeRef::Named(name) = resolve_type(types, item) else {
        return None;
    };
    let Some(TypeKind::Struct(s)) = types.get(name).map(|t| &t.kind) else {
        return None;
    };
    s.fields
        .iter()
        .find(|f| {
            f.wire_name == "id"
                && f.required
                && !f.nullable
                && matches!(
                    f.ty,
                    TypeRef::String | TypeRef::Uuid | TypeRef::I32 | TypeRef::I64
                )
        })
        .map(|f| f.name.clone())
}
