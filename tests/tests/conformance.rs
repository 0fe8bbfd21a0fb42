//! Checks that the hand-written `spec/datadog-connections.yaml` agrees on the wire with Datadog's
//! published OpenAPI document (`../shared/specs/datadog-connections-subset.yaml`).
//!
//! Both documents are lowered to the same small "wire model" (what a client sends and receives:
//! operations, parameters and how they are serialised, bodies, status codes, schemas with every `$ref`
//! resolved, security) and the two models are compared field by field. Every difference becomes one
//! readable line; the lines that `tests/conformance-allowlist.yaml` explains are dropped, and the test
//! fails on the rest and on allow-list entries that no longer match anything.
//!
//! Tags, summaries, descriptions and examples are documentation, not wire, and are not compared.
//! The unit tests at the bottom mutate our own spec in memory to prove that the comparator does
//! report each kind of difference; they need no reference data.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use openapiv3::{
    OpenAPI, Operation, Parameter, ParameterSchemaOrContent, PathStyle, QueryStyle, ReferenceOr,
    RequestBody, Response, Schema, SchemaKind, SecurityRequirement, SecurityScheme, StatusCode,
    Type, VariantOrUnknownOrEmpty,
};
use serde::Deserialize;

/// Our hand-written spec.
const OUR_SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/datadog-connections.yaml"
);
/// The intentional differences, each with its reason.
const ALLOWLIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/conformance-allowlist.yaml");
/// Datadog's spec, relative to the reference data folder.
const THEIR_SPEC: &str = "specs/datadog-connections-subset.yaml";

#[test]
fn our_spec_matches_datadogs_wire_contract() {
    let Some(their_path) =
        datadog_connections_replay::shared::shared_path("conformance", THEIR_SPEC)
    else {
        return;
    };
    let ours = load_and_lower(Path::new(OUR_SPEC)).unwrap_or_else(|e| panic!("our spec: {e}"));
    let theirs = load_and_lower(&their_path).unwrap_or_else(|e| panic!("Datadog's spec: {e}"));
    let allowlist =
        load_allowlist(Path::new(ALLOWLIST)).unwrap_or_else(|e| panic!("allow-list: {e}"));

    let outcome = apply_allowlist(compare(&ours, &theirs), &allowlist);
    assert!(outcome.is_clean(), "{}", outcome.report());
}

#[test]
fn allowlist_entries_all_have_a_reason() {
    let allowlist =
        load_allowlist(Path::new(ALLOWLIST)).unwrap_or_else(|e| panic!("allow-list: {e}"));
    let vague: Vec<&str> = allowlist
        .iter()
        .filter(|a| a.reason.trim().is_empty())
        .map(|a| a.difference.as_str())
        .collect();
    assert!(
        vague.is_empty(),
        "allow-list entries without a reason: {vague:#?}"
    );
}

// ---------------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------------

fn load_spec(path: &Path) -> Result<OpenAPI, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_yaml::from_str(&text)
        .map_err(|e| format!("{} is not an OpenAPI 3.0 document: {e}", path.display()))
}

fn load_and_lower(path: &Path) -> Result<WireSpec, String> {
    let spec = load_spec(path)?;
    lower(&spec).map_err(|e| format!("{}: {e}", path.display()))
}

/// One intentional difference: `difference` is a whole line or a prefix of lines.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Allowed {
    difference: String,
    reason: String,
}

