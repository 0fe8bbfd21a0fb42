//! The intermediate model between the spec and the emitted Rust: plain data, every name final.
//!
//! `lower` builds it from `openapiv3` types (resolving every `$ref` and assigning every Rust name);
//! the emitters read it and nothing else, so they never see the spec.

use std::collections::BTreeMap;

/// Everything the emitters need.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.description`.
    pub description: Option<String>,
    /// `info.version`.
    pub version: String,
    /// `info.license.name`, when it is an SPDX expression (no spaces).
    pub license: Option<String>,
    /// Named types by Rust name (sorted, so output order is deterministic).
    pub types: BTreeMap<String, TypeDef>,
    /// The types a union's decoding may try: its variants and every type they contain. They
    /// implement the runtime's `Exact`, which a union asks of each variant it decodes; other types
    /// need not.
    pub inside_unions: std::collections::BTreeSet<String>,
    /// Operation groups by module name (one per tag).
    pub modules: BTreeMap<String, Module>,
    /// The top-level `servers`, in order (the first is the default).
    pub servers: Vec<Server>,
    /// The security schemes, in name order.
    pub security_schemes: Vec<SecurityScheme>,
    /// Server variables with an `enum`, each a generated Rust enum (`Site`).
    pub server_enums: Vec<ServerEnum>,
    /// The API's own rate-limit headers, from the configuration (none: the standard ones only).
    pub rate_limit: Option<crate::config::RateLimitConfig>,
    /// Where error bodies put their messages, from the configuration (empty: the runtime's
    /// standard search).
    pub error_message_paths: Vec<String>,
    /// Things the generator decided that a reader should know (renamed collisions and the like).
    pub diagnostics: Vec<Diagnostic>,
}

/// A server: a URL template and its variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// The template (`https://api.{site}`).
    pub url: String,
    /// `description`.
    pub description: Option<String>,
    /// The variables, in name order.
    pub variables: Vec<ServerVariable>,
}

/// A server variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerVariable {
    /// The placeholder's name.
    pub name: String,
    /// The default value.
    pub default: String,
    /// The allowed values (`enum`), empty when free.
    pub values: Vec<String>,
    /// `description`.
    pub description: Option<String>,
}

/// A server variable with an `enum`, generated as a Rust enum with a variant per value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerEnum {
    /// The variable's name (`site`).
    pub variable: String,
    /// The Rust type name (`Site`).
    pub type_name: String,
    /// The builder setter's name (`site`).
    pub setter: String,
    /// The variable's description.
    pub description: Option<String>,
    /// (variant name, value, short name if configured), in the spec's order.
    pub values: Vec<(String, String, Option<String>)>,
    /// The default value's variant name.
    pub default: String,
    /// The environment variable `from_env` reads, if any.
    pub env: Option<String>,
}

/// A security scheme and how the generated builder sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityScheme {
    /// The name in the spec (`apiKeyAuth`).
    pub name: String,
    /// The builder setter (`api_key`).
    pub setter: String,
    /// How the credential is sent.
    pub kind: SchemeKind,
    /// The environment variable `from_env` reads, if any.
    pub env: Option<String>,
    /// `description`.
    pub description: Option<String>,
}

/// How a scheme's credential is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKind {
    /// An API key in a header, the query or a cookie, under this name.
    ApiKey(ApiKeyLocation, String),
    /// HTTP bearer.
    Bearer,
    /// HTTP basic.
    Basic,
    /// OAuth2 (an access token).
    OAuth2,
    /// OpenID Connect (an access token).
    OpenIdConnect,
}

/// Where an API key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// A header.
    Header,
    /// The query.
    Query,
    /// A cookie.
    Cookie,
}

/// How an operation pages (`x-pagination`), with the parameters and response paths resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// The style.
    pub style: PagingStyle,
    /// Where the position goes.
    pub position: Target,
    /// The position's type (an integer, or a string for cursors).
    pub position_ty: TypeRef,
    /// Where the page size is set, its type, and its documented default.
    pub limit: Option<(Target, TypeRef, Option<i64>)>,
    /// The first page number (`pageStart`) or offset.
    pub start: i64,
    /// The page type (the success body).
    pub page: TypeRef,
    /// The path to the items (`resultsPath`), as field steps.
    pub results: Vec<FieldStep>,
    /// The item type.
    pub item: TypeRef,
    /// Whether an item has an `id` field (a string, UUID or integer) for the repeated-page guard.
    pub item_id: Option<String>,
    /// Paths the stop rules read, as field steps, each ending at the typed value.
    pub number: Option<Vec<FieldStep>>,
    /// The next page number (nullable).
    pub next_number: Option<Vec<FieldStep>>,
    /// The last page number.
    pub last_number: Option<Vec<FieldStep>>,
    /// Item totals, first present wins.
    pub totals: Vec<Vec<FieldStep>>,
    /// The next cursor.
    pub cursor: Option<Vec<FieldStep>>,
}

