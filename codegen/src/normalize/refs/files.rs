//! Multi-file specs: relative file references (`./schemas/pet.yaml#/Pet`, `common.yaml`,
//! `../shared.yaml#/components/schemas/Error`) brought into the main document.
//!
//! Files come from a [`SpecFiles`], confined to the spec's folder tree: a path that leaves it (by
//! `..`, an absolute path, or, on disk, a symbolic link) is an error naming the reference, and
//! nothing is fetched over the network (`https://…` is left for lowering to refuse, as a
//! reference it cannot follow). Each file is parsed once. What a reference points at is copied
//! into the main document's components (for Swagger 2.0: `definitions`, `parameters`,
//! `responses`) under a stable name (the pointer's last token, else the file's stem), once per
//! file and pointer; the references inside it are resolved against its own file in turn. A path
//! item is inlined where it is referred to. This runs before the version conversion, so a file of
//! a 3.1 document is read as 3.1.
//!
//! Errors and notes about brought-in parts point into their file: `pet.yaml#/Pet/properties/id`.

use super::{
    collect_at, component_tokens, components_first, get, get_mut, home_tokens, local_reference,
    map_at, pointer_of, target, Budget, Dialect, Kind, Pos, Site, Taken, Target, MAX_CHAIN,
};
use crate::error::{Error, Pointer};
use crate::normalize::json::Json;
use crate::normalize::{parse, Record};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};

/// Files a spec may read besides its main document.
const MAX_FILES: usize = 1_000;

/// Bytes of one file.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Bytes of all files read for one spec.
const MAX_TOTAL_BYTES: usize = 256 << 20;

/// The files of a multi-file spec: where the generator reads what relative references name.
///
/// Paths are relative to the spec's root folder (the main document's folder), `/`-separated, and
/// already normalised by the generator: no empty, `.` or `..` segments, no leading `/`. An
/// implementation must still refuse anything outside its root (a symbolic link, say).
pub trait SpecFiles {
    /// The text of the file at `path`, or why it cannot be read (a phrase, such as
    /// `"does not exist"`).
    fn read(&self, path: &str) -> Result<String, String>;
}

/// Files on disk under one folder, which nothing read may leave (symbolic links are followed,
/// then checked).
#[derive(Debug, Clone)]
pub struct FsFiles {
    root: PathBuf,
}

impl FsFiles {
    /// Files under `root` (canonicalised: it must exist).
    pub fn new(root: impl AsRef<Path>) -> std::io::Result<FsFiles> {
        Ok(FsFiles {
            root: root.as_ref().canonicalize()?,
        })
    }
}

impl SpecFiles for FsFiles {
    fn read(&self, path: &str) -> Result<String, String> {
        use std::io::Read;
        if !is_normal(path) {
            return Err("is not a plain relative path".to_owned());
        }
        let full = path.split('/').fold(self.root.clone(), |p, s| p.join(s));
        let canonical = full
            .canonicalize()
            .map_err(|e| format!("cannot be read: {e}"))?;
        if !canonical.starts_with(&self.root) {
            return Err("is outside the spec's folder (through a symbolic link)".to_owned());
        }
        let file = std::fs::File::open(&canonical).map_err(|e| format!("cannot be read: {e}"))?;
        let metadata = file
            .metadata()
            .map_err(|e| format!("cannot be read: {e}"))?;
        if !metadata.is_file() {
            return Err("is not a file".to_owned());
        }
        let mut text = String::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot be read as UTF-8 text: {e}"))?;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(format!("is larger than {MAX_FILE_BYTES} bytes"));
        }
        Ok(text)
    }
}

/// Files held in memory, by path (for tests, or specs that do not live on disk).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryFiles {
    files: BTreeMap<String, String>,
}

impl MemoryFiles {
    /// No files.
    pub fn new() -> MemoryFiles {
        MemoryFiles::default()
    }

    /// These files, with this one added (`path` as [`SpecFiles`] describes it).
    pub fn with(mut self, path: impl Into<String>, text: impl Into<String>) -> MemoryFiles {
        self.files.insert(path.into(), text.into());
        self
    }
}

impl SpecFiles for MemoryFiles {
    fn read(&self, path: &str) -> Result<String, String> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| "does not exist".to_owned())
    }
}