fn load_allowlist(path: &Path) -> Result<Vec<Allowed>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // An allow-list with every entry commented out is an empty list, not an error.
    let list: Option<Vec<Allowed>> = serde_yaml::from_str(&text).map_err(|e| {
        format!(
            "{} is not a list of {{difference, reason}}: {e}",
            path.display()
        )
    })?;
    Ok(list.unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------------
// The wire model
// ---------------------------------------------------------------------------------------------------

/// What a client of the API must agree on, independent of how the document is written.
#[derive(Debug, Clone, PartialEq)]
struct WireSpec {
    /// Keyed by `METHOD /path`.
    operations: BTreeMap<String, WireOperation>,
    /// Component schema names: the generated SDK's type names come from them.
    schema_names: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct WireOperation {
    operation_id: Option<String>,
    unstable: bool,
    /// Keyed by wire name.
    parameters: BTreeMap<String, WireParameter>,
    request_body: Option<WireBody>,
    /// Keyed by status code (`200`, `4XX`, `default`).
    responses: BTreeMap<String, WireResponse>,
    /// Each alternative, normalised (schemes sorted, with their wire form and scopes).
    security: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct WireParameter {
    location: &'static str,
    required: bool,
    style: &'static str,
    /// Effective value: the OpenAPI default (`true` for `form`) when the document omits it.
    explode: bool,
    schema: Shape,
}

#[derive(Debug, Clone, PartialEq)]
struct WireBody {
    required: bool,
    media_types: BTreeSet<String>,
    schema: Option<Shape>,
}

#[derive(Debug, Clone, PartialEq)]
struct WireResponse {
    media_types: BTreeSet<String>,
    /// The schema of the JSON body, if there is one.
    schema: Option<Shape>,
}

/// A schema with every `$ref` resolved, reduced to what constrains the JSON on the wire.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shape {
    /// `string`, `integer`, `number`, `boolean`, `object`, `array`, or the name of a construct the
    /// comparator does not descend into (`oneOf`, `allOf`, `anyOf`, `not`, `any`, `recursive X`).
    kind: String,
    format: Option<String>,
    nullable: bool,
    /// Sorted; `null` for a null entry.
    enumeration: Vec<String>,
    /// As JSON text.
    default: Option<String>,
    minimum: Option<String>,
    maximum: Option<String>,
    min_items: Option<usize>,
    max_items: Option<usize>,
    required: BTreeSet<String>,
    properties: BTreeMap<String, Shape>,
    items: Option<Box<Shape>>,
}

// ---------------------------------------------------------------------------------------------------
// Lowering an OpenAPI document to the wire model
// ---------------------------------------------------------------------------------------------------

fn lower(spec: &OpenAPI) -> Result<WireSpec, String> {
    let lowerer = Lowerer { spec };
    let mut operations = BTreeMap::new();
    for (path, item) in spec.paths.iter() {
        let ReferenceOr::Item(item) = item else {
            return Err(format!("path {path}: a $ref path item is not supported"));
        };
        for (method, operation) in item.iter() {
            let key = format!("{} {path}", method.to_uppercase());
            let wire = lowerer
                .operation(&item.parameters, operation)
                .map_err(|e| format!("{key}: {e}"))?;
            operations.insert(key, wire);
        }
    }
    let schema_names = spec
        .components
        .iter()
        .flat_map(|c| c.schemas.keys().cloned())
        .collect();
    Ok(WireSpec {
        operations,
        schema_names,
    })
}

struct Lowerer<'a> {
    spec: &'a OpenAPI,
}

impl<'a> Lowerer<'a> {
    fn operation(
        &self,
        path_parameters: &'a [ReferenceOr<Parameter>],
        operation: &'a Operation,
    ) -> Result<WireOperation, String> {
        let mut parameters = BTreeMap::new();
        // Operation-level parameters override path-level ones with the same name and location.
        for parameter in path_parameters.iter().chain(&operation.parameters) {
            let parameter = self.parameter_object(parameter)?;
            let name = parameter.parameter_data_ref().name.clone();
            let wire = self
                .parameter(parameter)
                .map_err(|e| format!("parameter {name}: {e}"))?;
            if let Some(previous) = parameters.get(&name) {
                let previous: &WireParameter = previous;
                if previous.location != wire.location {
                    return Err(format!(
                        "parameter {name} is defined in two locations; the comparator keys by name"
                    ));
                }
            }
            parameters.insert(name, wire);
        }
        let request_body = match &operation.request_body {
            Some(body) => Some(
                self.request_body(self.request_body_object(body)?)
                    .map_err(|e| format!("request body: {e}"))?,
            ),
            None => None,
        };
        let mut responses = BTreeMap::new();
        if let Some(default) = &operation.responses.default {
            responses.insert(
                "default".to_owned(),
                self.response(self.response_object(default)?)?,
            );
        }
        for (status, response) in &operation.responses.responses {
            let wire = self
                .response(self.response_object(response)?)
                .map_err(|e| format!("response {status}: {e}"))?;
            responses.insert(status_name(status), wire);
        }
        Ok(WireOperation {
            operation_id: operation.operation_id.clone(),
            unstable: operation.extensions.contains_key("x-unstable"),
            parameters,
            request_body,
            responses,
            security: self.security(operation)?,
        })
    }

    fn parameter(&self, parameter: &Parameter) -> Result<WireParameter, String> {
        let (location, style, explode_default) = match parameter {
            Parameter::Query { style, .. } => {
                let style = match style {
                    QueryStyle::Form => "form",
                    QueryStyle::SpaceDelimited => "spaceDelimited",
                    QueryStyle::PipeDelimited => "pipeDelimited",
                    QueryStyle::DeepObject => "deepObject",
                };
                ("query", style, style == "form")
            }
            Parameter::Path { style, .. } => {
                let style = match style {
                    PathStyle::Matrix => "matrix",
                    PathStyle::Label => "label",
                    PathStyle::Simple => "simple",
                };
                ("path", style, false)
            }
            Parameter::Header { .. } => ("header", "simple", false),
            Parameter::Cookie { .. } => ("cookie", "form", true),
        };
        let data = parameter.parameter_data_ref();
        let schema = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => self.schema(schema, &mut Vec::new())?,
            ParameterSchemaOrContent::Content(content) => {
                let media = content.keys().cloned().collect::<Vec<_>>().join(", ");
                Shape {
                    kind: format!("content ({media})"),
                    ..Shape::default()
                }
            }
        };
        Ok(WireParameter {
            location,
            required: data.required,
            style,
            explode: data.explode.unwrap_or(explode_default),
            schema,
        })
    }

    fn request_body(&self, body: &RequestBody) -> Result<WireBody, String> {
        let (media_types, schema) = self.content(&body.content)?;
        Ok(WireBody {
            required: body.required,
            media_types,
            schema,
        })
    }

    fn response(&self, response: &Response) -> Result<WireResponse, String> {
        let (media_types, schema) = self.content(&response.content)?;
        Ok(WireResponse {
            media_types,
            schema,
        })
    }

    /// The media types, and the schema of the JSON one (`application/json` first, else any `+json`).
    fn content<'m>(
        &self,
        content: impl IntoIterator<Item = (&'m String, &'m openapiv3::MediaType)> + Clone,
    ) -> Result<(BTreeSet<String>, Option<Shape>), String> {
        let media_types: BTreeSet<String> = content
            .clone()
            .into_iter()
            .map(|(name, _)| name.clone())
            .collect();
        let json = content
            .into_iter()
            .filter(|(name, _)| is_json(name))
            .min_by_key(|(name, _)| name.as_str() != "application/json")
            .and_then(|(_, media)| media.schema.as_ref());
        let schema = match json {
            Some(schema) => Some(self.schema(schema, &mut Vec::new())?),
            None => None,
        };
        Ok((media_types, schema))
    }

    fn security(&self, operation: &Operation) -> Result<BTreeSet<String>, String> {
        let requirements = operation.security.as_ref().or(self.spec.security.as_ref());
        requirements
            .into_iter()
            .flatten()
            .map(|requirement| self.security_requirement(requirement))
            .collect()
    }

    /// One alternative, e.g. `apiKeyAuth (apiKey in header DD-API-KEY) + appKeyAuth (...)`.
    fn security_requirement(&self, requirement: &SecurityRequirement) -> Result<String, String> {
        if requirement.is_empty() {
            return Ok("anonymous".to_owned());
        }
        let mut parts = Vec::new();
        for (name, scopes) in requirement {
            let scheme = self
                .spec
                .components
                .as_ref()
                .and_then(|c| c.security_schemes.get(name))
                .ok_or_else(|| format!("security scheme {name} is not defined"))?;
            let ReferenceOr::Item(scheme) = scheme else {
                return Err(format!(
                    "security scheme {name}: a $ref scheme is not supported"
                ));
            };
            let mut part = format!("{name} ({})", scheme_wire_form(scheme));
            if !scopes.is_empty() {
                let mut scopes = scopes.clone();
                scopes.sort();
                part.push_str(&format!(" [{}]", scopes.join(", ")));
            }
            parts.push(part);
        }
        parts.sort();
        Ok(parts.join(" + "))
    }

    fn schema(
        &self,
        schema: &ReferenceOr<Schema>,
        stack: &mut Vec<String>,
    ) -> Result<Shape, String> {
        match schema {
            ReferenceOr::Reference { reference } => self.schema_ref(reference, stack),
            ReferenceOr::Item(schema) => self.shape(schema, stack),
        }
    }

    fn boxed_schema(
        &self,
        schema: &ReferenceOr<Box<Schema>>,
        stack: &mut Vec<String>,
    ) -> Result<Shape, String> {
        match schema {
            ReferenceOr::Reference { reference } => self.schema_ref(reference, stack),
            ReferenceOr::Item(schema) => self.shape(schema, stack),
        }
    }

    fn schema_ref(&self, reference: &str, stack: &mut Vec<String>) -> Result<Shape, String> {
        let name = component_name(reference, "schemas")?;
        if stack.iter().any(|s| s == name) {
            return Ok(Shape {
                kind: format!("recursive {name}"),
                ..Shape::default()
            });
        }
        let schema = self
            .spec
            .components
            .as_ref()
            .and_then(|c| c.schemas.get(name))
            .ok_or_else(|| format!("{reference} does not resolve"))?;
        stack.push(name.to_owned());
        let shape = self.schema(schema, stack);
        stack.pop();
        shape
    }

    fn shape(&self, schema: &Schema, stack: &mut Vec<String>) -> Result<Shape, String> {
        let data = &schema.schema_data;
        let mut shape = Shape {
            nullable: data.nullable,
            default: data.default.as_ref().map(|v| v.to_string()),
            ..Shape::default()
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(t)) => {
                shape.kind = "string".to_owned();
                shape.format = format_name(&t.format);
                shape.enumeration = enum_values(&t.enumeration);
            }
            SchemaKind::Type(Type::Integer(t)) => {
                shape.kind = "integer".to_owned();
                shape.format = format_name(&t.format);
                shape.enumeration = enum_values(&t.enumeration);
                shape.minimum = t.minimum.map(|v| v.to_string());
                shape.maximum = t.maximum.map(|v| v.to_string());
            }
            SchemaKind::Type(Type::Number(t)) => {
                shape.kind = "number".to_owned();
                shape.format = format_name(&t.format);
                shape.enumeration = enum_values(&t.enumeration);
                shape.minimum = t.minimum.map(|v| v.to_string());
                shape.maximum = t.maximum.map(|v| v.to_string());
            }
            SchemaKind::Type(Type::Boolean(t)) => {
                shape.kind = "boolean".to_owned();
                shape.enumeration = enum_values(&t.enumeration);
            }
            SchemaKind::Type(Type::Object(t)) => {
                shape.kind = "object".to_owned();
                shape.required = t.required.iter().cloned().collect();
                for (name, property) in &t.properties {
                    let property = self
                        .boxed_schema(property, stack)
                        .map_err(|e| format!("property {name}: {e}"))?;
                    shape.properties.insert(name.clone(), property);
                }
            }
            SchemaKind::Type(Type::Array(t)) => {
                shape.kind = "array".to_owned();
                shape.min_items = t.min_items;
                shape.max_items = t.max_items;
                if let Some(items) = &t.items {
                    shape.items = Some(Box::new(
                        self.boxed_schema(items, stack)
                            .map_err(|e| format!("items: {e}"))?,
                    ));
                }
            }
            SchemaKind::OneOf { .. } => shape.kind = "oneOf".to_owned(),
            SchemaKind::AllOf { .. } => shape.kind = "allOf".to_owned(),
            SchemaKind::AnyOf { .. } => shape.kind = "anyOf".to_owned(),
            SchemaKind::Not { .. } => shape.kind = "not".to_owned(),
            SchemaKind::Any(any) => {
                shape.kind = format!("any ({})", any.typ.as_deref().unwrap_or("untyped"))
            }
        }
        Ok(shape)
    }

    fn parameter_object(
        &self,
        parameter: &'a ReferenceOr<Parameter>,
    ) -> Result<&'a Parameter, String> {
        match parameter {
            ReferenceOr::Item(parameter) => Ok(parameter),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, "parameters")?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.parameters.get(name))
                {
                    Some(ReferenceOr::Item(parameter)) => Ok(parameter),
                    Some(ReferenceOr::Reference { .. }) => {
                        Err(format!("{reference}: a chained $ref is not supported"))
                    }
                    None => Err(format!("{reference} does not resolve")),
                }
            }
        }
    }

    fn request_body_object(
        &self,
        body: &'a ReferenceOr<RequestBody>,
    ) -> Result<&'a RequestBody, String> {
        match body {
            ReferenceOr::Item(body) => Ok(body),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, "requestBodies")?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.request_bodies.get(name))
                {
                    Some(ReferenceOr::Item(body)) => Ok(body),
                    Some(ReferenceOr::Reference { .. }) => {
                        Err(format!("{reference}: a chained $ref is not supported"))
                    }
                    None => Err(format!("{reference} does not resolve")),
                }
            }
        }
    }

    fn response_object(&self, response: &'a ReferenceOr<Response>) -> Result<&'a Response, String> {
        match response {
            ReferenceOr::Item(response) => Ok(response),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, "responses")?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.responses.get(name))
                {
                    Some(ReferenceOr::Item(response)) => Ok(response),
                    Some(ReferenceOr::Reference { .. }) => {
                        Err(format!("{reference}: a chained $ref is not supported"))
                    }
                    None => Err(format!("{reference} does not resolve")),
                }
            }
        }
    }
}

