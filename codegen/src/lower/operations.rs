//! Paths and operations → operation records, grouped into one module per tag.

use super::{docs, refs, types, Lowerer};
use crate::config::DeepArrays;
use crate::error::{Error, Pointer};
use crate::ir::{
    Body, Diagnostic, FormEncoding, FormPart, Media, Method, Module, Operation, Param,
    ParamLocation, ParamShape, ParamStyle, PartKind, Response, Status, StatusBody, TypeDef,
    TypeKind, TypeRef,
};
use crate::names::{self, Namer};
use openapiv3::{
    Operation as SpecOperation, Parameter, ParameterSchemaOrContent, PathItem, PathStyle,
    QueryStyle, ReferenceOr, Schema, SchemaKind, StatusCode, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};
use std::collections::{BTreeMap, BTreeSet};

/// The module (and, in a standalone crate, the Cargo feature) of the operations without a tag.
pub(crate) const UNTAGGED_MODULE: &str = "untagged";

/// Lowers every operation, grouped by the module of its first tag.
pub(crate) fn lower_all(cx: &mut Lowerer<'_>) -> Result<BTreeMap<String, Module>, Error> {
    let spec = cx.spec;
    let mut modules: BTreeMap<String, Module> = BTreeMap::new();
    // Keyed by tag; `None` for the operations without one.
    let mut module_names: BTreeMap<Option<String>, String> = BTreeMap::new();
    // A module is also a Cargo feature of a standalone crate, where `default` and `full` mean
    // something else: a tag with one of those names gets another name (`default2`).
    let mut module_namer = Namer::with_reserved(&["mod", "common", "default", "full"]);
    let mut method_namer = Namer::with_reserved(names::CLIENT_METHODS);
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    // Names made up for operations without an `operationId` avoid every id the spec gives.
    let given: BTreeSet<&str> = spec
        .paths
        .paths
        .values()
        .filter_map(|item| match item {
            ReferenceOr::Item(item) => Some(item),
            ReferenceOr::Reference { .. } => None,
        })
        .flat_map(methods)
        .filter_map(|(_, _, op)| op.operation_id.as_deref())
        .collect();
    for (path, item) in &spec.paths.paths {
        let path_pointer = Pointer::root().push("paths").push(path);
        let item = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { .. } => {
                return Err(path_pointer.unsupported("a `$ref` path item"))
            }
        };
        for (method, key, op) in methods(item) {
            let pointer = path_pointer.push(key);
            let id = match &op.operation_id {
                Some(id) => id.clone(),
                None => {
                    let id = made_up_id(key, path, |c| given.contains(c) || ids.contains_key(c));
                    cx.diagnostics.push(Diagnostic {
                        kind: crate::ir::NoteKind::Tolerated,
                        pointer: pointer.to_string(),
                        message: format!(
                            "the operation has no operationId; it is named `{id}` after its method and path"
                        ),
                    });
                    id
                }
            };
            if let Some(first) = ids.insert(id.clone(), pointer.to_string()) {
                return Err(pointer
                    .push("operationId")
                    .invalid(format!("operationId `{id}` is also used at `{first}`")));
            }
            let given_tag = op.tags.first().cloned();
            // Operations without a tag go to a module of their own, `untagged` (made unique like
            // any other name, should a tag be called that).
            let module = match module_names.get(&given_tag) {
                Some(m) => m.clone(),
                None => {
                    let (desired, origin) = match &given_tag {
                        Some(tag) => (names::module_name(tag), tag.as_str()),
                        None => (UNTAGGED_MODULE.to_owned(), "operations without a tag"),
                    };
                    let m = module_namer.claim(
                        desired,
                        origin,
                        pointer.push("tags").as_str(),
                        &mut cx.diagnostics,
                    );
                    module_names.insert(given_tag.clone(), m.clone());
                    m
                }
            };
            let method_name = method_namer.claim(
                names::field_name(&id),
                &id,
                pointer.as_str(),
                &mut cx.diagnostics,
            );
            let lowered = lower_operation(
                cx,
                OperationSite {
                    path,
                    method,
                    item,
                    op,
                    id,
                    method_name,
                    pointer: &pointer,
                },
            )?;
            modules
                .entry(module)
                .or_insert_with(|| Module {
                    description: given_tag.as_deref().and_then(|t| tag_description(cx, t)),
                    tag: given_tag.clone(),
                    operations: Vec::new(),
                })
                .operations
                .push(lowered);
        }
    }
    Ok(modules)
}