/// Where a pagination value goes in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A query parameter, by its Rust name (the builder's setter and field).
    Query(String),
    /// A field of the JSON request body (`body.page.cursor`), as field steps from the body.
    Body {
        /// Whether the body itself is optional (then it is created with `Default` when absent).
        body_optional: bool,
        /// The steps from the body to the field.
        steps: Vec<FieldStep>,
    },
}

/// The pagination style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagingStyle {
    /// Page numbers.
    PageNumber,
    /// Offsets.
    Offset,
    /// Cursors.
    Cursor,
}

/// One step of a path through response fields: the Rust field, and how it is wrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldStep {
    /// The Rust field name.
    pub field: String,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// `Box<T>`.
    pub boxed: bool,
    /// The field's type, before optionality.
    pub ty: TypeRef,
}

/// One operation group: a tag of the spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The tag as written in the spec; `None` for the operations without a tag.
    pub tag: Option<String>,
    /// The tag's description.
    pub description: Option<String>,
    /// The tag's operations, in spec order.
    pub operations: Vec<Operation>,
}

/// A note about a naming or modelling decision.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where in the spec.
    pub pointer: String,
    /// What was decided.
    pub message: String,
    /// What kind of decision it was, for counting.
    pub kind: NoteKind,
}

/// The kinds of notes the generator gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoteKind {
    /// A name was already taken (or reserved), so another was given.
    Renamed,
    /// The spec breaks a rule of OpenAPI, and correct code was generated anyway (a required
    /// property without a schema, a duplicate enum value, an operation without an id…).
    Tolerated,
    /// A construct of OpenAPI 3.1 or Swagger 2.0 was rewritten into its 3.0 form, or dropped.
    Converted,
    /// Something the spec describes is not generated (schemas no operation reaches, a pagination
    /// annotation that cannot be followed, an unsupported auth scheme, webhooks).
    Skipped,
    /// About the generator configuration or the servers a client needs.
    Configuration,
}

/// `pointer: message`, or the message alone for a note about the whole document.
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.pointer, self.message)
        }
    }
}

/// The short label (`renamed`).
impl std::fmt::Display for NoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl NoteKind {
    /// A short label (`renamed`).
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Renamed => "renamed",
            NoteKind::Tolerated => "tolerated",
            NoteKind::Converted => "converted",
            NoteKind::Skipped => "skipped",
            NoteKind::Configuration => "configuration",
        }
    }
}

/// A reference to a Rust type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeRef {
    /// `String`.
    String,
    /// `uuid::Uuid`.
    Uuid,
    /// `chrono::DateTime<chrono::Utc>`.
    DateTime,
    /// `chrono::NaiveDate`.
    Date,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// Any JSON value (`serde_json::Value`).
    Json,
    /// A named type from [`Api::types`].
    Named(String),
    /// `Vec<T>`.
    List(Box<TypeRef>),
    /// `BTreeMap<String, T>`.
    Map(Box<TypeRef>),
    /// `Box<T>`: breaks a cycle of types that contain each other directly.
    Boxed(Box<TypeRef>),
    /// Raw bytes (`Vec<u8>`), for binary bodies.
    Bytes,
}

/// A named type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust name.
    pub name: String,
    /// The name in the spec (component name, or a path for inline schemas).
    pub origin: String,
    /// Rustdoc text.
    pub docs: Option<String>,
    /// The model file it is emitted into.
    pub group: String,
    /// The operation modules whose operations reach it (its Cargo features, in a crate build).
    pub users: std::collections::BTreeSet<String>,
    /// The shape.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// A struct with named fields.
    Struct(Struct),
    /// A string enum that keeps unknown values.
    Enum(Enum),
    /// A name for another type.
    Alias(TypeRef),
    /// One of several shapes (`oneOf`/`anyOf`), with a catch-all that keeps unknown shapes.
    Union(Union),
    /// An integer enum: a newtype with a constant per documented value, keeping unknown values.
    IntEnum(IntEnum),
    /// A struct around one value, serialized as that value (`pub struct Nested(pub Vec<Nested>)`):
    /// an array or map schema that contains itself, which a `type` alias cannot name.
    Newtype(TypeRef),
}

/// A `oneOf`/`anyOf`.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// Variants in spec order.
    pub variants: Vec<UnionVariant>,
    /// The discriminating property and its value → variant mapping, when the spec gives one.
    pub discriminator: Option<Discriminator>,
}

/// One shape of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub name: String,
    /// The payload type.
    pub ty: TypeRef,
}