/// `#/components/{section}/{name}` → `name`.
fn component_name<'r>(reference: &'r str, section: &str) -> Result<&'r str, String> {
    reference
        .strip_prefix("#/components/")
        .and_then(|rest| rest.strip_prefix(section))
        .and_then(|rest| rest.strip_prefix('/'))
        .filter(|name| !name.is_empty() && !name.contains('/'))
        .ok_or_else(|| {
            format!("{reference}: only local references to #/components/{section}/ are supported")
        })
}

fn status_name(status: &StatusCode) -> String {
    status.to_string()
}

fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence == "application/json" || essence.ends_with("+json")
}

fn format_name<T: serde::Serialize>(format: &VariantOrUnknownOrEmpty<T>) -> Option<String> {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => serde_json::to_value(known)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned)),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn enum_values<T: fmt::Display>(values: &[Option<T>]) -> Vec<String> {
    let mut out: Vec<String> = values
        .iter()
        .map(|v| {
            v.as_ref()
                .map_or_else(|| "null".to_owned(), |v| v.to_string())
        })
        .collect();
    out.sort();
    out
}

fn scheme_wire_form(scheme: &SecurityScheme) -> String {
    match scheme {
        SecurityScheme::APIKey { location, name, .. } => {
            let location = match location {
                openapiv3::APIKeyLocation::Query => "query",
                openapiv3::APIKeyLocation::Header => "header",
                openapiv3::APIKeyLocation::Cookie => "cookie",
            };
            format!("apiKey in {location} {name}")
        }
        SecurityScheme::HTTP { scheme, .. } => format!("http {scheme}"),
        SecurityScheme::OAuth2 { flows, .. } => {
            let kinds = [
                ("implicit", flows.implicit.is_some()),
                ("password", flows.password.is_some()),
                ("clientCredentials", flows.client_credentials.is_some()),
                ("authorizationCode", flows.authorization_code.is_some()),
            ];
            let kinds: Vec<&str> = kinds
                .iter()
                .filter(|(_, present)| *present)
                .map(|(kind, _)| *kind)
                .collect();
            format!("oauth2 {}", kinds.join(", "))
        }
        SecurityScheme::OpenIDConnect {
            open_id_connect_url,
            ..
        } => format!("openIdConnect {open_id_connect_url}"),
    }
}