/// Whether `path` is normalised as [`SpecFiles`] promises.
fn is_normal(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', '\0'])
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

/// `reference` (a relative path) from the file `base`, normalised, or why it cannot be.
fn join(base: &str, reference: &str) -> Result<String, String> {
    if reference.starts_with('/') {
        return Err("an absolute path is outside the spec's folder".to_owned());
    }
    if reference.contains(['\\', '\0']) {
        return Err("a file path with `\\` is not a relative URI reference".to_owned());
    }
    let mut segments: Vec<&str> = base.split('/').collect();
    segments.pop();
    for segment in reference.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Err("the file is outside the spec's folder".to_owned());
                }
            }
            s => segments.push(s),
        }
    }
    if segments.is_empty() {
        return Err("the reference names a folder, not a file".to_owned());
    }
    Ok(segments.join("/"))
}

/// Where a reference ends up after following `$ref`s inside the other files.
enum Resolved {
    /// A place in the main document.
    Main(Vec<String>),
    /// A place in another file.
    File(String, Vec<String>),
    /// A reference this pass does not follow (a URL), as it should now be written.
    Unfollowed(String),
}

struct Bundler<'f> {
    files: &'f dyn SpecFiles,
    main: String,
    dialect: Dialect,
    docs: BTreeMap<String, Json>,
    bytes: usize,
    /// `(file, pointer)` → the component name it was brought in as.
    brought: HashMap<(String, String), String>,
    taken: Taken,
    budget: Budget,
}

/// Brings every file reference of `doc` (the main document, at `main` among `files`) into it.
pub(in crate::normalize) fn bundle(
    doc: &mut Json,
    dialect: Dialect,
    main: &str,
    files: &dyn SpecFiles,
    record: &mut Record,
) -> Result<(), Error> {
    let sites = collect_at(doc, &[], Pos::Doc, dialect)
        .into_iter()
        .filter(is_file_reference)
        .collect();
    let mut queue: VecDeque<(Site, String)> = components_first(sites, dialect)
        .into_iter()
        .map(|s| (s, main.to_owned()))
        .collect();
    if queue.is_empty() {
        return Ok(());
    }
    let mut bundler = Bundler {
        files,
        main: main.to_owned(),
        dialect,
        docs: BTreeMap::new(),
        bytes: 0,
        brought: HashMap::new(),
        taken: Taken::of(doc, dialect),
        budget: Budget::default(),
    };
    while let Some((site, base)) = queue.pop_front() {
        if site.current(doc).is_none() {
            continue;
        }
        let more = bundler.site(doc, &site, &base, record)?;
        queue.extend(more);
    }
    Ok(())
}

/// Whether the site (in the main document) names another file. A mapping value that is a bare
/// schema name (no `/`, `#`, or file extension) is a name, not a file.
fn is_file_reference(site: &Site) -> bool {
    let reference = site.reference.as_str();
    if site.mapping && !reference.contains(['/', '#']) {
        let lower = reference.to_ascii_lowercase();
        if ![".yaml", ".yml", ".json"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            return false;
        }
    }
    matches!(target(reference), Ok(Target::File(..)))
}