/// A stable id for an operation without `operationId`, from its method and path:
/// `GET /users/{id}/posts` → `get_users_id_posts` (with `_2`, `_3`, … when `taken`).
fn made_up_id(method: &str, path: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = names::module_name(&format!("{method} {path}"));
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

fn tag_description(cx: &Lowerer<'_>, tag: &str) -> Option<String> {
    cx.spec
        .tags
        .iter()
        .find(|t| t.name == tag)
        .and_then(|t| t.description.clone())
}

fn methods(item: &PathItem) -> Vec<(Method, &'static str, &SpecOperation)> {
    [
        (Method::Get, "get", &item.get),
        (Method::Put, "put", &item.put),
        (Method::Post, "post", &item.post),
        (Method::Delete, "delete", &item.delete),
        (Method::Options, "options", &item.options),
        (Method::Head, "head", &item.head),
        (Method::Patch, "patch", &item.patch),
        (Method::Trace, "trace", &item.trace),
    ]
    .into_iter()
    .filter_map(|(m, k, op)| op.as_ref().map(|op| (m, k, op)))
    .collect()
}

struct OperationSite<'s> {
    path: &'s str,
    method: Method,
    item: &'s PathItem,
    op: &'s SpecOperation,
    id: String,
    method_name: String,
    pointer: &'s Pointer,
}

fn lower_operation(cx: &mut Lowerer<'_>, site: OperationSite<'_>) -> Result<Operation, Error> {
    let OperationSite {
        path,
        method,
        item,
        op,
        id,
        method_name,
        pointer,
    } = site;
    let builder_name = cx.claim_type_name(&format!("{id} request"), pointer);
    let params = lower_params(cx, &id, path, item, op, pointer)?;
    let body = match &op.request_body {
        None => None,
        Some(body) => Some(lower_body(cx, &id, body, pointer)?),
    };
    if let Some(annotation) = op
        .extensions
        .get("x-pagination")
        .and_then(|p| p.as_object())
    {
        cx.paginated
            .insert(id.clone(), (pointer.to_string(), annotation.clone()));
    }
    let responses = lower_responses(cx, &id, op, pointer)?;
    let (success, success_by_status) = success_type(cx, &id, &responses, pointer)?;
    Ok(Operation {
        id,
        method_name,
        builder_name,
        method,
        path: path.to_owned(),
        summary: op.summary.clone(),
        description: op.description.clone(),
        params,
        body,
        responses,
        success,
        success_by_status,
        servers: own_servers(cx, op, item, path, pointer),
        security: super::security::requirements(
            op.security.as_ref(),
            cx.spec,
            &cx.schemes,
            pointer,
            &mut cx.diagnostics,
        ),
        pagination_params: pagination_params(op),
        pagination: None,
        preview: preview_note(op),
        deprecated: op.deprecated,
        permissions: permissions(op),
        scopes: scopes(cx, op),
    })
}

/// Lowers a request body: the media type chosen, its type, and for forms how each property is sent.
fn lower_body(
    cx: &mut Lowerer<'_>,
    id: &str,
    body: &ReferenceOr<openapiv3::RequestBody>,
    pointer: &Pointer,
) -> Result<Body, Error> {
    let at = pointer.push("requestBody");
    let body = refs::request_body(cx.spec, body, at.as_str())?;
    let Some((media_type, content, media)) = choose_content(cx, &body.content) else {
        // Nothing says what the body is: the caller sends raw bytes, as `application/octet-stream`
        // (the media type HTTP assumes for a body of unknown type).
        cx.diagnostics.push(Diagnostic {
            kind: crate::ir::NoteKind::Tolerated,
            pointer: at.to_string(),
            message: "the request body has no media type: the operation takes raw bytes, sent as application/octet-stream".to_owned(),
        });
        return Ok(Body {
            ty: TypeRef::Bytes,
            media: Media::Bytes("application/octet-stream".to_owned()),
            required: body.required,
            docs: body.description.clone(),
            content_type: None,
            form_encoding: Vec::new(),
            parts: Vec::new(),
        });
    };
    let content_at = at.push("content").push(media_type);
    let at = content_at.push("schema");
    let hint = format!("{id} body");
    let mut lowered = Body {
        ty: TypeRef::Json,
        media: media.clone(),
        required: body.required,
        docs: body.description.clone(),
        content_type: None,
        form_encoding: Vec::new(),
        parts: Vec::new(),
    };
    match (&media, &content.schema) {
        (Media::Text(_), _) => lowered.ty = TypeRef::String,
        (Media::Bytes(_), _) => lowered.ty = TypeRef::Bytes,
        (Media::Json | Media::Form | Media::Multipart, None) => {}
        (Media::Json, Some(schema)) => {
            lowered.ty = types::lower_schema(cx, schema, &hint, &at)?;
            let essence = essence(media_type);
            if essence != "application/json" && !essence.contains('*') {
                lowered.content_type = Some(header_safe(media_type, &content_at)?);
            }
        }
        (Media::Form, Some(schema)) => {
            lowered.ty = types::lower_schema(cx, schema, &hint, &at)?;
            for (property, encoding) in &content.encoding {
                // `explode` reads as `false` when absent, so only a property whose `style` is set
                // has its own encoding; the others keep `form`, exploded.
                if let Some(style) = &encoding.style {
                    lowered.form_encoding.push(FormEncoding {
                        property: property.clone(),
                        style: query_style(style),
                        explode: encoding.explode,
                    });
                }
            }
        }
        (Media::Multipart, Some(schema)) => {
            let ty = types::lower_schema(cx, schema, &hint, &at)?;
            match typed_form(cx, id, schema, &ty, content, &at)? {
                Some((ty, parts)) => {
                    lowered.ty = ty;
                    lowered.parts = parts;
                }
                // Not an object: the caller builds the form part by part.
                None => lowered.ty = ty,
            }
        }
    }
    Ok(lowered)
}

