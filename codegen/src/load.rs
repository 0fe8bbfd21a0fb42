//! Stage 1: parse the spec text (OpenAPI 3.0, 3.1 or Swagger 2.0; YAML or JSON) into `openapiv3`
//! types.
//!
//! The text is first brought to OpenAPI 3.0 as a JSON value (`normalize`), then read as
//! `openapiv3` types. Errors carry the JSON pointer of the value that failed, computed by tracking
//! the deserializer's path and translated back into the document as written, plus the line and
//! column when the parser knows them.

use crate::error::{Error, Pointer};
use crate::ir::Diagnostic;
use crate::normalize::{self, Files, Json, Origins, SpecFiles};
use openapiv3::{
    Components, OpenAPI, Operation, Parameter, ReferenceOr, RequestBody, Response, Responses,
    Schema, SecurityScheme,
};
use serde::de::DeserializeOwned;

pub use crate::normalize::SourceVersion;

/// A document read as OpenAPI 3.0, with what it takes to talk about it as written.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The document, in OpenAPI 3.0 terms.
    pub spec: OpenAPI,
    /// What the document was written against.
    pub version: SourceVersion,
    /// What normalising it decided (a webhook skipped, a `collectionFormat` with no 3.0 form),
    /// pointing into the document as written.
    pub notes: Vec<Diagnostic>,
    origins: Origins,
}

impl Loaded {
    /// Where `pointer`, a place in [`spec`](Self::spec), was in the document as written (the same
    /// pointer for a 3.0 document; `/components/schemas/Pet` is `/definitions/Pet` in a 2.0 one).
    pub fn original_pointer(&self, pointer: &str) -> String {
        self.origins.original(pointer)
    }

    /// The error (from a later stage, about [`spec`](Self::spec)) pointing into the document as
    /// written.
    pub fn relocate(&self, error: Error) -> Error {
        self.origins.relocate(error)
    }

    /// Diagnostics about [`spec`](Self::spec) pointing into the document as written, with the
    /// notes added, sorted.
    pub fn diagnostics(&self, about_spec: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = about_spec
            .into_iter()
            .map(|d| self.origins.relocate_diagnostic(d))
            .chain(self.notes.iter().cloned())
            .collect();
        all.sort();
        all
    }
}

/// Parses an OpenAPI 3.0.x or 3.1.x, or a Swagger 2.0, document (YAML or JSON).
///
/// Three steps: the text becomes a JSON value (syntax errors, duplicate keys; with line and
/// column), its version is checked (an unsupported one is the first error reported) and it is
/// brought to OpenAPI 3.0, then the value becomes `openapiv3` types (shape errors; with a JSON
/// pointer). Going through one value also keeps `openapiv3`'s retrying deserializers consistent:
/// on text with duplicate keys they can otherwise reach an `expect` inside the crate.
pub fn load(text: &str) -> Result<Loaded, Error> {
    load_from(text, None)
}

/// Parses a multi-file document: the main one at `main` among `files` (a path as [`SpecFiles`]
/// describes it), with the relative file references in it and in the files it names resolved
/// among `files` (never outside them, never over the network). Errors about parts of other files
/// point into them (`schemas/pet.yaml#/Pet/properties/id`).
pub fn load_with_files(files: &dyn SpecFiles, main: &str) -> Result<Loaded, Error> {
    let text = files.read(main).map_err(|reason| Error::Invalid {
        pointer: String::new(),
        reason: format!("the spec `{main}` {reason}"),
    })?;
    load_from(&text, Some(Files { files, main }))
}

fn load_from(text: &str, files: Option<Files<'_>>) -> Result<Loaded, Error> {
    let normalize::Normalized {
        value,
        version,
        origins,
        notes,
    } = normalize::normalize(text, files)?;
    // Read without tracking the path (a tenth of loading); only a failure is read again, from a
    // fresh normalisation of the text, to find where it failed.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(value)));
    let spec = match parsed {
        Ok(Ok(spec)) => spec,
        Ok(Err(plain)) => {
            let tracked = normalize::normalize(text, files).ok().map(|n| {
                let tracked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    serde_path_to_error::deserialize::<_, OpenAPI>(n.value.clone())
                }));
                (n, tracked)
            });
            let (pointer, message, value) = match tracked {
                Some((n, Ok(Err(err)))) => (
                    path_to_pointer(err.path()),
                    err.into_inner().to_string(),
                    Some(n.value),
                ),
                Some((n, _)) => (String::new(), plain.to_string(), Some(n.value)),
                None => (String::new(), plain.to_string(), None),
            };
            // openapiv3 flattens extensions into most objects, which hides the path below them;
            // parse the parts one by one to find the innermost one that fails.
            let refined = value.and_then(|v| refine(&v).err());
            let (pointer, message) = refined.unwrap_or((pointer, message));
            return Err(origins.relocate(Error::Parse {
                pointer,
                location: None,
                message,
            }));
        }
        // A dependency bug must not take the caller down with it.
        Err(_) => {
            return Err(Error::Parse {
                pointer: String::new(),
                location: None,
                message: "the OpenAPI parser failed on this document".to_owned(),
            })
        }
    };
    Ok(Loaded {
        spec,
        version,
        notes,
        origins,
    })
}

