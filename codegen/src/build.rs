//! Generation from a Cargo build script: [`Builder`] reads a spec (and the files it references)
//! and its configuration, and writes the API as ONE Rust file in `$OUT_DIR` for `include!`.
//!
//! `include!` cannot follow `mod x;` declarations (they would be looked for next to the including
//! file, not in `OUT_DIR`), so the modules the generator writes are nested into one syntax tree:
//! each `mod x;` becomes `mod x { … }` holding the parsed file, and the tree is formatted with
//! prettyplease. The root module's own docs are left out: an included file cannot carry inner
//! attributes, and the including crate documents itself.
//!
//! # Example
//!
//! `build.rs`:
//!
//! ```no_run
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // Writes $OUT_DIR/petstore.rs and tells Cargo to rerun when the spec, a file it references
//!     // or the configuration changes.
//!     openapi_sdk_codegen::build::Builder::new("spec/petstore.yaml")
//!         .config("spec/petstore.codegen.yaml")
//!         .generate()?;
//!     Ok(())
//! }
//! ```
//!
//! `src/lib.rs` (not a doctest: `OUT_DIR` exists only in a crate with a build script):
//!
//! ```ignore
//! include!(concat!(env!("OUT_DIR"), "/petstore.rs"));
//! ```
//!
//! `Cargo.toml` needs `openapi-sdk-codegen` under `[build-dependencies]` and, under
//! `[dependencies]`, what generated code uses: `openapi-sdk-runtime`, `serde`, `serde_json`, and
//! `uuid` or `chrono` when the spec has UUIDs or dates. The generated items are reached at the
//! crate root (`petstore::Client`); doc examples in them name the crate by its package name, or
//! by [`Builder::crate_path`] when the file is included in a module.

use crate::error::Error;
use crate::{generate_with_files, Config, FsFiles, Options, Output, SpecFiles};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Generates a spec's API into one file for `include!`, from a build script.
#[derive(Debug, Clone)]
pub struct Builder {
    spec: PathBuf,
    config: Option<PathBuf>,
    name: Option<String>,
    crate_path: Option<String>,
    out_dir: Option<PathBuf>,
}

/// What [`Builder::generate`] wrote, or [`Builder::render`] produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The file written (`$OUT_DIR/<name>.rs`); for [`Builder::render`], where it would go, when
    /// known.
    pub path: Option<PathBuf>,
    /// The file's text.
    pub source: String,
    /// Every file generation read, or tried to read (the spec, files it references, the
    /// configuration), which Cargo is told to watch.
    pub inputs: Vec<PathBuf>,
    /// The generator's notes (renamed collisions, tolerated spec mistakes).
    pub diagnostics: Vec<crate::ir::Diagnostic>,
}

/// Why a build script's generation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The generator refused the spec (the error holds the JSON pointer and the reason).
    #[error("{}: {error}", spec.display())]
    Spec {
        /// The spec file.
        spec: PathBuf,
        /// Where and why.
        error: Error,
    },
    /// The generator configuration is not valid.
    #[error("{}: {error}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// Where in it and why.
        error: Error,
    },
    /// Neither [`Builder::out_dir`] nor the `OUT_DIR` environment variable (which Cargo sets for
    /// build scripts) says where to write.
    #[error(
        "OUT_DIR is not set: call Builder::generate from a build script, or set Builder::out_dir"
    )]
    NoOutDir,
    /// The output file name is not a plain file name.
    #[error("output name {0:?} is not a plain file name (letters, digits, `-` and `_`)")]
    Name(String),
    /// The generated modules could not be nested into one file (a generator bug, reported
    /// instead of panicking).
    #[error("generated file `{file}` cannot be nested into one file: {reason}")]
    Nest {
        /// The generated file.
        file: String,
        /// Why.
        reason: String,
    },
}

impl BuildError {
    /// The JSON pointer into the spec or configuration where the problem is, when there is one.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            BuildError::Spec { error, .. } | BuildError::Config { error, .. } => error.pointer(),
            _ => None,
        }
    }
}