/// A multipart body whose schema is an object (a struct): the struct to take, with its binary
/// properties as bytes, and how each field becomes parts. `None` when the schema is not an object.
fn typed_form(
    cx: &mut Lowerer<'_>,
    id: &str,
    schema: &ReferenceOr<Schema>,
    ty: &TypeRef,
    content: &openapiv3::MediaType,
    at: &Pointer,
) -> Result<Option<(TypeRef, Vec<FormPart>)>, Error> {
    // Through aliases (a single-member `allOf`) to the struct.
    let mut name = match ty {
        TypeRef::Named(name) => name.clone(),
        _ => return Ok(None),
    };
    for _ in 0..32 {
        match cx.types.get(&name).map(|t| &t.kind) {
            Some(TypeKind::Alias(TypeRef::Named(next))) => name = next.clone(),
            _ => break,
        }
    }
    let Some(TypeDef {
        kind: TypeKind::Struct(fields),
        ..
    }) = cx.types.get(&name)
    else {
        return Ok(None);
    };
    let binary = binary_properties(cx, schema, 0);
    let binary_fields: Vec<(usize, PartKind)> = fields
        .fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| binary.get(&f.wire_name).map(|k| (i, *k)))
        .collect();
    let mut def = cx.types[&name].clone();
    if !binary_fields.is_empty() {
        // Binary properties are bytes here. A type made for this body alone is changed in place;
        // a shared one (a component) is copied under the body's own name.
        let own =
            matches!(ty, TypeRef::Named(n) if *n == name) && matches!(schema, ReferenceOr::Item(_));
        if !own {
            def.name = cx.claim_type_name(&format!("{id} body"), at);
            def.origin = at.to_string();
        }
        if let TypeKind::Struct(s) = &mut def.kind {
            for (i, kind) in &binary_fields {
                if let Some(field) = s.fields.get_mut(*i) {
                    field.ty = match kind {
                        PartKind::Files => TypeRef::List(Box::new(TypeRef::Bytes)),
                        _ => TypeRef::Bytes,
                    };
                }
            }
        }
        cx.define(def.clone());
    }
    let TypeKind::Struct(s) = &def.kind else {
        return Ok(None);
    };
    let parts = s
        .fields
        .iter()
        .map(|f| {
            let kind = binary.get(&f.wire_name).copied().unwrap_or(PartKind::Value);
            let content_type = match kind {
                PartKind::Value => None,
                PartKind::File | PartKind::Files => Some(
                    content
                        .encoding
                        .get(&f.wire_name)
                        .and_then(|e| e.content_type.as_deref())
                        .and_then(|ct| ct.split(',').next())
                        .map(str::trim)
                        .filter(|ct| !ct.contains('*') && header_safe(ct, at).is_ok())
                        .unwrap_or("application/octet-stream")
                        .to_owned(),
                ),
            };
            FormPart {
                field: f.name.clone(),
                wire_name: f.wire_name.clone(),
                kind,
                required: f.required,
                nullable: f.nullable,
                deprecated: f.deprecated,
                content_type,
            }
        })
        .collect();
    Ok(Some((TypeRef::Named(def.name.clone()), parts)))
}