impl Bundler<'_> {
    /// Resolves one site whose references are relative to `base`; returns the sites of what it
    /// brought in.
    fn site(
        &mut self,
        doc: &mut Json,
        site: &Site,
        base: &str,
        record: &mut Record,
    ) -> Result<Vec<(Site, String)>, Error> {
        if site.mapping
            && base != self.main
            && !is_file_reference(site)
            && !site.reference.starts_with('#')
        {
            // A schema name in a mapping of another file's schema: the main document's names.
            return Ok(Vec::new());
        }
        let (file, tokens) = match self.follow(base, &site.reference, site)? {
            Resolved::Main(tokens) => {
                site.rewrite(doc, local_reference(&tokens));
                return Ok(Vec::new());
            }
            Resolved::Unfollowed(reference) => {
                site.rewrite(doc, reference);
                return Ok(Vec::new());
            }
            Resolved::File(file, tokens) => (file, tokens),
        };
        let written = format!("{file}#{}", pointer_of(&tokens));
        let Some(value) = self.docs.get(&file).and_then(|d| get(d, &tokens)) else {
            return Err(site.error(format!("`{written}` does not resolve")));
        };
        if !matches!(value, Json::Object(_)) {
            return Err(site.error(format!(
                "`{written}` is `{}`, not a {} (an object)",
                super::excerpt(value),
                site.kind.what()
            )));
        }
        let value = value.clone();
        self.budget.copy(&value, site)?;
        if site.kind == Kind::PathItem {
            let mut inlined = value;
            if let (Some(Json::Object(own)), Json::Object(item)) =
                (get(doc, &site.at), &mut inlined)
            {
                for (key, v) in own.iter().filter(|(k, _)| *k != "$ref") {
                    item.insert(key.clone(), v.clone());
                }
            }
            if let Some(slot) = get_mut(doc, &site.at) {
                *slot = inlined;
            }
            record.came_from(&site.pointer(), &Pointer::raw(written));
            return Ok(self.sites_in(doc, &site.at, Kind::PathItem, &file));
        }
        let key = (file.clone(), pointer_of(&tokens).to_string());
        let Some(home) = site.kind.home(self.dialect) else {
            return Err(Error::Unsupported {
                pointer: site.pointer().to_string(),
                what: format!(
                    "a reference to another file for a {} in a Swagger 2.0 document",
                    site.kind.what()
                ),
            });
        };
        if let Some(name) = self.brought.get(&key) {
            site.rewrite(doc, local_reference(&component_tokens(home, name)));
            return Ok(Vec::new());
        }
        self.budget.hoist(site)?;
        let home_at = home_tokens(home);
        // A component that is only this `$ref` takes the target's place under its own name.
        let in_place = !site.mapping
            && site.at.len() == home_at.len() + 1
            && site.at.starts_with(&home_at)
            && get(doc, &site.at)
                .and_then(Json::as_object)
                .is_some_and(|o| o.len() == 1);
        let name = if in_place {
            let name = site.at[home_at.len()].clone();
            self.taken.mark(site.kind, &name);
            name
        } else {
            self.taken
                .claim(site.kind, &stable_name(&file, &tokens, site.kind))
        };
        let at = component_tokens(home, &name);
        // Where the reference is written (before its place is recorded as the brought-in part's).
        let referrer = Pointer::raw(record.origins.original(site.pointer().as_str()));
        if in_place {
            if let Some(slot) = get_mut(doc, &site.at) {
                *slot = value;
            }
        } else {
            let Some(components) = map_at(doc, &home_at) else {
                return Err(site.error("the components of the document are not an object"));
            };
            components.insert(name.clone(), value);
            site.rewrite(doc, local_reference(&at));
        }
        let pointer = pointer_of(&at);
        record.came_from(&pointer, &Pointer::raw(written.clone()));
        if self.dialect == Dialect::Swagger2 {
            // Where the 2.0 conversion will put it, so that later errors find the file too.
            let moved = component_tokens(["components", site.kind.components_key()], &name);
            record.came_from(&pointer_of(&moved), &Pointer::raw(written.clone()));
        }
        record.note_original(
            &referrer,
            format!(
                "`{written}` is brought in as the {} component `{name}`",
                site.kind.what()
            ),
        );
        self.brought.insert(key, name);
        Ok(self.sites_in(doc, &at, site.kind, &file))
    }

    /// Every site in what was brought in at `at` from `file`: its references are relative to it.
    fn sites_in(&self, doc: &Json, at: &[String], kind: Kind, file: &str) -> Vec<(Site, String)> {
        collect_at(doc, at, Pos::Object(kind), self.dialect)
            .into_iter()
            .map(|s| (s, file.to_owned()))
            .collect()
    }

    /// Follows `reference` (written in `base`) through the files to what it names.
    fn follow(&mut self, base: &str, reference: &str, site: &Site) -> Result<Resolved, Error> {
        let mut base = base.to_owned();
        let mut reference = reference.to_owned();
        for _ in 0..MAX_CHAIN {
            let (file, tokens) = match target(&reference).map_err(|r| site.error(r))? {
                Target::Local(tokens) => (base.clone(), tokens),
                Target::File(path, tokens) => {
                    let file = join(&base, &path)
                        .and_then(|file| self.inside(file))
                        .map_err(|reason| site.error(format!("`{reference}`: {reason}")))?;
                    (file, tokens)
                }
                Target::Other => return Ok(Resolved::Unfollowed(reference)),
            };
            if file == self.main {
                return Ok(Resolved::Main(tokens));
            }
            self.load(&file, site)?;
            let next = self
                .docs
                .get(&file)
                .and_then(|d| get(d, &tokens))
                .and_then(|v| v.get("$ref"))
                .and_then(Json::as_str)
                .map(str::to_owned);
            match next {
                // A target that is only a reference: where that one leads.
                Some(next) => {
                    base = file;
                    reference = next;
                }
                None => return Ok(Resolved::File(file, tokens)),
            }
        }
        Err(site.error(format!(
            "the references form a cycle (or a chain longer than {MAX_CHAIN} links)"
        )))
    }

    /// `file`, when it is in the main document's folder tree (the spec's root).
    fn inside(&self, file: String) -> Result<String, String> {
        let folder = self.main.rsplit_once('/').map_or("", |(folder, _)| folder);
        if folder.is_empty()
            || file
                .strip_prefix(folder)
                .is_some_and(|rest| rest.starts_with('/'))
        {
            Ok(file)
        } else {
            Err("the file is outside the spec's folder".to_owned())
        }
    }

    /// Reads and parses `file` (once).
    fn load(&mut self, file: &str, site: &Site) -> Result<(), Error> {
        if self.docs.contains_key(file) {
            return Ok(());
        }
        if self.docs.len() >= MAX_FILES {
            return Err(site.error(format!("the spec refers to more than {MAX_FILES} files")));
        }
        let text = self
            .files
            .read(file)
            .map_err(|reason| site.error(format!("`{file}` {reason}")))?;
        self.bytes = self.bytes.saturating_add(text.len());
        if self.bytes > MAX_TOTAL_BYTES {
            return Err(site.error(format!(
                "the spec's files hold more than {MAX_TOTAL_BYTES} bytes in all"
            )));
        }
        let value = parse::parse(&text).map_err(|e| match e {
            Error::Parse {
                location, message, ..
            } => site.error(format!(
                "`{file}` is not YAML or JSON{}: {message}",
                location
                    .map(|(l, c)| format!(" (line {l}, column {c})"))
                    .unwrap_or_default()
            )),
            other => other,
        })?;
        self.docs.insert(file.to_owned(), value);
        Ok(())
    }
}

