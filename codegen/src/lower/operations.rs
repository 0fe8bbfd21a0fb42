//! Paths and operations → operation records, grouped into one module per tag.

use super::{docs, refs, types, Lowerer};
use crate::error::{Error, Pointer};
use crate::ir::{
    Body, Media, Method, Module, Operation, Param, ParamLocation, Response, Status, StatusBody,
    TypeRef,
};
use crate::names::{self, Namer};
use openapiv3::{
    Operation as SpecOperation, Parameter, ParameterSchemaOrContent, PathItem, QueryStyle,
    ReferenceOr, StatusCode,
};
use std::collections::BTreeMap;

/// Methods the generated client and builders define themselves.
const RESERVED_METHODS: &[&str] = &[
    "builder",
    "clone",
    "from_env",
    "send",
    "send_with_response",
    "with_options",
];

/// Lowers every operation, grouped by the module of its first tag.
pub(crate) fn lower_all(cx: &mut Lowerer<'_>) -> Result<BTreeMap<String, Module>, Error> {
    let spec = cx.spec;
    let mut modules: BTreeMap<String, Module> = BTreeMap::new();
    let mut module_names: BTreeMap<String, String> = BTreeMap::new();
    let mut module_namer = Namer::with_reserved(&["mod", "common"]);
    let mut method_namer = Namer::with_reserved(RESERVED_METHODS);
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
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
            let id = op
                .operation_id
                .clone()
                .ok_or_else(|| pointer.invalid("operation has no operationId"))?;
            if let Some(first) = ids.insert(id.clone(), pointer.to_string()) {
                return Err(pointer
                    .push("operationId")
                    .invalid(format!("operationId `{id}` is also used at `{first}`")));
            }
            let tag = op
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "default".to_owned());
            let module = match module_names.get(&tag) {
                Some(m) => m.clone(),
                None => {
                    let m = module_namer.claim(
                        names::module_name(&tag),
                        &tag,
                        pointer.push("tags").as_str(),
                        &mut cx.diagnostics,
                    );
                    module_names.insert(tag.clone(), m.clone());
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
                    tag: tag.clone(),
                    description: tag_description(cx, &tag),
                    operations: Vec::new(),
                })
                .operations
                .push(lowered);
        }
    }
    Ok(modules)
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
        Some(body) => {
            let at = pointer.push("requestBody");
            let body = refs::request_body(cx.spec, body, at.as_str())?;
            let (media_type, content, media) = choose_content(&body.content).ok_or_else(|| {
                at.push("content")
                    .invalid("a request body needs at least one media type")
            })?;
            let at = at.push("content").push(media_type).push("schema");
            let ty = match (&media, &content.schema) {
                (Media::Json | Media::Multipart, Some(schema)) => {
                    types::lower_schema(cx, schema, &format!("{id} body"), &at)?
                }
                (Media::Json | Media::Multipart, None) => TypeRef::Json,
                (Media::Text(_), _) => TypeRef::String,
                (Media::Bytes(_), _) => TypeRef::Bytes,
            };
            Some(Body {
                ty,
                media,
                required: body.required,
                docs: body.description.clone(),
            })
        }
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

/// The media type a body is sent or read as: JSON when offered, then multipart, text and bytes.
fn choose_content(content: &openapiv3::Content) -> Option<(&String, &openapiv3::MediaType, Media)> {
    let essence = |m: &str| {
        m.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    };
    let rank = |m: &str| {
        let m = essence(m);
        if m == "application/json" || m.ends_with("+json") {
            (0, Media::Json)
        } else if m == "multipart/form-data" {
            (1, Media::Multipart)
        } else if m.starts_with("text/")
            || m == "application/yaml"
            || m == "application/x-yaml"
            || m.starts_with("application/logplex")
        {
            (2, Media::Text(m))
        } else {
            (3, Media::Bytes(m))
        }
    };
    content
        .iter()
        .map(|(k, v)| (k, v, rank(k)))
        .min_by_key(|(_, _, (r, _))| *r)
        .map(|(k, v, (_, media))| (k, v, media))
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
    let mut namer = Namer::with_reserved(&[
        "client",
        "body",
        "options",
        "send",
        "send_with_response",
        "with_options",
        "paginate",
        "pages",
        "into_stream",
        "collect_all",
    ]);
    let template_names = template_params(path, pointer)?;
    let mut params = Vec::new();
    for (at, p) in &resolved {
        let data = p.parameter_data_ref();
        let (location, explode) = match p {
            Parameter::Path { .. } => (ParamLocation::Path, false),
            Parameter::Query {
                style,
                parameter_data,
                ..
            } => {
                if !matches!(style, QueryStyle::Form) {
                    return Err(at
                        .push("style")
                        .unsupported(format!("query parameter style {style:?}")));
                }
                (ParamLocation::Query, parameter_data.explode.unwrap_or(true))
            }
            Parameter::Header { .. } => (ParamLocation::Header, false),
            Parameter::Cookie { .. } => return Err(at.unsupported("cookie parameters")),
        };
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
        let schema = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => schema,
            ParameterSchemaOrContent::Content(_) => {
                return Err(at
                    .push("content")
                    .unsupported("parameters described by `content`"))
            }
        };
        let ty = types::lower_schema(
            cx,
            schema,
            &format!("{id} {}", data.name),
            &at.push("schema"),
        )?;
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
            int_default,
            docs,
            deprecated: data.deprecated.unwrap_or(false),
        });
    }
    for name in &template_names {
        if !params
            .iter()
            .any(|p| p.location == ParamLocation::Path && &p.wire_name == name)
        {
            return Err(pointer.push("parameters").invalid(format!(
                "path template `{path}` names `{{{name}}}` but no path parameter defines it"
            )));
        }
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
        let (ty, media) = match choose_content(&response.content) {
            None => (None, None),
            Some((media_type, content, media)) => {
                let at = at.push("content").push(media_type).push("schema");
                let ty = match (&media, &content.schema) {
                    (Media::Json | Media::Multipart, Some(schema)) => {
                        types::lower_schema(cx, schema, &format!("{id} response {status}"), &at)?
                    }
                    (Media::Json | Media::Multipart, None) => TypeRef::Json,
                    (Media::Text(_), _) => TypeRef::String,
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