impl Builder {
    /// Generation from the spec at `spec` (relative paths are relative to the current
    /// directory, which for a build script is the package's root). Files the spec references
    /// are read from its folder, never outside it.
    pub fn new(spec: impl Into<PathBuf>) -> Builder {
        Builder {
            spec: spec.into(),
            config: None,
            name: None,
            crate_path: None,
            out_dir: None,
        }
    }

    /// The generator configuration (default: `<spec stem>.codegen.yaml` next to the spec when
    /// that file exists, else none).
    pub fn config(mut self, path: impl Into<PathBuf>) -> Builder {
        self.config = Some(path.into());
        self
    }

    /// The output file's name without `.rs` (default: the spec's file stem, with characters
    /// other than letters, digits, `-` and `_` replaced by `_`).
    pub fn file_name(mut self, name: impl Into<String>) -> Builder {
        self.name = Some(name.into());
        self
    }

    /// The Rust path doc examples reach the generated items by (default: the package being
    /// built, from `CARGO_PKG_NAME`; `my_crate::api` when the file is included in `mod api`).
    pub fn crate_path(mut self, path: impl Into<String>) -> Builder {
        self.crate_path = Some(path.into());
        self
    }

    /// The folder to write into (default: the `OUT_DIR` environment variable).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.out_dir = Some(dir.into());
        self
    }

    /// Generates, writes `<out dir>/<name>.rs` (unless its bytes are already those), and prints
    /// `cargo:rerun-if-changed` for every input.
    pub fn generate(self) -> Result<Built, BuildError> {
        let name = self.output_name()?;
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(BuildError::NoOutDir)?,
        };
        let mut built = self.render()?;
        // Cargo reruns the script when an input changes, even after a failure below.
        for input in &built.inputs {
            println!("cargo:rerun-if-changed={}", input.display());
        }
        let path = out_dir.join(format!("{name}.rs"));
        if !std::fs::read(&path).is_ok_and(|old| old == built.source.as_bytes()) {
            std::fs::create_dir_all(&out_dir).map_err(|source| BuildError::Io {
                path: out_dir.clone(),
                source,
            })?;
            std::fs::write(&path, &built.source).map_err(|source| BuildError::Io {
                path: path.clone(),
                source,
            })?;
        }
        built.path = Some(path);
        Ok(built)
    }

    /// Generates the single file's text without writing anything or printing to Cargo.
    pub fn render(&self) -> Result<Built, BuildError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| BuildError::Io { path, source }
        };
        let spec = self.spec.canonicalize().map_err(io(&self.spec))?;
        let (Some(folder), Some(main)) = (spec.parent(), spec.file_name().and_then(|n| n.to_str()))
        else {
            return Err(io(&self.spec)(std::io::Error::other(
                "not a file with a UTF-8 name",
            )));
        };
        let files = Recording {
            files: FsFiles::new(folder).map_err(io(folder))?,
            read: Mutex::default(),
        };
        let config_path = self.config.clone().or_else(|| default_config(&self.spec));
        let config = match &config_path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(io(path))?;
                Config::parse(&text).map_err(|error| BuildError::Config {
                    path: path.clone(),
                    error,
                })?
            }
            None => Config::default(),
        };
        let options = Options {
            spec_name: self.spec.to_string_lossy().into_owned(),
            crate_path: self.crate_path.clone().unwrap_or_else(package_path),
            config,
            output: Output::Modules,
            ..Options::default()
        };
        let generated =
            generate_with_files(&files, main, &options).map_err(|error| BuildError::Spec {
                spec: self.spec.clone(),
                error,
            })?;
        let mut inputs: Vec<PathBuf> = files
            .read
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .into_iter()
            .map(|rel| rel.split('/').fold(folder.to_path_buf(), |p, s| p.join(s)))
            .collect();
        inputs.extend(config_path);
        let spec_label = crate::write::spec_label(&options.spec_name);
        Ok(Built {
            path: None,
            source: single_file(&generated.files, &spec_label)?,
            inputs,
            diagnostics: generated.diagnostics,
        })
    }

    fn output_name(&self) -> Result<String, BuildError> {
        match &self.name {
            Some(name) => {
                let plain = !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if plain {
                    Ok(name.clone())
                } else {
                    Err(BuildError::Name(name.clone()))
                }
            }
            None => {
                let stem = self
                    .spec
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name: String = stem
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                Ok(if name.is_empty() {
                    "api".to_owned()
                } else {
                    name
                })
            }
        }
    }
}