// ---------------------------------------------------------------------------------------------------
// Comparing two wire models
// ---------------------------------------------------------------------------------------------------

/// One way in which our spec and Datadog's differ, printed as `{place}: {what}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Difference {
    /// Where, e.g. `GET /api/v2/team/connections: parameter filter[sources]`.
    place: String,
    /// What, e.g. `explode: ours=true, theirs=false`.
    what: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.what)
    }
}

/// Every difference between `ours` and `theirs`, sorted.
fn compare(ours: &WireSpec, theirs: &WireSpec) -> Vec<Difference> {
    let mut out = Vec::new();
    diff_maps(
        &mut out,
        |key| key.to_owned(),
        &ours.operations,
        &theirs.operations,
        diff_operation,
    );
    for name in ours.schema_names.symmetric_difference(&theirs.schema_names) {
        let side = if ours.schema_names.contains(name) {
            "ours"
        } else {
            "theirs"
        };
        out.push(Difference {
            place: format!("component schema {name}"),
            what: format!("only in {side}"),
        });
    }
    out.sort();
    out
}

fn diff_operation(
    out: &mut Vec<Difference>,
    op: &str,
    ours: &WireOperation,
    theirs: &WireOperation,
) {
    field(
        out,
        op,
        "operationId",
        &display_opt(&ours.operation_id),
        &display_opt(&theirs.operation_id),
    );
    field(
        out,
        op,
        "x-unstable",
        present(ours.unstable),
        present(theirs.unstable),
    );
    field(
        out,
        op,
        "security",
        &display_list(&ours.security),
        &display_list(&theirs.security),
    );
    diff_maps(
        out,
        |name| format!("{op}: parameter {name}"),
        &ours.parameters,
        &theirs.parameters,
        diff_parameter,
    );
    let body_place = format!("{op}: request body");
    match (&ours.request_body, &theirs.request_body) {
        (Some(o), Some(t)) => diff_body(out, &body_place, o, t),
        (o, t) => presence(out, &body_place, o.is_some(), t.is_some()),
    }
    diff_maps(
        out,
        |status| format!("{op}: response {status}"),
        &ours.responses,
        &theirs.responses,
        diff_response,
    );
}