/// The properties of an object schema (and of its `allOf` members) that are `format: binary`
/// strings, or arrays of them.
fn binary_properties(
    cx: &Lowerer<'_>,
    schema: &ReferenceOr<Schema>,
    depth: usize,
) -> BTreeMap<String, PartKind> {
    let mut out = BTreeMap::new();
    let Some(schema) = resolve(cx, schema) else {
        return out;
    };
    if depth > 16 {
        return out;
    }
    let (properties, all_of) = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => (&o.properties, None),
        SchemaKind::Any(any) => (&any.properties, Some(&any.all_of)),
        SchemaKind::AllOf { all_of } => {
            for member in all_of {
                out.extend(binary_properties(cx, member, depth + 1));
            }
            return out;
        }
        _ => return out,
    };
    for (name, property) in properties {
        let property = match property {
            ReferenceOr::Item(s) => Some(&**s),
            ReferenceOr::Reference { reference } => types::referenced(cx, reference),
        };
        let Some(property) = property else { continue };
        if is_binary_schema(property) {
            out.insert(name.clone(), PartKind::File);
        } else if let SchemaKind::Type(Type::Array(a)) = &property.schema_kind {
            let items = a.items.as_ref().and_then(|i| match i {
                ReferenceOr::Item(s) => Some(&**s),
                ReferenceOr::Reference { reference } => types::referenced(cx, reference),
            });
            if items.is_some_and(is_binary_schema) {
                out.insert(name.clone(), PartKind::Files);
            }
        }
    }
    for member in all_of.into_iter().flatten() {
        out.extend(binary_properties(cx, member, depth + 1));
    }
    out
}

/// A schema, or the component it refers to.
fn resolve<'a>(cx: &Lowerer<'a>, schema: &'a ReferenceOr<Schema>) -> Option<&'a Schema> {
    match schema {
        ReferenceOr::Item(s) => Some(s),
        ReferenceOr::Reference { reference } => types::referenced(cx, reference),
    }
}

/// `type: string, format: binary`.
fn is_binary_schema(schema: &Schema) -> bool {
    matches!(&schema.schema_kind, SchemaKind::Type(Type::String(s))
        if matches!(&s.format, VariantOrUnknownOrEmpty::Item(StringFormat::Binary)))
}

/// A media type without parameters, in lower case.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// A media type as a header value: visible ASCII only, else an error at `at`.
fn header_safe(media_type: &str, at: &Pointer) -> Result<String, Error> {
    if !media_type.is_empty() && media_type.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Ok(media_type.trim().to_owned())
    } else {
        Err(at.invalid(format!(
            "media type {media_type:?} cannot be sent as a Content-Type"
        )))
    }
}

/// The media type a body is sent or read as: JSON when offered (a JSON schema under `*/*` or
/// `application/*` counts, after an explicit JSON type), then forms (URL-encoded, multipart), text
/// and bytes.
fn choose_content<'c>(
    cx: &Lowerer<'_>,
    content: &'c openapiv3::Content,
) -> Option<(&'c String, &'c openapiv3::MediaType, Media)> {
    let rank = |m: &str, media: &openapiv3::MediaType| {
        let m = essence(m);
        let binary = media
            .schema
            .as_ref()
            .and_then(|s| resolve(cx, s))
            .is_some_and(is_binary_schema);
        if m == "application/json" || m.ends_with("+json") {
            (0, Media::Json)
        } else if (m == "*/*" || m == "application/*") && !binary {
            (1, Media::Json)
        } else if m == "application/x-www-form-urlencoded" {
            (2, Media::Form)
        } else if m == "multipart/form-data" {
            (3, Media::Multipart)
        } else if m.starts_with("text/")
            || m == "application/yaml"
            || m == "application/x-yaml"
            || m.starts_with("application/logplex")
        {
            // `text/*` (or something that is no media type) is not a Content-Type to send.
            let m = if m.contains('*') || m.bytes().any(|b| !(0x21..0x7f).contains(&b)) {
                "text/plain".to_owned()
            } else {
                m
            };
            (4, Media::Text(m))
        } else if m.contains('*') || m.bytes().any(|b| !(0x21..0x7f).contains(&b)) {
            // A wildcard (or something that is no media type) is not a Content-Type to send.
            (5, Media::Bytes("application/octet-stream".to_owned()))
        } else {
            (5, Media::Bytes(m))
        }
    };
    content
        .iter()
        .map(|(k, v)| (k, v, rank(k, v)))
        .min_by_key(|(_, _, (r, _))| *r)
        .map(|(k, v, (_, media))| (k, v, media))
}

fn query_style(style: &QueryStyle) -> ParamStyle {
    match style {
        QueryStyle::Form => ParamStyle::Form,
        QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
        QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
        QueryStyle::DeepObject => ParamStyle::DeepObject,
    }
}