/// `<stem>.codegen.yaml` next to the spec, when it exists.
fn default_config(spec: &Path) -> Option<PathBuf> {
    let stem = spec.file_stem()?.to_string_lossy().into_owned();
    let candidate = spec.with_file_name(format!("{stem}.codegen.yaml"));
    candidate.is_file().then_some(candidate)
}

/// The package being built, as a Rust path (`CARGO_PKG_NAME` with `-` as `_`), else the
/// default crate path.
fn package_path() -> String {
    std::env::var("CARGO_PKG_NAME")
        .map(|name| name.replace('-', "_"))
        .unwrap_or_else(|_| Options::default().crate_path)
}

/// A spec's files, with every path read (or tried) recorded for `rerun-if-changed`.
struct Recording {
    files: FsFiles,
    read: Mutex<BTreeSet<String>>,
}

impl SpecFiles for Recording {
    fn read(&self, path: &str) -> Result<String, String> {
        if let Ok(mut read) = self.read.lock() {
            read.insert(path.to_owned());
        }
        self.files.read(path)
    }
}

/// The modules the generator writes (`mod.rs` at the root) as one file: every `mod x;` replaced
/// by `mod x { … }` holding `x.rs` (or `x/mod.rs`), parsed, with its inner attributes; the root's
/// own inner attributes are left out. Formatted with prettyplease under the generated header.
pub(crate) fn single_file(
    files: &BTreeMap<String, String>,
    spec_label: &str,
) -> Result<String, BuildError> {
    let mut used = BTreeSet::new();
    let root = parse(files, "mod.rs")?;
    used.insert("mod.rs".to_owned());
    let items = nest(files, "", root.items, &mut used)?;
    if let Some(unused) = files
        .keys()
        .find(|path| path.ends_with(".rs") && !used.contains(*path))
    {
        return Err(BuildError::Nest {
            file: unused.clone(),
            reason: "no module declares it".to_owned(),
        });
    }
    let file = syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    };
    Ok(format!(
        "{}{}",
        crate::write::header(spec_label),
        prettyplease::unparse(&file)
    ))
}

fn parse(files: &BTreeMap<String, String>, path: &str) -> Result<syn::File, BuildError> {
    let text = files.get(path).ok_or_else(|| BuildError::Nest {
        file: path.to_owned(),
        reason: "a module names it, but it was not generated".to_owned(),
    })?;
    syn::parse_file(text).map_err(|e| BuildError::Nest {
        file: path.to_owned(),
        reason: e.to_string(),
    })
}