fn diff_parameter(
    out: &mut Vec<Difference>,
    place: &str,
    ours: &WireParameter,
    theirs: &WireParameter,
) {
    field(out, place, "in", ours.location, theirs.location);
    field(out, place, "required", ours.required, theirs.required);
    field(out, place, "style", ours.style, theirs.style);
    field(out, place, "explode", ours.explode, theirs.explode);
    diff_shape(
        out,
        &format!("{place} schema"),
        "",
        &ours.schema,
        &theirs.schema,
    );
}

fn diff_body(out: &mut Vec<Difference>, place: &str, ours: &WireBody, theirs: &WireBody) {
    field(out, place, "required", ours.required, theirs.required);
    field(
        out,
        place,
        "media types",
        &display_list(&ours.media_types),
        &display_list(&theirs.media_types),
    );
    diff_json_schema(out, place, ours.schema.as_ref(), theirs.schema.as_ref());
}

fn diff_response(
    out: &mut Vec<Difference>,
    place: &str,
    ours: &WireResponse,
    theirs: &WireResponse,
) {
    field(
        out,
        place,
        "media types",
        &display_list(&ours.media_types),
        &display_list(&theirs.media_types),
    );
    diff_json_schema(out, place, ours.schema.as_ref(), theirs.schema.as_ref());
}

fn diff_json_schema(
    out: &mut Vec<Difference>,
    place: &str,
    ours: Option<&Shape>,
    theirs: Option<&Shape>,
) {
    match (ours, theirs) {
        (Some(o), Some(t)) => diff_shape(out, place, "", o, t),
        (o, t) => field(
            out,
            place,
            "JSON schema",
            present(o.is_some()),
            present(t.is_some()),
        ),
    }
}

/// Compares two schemas; `path` is the JSON path below `context` (`data[].attributes.id`).
fn diff_shape(out: &mut Vec<Difference>, context: &str, path: &str, ours: &Shape, theirs: &Shape) {
    let place = if path.is_empty() {
        context.to_owned()
    } else {
        format!("{context} {path}")
    };
    if ours.kind != theirs.kind {
        // The rest would only repeat this difference.
        field(out, &place, "type", &ours.kind, &theirs.kind);
        return;
    }
    field(
        out,
        &place,
        "format",
        &display_opt(&ours.format),
        &display_opt(&theirs.format),
    );
    field(out, &place, "nullable", ours.nullable, theirs.nullable);
    field(
        out,
        &place,
        "enum",
        &display_list(&ours.enumeration),
        &display_list(&theirs.enumeration),
    );
    field(
        out,
        &place,
        "default",
        &display_opt(&ours.default),
        &display_opt(&theirs.default),
    );
    field(
        out,
        &place,
        "minimum",
        &display_opt(&ours.minimum),
        &display_opt(&theirs.minimum),
    );
    field(
        out,
        &place,
        "maximum",
        &display_opt(&ours.maximum),
        &display_opt(&theirs.maximum),
    );
    field(
        out,
        &place,
        "minItems",
        &display_opt(&ours.min_items),
        &display_opt(&theirs.min_items),
    );
    field(
        out,
        &place,
        "maxItems",
        &display_opt(&ours.max_items),
        &display_opt(&theirs.max_items),
    );
    field(
        out,
        &place,
        "required properties",
        &display_list(&ours.required),
        &display_list(&theirs.required),
    );
    for name in ours
        .properties
        .keys()
        .chain(theirs.properties.keys())
        .collect::<BTreeSet<_>>()
    {
        let child = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        match (ours.properties.get(name), theirs.properties.get(name)) {
            (Some(o), Some(t)) => diff_shape(out, context, &child, o, t),
            (o, t) => presence(out, &format!("{context} {child}"), o.is_some(), t.is_some()),
        }
    }
    let child = format!("{path}[]");
    match (&ours.items, &theirs.items) {
        (Some(o), Some(t)) => diff_shape(out, context, &child, o, t),
        (o, t) => presence(out, &format!("{context} {child}"), o.is_some(), t.is_some()),
    }
}

/// Compares two maps key by key: keys on one side only are reported, common keys go to `diff_value`.
fn diff_maps<V>(
    out: &mut Vec<Difference>,
    place_of: impl Fn(&str) -> String,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    diff_value: impl Fn(&mut Vec<Difference>, &str, &V, &V),
) {
    for key in ours.keys().chain(theirs.keys()).collect::<BTreeSet<_>>() {
        let place = place_of(key);
        match (ours.get(key), theirs.get(key)) {
            (Some(o), Some(t)) => diff_value(out, &place, o, t),
            (o, t) => presence(out, &place, o.is_some(), t.is_some()),
        }
    }
}

/// Reports a thing that exists on one side only; nothing when both or neither have it.
fn presence(out: &mut Vec<Difference>, place: &str, ours: bool, theirs: bool) {
    let what = match (ours, theirs) {
        (true, false) => "only in ours",
        (false, true) => "only in theirs",
        _ => return,
    };
    out.push(Difference {
        place: place.to_owned(),
        what: what.to_owned(),
    });
}

/// Reports `name: ours=…, theirs=…` when the two values differ.
fn field<T: PartialEq + fmt::Display>(
    out: &mut Vec<Difference>,
    place: &str,
    name: &str,
    ours: T,
    theirs: T,
) {
    if ours != theirs {
        out.push(Difference {
            place: place.to_owned(),
            what: format!("{name}: ours={ours}, theirs={theirs}"),
        });
    }
}

fn present(is: bool) -> &'static str {
    if is {
        "present"
    } else {
        "absent"
    }
}

fn display_opt<T: fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_owned(), |v| v.to_string())
}

fn display_list<'i, T: fmt::Display + 'i>(values: impl IntoIterator<Item = &'i T>) -> String {
    let values: Vec<String> = values.into_iter().map(|v| v.to_string()).collect();
    format!("[{}]", values.join(", "))
}