/// Whether a type has a textual form of its own (the runtime's `ParamValue`): scalars, and enums
/// (which are given one when used as parameters).
fn shape(cx: &Lowerer<'_>, ty: &TypeRef) -> ParamShape {
    let scalar = |ty: &TypeRef| match ty {
        TypeRef::String
        | TypeRef::Uuid
        | TypeRef::DateTime
        | TypeRef::Date
        | TypeRef::Bool
        | TypeRef::I32
        | TypeRef::I64
        | TypeRef::F32
        | TypeRef::F64 => true,
        TypeRef::Named(name) => match cx.types.get(name).map(|t| &t.kind) {
            Some(TypeKind::Enum(_) | TypeKind::IntEnum(_)) => true,
            // An alias of a scalar is the scalar (an alias of an enum is not marked as a parameter).
            Some(TypeKind::Alias(inner)) => matches!(
                inner,
                TypeRef::String
                    | TypeRef::Uuid
                    | TypeRef::DateTime
                    | TypeRef::Date
                    | TypeRef::Bool
                    | TypeRef::I32
                    | TypeRef::I64
                    | TypeRef::F32
                    | TypeRef::F64
            ),
            _ => false,
        },
        _ => false,
    };
    match ty {
        TypeRef::List(inner) if scalar(inner) => ParamShape::ScalarList,
        ty if scalar(ty) => ParamShape::Scalar,
        _ => ParamShape::Structured,
    }
}

/// Whether a type is an array (directly or through aliases).
fn is_list(cx: &Lowerer<'_>, ty: &TypeRef) -> bool {
    let mut ty = ty;
    for _ in 0..32 {
        match ty {
            TypeRef::List(_) => return true,
            TypeRef::Named(name) => match cx.types.get(name).map(|t| &t.kind) {
                Some(TypeKind::Alias(inner)) => ty = inner,
                _ => return false,
            },
            _ => return false,
        }
    }
    false
}