/// `discriminator`: which property selects the variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Discriminator {
    /// The property name on the wire.
    pub property: String,
    /// Property value → variant name.
    pub mapping: Vec<(String, String)>,
}

/// An integer enum.
#[derive(Debug, Clone, PartialEq)]
pub struct IntEnum {
    /// `I32` or `I64`.
    pub base: TypeRef,
    /// Constant name and value, in spec order.
    pub values: Vec<(String, i64)>,
}

/// A struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Fields in spec order.
    pub fields: Vec<Field>,
}

/// A struct field.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Rust name (may be a raw identifier such as `r#type`).
    pub name: String,
    /// The JSON property name.
    pub wire_name: String,
    /// The value type, before optionality.
    pub ty: TypeRef,
    /// Listed in the schema's `required`, and neither `readOnly` nor `writeOnly` (the first is
    /// never sent, the second never received, so neither is always there).
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// `readOnly: true`: the server sets it; requests never send it, so the model's encoding
    /// leaves it out.
    pub read_only: bool,
    /// The enum variant the field defaults to when it is required and its enum has a `default`.
    pub default_variant: Option<String>,
    /// Rustdoc text.
    pub docs: Option<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// A string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// Variants in spec order.
    pub variants: Vec<Variant>,
    /// The variant named by the schema's `default`.
    pub default: Option<String>,
    /// Used as a query, path or header parameter, so it needs a parameter encoding.
    pub used_in_parameters: bool,
}

/// An enum variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The Rust name.
    pub name: String,
    /// The value on the wire.
    pub value: String,
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// One API operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// `operationId`.
    pub id: String,
    /// The client method name (`list_org_connections`).
    pub method_name: String,
    /// The request builder type name (`ListOrgConnectionsRequest`).
    pub builder_name: String,
    /// The HTTP method.
    pub method: Method,
    /// The path template (`/api/v2/org_connections/{connection_id}`).
    pub path: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Parameters: path ones in path order first, then the rest in spec order.
    pub params: Vec<Param>,
    /// The JSON request body.
    pub body: Option<Body>,
    /// Documented responses by status (`200`, `4XX`, `default`), in status order.
    pub responses: Vec<Response>,
    /// The success body type (`None` when success has no body), and its encoding.
    pub success: Option<(TypeRef, Media)>,
    /// When 2xx statuses document different bodies, one entry per status; the body is decoded by
    /// the status received, into its variant of the success union (`success` names it).
    pub success_by_status: Vec<StatusBody>,
    /// The `x-pagination` parameters (`page[size]`, `page[number]`, …), when the spec marks the
    /// operation as paginated.
    pub pagination_params: Vec<String>,
    /// The resolved pagination, when the annotation could be followed.
    pub pagination: Option<Pagination>,
    /// The operation's own servers (operation-level, else path-level); empty for the API's.
    pub servers: Vec<Server>,
    /// Security alternatives, each a set of scheme names (`security: []` is an empty list).
    pub security: Vec<Vec<String>>,
    /// The Preview note (`x-unstable`), when the operation is in Preview.
    pub preview: Option<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Permissions from `x-permission`.
    pub permissions: Vec<String>,
    /// OAuth2 scopes from `security`.
    pub scopes: Vec<String>,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// In a request header.
    Header,
    /// A cookie, in the `Cookie` header.
    Cookie,
}

/// How a parameter is serialized (`style`), with [`Param::explode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `form` (query and cookie default): `name=a&name=b`, or `name=a,b`.
    Form,
    /// `spaceDelimited` (query): `name=a%20b`.
    SpaceDelimited,
    /// `pipeDelimited` (query): `name=a|b`.
    PipeDelimited,
    /// `deepObject` (query): `name[key]=value`.
    DeepObject,
    /// `simple` (path and header default): `a,b`.
    Simple,
    /// `label` (path): `.a,b`.
    Label,
    /// `matrix` (path): `;name=a,b`.
    Matrix,
}

/// What a parameter's value is, which decides how the builder hands it to the runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamShape {
    /// A value with a textual form of its own (the runtime's `ParamValue`): a string, number,
    /// boolean, date, UUID or enum.
    Scalar,
    /// An array of such values.
    ScalarList,
    /// Anything else (an object, a map, a union, free-form JSON, nested arrays): serialized, and
    /// walked by the runtime according to the style.
    Structured,
}

