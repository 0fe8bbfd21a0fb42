//! Where the parts of a normalised document came from, so that errors and notes point into the
//! document as it was written.

use crate::error::{Error, Pointer};
use crate::ir::Diagnostic;
use std::collections::HashMap;

/// A map from places in the normalised document to the places they came from, by JSON pointer
/// prefix: with `/components/schemas` ← `/definitions`, the pointer `/components/schemas/Pet/type`
/// is `/definitions/Pet/type` in the original. The longest recorded prefix wins, so a moved part
/// inside a moved part can be recorded on its own. An empty map is the identity.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origins {
    moved: HashMap<String, String>,
}

impl Origins {
    /// Records that what is now at `to` was at `from` (both in normalised coordinates as they stand
    /// when recording; `from` is translated through what is already recorded, so moves made
    /// outermost first compose).
    pub(crate) fn record(&mut self, to: &Pointer, from: &Pointer) {
        let from = self.original(from.as_str());
        if from != to.as_str() {
            self.moved.insert(to.as_str().to_owned(), from);
        }
    }

    /// Records that what is now at `to` was at `original`, a pointer into the original document.
    pub(crate) fn record_original(&mut self, to: &Pointer, original: &Pointer) {
        if original != to {
            self.moved
                .insert(to.as_str().to_owned(), original.as_str().to_owned());
        }
    }

    /// The pointer in the original document for `pointer` in the normalised one.
    pub(crate) fn original(&self, pointer: &str) -> String {
        if self.moved.is_empty() {
            return pointer.to_owned();
        }
        let mut prefix = pointer;
        loop {
            if let Some(from) = self.moved.get(prefix) {
                return format!("{from}{}", &pointer[prefix.len()..]);
            }
            match prefix.rfind('/') {
                Some(i) => prefix = &prefix[..i],
                None => return pointer.to_owned(),
            }
        }
    }

    /// The error with its pointer (and a local `$ref` it names) in original coordinates.
    pub(crate) fn relocate(&self, error: Error) -> Error {
        if self.moved.is_empty() {
            return error;
        }
        match error {
            Error::Parse {
                pointer,
                location,
                message,
            } => Error::Parse {
                pointer: self.original(&pointer),
                location,
                message,
            },
            Error::Reference {
                pointer,
                reference,
                reason,
            } => Error::Reference {
                pointer: self.original(&pointer),
                reference: match reference.strip_prefix('#') {
                    Some(target) if target.starts_with('/') => {
                        format!("#{}", self.original(target))
                    }
                    _ => reference,
                },
                reason,
            },
            Error::Invalid { pointer, reason } => Error::Invalid {
                pointer: self.original(&pointer),
                reason,
            },
            Error::Unsupported { pointer, what } => Error::Unsupported {
                pointer: self.original(&pointer),
                what,
            },
            Error::Format { file, message } => Error::Format { file, message },
        }
    }

    /// The diagnostic with its pointer in original coordinates.
    pub(crate) fn relocate_diagnostic(&self, diagnostic: Diagnostic) -> Diagnostic {
        Diagnostic {
            pointer: self.original(&diagnostic.pointer),
            ..diagnostic
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(tokens: &[&str]) -> Pointer {
        tokens.iter().fold(Pointer::root(), |p, t| p.push(t))
    }

    #[test]
    fn longest_prefix_wins_and_moves_compose() {
        let mut origins = Origins::default();
        origins.record(&p(&["components", "schemas"]), &p(&["definitions"]));
        origins.record(
            &p(&["components", "schemas", "A", "anyOf", "0"]),
            &p(&["components", "schemas", "A"]),
        );
        assert_eq!(
            origins.original("/components/schemas/A/anyOf/0/format"),
            "/definitions/A/format"
        );
        assert_eq!(origins.original("/components/schemas/B"), "/definitions/B");
        assert_eq!(
            origins.original("/components/schemasX"),
            "/components/schemasX"
        );
        assert_eq!(origins.original("/paths"), "/paths");
    }

    #[test]
    fn references_in_errors_are_relocated() {
        let mut origins = Origins::default();
        origins.record(&p(&["components", "schemas"]), &p(&["definitions"]));
        let error = origins.relocate(Error::Reference {
            pointer: "/components/schemas/A/items".into(),
            reference: "#/components/schemas/Nope".into(),
            reason: "no schema".into(),
        });
        assert_eq!(error.pointer(), Some("/definitions/A/items"));
        assert!(
            error.to_string().contains("`#/definitions/Nope`"),
            "{error}"
        );
    }
}