fn lower_params(
    cx: &mut Lowerer<'_>,
    id: &str,
    path: &str,
    item: &PathItem,
    op: &SpecOperation,
    pointer: &Pointer,
) -> Result<Vec<Param>, Error> {
    // Path-level parameters apply unless the operation redefines the same name and location.
    let mut resolved: Vec<(Pointer, &Parameter)> = Vec::new();
    let path_pointer = Pointer::root().push("paths").push(path).push("parameters");
    for (i, p) in item.parameters.iter().enumerate() {
        let at = path_pointer.push(i.to_string());
        resolved.push((at.clone(), refs::parameter(cx.spec, p, at.as_str())?));
    }
    for (i, p) in op.parameters.iter().enumerate() {
        let at = pointer.push("parameters").push(i.to_string());
        let p = refs::parameter(cx.spec, p, at.as_str())?;
        let key = (location_name(p), &p.parameter_data_ref().name);
        if let Some(slot) = resolved
            .iter_mut()
            .find(|(_, q)| (location_name(q), &q.parameter_data_ref().name) == key)
        {
            *slot = (at, p);
        } else {
            resolved.push((at, p));
        }
    }
    // Builder fields sit beside the client handle; setters beside `send`.
    let mut namer = Namer::with_reserved(names::BUILDER_MEMBERS);
    let template_names = template_params(path, pointer)?;
    let mut params = Vec::new();
    for (at, p) in &resolved {
        let data = p.parameter_data_ref();
        let (location, style) = match p {
            Parameter::Path { style, .. } => (
                ParamLocation::Path,
                match style {
                    PathStyle::Simple => ParamStyle::Simple,
                    PathStyle::Label => ParamStyle::Label,
                    PathStyle::Matrix => ParamStyle::Matrix,
                },
            ),
            Parameter::Query {
                style,
                allow_reserved,
                ..
            } => {
                if *allow_reserved {
                    cx.diagnostics.push(Diagnostic {
                        kind: crate::ir::NoteKind::Skipped,
                        pointer: at.push("allowReserved").to_string(),
                        message: "allowReserved is not followed: reserved characters are percent-encoded like any other (servers decode both alike)".to_owned(),
                    });
                }
                (ParamLocation::Query, query_style(style))
            }
            Parameter::Header { .. } => (ParamLocation::Header, ParamStyle::Simple),
            Parameter::Cookie { .. } => (ParamLocation::Cookie, ParamStyle::Form),
        };
        // `explode` defaults to `true` for `form` only.
        let explode = data.explode.unwrap_or(style == ParamStyle::Form);
        if location == ParamLocation::Header
            && ["accept", "content-type", "authorization"]
                .contains(&data.name.to_ascii_lowercase().as_str())
        {
            cx.diagnostics.push(Diagnostic {
                kind: crate::ir::NoteKind::Skipped,
                pointer: at.push("name").to_string(),
                message: format!(
                    "header parameter `{}` is ignored, as OpenAPI says (the client sets it)",
                    data.name
                ),
            });
            continue;
        }
        if location == ParamLocation::Path {
            if !data.required {
                return Err(at
                    .push("required")
                    .invalid("path parameters must be required"));
            }
            if !template_names.contains(&data.name) {
                return Err(at.push("name").invalid(format!(
                    "path parameter `{}` does not appear in the path `{path}`",
                    data.name
                )));
            }
        }
        let (schema, schema_at, json_content) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => (schema, at.push("schema"), false),
            ParameterSchemaOrContent::Content(content) => {
                let mut entries = content.iter();
                let (Some((media_type, media)), None) = (entries.next(), entries.next()) else {
                    return Err(at
                        .push("content")
                        .invalid("a parameter's `content` must have exactly one media type"));
                };
                let media_at = at.push("content").push(media_type);
                let m = essence(media_type);
                let json = m == "application/json" || m.ends_with("+json");
                if m == "*/*" {
                    cx.diagnostics.push(Diagnostic {
                        kind: crate::ir::NoteKind::Tolerated,
                        pointer: media_at.to_string(),
                        message: "a parameter encoded as */* (any media type) is sent as text, as text/plain would be".to_owned(),
                    });
                } else if !json && m != "text/plain" {
                    return Err(media_at.unsupported(format!(
                        "a parameter encoded as {media_type} (only JSON and plain text can be)"
                    )));
                }
                if json && matches!(location, ParamLocation::Path | ParamLocation::Cookie) {
                    return Err(media_at.unsupported(format!(
                        "a {} parameter described by JSON `content` (only query and header ones can be)",
                        location_name(p)
                    )));
                }
                let Some(schema) = &media.schema else {
                    return Err(media_at
                        .push("schema")
                        .invalid("a parameter's media type needs a schema"));
                };
                (schema, media_at.push("schema"), json)
            }
        };
        let ty = types::lower_schema(cx, schema, &format!("{id} {}", data.name), &schema_at)?;
        let shape = shape(cx, &ty);
        let deep_arrays = if json_content {
            None
        } else {
            check_style(cx, &ty, shape, style, at)?
        };
        let (default, example) = match schema {
            ReferenceOr::Item(s) => (
                s.schema_data.default.clone(),
                data.example
                    .clone()
                    .or_else(|| s.schema_data.example.clone()),
            ),
            ReferenceOr::Reference { .. } => (None, data.example.clone()),
        };
        let int_default = default.as_ref().and_then(serde_json::Value::as_i64);
        let docs = docs::join(&[
            data.description.clone(),
            docs::default(default.as_ref()),
            docs::example(example.as_ref()),
        ]);
        let name = namer.claim(
            names::field_name(&data.name),
            &data.name,
            at.as_str(),
            &mut cx.diagnostics,
        );
        params.push(Param {
            name,
            wire_name: data.name.clone(),
            location,
            ty,
            required: data.required,
            explode,
            style,
            shape,
            json_content,
            deep_arrays,
            int_default,
            docs,
            example,
            default,
            deprecated: data.deprecated.unwrap_or(false),
        });
    }
    // A name the template has but no parameter defines is still a segment the caller must give:
    // a required string, as an undescribed path parameter would be.
    for wire in &template_names {
        if params
            .iter()
            .any(|p| p.location == ParamLocation::Path && &p.wire_name == wire)
        {
            continue;
        }
        let name = namer.claim(
            names::field_name(wire),
            wire,
            pointer.as_str(),
            &mut cx.diagnostics,
        );
        cx.diagnostics.push(Diagnostic {
            kind: crate::ir::NoteKind::Tolerated,
            pointer: pointer.to_string(),
            message: format!(
                "the path `{path}` names `{{{wire}}}`, which no path parameter defines: it is a required string parameter `{name}`"
            ),
        });
        params.push(Param {
            name,
            wire_name: wire.clone(),
            location: ParamLocation::Path,
            ty: TypeRef::String,
            required: true,
            explode: false,
            style: ParamStyle::Simple,
            shape: ParamShape::Scalar,
            json_content: false,
            deep_arrays: None,
            int_default: None,
            docs: None,
            example: None,
            default: None,
            deprecated: false,
        });
    }
    // Path parameters become the first positional arguments, in the order the path names them.
    params.sort_by_key(|p| match p.location {
        ParamLocation::Path => template_names
            .iter()
            .position(|n| n == &p.wire_name)
            .unwrap_or(0),
        _ => usize::MAX,
    });
    Ok(params)
}

