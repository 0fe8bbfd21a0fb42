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
    /// Named types by Rust name (sorted, so output order is deterministic).
    pub types: BTreeMap<String, TypeDef>,
    /// Operation groups by module name (one per tag).
    pub modules: BTreeMap<String, Module>,
    /// Things the generator decided that a reader should know (renamed collisions and the like).
    pub diagnostics: Vec<Diagnostic>,
}

/// One operation group: a tag of the spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The tag as written in the spec.
    pub tag: String,
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
    /// Listed in the schema's `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
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
    /// When 2xx statuses document different bodies: status, variant of the success union
    /// (`success` names it), body type and encoding. The body is decoded by the status received.
    pub success_by_status: Vec<(u16, String, TypeRef, Media)>,
    /// The `x-pagination` parameters (`page[size]`, `page[number]`, …), when the spec marks the
    /// operation as paginated.
    pub pagination: Vec<String>,
    /// The server for this operation only (its first `servers` entry), with every variable but
    /// `{site}` replaced by its default (`https://http-intake.logs.{site}`).
    pub server: Option<String>,
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
    /// For arrays in the query: repeat the name per value (`true`) or join with commas (`false`).
    pub explode: bool,
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
}

/// A documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// `200`, `4XX` or `default`.
    pub status: String,
    /// The response description.
    pub description: String,
    /// The body type, if any (`String` for text, `Bytes` for binary).
    pub ty: Option<TypeRef>,
    /// The body encoding, if there is a body.
    pub media: Option<Media>,
}