/// Reads the document as openapiv3 types without tracking the path: its `components` (about half
/// of a large document) on a thread of their own beside the rest. A panic in either is passed on.
fn read(mut value: Json) -> Result<OpenAPI, serde_json::Error> {
    use serde::Deserialize;
    let components = value
        .as_object_mut()
        .and_then(|o| o.shift_remove("components"));
    let Some(components) = components else {
        return OpenAPI::deserialize(value);
    };
    std::thread::scope(|scope| {
        let side = scope.spawn(move || Option::<Components>::deserialize(components));
        let rest = OpenAPI::deserialize(value);
        let components = side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let mut spec = rest?;
        spec.components = components?;
        Ok(spec)
    })
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The innermost failing part of a document that did not parse as a whole: each operation field and
/// each component is tried on its own, and the schemas in them first.
fn refine(doc: &Json) -> Result<(), (String, String)> {
    let root = Pointer::root();
    for (path, item) in entries(doc.get("paths")) {
        let at = root.push("paths").push(path);
        for (key, value) in entries(Some(item)) {
            let at = at.push(key);
            if key == "parameters" {
                refine_parameters(value, &at)?;
            } else if METHODS.contains(&key.as_str()) {
                for (field, part) in entries(Some(value)) {
                    let at = at.push(field);
                    match field.as_str() {
                        "parameters" => refine_parameters(part, &at)?,
                        "requestBody" => {
                            refine_content(part, &at)?;
                            try_parse::<ReferenceOr<RequestBody>>(part, &at)?;
                        }
                        "responses" => {
                            for (code, response) in entries(Some(part)) {
                                refine_response(response, &at.push(code))?;
                            }
                            try_parse::<Responses>(part, &at)?;
                        }
                        _ => {}
                    }
                }
                try_parse::<Operation>(value, &at)?;
            }
        }
    }
    if let Some(components) = doc.get("components") {
        let at = root.push("components");
        let each = |kind: &str| {
            let at = at.push(kind);
            entries(components.get(kind)).map(move |(name, value)| (value, at.push(name)))
        };
        for (schema, at) in each("schemas") {
            refine_schema(schema, &at)?;
        }
        for (p, at) in each("parameters") {
            refine_parameter(p, &at)?;
        }
        for (body, at) in each("requestBodies") {
            refine_content(body, &at)?;
            try_parse::<ReferenceOr<RequestBody>>(body, &at)?;
        }
        for (r, at) in each("responses") {
            refine_response(r, &at)?;
        }
        for (scheme, at) in each("securitySchemes") {
            try_parse::<ReferenceOr<SecurityScheme>>(scheme, &at)?;
        }
        try_parse::<Components>(components, &at)?;
    }
    Ok(())
}

/// The entries of an object (none for anything else).
fn entries(value: Option<&Json>) -> impl Iterator<Item = (&String, &Json)> {
    value.and_then(Json::as_object).into_iter().flatten()
}

fn refine_parameters(list: &Json, at: &Pointer) -> Result<(), (String, String)> {
    for (i, p) in list.as_array().into_iter().flatten().enumerate() {
        refine_parameter(p, &at.push(i.to_string()))?;
    }
    try_parse::<Vec<ReferenceOr<Parameter>>>(list, at)
}

fn refine_parameter(p: &Json, at: &Pointer) -> Result<(), (String, String)> {
    if let Some(schema) = p.get("schema") {
        refine_schema(schema, &at.push("schema"))?;
    }
    refine_content(p, at)?;
    try_parse::<ReferenceOr<Parameter>>(p, at)
}

fn refine_response(r: &Json, at: &Pointer) -> Result<(), (String, String)> {
    refine_content(r, at)?;
    for (name, header) in entries(r.get("headers")) {
        if let Some(schema) = header.get("schema") {
            refine_schema(schema, &at.push("headers").push(name).push("schema"))?;
        }
    }
    try_parse::<ReferenceOr<Response>>(r, at)
}

/// The schema of each media type in `holder`'s `content`.
fn refine_content(holder: &Json, at: &Pointer) -> Result<(), (String, String)> {
    for (media, entry) in entries(holder.get("content")) {
        if let Some(schema) = entry.get("schema") {
            refine_schema(schema, &at.push("content").push(media).push("schema"))?;
        }
    }
    Ok(())
}

/// A schema that fails: its innermost failing subschema, else the first of its keywords that
/// fails on its own (`openapiv3` flattens schemas, which hides the keyword from the path), else
/// the schema. Only the failing path is explored.
fn refine_schema(schema: &Json, at: &Pointer) -> Result<(), (String, String)> {
    let Err(failure) = try_parse::<ReferenceOr<Schema>>(schema, at) else {
        return Ok(());
    };
    let Some(object) = schema.as_object() else {
        return Err(failure);
    };
    for (key, value) in object {
        let here = at.push(key);
        match (key.as_str(), value) {
            ("properties", Json::Object(properties)) => {
                for (name, p) in properties {
                    refine_schema(p, &here.push(name))?;
                }
            }
            ("items" | "not", v) | ("additionalProperties", v @ Json::Object(_)) => {
                refine_schema(v, &here)?;
            }
            ("allOf" | "oneOf" | "anyOf", Json::Array(members)) => {
                for (i, m) in members.iter().enumerate() {
                    refine_schema(m, &here.push(i.to_string()))?;
                }
            }
            _ => {}
        }
    }
    for (key, value) in object {
        let alone = Json::Object([(key.clone(), value.clone())].into_iter().collect());
        if let Err((pointer, message)) = try_parse::<ReferenceOr<Schema>>(&alone, at) {
            let pointer = if pointer == at.as_str() {
                at.push(key).to_string()
            } else {
                pointer
            };
            return Err((pointer, message));
        }
    }
    Err(failure)
}

/// Parses `value` as `T`, or gives the pointer (below `at`) and message of the failure.
fn try_parse<T: DeserializeOwned>(value: &Json, at: &Pointer) -> Result<(), (String, String)> {
    // A copy: this runs on the error path only.
    serde_path_to_error::deserialize::<_, T>(value.clone())
        .map(drop)
        .map_err(|e| {
            (
                format!("{}{}", at.as_str(), path_to_pointer(e.path())),
                e.into_inner().to_string(),
            )
        })
}

/// Converts serde_path_to_error's path (`paths./api/v2/x.get`) into a JSON pointer.
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = Pointer::root();
    for segment in path.iter() {
        pointer = match segment {
            Segment::Seq { index } => pointer.push(index.to_string()),
            Segment::Map { key } => pointer.push(key),
            Segment::Enum { variant } => pointer.push(variant),
            Segment::Unknown => pointer.push("?"),
        };
    }
    pointer.as_str().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_read_beside_the_rest_as_in_one_piece() {
        use serde::Deserialize;
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-top: 1\npaths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Ok'}\ncomponents:\n  responses:\n    Ok: {description: ok}\n  schemas:\n    A: {type: object, x-a: true, properties: {b: {type: string}}}\n";
        let value = normalize::normalize(text, None).unwrap().value;
        let whole = OpenAPI::deserialize(value.clone()).unwrap();
        assert!(whole.components.is_some());
        assert_eq!(read(value).unwrap(), whole);
        let err = load("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas: 7\n").unwrap_err();
        assert_eq!(err.pointer(), Some("/components/schemas"), "{err}");
    }

    #[test]
    fn wrong_type_names_the_pointer() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses: 7\n";
        let err = load(text).unwrap_err();
        assert_eq!(err.pointer(), Some("/paths/~1x/get/responses"), "{err}");
    }

    #[test]
    fn missing_field_is_reported() {
        let err = load("openapi: 3.0.3\npaths: {}\n").unwrap_err();
        assert!(err.to_string().contains("info"), "{err}");
    }

    #[test]
    fn not_yaml_is_an_error_with_a_location() {
        let err = load("openapi: [3.0\n").unwrap_err();
        assert!(
            matches!(
                err,
                Error::Parse {
                    location: Some(_),
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn openapi_32_is_refused_before_shape_errors() {
        let err = load("openapi: 3.2.0\ninfo: 7\npaths: {}\n").unwrap_err();
        assert_eq!(err.pointer(), Some("/openapi"));
        assert!(err.to_string().contains("`3.2.0`"), "{err}");
    }

    #[test]
    fn openapi_31_and_swagger_20_are_read() {
        let loaded = load("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n").unwrap();
        assert_eq!(loaded.version, SourceVersion::OpenApi31);
        assert_eq!(loaded.spec.openapi, "3.0.3");
        let loaded = load("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap();
        assert_eq!(loaded.version, SourceVersion::Swagger20);
    }

    #[test]
    fn swagger_shape_errors_point_at_definitions() {
        let text = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  Pet:\n    type: object\n    properties:\n      id: {type: integer, maximum: yes}\n";
        let err = load(text).unwrap_err();
        assert_eq!(
            err.pointer(),
            Some("/definitions/Pet/properties/id/maximum"),
            "{err}"
        );
    }
}