/// `items` of the module whose children live in `dir` (`""`, `models/`), with each `mod x;`
/// replaced by its file's contents.
fn nest(
    files: &BTreeMap<String, String>,
    dir: &str,
    items: Vec<syn::Item>,
    used: &mut BTreeSet<String>,
) -> Result<Vec<syn::Item>, BuildError> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let syn::Item::Mod(mut module) = item else {
            out.push(item);
            continue;
        };
        if module.content.is_some() {
            out.push(syn::Item::Mod(module));
            continue;
        }
        let name = module.ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name);
        if module.attrs.iter().any(|a| a.path().is_ident("path")) {
            return Err(BuildError::Nest {
                file: format!("{dir}{name}"),
                reason: "a `#[path]` module cannot be nested".to_owned(),
            });
        }
        let flat = format!("{dir}{name}.rs");
        let path = if files.contains_key(&flat) {
            flat
        } else {
            format!("{dir}{name}/mod.rs")
        };
        let file = parse(files, &path)?;
        used.insert(path);
        let inner = nest(files, &format!("{dir}{name}/"), file.items, used)?;
        module.attrs.extend(file.attrs);
        module.content = Some((syn::token::Brace::default(), inner));
        module.semi = None;
        out.push(syn::Item::Mod(module));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{single_file, BuildError, Builder};
    use std::collections::BTreeMap;
    use std::path::Path;

    fn fixture(path: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path)
    }

    /// A multi-file spec: every file it references is an input Cargo watches, the file parses as
    /// one Rust file with the modules inline, and two runs give the same bytes.
    #[test]
    fn a_multi_file_spec_becomes_one_file_with_every_input_watched() {
        let builder = Builder::new(fixture("refs/multi/openapi.yaml")).crate_path("multi");
        let built = builder.render().unwrap();
        let folder = fixture("refs/multi").canonicalize().unwrap();
        let mut inputs: Vec<String> = built
            .inputs
            .iter()
            .map(|p| {
                p.strip_prefix(&folder)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        inputs.sort();
        assert_eq!(
            inputs,
            [
                "common.yaml",
                "openapi.yaml",
                "paths/pets.yaml",
                "schemas/pet.yaml"
            ]
        );
        let file = syn::parse_file(&built.source).unwrap();
        let modules: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Mod(m) => {
                    assert!(m.content.is_some(), "mod {} is not inline", m.ident);
                    Some(m.ident.to_string())
                }
                _ => None,
            })
            .collect();
        assert_eq!(modules, ["client", "models", "operations"]);
        assert!(
            file.attrs.is_empty(),
            "an included file has no inner attributes"
        );
        assert_eq!(builder.render().unwrap().source, built.source);
    }

    #[test]
    fn generate_writes_the_file_and_errors_name_the_pointer() {
        let out = std::env::temp_dir().join(format!("openapi-build-{}", std::process::id()));
        let built = Builder::new(fixture("params.yaml"))
            .out_dir(&out)
            .file_name("api")
            .generate()
            .unwrap();
        let path = out.join("api.rs");
        assert_eq!(built.path.as_deref(), Some(path.as_path()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), built.source);
        let _ = std::fs::remove_dir_all(&out);

        let bad = out.with_extension("yaml");
        std::fs::write(&bad, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {$ref: '#/components/responses/Nope'}}\n").unwrap();
        let error = Builder::new(&bad).out_dir(&out).generate().unwrap_err();
        let _ = std::fs::remove_file(&bad);
        assert!(matches!(error, BuildError::Spec { .. }), "{error:?}");
        assert_eq!(error.pointer(), Some("/paths/~1a/get/responses/200"));
        assert!(
            error.to_string().contains("/paths/~1a/get/responses/200"),
            "{error}"
        );
        for name in ["../x", "", "a.b"] {
            assert!(
                matches!(
                    Builder::new(fixture("params.yaml")).file_name(name).out_dir(&out).generate(),
                    Err(BuildError::Name(n)) if n == name
                ),
                "{name}"
            );
        }
    }

    fn files(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn modules_nest_into_one_file() {
        let files = files(&[
            (
                "mod.rs",
                "//! Root docs.\nmod client;\npub mod models;\npub use self::client::*;",
            ),
            ("client.rs", "pub struct Client;"),
            (
                "models/mod.rs",
                "//! Models.\nmod common;\npub use self::common::*;",
            ),
            ("models/common.rs", "pub struct Pet { pub id: u64 }"),
        ]);
        let text = single_file(&files, "api.yaml").unwrap();
        let body: String = text.lines().skip(3).collect::<Vec<_>>().join("\n");
        let expected = "mod client {\n    pub struct Client;\n}\npub mod models {\n    //! Models.\n    mod common {\n        pub struct Pet {\n            pub id: u64,\n        }\n    }\n    pub use self::common::*;\n}\npub use self::client::*;";
        assert_eq!(body, expected, "{text}");
        assert!(text.starts_with("// @generated from api.yaml by openapi-sdk-gen."));
        assert!(!text.contains("Root docs"), "{text}");
    }

    #[test]
    fn files_no_module_reaches_and_missing_files_are_errors() {
        let orphan = files(&[("mod.rs", "mod a;"), ("a.rs", ""), ("b.rs", "")]);
        let missing = files(&[("mod.rs", "mod a;")]);
        let path = files(&[("mod.rs", "#[path = \"x.rs\"] mod a;"), ("a.rs", "")]);
        for (files, file) in [(orphan, "b.rs"), (missing, "a/mod.rs"), (path, "a")] {
            match single_file(&files, "api.yaml") {
                Err(super::BuildError::Nest { file: f, .. }) => assert_eq!(f, file),
                other => panic!("{file}: {other:?}"),
            }
        }
    }
}
