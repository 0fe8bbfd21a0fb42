//! The generator's error type: every failure names where in the spec (a JSON pointer) and why.

/// Why generation failed, and where in the spec.
///
/// Pointers follow RFC 6901 (`/paths/~1api~1v2~1org_connections/get/parameters/0`), so they can be
/// pasted into any JSON-pointer tool; an empty pointer means the document root.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not YAML (or JSON), or does not have the shape of an OpenAPI 3.0 document.
    #[error("invalid spec at `{pointer}`{}: {message}", location.map(|(l, c)| format!(" (line {l}, column {c})")).unwrap_or_default())]
    Parse {
        /// Where the problem is.
        pointer: String,
        /// Line and column in the source, when the parser knows them.
        location: Option<(usize, usize)>,
        /// What the parser said.
        message: String,
    },
    /// A `$ref` points at nothing, or at something of the wrong kind.
    #[error("unresolved reference `{reference}` at `{pointer}`: {reason}")]
    Reference {
        /// Where the `$ref` is.
        pointer: String,
        /// The reference as written.
        reference: String,
        /// Why it cannot be resolved.
        reason: String,
    },
    /// The spec is well-formed but says something the generator cannot turn into a usable API.
    #[error("invalid spec at `{pointer}`: {reason}")]
    Invalid {
        /// Where the problem is.
        pointer: String,
        /// What is wrong.
        reason: String,
    },
    /// The spec uses an OpenAPI construct this generator does not support yet.
    #[error("unsupported construct at `{pointer}`: {what}")]
    Unsupported {
        /// Where the construct is.
        pointer: String,
        /// What the construct is.
        what: String,
    },
    /// The emitted tokens did not form a valid Rust file (a generator bug, reported instead of panicking).
    #[error("generated file `{file}` is not valid Rust: {message}")]
    Format {
        /// The output file.
        file: String,
        /// The parser's message.
        message: String,
    },
}

impl Error {
    /// The JSON pointer into the spec where the problem is, when there is one.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            Error::Parse { pointer, .. }
            | Error::Reference { pointer, .. }
            | Error::Invalid { pointer, .. }
            | Error::Unsupported { pointer, .. } => Some(pointer),
            Error::Format { .. } => None,
        }
    }
}

/// Builds RFC 6901 JSON pointers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pointer(String);

impl Pointer {
    /// The document root.
    pub(crate) fn root() -> Self {
        Pointer(String::new())
    }

    /// This pointer extended by one reference token, escaped as RFC 6901 requires.
    pub(crate) fn push(&self, token: impl AsRef<str>) -> Self {
        let escaped = token.as_ref().replace('~', "~0").replace('/', "~1");
        Pointer(format!("{}/{}", self.0, escaped))
    }

    /// A place as written, when it is not in the main document: `pet.yaml#/Pet` names a part of
    /// another file of a multi-file spec.
    pub(crate) fn raw(text: impl Into<String>) -> Self {
        Pointer(text.into())
    }

    /// The pointer text.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn invalid(&self, reason: impl Into<String>) -> Error {
        Error::Invalid {
            pointer: self.0.clone(),
            reason: reason.into(),
        }
    }

    pub(crate) fn unsupported(&self, what: impl Into<String>) -> Error {
        Error::Unsupported {
            pointer: self.0.clone(),
            what: what.into(),
        }
    }
}

impl std::fmt::Display for Pointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_slash_and_tilde() {
        let p = Pointer::root()
            .push("paths")
            .push("/api/v2/x~y")
            .push("get");
        assert_eq!(p.as_str(), "/paths/~1api~1v2~1x~0y/get");
    }

    #[test]
    fn parse_error_message_names_location() {
        let e = Error::Parse {
            pointer: "/paths".into(),
            location: Some((3, 7)),
            message: "bad".into(),
        };
        assert_eq!(
            e.to_string(),
            "invalid spec at `/paths` (line 3, column 7): bad"
        );
    }
}
