//! Stage 0: any supported document → an OpenAPI 3.0 document, as a JSON value ([`Json`], which
//! keeps the document's key order).
//!
//! The text is parsed ([`parse`]: JSON as JSON, anything else as YAML), its version is read
//! first ([`version`]), and a 3.1 ([`v31`]) or Swagger 2.0 ([`swagger2`]) document is rewritten
//! into the 3.0 shape that `openapiv3` reads. A 3.0 document is left as it is. Each rewrite records
//! where moved parts came from ([`Origins`]), so errors found later still point into the document
//! as written, and gives notes for what a reader should know (a webhook skipped, a
//! `collectionFormat` with no 3.0 equivalent).
//!
//! Around the conversion, [`refs`] rewrites references so that lowering only ever sees
//! `#/components/<kind>/<name>`: other files of a multi-file spec are brought in and `$ref` path
//! items inlined before it, any other local JSON pointer hoisted into a component after it.

mod coerce;
mod json;
mod origins;
mod parse;
mod refs;
mod swagger2;
mod v31;
mod version;
mod walk;

pub(crate) use json::Json;
pub(crate) use origins::Origins;
pub use refs::files::{FsFiles, MemoryFiles, SpecFiles, MAX_FILE_BYTES};
pub use version::SourceVersion;

use crate::error::{Error, Pointer};
use crate::ir::Diagnostic;

/// The version that normalised documents declare.
const TARGET_VERSION: &str = "3.0.3";

/// A document in OpenAPI 3.0 shape, with what it takes to talk about the original.
#[derive(Debug)]
pub(crate) struct Normalized {
    /// The OpenAPI 3.0 document.
    pub(crate) value: Json,
    /// What the original was.
    pub(crate) version: SourceVersion,
    /// Where moved parts came from.
    pub(crate) origins: Origins,
    /// Decisions a reader should know, pointing into the original.
    pub(crate) notes: Vec<Diagnostic>,
}

/// What a rewrite records besides the value it produces.
#[derive(Debug, Default)]
struct Record {
    origins: Origins,
    notes: Vec<Diagnostic>,
}

impl Record {
    /// What is now at `to` was at `from`.
    fn moved(&mut self, to: &Pointer, from: &Pointer) {
        self.origins.record(to, from);
    }

    /// What is now at `to` was at `original` in the original document.
    fn came_from(&mut self, to: &Pointer, original: &Pointer) {
        self.origins.record_original(to, original);
    }

    /// A note at `at`, a pointer in normalised coordinates (translated through what is recorded).
    fn note(&mut self, at: &Pointer, message: impl Into<String>) {
        self.notes.push(Diagnostic {
            kind: crate::ir::NoteKind::Converted,
            pointer: self.origins.original(at.as_str()),
            message: message.into(),
        });
    }

    /// A note at `original`, a pointer into the original document.
    fn note_original(&mut self, original: &Pointer, message: impl Into<String>) {
        self.notes.push(Diagnostic {
            kind: crate::ir::NoteKind::Converted,
            pointer: original.to_string(),
            message: message.into(),
        });
    }
}

/// The other files of a multi-file spec, and the main document's path among them.
#[derive(Clone, Copy)]
pub(crate) struct Files<'f> {
    pub(crate) files: &'f dyn SpecFiles,
    pub(crate) main: &'f str,
}

/// Parses and normalises a document; `files`, when given, are where its file references lead
/// (without them such references are left for lowering to refuse).
pub(crate) fn normalize(text: &str, files: Option<Files<'_>>) -> Result<Normalized, Error> {
    let mut value = parse::parse(text)?;
    let version = version::detect(&value)?;
    let mut record = Record::default();
    let dialect = match version {
        SourceVersion::Swagger20 => refs::Dialect::Swagger2,
        _ => refs::Dialect::OpenApi3,
    };
    if let Some(Files { files, main }) = files {
        refs::files::bundle(&mut value, dialect, main, files, &mut record)
            .map_err(|e| record.origins.relocate(e))?;
    }
    refs::path_items::inline(&mut value, dialect, &mut record)
        .map_err(|e| record.origins.relocate(e))?;
    if dialect == refs::Dialect::Swagger2 {
        // In the 2.0 layout: its conversion moves schemas that pointers may name.
        refs::local::resolve(&mut value, dialect, &mut record)
            .map_err(|e| record.origins.relocate(e))?;
    }
    match version {
        SourceVersion::OpenApi30 => {
            // `openapi: 3.0` unquoted is a number; `openapiv3` reads a string.
            if let Some(v @ Json::Number(_)) = value.get_mut("openapi") {
                *v = Json::String(v.to_string());
            }
        }
        SourceVersion::OpenApi31 => v31::convert(&mut value, &mut record),
        SourceVersion::Swagger20 => value = swagger2::convert(value, &mut record),
    }
    coerce::coerce(&mut value, &mut record);
    if dialect == refs::Dialect::OpenApi3 {
        refs::local::resolve(&mut value, dialect, &mut record)
            .map_err(|e| record.origins.relocate(e))?;
    }
    Ok(Normalized {
        value,
        version,
        origins: record.origins,
        notes: record.notes,
    })
}