// ---------------------------------------------------------------------------------------------------
// The allow-list
// ---------------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Outcome<'a> {
    /// Differences no entry explains.
    unexplained: Vec<Difference>,
    /// Entries that explain no difference any more.
    stale: Vec<&'a Allowed>,
}

impl Outcome<'_> {
    fn is_clean(&self) -> bool {
        self.unexplained.is_empty() && self.stale.is_empty()
    }

    fn report(&self) -> String {
        let mut report = String::new();
        if !self.unexplained.is_empty() {
            report.push_str(&format!(
                "{} difference(s) between spec/datadog-connections.yaml and Datadog's spec (fix our spec, or add \
                 an entry with its reason to tests/conformance-allowlist.yaml if the difference is intended):\n",
                self.unexplained.len()
            ));
            for difference in &self.unexplained {
                report.push_str(&format!("  {difference}\n"));
            }
        }
        if !self.stale.is_empty() {
            report
                .push_str("allow-list entries that match no difference any more (remove them):\n");
            for allowed in &self.stale {
                report.push_str(&format!("  {}\n", allowed.difference));
            }
        }
        report
    }
}

/// Whether an allow-list entry explains a difference: the whole line, or a prefix of it.
fn explains(allowed: &Allowed, difference: &Difference) -> bool {
    difference.to_string().starts_with(&allowed.difference)
}

fn apply_allowlist(differences: Vec<Difference>, allowlist: &[Allowed]) -> Outcome<'_> {
    let stale = allowlist
        .iter()
        .filter(|a| !differences.iter().any(|d| explains(a, d)))
        .collect();
    let unexplained = differences
        .into_iter()
        .filter(|d| !allowlist.iter().any(|a| explains(a, d)))
        .collect();
    Outcome { unexplained, stale }
}

// ---------------------------------------------------------------------------------------------------
// Proof that the comparator can fail: our spec against mutated copies of itself
// ---------------------------------------------------------------------------------------------------

mod mutations {
    use super::*;

    /// Compares our spec (as `ours`) with a copy changed by `mutate` (as `theirs`), and checks that
    /// exactly the `expected` lines come out, in any order.
    fn check(mutate: impl FnOnce(&mut OpenAPI), expected: &[&str]) {
        let original = load_spec(Path::new(OUR_SPEC)).unwrap_or_else(|e| panic!("our spec: {e}"));
        let mut mutated = original.clone();
        mutate(&mut mutated);
        let ours = lower(&original).unwrap_or_else(|e| panic!("our spec does not lower: {e}"));
        let theirs =
            lower(&mutated).unwrap_or_else(|e| panic!("the mutated spec does not lower: {e}"));
        let mut actual: Vec<String> = compare(&ours, &theirs)
            .iter()
            .map(Difference::to_string)
            .collect();
        actual.sort();
        let mut expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        expected.sort();
        assert_eq!(actual, expected);
    }