/// The name of what `tokens` points at in `file`: the last token, else the file's stem, with
/// only letters, digits, `.`, `-` and `_`.
fn stable_name(file: &str, tokens: &[String], kind: Kind) -> String {
    let raw = match tokens.last() {
        Some(last) => last.as_str(),
        None => {
            let name = file.rsplit('/').next().unwrap_or(file);
            name.split_once('.').map_or(name, |(stem, _)| stem)
        }
    };
    let name: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.trim_matches(['_', '.', '-']).is_empty() {
        use heck::ToUpperCamelCase;
        kind.what().to_upper_camel_case()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_paths_stay_inside_the_folder() {
        assert_eq!(
            join("openapi.yaml", "./schemas/pet.yaml"),
            Ok("schemas/pet.yaml".into())
        );
        assert_eq!(
            join("schemas/pet.yaml", "../common.yaml"),
            Ok("common.yaml".into())
        );
        assert_eq!(join("a/b/c.yaml", "../../d.yaml"), Ok("d.yaml".into()));
        assert!(join("openapi.yaml", "../../etc/passwd").is_err());
        assert!(join("schemas/pet.yaml", "../../x.yaml").is_err());
        assert!(join("openapi.yaml", "/etc/passwd").is_err());
        assert!(join("openapi.yaml", "..\\x.yaml").is_err());
    }

    #[test]
    fn stable_names_come_from_the_pointer_or_the_file() {
        assert_eq!(
            stable_name("s/pet.yaml", &["Pet".into()], Kind::Schema),
            "Pet"
        );
        assert_eq!(stable_name("s/pet-v2.yaml", &[], Kind::Schema), "pet-v2");
        assert_eq!(
            stable_name("x.yaml", &["/".into()], Kind::Response),
            "Response"
        );
    }
}