/// Refuses the styles the spec does not define for the parameter's type: `deepObject` serializes
/// objects, `spaceDelimited` and `pipeDelimited` arrays and objects. (A union or free-form value is
/// only known when it is sent, and the runtime encodes whatever it is.) `deepObject` on an array,
/// which real APIs use (Stripe's `expand`), is tolerated: its items go under their indexes
/// (`name[0]=a&name[1]=b`) unless the configuration chooses another form, which this returns.
fn check_style(
    cx: &mut Lowerer<'_>,
    ty: &TypeRef,
    shape: ParamShape,
    style: ParamStyle,
    at: &Pointer,
) -> Result<Option<DeepArrays>, Error> {
    let list = is_list(cx, ty);
    let scalar = !list && shape == ParamShape::Scalar;
    match style {
        ParamStyle::DeepObject if list => {
            cx.diagnostics.push(Diagnostic {
                kind: crate::ir::NoteKind::Tolerated,
                pointer: at.push("style").to_string(),
                message: "style deepObject for an array, which OpenAPI leaves undefined: its items are sent under their indexes (`name[0]=a&name[1]=b`) unless the configuration's `deep_object_arrays` chooses another form".to_owned(),
            });
            Ok(Some(DeepArrays::Indexed))
        }
        ParamStyle::DeepObject if scalar => Err(at
            .push("style")
            .unsupported("style deepObject for a scalar (it serializes objects and arrays only)")),
        ParamStyle::SpaceDelimited | ParamStyle::PipeDelimited if scalar => {
            Err(at.push("style").unsupported(format!(
                "style {} for a scalar (it serializes arrays and objects only)",
                if style == ParamStyle::SpaceDelimited {
                    "spaceDelimited"
                } else {
                    "pipeDelimited"
                }
            )))
        }
        _ => Ok(None),
    }
}

fn location_name(p: &Parameter) -> &'static str {
    match p {
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Path { .. } => "path",
        Parameter::Cookie { .. } => "cookie",
    }
}

/// The `{name}`s of a path template, in order.
pub(crate) fn template_params(path: &str, pointer: &Pointer) -> Result<Vec<String>, Error> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let end = after
            .find('}')
            .ok_or_else(|| pointer.invalid(format!("unclosed `{{` in path `{path}`")))?;
        let name = &after[..end];
        if name.is_empty() || name.contains('{') {
            return Err(pointer.invalid(format!("malformed template parameter in path `{path}`")));
        }
        names.push(name.to_owned());
        rest = &after[end + 1..];
    }
    if rest.contains('}') {
        return Err(pointer.invalid(format!("unmatched `}}` in path `{path}`")));
    }
    Ok(names)
}

fn lower_responses(
    cx: &mut Lowerer<'_>,
    id: &str,
    op: &SpecOperation,
    pointer: &Pointer,
) -> Result<Vec<Response>, Error> {
    let mut out = Vec::new();
    let mut entries: Vec<(Status, &ReferenceOr<openapiv3::Response>)> = op
        .responses
        .responses
        .iter()
        .map(|(code, r)| (status(code), r))
        .collect();
    if let Some(default) = &op.responses.default {
        entries.push((Status::Default, default));
    }
    entries.sort_by_key(|(status, _)| *status);
    for (status, response) in entries {
        let at = pointer.push("responses").push(status.to_string());
        let response = refs::response(cx.spec, response, at.as_str())?;
        let (ty, media) = match choose_content(cx, &response.content) {
            None => (None, None),
            Some((media_type, content, media)) => {
                let at = at.push("content").push(media_type).push("schema");
                // A URL-encoded form response is read as text.
                let media = match media {
                    Media::Form => Media::Text(essence(media_type)),
                    media => media,
                };
                let ty = match (&media, &content.schema) {
                    (Media::Json | Media::Multipart, Some(schema)) => {
                        types::lower_schema(cx, schema, &format!("{id} response {status}"), &at)?
                    }
                    (Media::Json | Media::Multipart | Media::Form, None) => TypeRef::Json,
                    (Media::Form, Some(_)) | (Media::Text(_), _) => TypeRef::String,
                    (Media::Bytes(_), _) => TypeRef::Bytes,
                };
                // A multipart response is read as raw bytes: the runtime does not parse multipart.
                match media {
                    Media::Multipart => (
                        Some(TypeRef::Bytes),
                        Some(Media::Bytes("multipart/form-data".to_owned())),
                    ),
                    media => (Some(ty), Some(media)),
                }
            }
        };
        out.push(Response {
            status,
            description: response.description.clone(),
            ty,
            media,
        });
    }
    Ok(out)
}

fn status(code: &StatusCode) -> Status {
    match code {
        StatusCode::Code(code) => Status::Code(*code),
        StatusCode::Range(class) => Status::Range(*class),
    }
}

