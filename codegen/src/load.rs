//! Stage 1: parse the spec text (YAML or JSON) into `openapiv3` types.
//!
//! Errors carry the JSON pointer of the value that failed, computed by tracking the deserializer's
//! path, plus the line and column when the YAML parser knows them.

use crate::error::{Error, Pointer};
use openapiv3::{
    OpenAPI, Operation, Parameter, ReferenceOr, RequestBody, Response, Responses, Schema,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses an OpenAPI 3.0 document.
///
/// Two steps: the text becomes a YAML value (syntax errors, duplicate keys; with line and column),
/// then the value becomes `openapiv3` types (shape errors; with a JSON pointer). Going through one
/// value also keeps `openapiv3`'s retrying deserializers consistent: on text with duplicate keys
/// they can otherwise reach an `expect` inside the crate.
pub fn load(text: &str) -> Result<OpenAPI, Error> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| Error::Parse {
        pointer: String::new(),
        location: e.location().map(|l| (l.line(), l.column())),
        message: e.to_string(),
    })?;
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        serde_path_to_error::deserialize::<_, OpenAPI>(value)
    }));
    let spec = match parsed {
        Ok(Ok(spec)) => spec,
        Ok(Err(err)) => {
            let pointer = path_to_pointer(err.path());
            let message = err.into_inner().to_string();
            // openapiv3 flattens extensions into most objects, which hides the path below them;
            // parse the parts one by one to find the innermost one that fails.
            // The error path re-reads the text rather than keeping a copy of the value on the fast path.
            let refined = serde_yaml::from_str::<Value>(text)
                .ok()
                .and_then(|v| refine(&v).err());
            let (pointer, message) = refined.unwrap_or((pointer, message));
            return Err(Error::Parse {
                pointer,
                location: None,
                message,
            });
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
    if !spec.openapi.starts_with("3.0") {
        return Err(Pointer::root().push("openapi").unsupported(format!(
            "OpenAPI version {:?} (only 3.0.x is supported)",
            spec.openapi
        )));
    }
    Ok(spec)
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The innermost failing part of a document that did not parse as a whole: each operation field and
/// each component is tried on its own.
fn refine(doc: &Value) -> Result<(), (String, String)> {
    let root = Pointer::root();
    for (path, item) in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = root.push("paths").push(path);
        for (key, value) in item.as_object().into_iter().flatten() {
            let at = at.push(key);
            if key == "parameters" {
                try_parse::<Vec<ReferenceOr<Parameter>>>(value, &at)?;
            } else if METHODS.contains(&key.as_str()) {
                for (field, part) in value.as_object().into_iter().flatten() {
                    let at = at.push(field);
                    match field.as_str() {
                        "parameters" => try_parse::<Vec<ReferenceOr<Parameter>>>(part, &at)?,
                        "requestBody" => try_parse::<ReferenceOr<RequestBody>>(part, &at)?,
                        "responses" => {
                            try_parse::<Responses>(part, &at)?;
                            for (code, response) in part.as_object().into_iter().flatten() {
                                try_parse::<ReferenceOr<Response>>(response, &at.push(code))?;
                            }
                        }
                        _ => {}
                    }
                }
                try_parse::<Operation>(value, &at)?;
            }
        }
    }
    if let Some(components) = doc.get("components").and_then(Value::as_object) {
        let at = root.push("components");
        for (name, schema) in components
            .get("schemas")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            try_parse::<ReferenceOr<Schema>>(schema, &at.push("schemas").push(name))?;
        }
        for (name, p) in components
            .get("parameters")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            try_parse::<ReferenceOr<Parameter>>(p, &at.push("parameters").push(name))?;
        }
        for (name, r) in components
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            try_parse::<ReferenceOr<Response>>(r, &at.push("responses").push(name))?;
        }
    }
    Ok(())
}

/// Parses `value` as `T`, or gives the pointer (below `at`) and message of the failure.
fn try_parse<T: DeserializeOwned>(value: &Value, at: &Pointer) -> Result<(), (String, String)> {
    serde_path_to_error::deserialize::<_, T>(value)
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
    fn openapi_31_is_refused() {
        let err = load("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap_err();
        assert_eq!(err.pointer(), Some("/openapi"));
    }
}