/// An operation parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The Rust name (argument and setter).
    pub name: String,
    /// The name on the wire (`page[size]`).
    pub wire_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// The value type.
    pub ty: TypeRef,
    /// Required parameters are positional arguments of the client method.
    pub required: bool,
    /// `explode` (or its default: `true` for `form`, else `false`): arrays and objects give a pair
    /// per item or property (`true`), or one joined value (`false`).
    pub explode: bool,
    /// `style` (or the location's default).
    pub style: ParamStyle,
    /// The value's shape.
    pub shape: ParamShape,
    /// Described by `content: application/json` rather than a schema: sent as its JSON text.
    pub json_content: bool,
    /// For a `deepObject` parameter, how it sends arrays, when not as the plain style does
    /// (`name=a&name=b`): an array parameter's default, or the configuration's choice.
    pub deep_arrays: Option<crate::config::DeepArrays>,
    /// The schema's `default`, when it is an integer (page sizes, for pagination).
    pub int_default: Option<i64>,
    /// The parameter's `example`, else its schema's (a value the operation's doc example can set).
    pub example: Option<serde_json::Value>,
    /// The schema's `default`.
    pub default: Option<serde_json::Value>,
    /// Rustdoc text (description, default, example).
    pub docs: Option<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// How a request or response body is encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Media {
    /// JSON (`application/json`, `*+json`).
    Json,
    /// Text with this content type (`text/plain`, `application/yaml`).
    Text(String),
    /// Opaque bytes with this content type (`application/zip`, `application/octet-stream`).
    Bytes(String),
    /// `multipart/form-data`, built part by part.
    Multipart,
    /// `application/x-www-form-urlencoded`: the body's properties as form-style pairs.
    Form,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The body type (`String` for text, `Bytes` for binary; the schema's type for JSON and multipart docs).
    pub ty: TypeRef,
    /// The encoding.
    pub media: Media,
    /// Required bodies are positional arguments of the client method.
    pub required: bool,
    /// Rustdoc text.
    pub docs: Option<String>,
    /// The media type sent when it is not the media's usual one (a JSON body declared as
    /// `application/vnd.api+json` is sent as that).
    pub content_type: Option<String>,
    /// `application/x-www-form-urlencoded`: the `encoding` object's style and explode, for the
    /// properties it sets them for (the others are `form`, exploded).
    pub form_encoding: Vec<FormEncoding>,
    /// `multipart/form-data` with an object schema: the parts of the typed body (`ty`), in order.
    /// Empty when the body is a form built by hand (`rt::Multipart`).
    pub parts: Vec<FormPart>,
}

/// The style and explode of one property of an `application/x-www-form-urlencoded` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormEncoding {
    /// The property's name on the wire.
    pub property: String,
    /// Its style (a query style).
    pub style: ParamStyle,
    /// Its explode.
    pub explode: bool,
}

/// One part of a typed `multipart/form-data` body: a field of the body's struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormPart {
    /// The Rust field name.
    pub field: String,
    /// The part's name (the property's name).
    pub wire_name: String,
    /// How the field becomes parts.
    pub kind: PartKind,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// The part's content type, for files (`encoding.<property>.contentType`, else
    /// `application/octet-stream`).
    pub content_type: Option<String>,
}

/// How a field of a typed multipart body is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// A text part (strings, numbers, booleans) or a JSON part (objects, arrays).
    Value,
    /// A file part (`format: binary`), from bytes.
    File,
    /// An array of `format: binary`: one file part per item, under the same name.
    Files,
}

/// A success body selected by its exact status.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusBody {
    /// The status code.
    pub status: u16,
    /// The variant of the success union (`Status202`).
    pub variant: String,
    /// The body type.
    pub ty: TypeRef,
    /// The body encoding.
    pub media: Media,
}

/// A documented response status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// One code (`404`).
    Code(u16),
    /// A class of codes (`4XX`), by its first digit.
    Range(u16),
    /// `default`: any status not documented otherwise.
    Default,
}

impl Status {
    /// Whether the status is a success (2xx).
    pub fn is_success(self) -> bool {
        match self {
            Status::Code(code) => (200..300).contains(&code),
            Status::Range(class) => class == 2,
            Status::Default => false,
        }
    }

    /// The order responses are listed in: by class, codes before the class's range, `default` last.
    fn sort_key(self) -> (u16, u16, u16) {
        match self {
            Status::Code(code) => (code / 100, 0, code),
            Status::Range(class) => (class, 1, 0),
            Status::Default => (u16::MAX, 0, 0),
        }
    }
}

impl PartialOrd for Status {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Status {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Code(code) => write!(f, "{code}"),
            Status::Range(class) => write!(f, "{class}XX"),
            Status::Default => f.write_str("default"),
        }
    }
}

/// A documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The status it documents.
    pub status: Status,
    /// The response description.
    pub description: String,
    /// The body type, if any (`String` for text, `Bytes` for binary).
    pub ty: Option<TypeRef>,
    /// The body encoding, if there is a body.
    pub media: Option<Media>,
}