/// The body type of the 2xx responses (or of `default` when no 2xx is documented); `None` when
/// success has no body. When 2xx statuses document different bodies, a union named
/// `<Operation>Response` with a `Status<code>` variant per status is defined, and the by-status
/// list tells the emitter which body to decode for which status.
#[allow(clippy::type_complexity)]
fn success_type(
    cx: &mut Lowerer<'_>,
    id: &str,
    responses: &[Response],
    pointer: &Pointer,
) -> Result<(Option<(TypeRef, Media)>, Vec<StatusBody>), Error> {
    let has_2xx = responses.iter().any(|r| r.status.is_success());
    let successes: Vec<&Response> = responses
        .iter()
        .filter(|r| {
            if has_2xx {
                r.status.is_success()
            } else {
                r.status == Status::Default
            }
        })
        .collect();
    let bodies: Vec<(&Response, &TypeRef, &Media)> = successes
        .iter()
        .filter_map(|r| Some((*r, r.ty.as_ref()?, r.media.as_ref()?)))
        .collect();
    let Some(&(_, first_ty, first_media)) = bodies.first() else {
        return Ok((None, Vec::new()));
    };
    if bodies
        .iter()
        .all(|(_, t, m)| *t == first_ty && *m == first_media)
    {
        return Ok((Some((first_ty.clone(), first_media.clone())), Vec::new()));
    }
    let mut by_status = Vec::new();
    let mut variants = Vec::new();
    for (r, ty, media) in &bodies {
        let Status::Code(code) = r.status else {
            return Err(pointer
                .push("responses")
                .push(r.status.to_string())
                .unsupported("a status range among success responses with different bodies"));
        };
        let name = format!("Status{code}");
        variants.push(crate::ir::UnionVariant {
            name: name.clone(),
            ty: (*ty).clone(),
        });
        by_status.push(StatusBody {
            status: code,
            variant: name,
            ty: (*ty).clone(),
            media: (*media).clone(),
        });
    }
    let union_name = cx.claim_type_name(&format!("{id} response"), pointer);
    cx.define(crate::ir::TypeDef {
        name: union_name.clone(),
        origin: pointer.push("responses").to_string(),
        docs: Some(format!(
            "The body of a successful `{id}`, which depends on the status."
        )),
        group: super::COMMON_GROUP.to_owned(),
        users: Default::default(),
        kind: crate::ir::TypeKind::Union(crate::ir::Union {
            variants,
            discriminator: None,
        }),
    });
    Ok((Some((TypeRef::Named(union_name), Media::Json)), by_status))
}

fn preview_note(op: &SpecOperation) -> Option<String> {
    match op.extensions.get("x-unstable")? {
        serde_json::Value::String(note) => Some(note.clone()),
        serde_json::Value::Bool(false) | serde_json::Value::Null => None,
        _ => Some("This endpoint is in Preview.".to_owned()),
    }
}

/// The operation's own servers: its `servers`, else its path's; empty when it uses the API's.
fn own_servers(
    cx: &mut Lowerer<'_>,
    op: &SpecOperation,
    item: &PathItem,
    path: &str,
    pointer: &Pointer,
) -> Vec<crate::ir::Server> {
    let (servers, at) = if !op.servers.is_empty() {
        (&op.servers, pointer.push("servers"))
    } else {
        (
            &item.servers,
            Pointer::root().push("paths").push(path).push("servers"),
        )
    };
    let lowered = super::servers::lower_servers(servers);
    super::servers::server_notes(&lowered, at.as_str(), &mut cx.diagnostics);
    lowered
}

/// The parameters `x-pagination` names (`limitParam`, `pageParam`, `pageOffsetParam`, …).
fn pagination_params(op: &SpecOperation) -> Vec<String> {
    match op
        .extensions
        .get("x-pagination")
        .and_then(|p| p.as_object())
    {
        Some(p) => p
            .iter()
            .filter(|(k, _)| k.ends_with("Param"))
            .filter_map(|(_, v)| v.as_str().map(str::to_owned))
            .collect(),
        None => Vec::new(),
    }
}

fn permissions(op: &SpecOperation) -> Vec<String> {
    op.extensions
        .get("x-permission")
        .and_then(|p| p.get("permissions"))
        .and_then(|p| p.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn scopes(cx: &Lowerer<'_>, op: &SpecOperation) -> Vec<String> {
    let requirements = op.security.as_ref().or(cx.spec.security.as_ref());
    let schemes = cx.spec.components.as_ref().map(|c| &c.security_schemes);
    let is_oauth = |name: &str| {
        matches!(
            schemes.and_then(|s| s.get(name)),
            Some(ReferenceOr::Item(openapiv3::SecurityScheme::OAuth2 { .. }))
        )
    };
    let mut out: Vec<String> = requirements
        .into_iter()
        .flatten()
        .flat_map(|req| req.iter())
        .filter(|(name, _)| is_oauth(name))
        .flat_map(|(_, scopes)| scopes.iter().cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_params_in_order() {
        let p = Pointer::root();
        assert_eq!(
            template_params("/a/{x}/b/{y_z}", &p).unwrap(),
            vec!["x", "y_z"]
        );
        assert!(template_params("/a/{x", &p).is_err());
        assert!(template_params("/a/{}", &p).is_err());
        assert!(template_params("/a/x}", &p).is_err());
    }
}