    fn operation<'s>(spec: &'s mut OpenAPI, method: &str, path: &str) -> &'s mut Operation {
        let Some(ReferenceOr::Item(item)) = spec.paths.paths.get_mut(path) else {
            panic!("our spec has no path item {path}");
        };
        let operation = match method {
            "GET" => &mut item.get,
            "POST" => &mut item.post,
            "PATCH" => &mut item.patch,
            "DELETE" => &mut item.delete,
            other => panic!("the tests do not use method {other}"),
        };
        operation
            .as_mut()
            .unwrap_or_else(|| panic!("our spec has no {method} {path}"))
    }

    fn inline_parameter<'s>(operation: &'s mut Operation, name: &str) -> &'s mut Parameter {
        operation
            .parameters
            .iter_mut()
            .find_map(|p| match p {
                ReferenceOr::Item(p) if p.parameter_data_ref().name == name => Some(p),
                _ => None,
            })
            .unwrap_or_else(|| panic!("the operation has no inline parameter {name}"))
    }

    fn parameter_data(parameter: &mut Parameter) -> &mut openapiv3::ParameterData {
        match parameter {
            Parameter::Query { parameter_data, .. }
            | Parameter::Header { parameter_data, .. }
            | Parameter::Path { parameter_data, .. }
            | Parameter::Cookie { parameter_data, .. } => parameter_data,
        }
    }

    fn component_schema<'s>(spec: &'s mut OpenAPI, name: &str) -> &'s mut Schema {
        match spec
            .components
            .as_mut()
            .and_then(|c| c.schemas.get_mut(name))
        {
            Some(ReferenceOr::Item(schema)) => schema,
            _ => panic!("our spec has no inline component schema {name}"),
        }
    }

    fn object(schema: &mut Schema) -> &mut openapiv3::ObjectType {
        match &mut schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => object,
            other => panic!("expected an object schema, found {other:?}"),
        }
    }

    const TEAM: &str = "/api/v2/team/connections";
    const ORG: &str = "/api/v2/org_connections";
    const ORG_ONE: &str = "/api/v2/org_connections/{connection_id}";

    #[test]
    fn identical_specs_have_no_difference() {
        check(|_| {}, &[]);
    }

    #[test]
    fn renamed_parameter() {
        check(
            |spec| {
                parameter_data(inline_parameter(
                    operation(spec, "GET", TEAM),
                    "filter[sources]",
                ))
                .name = "filter[source]".into()
            },
            &[
                "GET /api/v2/team/connections: parameter filter[source]: only in theirs",
                "GET /api/v2/team/connections: parameter filter[sources]: only in ours",
            ],
        );
    }

    #[test]
    fn changed_explode() {
        check(
            |spec| parameter_data(inline_parameter(operation(spec, "GET", TEAM), "filter[sources]")).explode = Some(true),
            &["GET /api/v2/team/connections: parameter filter[sources]: explode: ours=false, theirs=true"],
        );
    }

    #[test]
    fn omitted_explode_means_true_for_form() {
        check(
            |spec| parameter_data(inline_parameter(operation(spec, "GET", TEAM), "filter[team_ids]")).explode = None,
            &["GET /api/v2/team/connections: parameter filter[team_ids]: explode: ours=false, theirs=true"],
        );
    }

    #[test]
    fn changed_parameter_location_and_requiredness() {
        check(
            |spec| {
                let parameter = inline_parameter(operation(spec, "GET", ORG), "limit");
                let mut data = parameter_data(parameter).clone();
                data.required = true;
                *parameter = Parameter::Header {
                    parameter_data: data,
                    style: Default::default(),
                };
            },
            &[
                "GET /api/v2/org_connections: parameter limit: in: ours=query, theirs=header",
                "GET /api/v2/org_connections: parameter limit: required: ours=false, theirs=true",
                "GET /api/v2/org_connections: parameter limit: style: ours=form, theirs=simple",
                "GET /api/v2/org_connections: parameter limit: explode: ours=true, theirs=false",
            ],
        );
    }

    #[test]
    fn changed_shared_parameter_format() {
        // `connection_id` is defined once and used by two operations: both report it.
        check(
            |spec| {
                let Some(ReferenceOr::Item(parameter)) =
                    spec.components.as_mut().and_then(|c| c.parameters.get_mut("OrgConnectionId"))
                else {
                    panic!("our spec has no component parameter OrgConnectionId");
                };
                let ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) = &mut parameter_data(parameter).format else {
                    panic!("OrgConnectionId has no inline schema");
                };
                let SchemaKind::Type(Type::String(string)) = &mut schema.schema_kind else {
                    panic!("OrgConnectionId is not a string");
                };
                string.format = VariantOrUnknownOrEmpty::Empty;
            },
            &[
                "DELETE /api/v2/org_connections/{connection_id}: parameter connection_id schema: format: ours=uuid, theirs=none",
                "PATCH /api/v2/org_connections/{connection_id}: parameter connection_id schema: format: ours=uuid, theirs=none",
            ],
        );
    }

    #[test]
    fn dropped_status_code() {
        check(
            |spec| {
                operation(spec, "DELETE", TEAM)
                    .responses
                    .responses
                    .shift_remove(&StatusCode::Code(404));
            },
            &["DELETE /api/v2/team/connections: response 404: only in ours"],
        );
    }

    #[test]
    fn response_body_added() {
        check(
            |spec| {
                let ok = operation(spec, "DELETE", ORG_ONE);
                let Some(ReferenceOr::Item(response)) = ok.responses.responses.get_mut(&StatusCode::Code(200)) else {
                    panic!("DELETE org connection has no inline 200 response");
                };
                let media = openapiv3::MediaType {
                    schema: Some(ReferenceOr::ref_("#/components/schemas/APIErrorResponse")),
                    ..Default::default()
                };
                response.content.insert("application/json".into(), media);
            },
            &[
                "DELETE /api/v2/org_connections/{connection_id}: response 200: media types: ours=[], theirs=[application/json]",
                "DELETE /api/v2/org_connections/{connection_id}: response 200: JSON schema: ours=absent, theirs=present",
            ],
        );
    }

    #[test]
    fn changed_enum_value_is_reported_wherever_it_is_used() {
        check(
            |spec| {
                let SchemaKind::Type(Type::String(string)) = &mut component_schema(spec, "OrgConnectionTypeEnum").schema_kind
                else {
                    panic!("OrgConnectionTypeEnum is not a string");
                };
                for value in string.enumeration.iter_mut().flatten() {
                    if value == "audit" {
                        *value = "audits".into();
                    }
                }
            },
            &[
                "GET /api/v2/org_connections: response 200 data[].attributes.connection_types[]: enum: ours=[audit, logs, metrics], theirs=[audits, logs, metrics]",
                "POST /api/v2/org_connections: request body data.attributes.connection_types[]: enum: ours=[audit, logs, metrics], theirs=[audits, logs, metrics]",
                "POST /api/v2/org_connections: response 200 data.attributes.connection_types[]: enum: ours=[audit, logs, metrics], theirs=[audits, logs, metrics]",
                "PATCH /api/v2/org_connections/{connection_id}: request body data.attributes.connection_types[]: enum: ours=[audit, logs, metrics], theirs=[audits, logs, metrics]",
                "PATCH /api/v2/org_connections/{connection_id}: response 200 data.attributes.connection_types[]: enum: ours=[audit, logs, metrics], theirs=[audits, logs, metrics]",
            ],
        );
    }

    #[test]
    fn dropped_nullable() {
        check(
            |spec| {
                let pagination = object(component_schema(spec, "ConnectionsPagePagination"));
                let Some(ReferenceOr::Item(next)) = pagination.properties.get_mut("next_number") else {
                    panic!("ConnectionsPagePagination has no inline next_number");
                };
                next.schema_data.nullable = false;
            },
            &[
                "GET /api/v2/team/connections: response 200 meta.page.next_number: nullable: ours=true, theirs=false",
                "POST /api/v2/team/connections: response 201 meta.page.next_number: nullable: ours=true, theirs=false",
            ],
        );
    }

    #[test]
    fn changed_required_properties_and_property_type() {
        check(
            |spec| {
                let item = object(component_schema(spec, "TeamConnectionDeleteRequestDataItem"));
                item.required.retain(|name| name != "type");
                item.properties.insert(
                    "id".into(),
                    ReferenceOr::boxed_item(Schema {
                        schema_data: Default::default(),
                        schema_kind: SchemaKind::Type(Type::Integer(Default::default())),
                    }),
                );
            },
            &[
                "DELETE /api/v2/team/connections: request body data[]: required properties: ours=[id, type], theirs=[id]",
                "DELETE /api/v2/team/connections: request body data[].id: type: ours=string, theirs=integer",
            ],
        );
    }

    #[test]
    fn added_property() {
        check(
            |spec| {
                object(component_schema(spec, "TeamConnectionAttributes"))
                    .properties
                    .insert("color".into(), ReferenceOr::ref_("#/components/schemas/TeamRefDataType"));
            },
            &[
                "GET /api/v2/team/connections: response 200 data[].attributes.color: only in theirs",
                "POST /api/v2/team/connections: request body data[].attributes.color: only in theirs",
                "POST /api/v2/team/connections: response 201 data[].attributes.color: only in theirs",
            ],
        );
    }

    #[test]
    fn optional_request_body_and_renamed_operation() {
        check(
            |spec| {
                let delete = operation(spec, "DELETE", TEAM);
                delete.operation_id = Some("DeleteTeamConnection".into());
                let Some(ReferenceOr::Item(body)) = &mut delete.request_body else {
                    panic!("DELETE team connections has no inline request body");
                };
                body.required = false;
            },
            &[
                "DELETE /api/v2/team/connections: operationId: ours=DeleteTeamConnections, theirs=DeleteTeamConnection",
                "DELETE /api/v2/team/connections: request body: required: ours=true, theirs=false",
            ],
        );
    }

    #[test]
    fn removed_operation_and_unstable_marker() {
        check(
            |spec| {
                let Some(ReferenceOr::Item(item)) = spec.paths.paths.get_mut(ORG_ONE) else {
                    panic!("our spec has no path item {ORG_ONE}");
                };
                item.patch = None;
                operation(spec, "POST", TEAM)
                    .extensions
                    .shift_remove("x-unstable");
            },
            &[
                "PATCH /api/v2/org_connections/{connection_id}: only in ours",
                "POST /api/v2/team/connections: x-unstable: ours=present, theirs=absent",
            ],
        );
    }

    #[test]
    fn changed_security() {
        check(
            |spec| {
                let list = operation(spec, "GET", ORG);
                let security = list.security.as_mut().unwrap_or_else(|| panic!("ListOrgConnections has no security"));
                security.retain(|requirement| !requirement.contains_key("AuthZ"));
            },
            &["GET /api/v2/org_connections: security: ours=[AuthZ (oauth2 authorizationCode) [org_connections_read], \
               apiKeyAuth (apiKey in header DD-API-KEY) + appKeyAuth (apiKey in header DD-APPLICATION-KEY)], \
               theirs=[apiKeyAuth (apiKey in header DD-API-KEY) + appKeyAuth (apiKey in header DD-APPLICATION-KEY)]"],
        );
    }

    #[test]
    fn renamed_component_schema() {
        check(
            |spec| {
                let schemas = &mut spec
                    .components
                    .as_mut()
                    .unwrap_or_else(|| panic!("no components"))
                    .schemas;
                let schema = schemas
                    .shift_remove("TeamRef")
                    .unwrap_or_else(|| panic!("no TeamRef"));
                schemas.insert("TeamReference".into(), schema);
                let relationships = object(component_schema(spec, "TeamConnectionRelationships"));
                relationships.properties.insert(
                    "team".into(),
                    ReferenceOr::ref_("#/components/schemas/TeamReference"),
                );
            },
            &[
                "component schema TeamRef: only in ours",
                "component schema TeamReference: only in theirs",
            ],
        );
    }

    #[test]
    fn unresolvable_reference_is_an_error_not_a_difference() {
        let mut spec = load_spec(Path::new(OUR_SPEC)).unwrap_or_else(|e| panic!("our spec: {e}"));
        object(component_schema(&mut spec, "TeamRef"))
            .properties
            .insert(
                "data".into(),
                ReferenceOr::ref_("#/components/schemas/Nope"),
            );
        let error = lower(&spec)
            .err()
            .unwrap_or_else(|| panic!("a dangling $ref must not lower"));
        assert!(
            error.contains("#/components/schemas/Nope does not resolve"),
            "unexpected error: {error}"
        );
    }

    #[test]
    fn allowlist_explains_whole_lines_and_prefixes_and_reports_stale_entries() {
        let differences = vec![
            Difference {
                place: "GET /a: parameter x".into(),
                what: "explode: ours=true, theirs=false".into(),
            },
            Difference {
                place: "GET /b: response 200".into(),
                what: "only in ours".into(),
            },
            Difference {
                place: "GET /c".into(),
                what: "x-unstable: ours=present, theirs=absent".into(),
            },
        ];
        let allowed = |difference: &str| Allowed {
            difference: difference.into(),
            reason: "because".into(),
        };
        let allowlist = vec![
            allowed("GET /a: parameter x: explode: ours=true, theirs=false"),
            allowed("GET /c: x-unstable"),
            allowed("GET /d: x-unstable"),
        ];
        let outcome = apply_allowlist(differences, &allowlist);
        let unexplained: Vec<String> = outcome
            .unexplained
            .iter()
            .map(Difference::to_string)
            .collect();
        let stale: Vec<&str> = outcome
            .stale
            .iter()
            .map(|a| a.difference.as_str())
            .collect();
        assert_eq!(unexplained, ["GET /b: response 200: only in ours"]);
        assert_eq!(stale, ["GET /d: x-unstable"]);
        assert!(!outcome.is_clean());
        let report = outcome.report();
        assert!(
            report.contains("  GET /b: response 200: only in ours\n"),
            "report: {report}"
        );
        assert!(
            report.contains("  GET /d: x-unstable\n"),
            "report: {report}"
        );
    }
}
