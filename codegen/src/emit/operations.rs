//! Operation records → one file per tag: a `Client` method and a request builder per operation.
//!
//! The builders are glue: they collect typed arguments, encode them into a runtime `Request` and
//! hand it to the runtime's single `execute` path (Preview checks, auth, tracing, error mapping);
//! the runtime's `RawResponse` then decodes the body.

use super::docs::{code_span, doc_attrs, inline, inner_doc_attrs, own_doc_attrs};
use super::models::collect_named;
use super::types::{ident, path_tokens, type_tokens};
use crate::config::DeepArrays;
use crate::ir::{
    Body, Media, Module, Operation, Param, ParamLocation, ParamShape, ParamStyle, PartKind,
    TypeDef, TypeRef,
};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// The contents of one operations file. `krate` is the path users name the generated crate by,
/// for the doc examples.
pub(crate) fn operations_file(
    module: &Module,
    types: &BTreeMap<String, TypeDef>,
    runtime: &str,
    krate: &str,
) -> TokenStream {
    let mut heading = match &module.tag {
        Some(tag) => format!("Operations tagged \"{}\".", inline(tag)),
        None => "Operations without a tag.".to_owned(),
    };
    if let Some(d) = &module.description {
        heading.push_str("\n\n");
        heading.push_str(d);
    }
    let heading = inner_doc_attrs(&heading);
    let rt = path_tokens(runtime);
    let mut models = BTreeSet::new();
    for op in &module.operations {
        op.params
            .iter()
            .for_each(|p| collect_named(&p.ty, &mut models));
        op.body
            .iter()
            .filter(|b| b.media != Media::Multipart || !b.parts.is_empty())
            .for_each(|b| collect_named(&b.ty, &mut models));
        op.success
            .iter()
            .for_each(|(t, _)| collect_named(t, &mut models));
        op.success_by_status
            .iter()
            .for_each(|b| collect_named(&b.ty, &mut models));
        op.pagination
            .iter()
            .for_each(|p| collect_named(&p.item, &mut models));
    }
    let models_import = if models.is_empty() {
        quote!()
    } else {
        let models = models.iter().map(|m| ident(m));
        quote!(use super::super::models::{#(#models),*};)
    };
    let methods = module
        .operations
        .iter()
        .map(|op| client_method(op, types, krate));
    let builders = module.operations.iter().map(builder);
    let paginators = module
        .operations
        .iter()
        .filter_map(super::pagination::paginator);
    quote! {
        #heading
        #models_import
        use super::super::Client;
        use #rt as rt;
        use rt::Error;

        impl Client {
            #(#methods)*
        }

        #(#builders)*

        #(#paginators)*
    }
}

/// Rustdoc for the client method: summary, description, HTTP line, preview, permissions, errors.
fn method_docs(op: &Operation) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = &op.summary {
        parts.push(s.trim().to_owned());
    }
    if let Some(d) = &op.description {
        parts.push(d.trim().to_owned());
    }
    parts.push(format!(
        "{} (operation {}).",
        code_span(&format!("{} {}", op.method.as_str(), op.path)),
        code_span(&op.id)
    ));
    if let Some(note) = &op.preview {
        parts.push(format!(
            "**Preview.** {}\n\nThis operation must be enabled first with {} (or `enable_all_previews()`); otherwise it fails with `Error::PreviewNotEnabled` without sending anything.",
            note.trim(),
            code_span(&format!("ClientBuilder::enable_preview({:?})", op.id))
        ));
    }
    match &op.pagination {
        Some(_) => parts.push(format!(
            "Paginated by {}: the request's `into_stream()`, `pages()` and `collect_all(max)` page through every result.",
            code_list(&op.pagination_params)
        )),
        None if !op.pagination_params.is_empty() => {
            parts.push(format!("Paginated by {}.", code_list(&op.pagination_params)));
        }
        None => {}
    }
    if let Some(server) = op.servers.first() {
        parts.push(format!(
            "Served from {} rather than the API's server, whatever the client's base URL (its variables come from the client's server variables); {} sends it elsewhere.",
            code_span(&server.url),
            code_span(&format!("ClientBuilder::operation_base_url({:?}, …)", op.id))
        ));
    }
    if op.security.is_empty() {
        parts.push("Sends no credentials.".to_owned());
    } else {
        let alternatives: Vec<String> = op
            .security
            .iter()
            .map(|a| {
                if a.is_empty() {
                    "none".to_owned()
                } else {
                    code_list(a).replace(", ", " + ")
                }
            })
            .collect();
        parts.push(format!("Authentication: {}.", alternatives.join(", or ")));
    }
    let mut access = Vec::new();
    if !op.permissions.is_empty() {
        access.push(format!("Permission: {}.", code_list(&op.permissions)));
    }
    if !op.scopes.is_empty() {
        access.push(format!("OAuth scope: {}.", code_list(&op.scopes)));
    }
    if !access.is_empty() {
        parts.push(access.join(" "));
    }
    let errors: Vec<String> = op
        .responses
        .iter()
        .filter(|r| !r.status.is_success())
        // A description's later lines are indented into its item.
        .map(|r| {
            format!(
                "- `{}`: {}",
                r.status,
                r.description.trim().replace('\n', "\n  ")
            )
        })
        .collect();
    if !errors.is_empty() {
        parts.push(format!(
            "# Errors\n\nReturns `Error::Api` for these documented statuses (and any other non-2xx status):\n\n{}",
            errors.join("\n")
        ));
    }
    if op.deprecated {
        parts.push("Deprecated by the API.".to_owned());
    }
    parts.join("\n\n")
}

/// A method's name as an intra-doc link names it: rustdoc resolves `Client::fn`, not `Client::r#fn`.
fn link_name(method: &str) -> &str {
    method.strip_prefix("r#").unwrap_or(method)
}

fn code_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| code_span(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The positional arguments of the client method: path parameters, other required parameters, and a
/// required body, in that order.
fn positional(op: &Operation) -> impl Iterator<Item = &Param> {
    op.params.iter().filter(|p| p.required)
}

fn client_method(op: &Operation, types: &BTreeMap<String, TypeDef>, krate: &str) -> TokenStream {
    let docs = doc_attrs(Some(&method_docs(op)));
    // The example is the generator's own text: code, not prose to sanitize.
    let example = own_doc_attrs(&super::examples::example_section(op, types, krate));
    let name = ident(&op.method_name);
    let builder = ident(&op.builder_name);
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for p in positional(op) {
        let pname = ident(&p.name);
        let (arg_ty, convert) = argument(p);
        args.push(quote!(#pname: #arg_ty));
        if pname == convert.to_string() {
            inits.push(quote!(#pname));
        } else {
            inits.push(quote!(#pname: #convert));
        }
    }
    for p in op.params.iter().filter(|p| !p.required) {
        let pname = ident(&p.name);
        inits.push(quote!(#pname: None));
    }
    match &op.body {
        Some(b) if b.required => {
            let ty = body_argument(b);
            args.push(quote!(body: #ty));
            if matches!(b.media, Media::Bytes(_)) {
                inits.push(quote!(body: body.into()));
            } else if b.parts.is_empty() {
                inits.push(quote!(body));
            } else {
                inits.push(quote!(body: #builder::multipart_form(body)));
            }
        }
        Some(_) => inits.push(quote!(body: None)),
        None => {}
    }
    inits.push(quote!(options: Default::default()));
    let deprecated = if op.deprecated {
        quote!(#[deprecated])
    } else {
        quote!()
    };
    // `&self` counts as an argument.
    let allow = if args.len() + 1 > 7 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        quote!()
    };
    quote! {
        #docs
        #[doc = ""]
        #example
        #deprecated
        #allow
        #[inline]
        pub fn #name(&self, #(#args),*) -> #builder {
            #builder { client: self.clone(), #(#inits),* }
        }
    }
}

/// The argument type of a parameter and the expression that stores it in the builder.
fn argument(p: &Param) -> (TokenStream, TokenStream) {
    let name = ident(&p.name);
    match (&p.ty, p.location) {
        // Path segments are text on the wire; any displayable id (a `Uuid`, a `&str`) will do.
        (TypeRef::String | TypeRef::Uuid, ParamLocation::Path) => {
            (quote!(impl std::fmt::Display), quote!(#name.to_string()))
        }
        (TypeRef::String, _) => (quote!(impl Into<String>), quote!(#name.into())),
        (TypeRef::List(inner), _) if **inner == TypeRef::String => (
            quote!(impl IntoIterator<Item = impl Into<String>>),
            quote!(#name.into_iter().map(Into::into).collect()),
        ),
        (TypeRef::List(inner), _) => {
            let inner = type_tokens(inner);
            (
                quote!(impl IntoIterator<Item = #inner>),
                quote!(#name.into_iter().collect()),
            )
        }
        (ty, _) => (type_tokens(ty), quote!(#name)),
    }
}

/// The stored type of a parameter in the builder.
fn stored_type(p: &Param) -> TokenStream {
    let ty = match (&p.ty, p.location) {
        (TypeRef::Uuid, ParamLocation::Path) => quote!(String),
        (ty, _) => type_tokens(ty),
    };
    if p.required {
        ty
    } else {
        quote!(Option<#ty>)
    }
}

fn builder(op: &Operation) -> TokenStream {
    let name = ident(&op.builder_name);
    let doc = format!(
        " A {} request, created by [`Client::{}`]; set optional parameters, then call `send`.",
        code_span(&format!("{} {}", op.method.as_str(), op.path)),
        link_name(&op.method_name)
    );
    let fields = op.params.iter().map(|p| {
        let pname = ident(&p.name);
        let ty = stored_type(p);
        quote!(#pname: #ty,)
    });
    let body_field = op.body.as_ref().map(|b| {
        let ty = stored_body_type(b);
        if b.required {
            quote!(body: #ty,)
        } else {
            quote!(body: Option<#ty>,)
        }
    });
    let setters = op.params.iter().filter(|p| !p.required).map(param_setter);
    let body_setter = op.body.as_ref().filter(|b| !b.required).map(|b| {
        let ty = body_argument(b);
        let docs = doc_attrs(Some(b.docs.as_deref().unwrap_or("The request body.")));
        let value = if matches!(b.media, Media::Bytes(_)) {
            quote!(value.into())
        } else if b.parts.is_empty() {
            quote!(value)
        } else {
            quote!(Self::multipart_form(value))
        };
        quote! {
            #docs
            #[inline]
            pub fn body(mut self, value: #ty) -> Self {
                self.body = Some(#value);
                self
            }
        }
    });
    let form_methods = op
        .body
        .as_ref()
        .filter(|b| !b.parts.is_empty())
        .map(multipart_methods);
    let id = &op.id;
    let method_variant = ident(&heck::ToUpperCamelCase::to_upper_camel_case(
        op.method.as_str().to_ascii_lowercase().as_str(),
    ));
    let path_template = &op.path;
    let preview = op.preview.is_some();
    let servers = super::client::servers_tokens(&op.servers);
    let security = op
        .security
        .iter()
        .map(|alternative| quote!(&[#(#alternative),*]));
    let path_expr = path_expression(op);
    let path_params: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Path && !is_plain_path(p))
        .map(path_statement)
        .collect();
    let query: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
        .map(param_statement)
        .collect();
    let body_stmt = match &op.body {
        Some(b) => {
            // JSON and forms are serialized from a reference; other encodings take the value itself.
            let set = |value: TokenStream| match &b.media {
                Media::Json => match &b.content_type {
                    Some(ct) => quote!(request.json_body_as(#ct, &#value)?;),
                    None => quote!(request.json_body(&#value)?;),
                },
                Media::Form => {
                    let encoding = b.form_encoding.iter().map(|e| {
                        let property = &e.property;
                        let style = query_style_tokens(e.style);
                        let explode = e.explode;
                        quote!((#property, #style, #explode))
                    });
                    quote!(request.form_body(&#value, &[#(#encoding),*])?;)
                }
                Media::Text(ct) => quote!(request.text_body(#ct, #value);),
                Media::Bytes(ct) => quote!(request.upload_body(#ct, #value);),
                Media::Multipart => quote!(request.multipart_body(#value)?;),
            };
            if b.required {
                set(quote!(self.body))
            } else {
                let stmt = set(quote!(body));
                quote! {
                    if let Some(body) = self.body {
                        #stmt
                    }
                }
            }
        }
        None => quote!(),
    };
    let Decoder {
        output,
        decoding,
        value,
        function,
    } = if op.success_by_status.is_empty() {
        single_success(op)
    } else {
        by_status_success(op)
    };
    let future_args = match &decoding {
        Some(d) => quote!(#output, #d),
        None => quote!(#output),
    };
    let send_doc = format!(
        " Sends the request; see [`Client::{}`] for what it returns and its errors.",
        link_name(&op.method_name)
    );
    let send_with_doc =
        " Like `send`, and also returns the HTTP status and headers of the response.";
    // A binary success body is handed over as a stream, not read into memory.
    let streamed =
        op.success_by_status.is_empty() && matches!(op.success, Some((_, Media::Bytes(_))));
    let send_methods = if streamed {
        let stream_doc = " The body is not read into memory: read it as it arrives with \
            [`rt::ByteStream::collect`] (with a size limit), [`rt::ByteStream::write_to`] or \
            [`rt::ByteStream::save`], or as a `Stream` of chunks. The client's body limit does not \
            apply to it; an error status is still returned as an error.";
        quote! {
            #[doc = #send_doc]
            #[doc = ""]
            #[doc = #stream_doc]
            #[inline]
            pub fn send(self) -> rt::StreamBodyFuture {
                self.send_with_response().into_body()
            }

            #[doc = #send_with_doc]
            #[inline]
            pub fn send_with_response(self) -> rt::StreamFuture {
                let client = self.client.runtime().clone();
                client.send_stream(self.into_request())
            }
        }
    } else {
        quote! {
            #[doc = #send_doc]
            #[inline]
            pub fn send(self) -> rt::BodyFuture<#future_args> {
                self.send_with_response().into_body()
            }

            #[doc = #send_with_doc]
            #[inline]
            pub fn send_with_response(self) -> rt::ResponseFuture<#future_args> {
                let client = self.client.runtime().clone();
                client.send(self.into_request(), #value)
            }
        }
    };
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent"]
        pub struct #name {
            client: Client,
            #(#fields)*
            #body_field
            options: rt::RequestOptions,
        }

        impl #name {
            const OPERATION: rt::Operation = rt::Operation {
                id: #id,
                method: rt::Method::#method_variant,
                path_template: #path_template,
                preview: #preview,
                servers: #servers,
                security: &[#(#security),*],
            };

            #(#setters)*
            #body_setter
            #form_methods

            /// Overrides the client's retry and timeout settings for this call.
            #[inline]
            pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
                self.options = options;
                self
            }

            #send_methods

            /// The request, encoded: its path, parameters and body.
            #[inline]
            fn into_request(self) -> Result<rt::Request, Error> {
                let mut request = rt::Request::new(Self::OPERATION, #path_expr);
                request.set_options(self.options);
                #(#path_params)*
                #(#query)*
                #body_stmt
                Ok(request)
            }

            #function
        }
    }
}

fn param_setter(p: &Param) -> TokenStream {
    let docs = doc_attrs(p.docs.as_deref());
    let name = ident(&p.name);
    let (arg_ty, convert) = argument(p);
    let deprecated = if p.deprecated {
        quote!(#[deprecated])
    } else {
        quote!()
    };
    quote! {
        #docs
        #deprecated
        #[inline]
        pub fn #name(mut self, #name: #arg_ty) -> Self {
            self.#name = Some(#convert);
            self
        }
    }
}

/// Whether a path parameter is a scalar in the default `simple` style, which the path expression
/// fills in itself; the others are filled in by `Request::path_param`.
fn is_plain_path(p: &Param) -> bool {
    p.style == ParamStyle::Simple && p.shape == ParamShape::Scalar
}

/// `["/a/", &rt::encode_path_segment(&self.x), "/b"].concat()`, or a plain string without
/// parameters. Parameters in other styles or of other shapes stay as `{name}`, for
/// `Request::path_param` to fill in.
fn path_expression(op: &Operation) -> TokenStream {
    let mut parts: Vec<TokenStream> = Vec::new();
    let mut literal = String::new();
    let mut rest = op.path.as_str();
    while let Some(start) = rest.find('{') {
        literal.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let wire = &after[..end];
        match op
            .params
            .iter()
            .find(|p| p.location == ParamLocation::Path && p.wire_name == wire)
        {
            Some(p) if is_plain_path(p) => {
                if !literal.is_empty() {
                    parts.push(quote!(#literal));
                    literal.clear();
                }
                let pname = ident(&p.name);
                parts.push(match p.ty {
                    TypeRef::String | TypeRef::Uuid => {
                        quote!(&rt::encode_path_segment(&self.#pname))
                    }
                    _ => quote!(&rt::encode_path_param(&self.#pname)),
                });
            }
            _ => {
                literal.push('{');
                literal.push_str(wire);
                literal.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    literal.push_str(rest);
    if parts.is_empty() {
        return quote!(#literal.to_owned());
    }
    if !literal.is_empty() {
        parts.push(quote!(#literal));
    }
    quote!([#(#parts),*].concat())
}

/// `request.path_param("id", &self.id, rt::PathStyle::Label, false)?;`
fn path_statement(p: &Param) -> TokenStream {
    let name = ident(&p.name);
    let wire = &p.wire_name;
    let explode = p.explode;
    let style = match p.style {
        ParamStyle::Label => quote!(rt::PathStyle::Label),
        ParamStyle::Matrix => quote!(rt::PathStyle::Matrix),
        _ => quote!(rt::PathStyle::Simple),
    };
    let require = require_items(p);
    quote! {
        #require
        request.path_param(#wire, &self.#name, #style, #explode)?;
    }
}

/// For a required array parameter, the statement that refuses an empty list before anything is
/// sent: `required` means the parameter is present, and an empty list has no form on the wire
/// (a `content: application/json` parameter sends `[]`, so it needs none).
fn require_items(p: &Param) -> Option<TokenStream> {
    if !p.required || p.json_content || !matches!(p.ty, TypeRef::List(_)) {
        return None;
    }
    let name = ident(&p.name);
    let wire = &p.wire_name;
    Some(quote!(request.require_items(#wire, &self.#name)?;))
}

fn query_style_tokens(style: ParamStyle) -> TokenStream {
    match style {
        ParamStyle::SpaceDelimited => quote!(rt::QueryStyle::SpaceDelimited),
        ParamStyle::PipeDelimited => quote!(rt::QueryStyle::PipeDelimited),
        ParamStyle::DeepObject => quote!(rt::QueryStyle::DeepObject),
        _ => quote!(rt::QueryStyle::Form),
    }
}

/// The statement that adds a query, header or cookie parameter to the request: plain scalars (and
/// arrays of them) in the default style take the runtime's text fast path, the rest are serialized
/// and encoded in their style.
fn param_statement(p: &Param) -> TokenStream {
    let statement = param_value_statement(p);
    match require_items(p) {
        Some(require) => quote! {
            #require
            #statement
        },
        None => statement,
    }
}

/// [`param_statement`] without the check for an empty required list.
fn param_value_statement(p: &Param) -> TokenStream {
    let name = ident(&p.name);
    let wire = &p.wire_name;
    let explode = p.explode;
    let value = if p.required {
        quote!(Some(&self.#name))
    } else {
        quote!(self.#name.as_ref())
    };
    if let (ParamLocation::Query, false, ParamStyle::DeepObject, Some(arrays)) =
        (p.location, p.json_content, p.style, p.deep_arrays)
    {
        let arrays = match arrays {
            DeepArrays::Indexed => quote!(rt::DeepArrays::Indexed),
            DeepArrays::Brackets => quote!(rt::DeepArrays::Brackets),
            DeepArrays::Repeated => quote!(rt::DeepArrays::Repeated),
        };
        return quote!(request.query_deep_object(#wire, #value, #arrays)?;);
    }
    match (p.location, p.json_content, p.style, p.shape) {
        (ParamLocation::Query, true, _, _) => quote!(request.query_json(#wire, #value)?;),
        (ParamLocation::Query, false, ParamStyle::Form, ParamShape::Scalar) => {
            quote!(request.query(#wire, #value);)
        }
        (ParamLocation::Query, false, ParamStyle::Form, ParamShape::ScalarList) => {
            quote!(request.query_list(#wire, #value, #explode);)
        }
        (ParamLocation::Query, false, style, _) => {
            let style = query_style_tokens(style);
            quote!(request.query_param(#wire, #value, #style, #explode)?;)
        }
        (ParamLocation::Header, true, _, _) => quote!(request.header_json(#wire, #value)?;),
        (ParamLocation::Header, false, _, ParamShape::Scalar | ParamShape::ScalarList) => {
            quote!(request.header(#wire, #value)?;)
        }
        (ParamLocation::Header, false, _, ParamShape::Structured) => {
            quote!(request.header_param(#wire, #value, #explode)?;)
        }
        (ParamLocation::Cookie, _, _, _) => {
            quote!(request.cookie_param(#wire, #value, #explode)?;)
        }
        (ParamLocation::Path, _, _, _) => quote!(),
    }
}

/// A typed multipart body's conversion into the runtime's form, part by part, and the builder's
/// `multipart` method for a form built by hand.
fn multipart_methods(b: &Body) -> TokenStream {
    let ty = type_tokens(&b.ty);
    let parts = b.parts.iter().map(|part| {
        let field = ident(&part.field);
        let wire = &part.wire_name;
        // A file part goes as itself (named after its field, `application/octet-stream`) unless the
        // spec gives its content type.
        let file = |value: TokenStream| match part.content_type.as_deref() {
            Some(ct) if ct != "application/octet-stream" => {
                quote!(rt::FilePart::new(#value).content_type(#ct))
            }
            _ => value,
        };
        let (field_value, value) = (file(quote!(body.#field)), file(quote!(value)));
        // How the field is read: a value, an `Option`, or an `Option<Option<…>>` (nullable and
        // optional); `null` sends nothing.
        let pattern = match (part.required, part.nullable) {
            (true, false) => None,
            (true, true) | (false, false) => Some(quote!(Some(value))),
            (false, true) => Some(quote!(Some(Some(value)))),
        };
        match (part.kind, pattern) {
            (PartKind::Value, None) => quote!(form = form.field(#wire, &body.#field);),
            (PartKind::Value, Some(pattern)) => quote! {
                if let #pattern = &body.#field {
                    form = form.field(#wire, value);
                }
            },
            (PartKind::File, None) => quote!(form = form.file(#wire, #field_value);),
            (PartKind::File, Some(pattern)) => quote! {
                if let #pattern = body.#field {
                    form = form.file(#wire, #value);
                }
            },
            (PartKind::Files, None) => quote! {
                for value in body.#field {
                    form = form.file(#wire, #value);
                }
            },
            (PartKind::Files, Some(pattern)) => quote! {
                if let #pattern = body.#field {
                    for value in value {
                        form = form.file(#wire, #value);
                    }
                }
            },
        }
    });
    let allow = if b.parts.iter().any(|p| p.deprecated) {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    let set = if b.required {
        quote!(form)
    } else {
        quote!(Some(form))
    };
    quote! {
        /// Sends this form instead of the typed body: for file names and content types of your
        /// own, files and streams that are not read into memory ([`rt::FilePart`] with an
        /// [`rt::UploadBody`]), or parts the schema does not list.
        #[inline]
        pub fn multipart(mut self, form: rt::Multipart) -> Self {
            self.body = #set;
            self
        }

        /// The typed body as a form: a part per field (text, JSON or file), in schema order.
        #allow
        #[inline]
        fn multipart_form(body: #ty) -> rt::Multipart {
            let mut form = rt::Multipart::new();
            #(#parts)*
            for (name, value) in &body.additional_properties {
                form = form.field(name.as_str(), value);
            }
            form
        }
    }
}

/// The Rust type a body is passed as: the model for JSON and forms, text, bytes, or the runtime's
/// multipart form (for a multipart schema that is not an object).
fn body_type(b: &Body) -> TokenStream {
    match b.media {
        Media::Json | Media::Form => type_tokens(&b.ty),
        Media::Multipart if !b.parts.is_empty() => type_tokens(&b.ty),
        Media::Text(_) => quote!(String),
        Media::Bytes(_) => quote!(rt::UploadBody),
        Media::Multipart => quote!(rt::Multipart),
    }
}

/// The argument type a body is taken as: a binary body as anything that makes an upload (bytes,
/// `UploadBody::from_file`, `UploadBody::from_stream`).
fn body_argument(b: &Body) -> TokenStream {
    match b.media {
        Media::Bytes(_) => quote!(impl Into<rt::UploadBody>),
        _ => body_type(b),
    }
}

/// The Rust type the builder keeps a body as: a typed multipart body is kept as its form.
fn stored_body_type(b: &Body) -> TokenStream {
    match b.media {
        Media::Multipart => quote!(rt::Multipart),
        _ => body_type(b),
    }
}

/// How a builder decodes its success: the body type, the decoding's type (`None` for JSON, the
/// futures' default), the decoding value passed to `Client::send`, and a decoding function of the
/// builder's own when the body depends on the status.
struct Decoder {
    output: TokenStream,
    decoding: Option<TokenStream>,
    value: TokenStream,
    function: TokenStream,
}

/// The decoding of one success body.
fn single_success(op: &Operation) -> Decoder {
    let (output, decoding) = match &op.success {
        Some((ty, Media::Json | Media::Multipart)) => (type_tokens(ty), None),
        Some((_, Media::Text(_) | Media::Form)) => (quote!(String), Some(quote!(rt::send::Text))),
        Some((_, Media::Bytes(_))) => (quote!(Vec<u8>), Some(quote!(rt::send::Bytes))),
        None => (quote!(()), Some(quote!(rt::send::Empty))),
    };
    let value = decoding.clone().unwrap_or(quote!(rt::send::Json));
    Decoder {
        output,
        decoding,
        value,
        function: TokenStream::new(),
    }
}

/// Decodes the body the received status documents, into that status's variant of the success union.
fn by_status_success(op: &Operation) -> Decoder {
    let Some((union, _)) = &op.success else {
        return single_success(op);
    };
    let union_ty = type_tokens(union);
    let arms = op.success_by_status.iter().map(|body| {
        let variant = ident(&body.variant);
        let decode = match &body.media {
            Media::Json | Media::Multipart => {
                let ty = type_tokens(&body.ty);
                quote!(response.json::<#ty>())
            }
            Media::Text(_) | Media::Form => quote!(response.text()),
            Media::Bytes(_) => quote!(Ok(response.bytes())),
        };
        let code = proc_macro2::Literal::u16_unsuffixed(body.status);
        quote!(#code => #decode.map(|r| r.map(#union_ty::#variant)),)
    });
    let arms: Vec<TokenStream> = arms.collect();
    let signature = quote!(rt::send::DecodeFn<#union_ty>);
    Decoder {
        output: union_ty.clone(),
        decoding: Some(signature.clone()),
        value: quote!(Self::decode as #signature),
        function: quote! {
            /// Decodes the body the response's status documents.
            #[inline]
            fn decode(response: rt::RawResponse) -> Result<rt::ApiResponse<#union_ty>, Error> {
                match response.status_code() {
                    #(#arms)*
                    _ => response.json(),
                }
            }
        },
    }
}
