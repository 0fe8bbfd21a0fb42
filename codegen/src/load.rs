//! Stage 1: parse the spec text (YAML or JSON) into `openapiv3` types.
//!
//! Errors carry the JSON pointer of the value that failed, computed by tracking the deserializer's
//! path, plus the line and column when the YAML parser knows them.

use crate::error::{Error, Pointer};
use openapiv3::OpenAPI;

/// Parses an OpenAPI 3.0 document.
pub fn load(text: &str) -> Result<OpenAPI, Error> {
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let spec: OpenAPI = serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let pointer = path_to_pointer(err.path());
        let inner = err.into_inner();
        let location = inner.location().map(|l| (l.line(), l.column()));
        Error::Parse { pointer, location, message: inner.to_string() }
    })?;
    if !spec.openapi.starts_with("3.0") {
        return Err(Pointer::root()
            .push("openapi")
            .unsupported(format!("OpenAPI version {:?} (only 3.0.x is supported)", spec.openapi)));
    }
    Ok(spec)
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
        assert!(matches!(err, Error::Parse { location: Some(_), .. }), "{err:?}");
    }

    #[test]
    fn openapi_31_is_refused() {
        let err = load("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap_err();
        assert_eq!(err.pointer(), Some("/openapi"));
    }
}
