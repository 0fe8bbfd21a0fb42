//! Which specification a document follows, read before anything else about it.

use super::json::Json;
use crate::error::{Error, Pointer};

/// The specification a document was written against, before normalisation to OpenAPI 3.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SourceVersion {
    /// OpenAPI 3.0.x, used as it is.
    OpenApi30,
    /// OpenAPI 3.1.x, brought down to 3.0.
    OpenApi31,
    /// Swagger 2.0, converted to OpenAPI 3.0.
    Swagger20,
}

/// Reads `openapi` (or, without it, `swagger`). A missing or unsupported version is an error at
/// that field, so it comes before any complaint about the rest of the document.
pub(super) fn detect(doc: &Json) -> Result<SourceVersion, Error> {
    let (field, found) = match (doc.get("openapi"), doc.get("swagger")) {
        (Some(v), _) => ("openapi", v),
        (None, Some(v)) => ("swagger", v),
        (None, None) => {
            return Err(Error::Parse {
                pointer: "/openapi".to_owned(),
                location: None,
                message: "the document names no version: it needs `openapi: 3.0.x` or `3.1.x` \
                          (or `swagger: \"2.0\"`)"
                    .to_owned(),
            })
        }
    };
    let at = Pointer::root().push(field);
    let text = match found {
        Json::String(s) => s.clone(),
        // An unquoted `swagger: 2.0` is a YAML number; its text is what was meant.
        Json::Number(n) => n.to_string(),
        other => {
            return Err(Error::Parse {
                pointer: at.to_string(),
                location: None,
                message: format!("the version must be a string, not `{other}`"),
            })
        }
    };
    let minor = |prefix: &str| text == prefix || text.starts_with(&format!("{prefix}."));
    match field {
        "openapi" if minor("3.0") => Ok(SourceVersion::OpenApi30),
        "openapi" if minor("3.1") => Ok(SourceVersion::OpenApi31),
        "swagger" if text == "2.0" => Ok(SourceVersion::Swagger20),
        "openapi" => Err(at.unsupported(format!(
            "OpenAPI version `{text}` (supported: 3.0.x, 3.1.x, and Swagger 2.0)"
        ))),
        _ => Err(at.unsupported(format!(
            "Swagger version `{text}` (supported: Swagger 2.0, OpenAPI 3.0.x and 3.1.x)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions_are_recognised() {
        let cases = [
            (json!({"openapi": "3.0.3"}), SourceVersion::OpenApi30),
            (json!({"openapi": "3.0"}), SourceVersion::OpenApi30),
            (json!({"openapi": "3.1.1"}), SourceVersion::OpenApi31),
            (json!({"swagger": "2.0"}), SourceVersion::Swagger20),
            (json!({"swagger": 2.0}), SourceVersion::Swagger20),
        ];
        for (doc, version) in cases {
            assert_eq!(detect(&Json::from(doc.clone())), Ok(version), "{doc}");
        }
    }

    #[test]
    fn other_versions_are_named_in_the_error() {
        let cases = [
            (json!({"openapi": 2.5}), "/openapi", "`2.5`"),
            (json!({"openapi": "3.10.0"}), "/openapi", "`3.10.0`"),
            (json!({"openapi": "4.0"}), "/openapi", "`4.0`"),
            (json!({"swagger": "1.2"}), "/swagger", "`1.2`"),
            (json!({"openapi": [3]}), "/openapi", "[3]"),
            (json!({"info": {}}), "/openapi", "no version"),
            (json!([1]), "/openapi", "no version"),
        ];
        for (doc, pointer, words) in cases {
            let err = detect(&Json::from(doc.clone())).map(drop).unwrap_err();
            assert_eq!(err.pointer(), Some(pointer), "{doc}");
            assert!(err.to_string().contains(words), "{err}");
        }
    }
}
