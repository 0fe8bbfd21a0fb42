//! Stage 3: the intermediate model → token streams, one per output file.
//!
//! Emitters are pure functions of the model; file paths are relative to the output folder.

mod client;
mod docs;
mod examples;
pub(crate) mod model_crates;
mod models;
mod operations;
mod pagination;
mod readme;
mod types;

use crate::ir::Api;
use docs::{inline, inner_doc_attrs};
use model_crates::{ModelCrate, ModelCrates};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use toml_edit::{value, Array, DocumentMut, InlineTable, Item, Table};
use types::ident;

pub(crate) use readme::readme;

/// Whether generated items are compiled only with the Cargo feature of the tags that use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gating {
    /// Everything is compiled (modules for a hand-written crate).
    None,
    /// A feature per tag: each operation module, and each model its operations reach, is compiled
    /// only when one of those tags' features is on (a standalone crate).
    PerTag,
}

/// The Rust paths generated code names.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paths<'a> {
    /// The runtime crate (`openapi_sdk_runtime`), as generated code imports it.
    pub(crate) runtime: &'a str,
    /// The generated crate as its users name it (`datadog_connections`), in doc examples.
    pub(crate) krate: &'a str,
    /// Whether the files make a standalone crate (`src/lib.rs` …) rather than modules (`mod.rs` …).
    pub(crate) standalone: bool,
    /// Where the models go when they are split into crates of their own.
    pub(crate) split: Option<&'a ModelCrates>,
}

/// One output file to emit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Job<'a> {
    /// `mod.rs` (`lib.rs` in a crate).
    Root,
    /// `client.rs`.
    Client,
    /// `models/mod.rs`.
    ModelsIndex,
    /// `operations/mod.rs`.
    OperationsIndex,
    /// `models/<group>.rs`.
    Models(&'a str),
    /// `operations/<module>.rs`.
    Operations(&'a str),
    /// `<dir>/src/lib.rs`: the root of a crate of models (an index into `ModelCrates::crates`).
    ModelCrateRoot(usize),
}

impl Job<'_> {
    /// The file's path, relative to the output folder: a standalone crate's files are under
    /// `src/` (its root is `lib.rs`), and split models under their own crates' `src/`.
    pub(crate) fn path(&self, paths: &Paths<'_>) -> String {
        let src = if paths.standalone { "src/" } else { "" };
        let own_crate = |group: &str| {
            paths
                .split
                .and_then(|split| split.crate_of_group(group))
                .map(|c| c.dir.as_str())
        };
        match self {
            Job::Root if paths.standalone => "src/lib.rs".to_owned(),
            Job::Root => "mod.rs".to_owned(),
            Job::Client => format!("{src}client.rs"),
            Job::ModelsIndex => format!("{src}models/mod.rs"),
            Job::OperationsIndex => format!("{src}operations/mod.rs"),
            Job::Models(group) => match own_crate(group) {
                Some(dir) => format!("{dir}/src/{group}.rs"),
                None => format!("{src}models/{group}.rs"),
            },
            Job::Operations(module) => format!("{src}operations/{module}.rs"),
            Job::ModelCrateRoot(i) => {
                let dir = paths
                    .split
                    .and_then(|split| split.crates.get(*i))
                    .map_or("models", |c| c.dir.as_str());
                format!("{dir}/src/lib.rs")
            }
        }
    }
}

/// The files to emit, in path order. Each is emitted independently, so they can be emitted and
/// formatted in parallel.
pub(crate) fn jobs<'a>(api: &'a Api, paths: &Paths<'_>) -> Vec<Job<'a>> {
    let groups: BTreeSet<&str> = api.types.values().map(|t| t.group.as_str()).collect();
    let mut jobs = vec![
        Job::Root,
        Job::Client,
        Job::ModelsIndex,
        Job::OperationsIndex,
    ];
    jobs.extend(groups.into_iter().map(Job::Models));
    jobs.extend(api.modules.keys().map(|m| Job::Operations(m.as_str())));
    if let Some(split) = paths.split {
        jobs.extend((0..split.crates.len()).map(Job::ModelCrateRoot));
    }
    jobs.sort_by_cached_key(|job| job.path(paths));
    jobs
}

/// The tokens of one file.
pub(crate) fn emit(api: &Api, job: &Job<'_>, paths: &Paths<'_>, gating: Gating) -> TokenStream {
    let runtime = paths.runtime;
    match job {
        Job::Models(group) => {
            models::model_file(group, &api.types, &api.inside_unions, runtime, gating)
        }
        Job::Operations(module) => match api.modules.get(*module) {
            Some(m) => operations::operations_file(m, &api.types, runtime, paths.krate),
            None => TokenStream::new(),
        },
        Job::Root => root(api, runtime),
        Job::Client => client::client_file(api, runtime),
        Job::ModelCrateRoot(i) => match paths.split {
            Some(split) => model_crate_root(api, split, *i, paths.krate),
            None => TokenStream::new(),
        },
        Job::ModelsIndex => match paths.split {
            Some(split) => models_reexports(&split.crates),
            None => models_index(api, gating),
        },
        Job::OperationsIndex => {
            let modules = api.modules.keys().map(|m| {
                (
                    m.as_str(),
                    (gating == Gating::PerTag).then(|| vec![m.as_str()]),
                )
            });
            index_file("Request builders, one file per API tag.", modules, false)
        }
    }
}

/// The models' `mod.rs` when they are the crate's own modules: a model file is compiled when any
/// feature using one of its types is on.
fn models_index(api: &Api, gating: Gating) -> TokenStream {
    let modules = group_users(api, |_| true).into_iter().map(|(group, set)| {
        (
            group,
            (gating == Gating::PerTag).then(|| set.into_iter().collect::<Vec<_>>()),
        )
    });
    index_file(
        "Request and response models, one file per operation group.",
        modules,
        false,
    )
}

/// `#[cfg(…)]` that compiles an item when any of `features` is on: `feature = "x"` alone when
/// there is one (clippy's `non_minimal_cfg` flags `any` of a single condition).
pub(crate) fn feature_cfg<'a>(features: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let features: Vec<&str> = features.into_iter().collect();
    match features.as_slice() {
        [one] => quote!(#[cfg(feature = #one)]),
        _ => quote!(#[cfg(any(#(feature = #features),*))]),
    }
}

/// The model files that `keep` accepts, each with the tags using its types (the features that
/// compile it, in a crate).
fn group_users(
    api: &Api,
    keep: impl Fn(&String) -> bool,
) -> std::collections::BTreeMap<&str, BTreeSet<&str>> {
    let mut users: std::collections::BTreeMap<&str, BTreeSet<&str>> =
        std::collections::BTreeMap::new();
    for t in api.types.values().filter(|t| keep(&t.group)) {
        users
            .entry(t.group.as_str())
            .or_default()
            .extend(t.users.iter().map(String::as_str));
    }
    users
}

/// A split crate's `models` module: every crate of models, re-exported whole; a part only with
/// one of its tags' features (it is an optional dependency), the shared crate always (without any
/// tag's feature it is empty).
fn models_reexports(crates: &[ModelCrate]) -> TokenStream {
    let heading = inner_doc_attrs(
        "Request and response models. They are compiled in crates of their own, side by side \
         (the shared models first, then the parts, each holding whole tags), and re-exported \
         here: use them from this module.",
    );
    let uses = crates.iter().map(|c| {
        let name = ident(&c.rust_name());
        let gate = if c.shared {
            quote!(#[allow(unused_imports)])
        } else {
            feature_cfg(c.tags.iter().map(String::as_str))
        };
        quote!(#gate #[doc(inline)] pub use #name::*;)
    });
    quote! {
        #heading
        #(#uses)*
    }
}

/// The root of a crate of models: its files, gated per tag, and for a part the shared models its
/// files import by glob.
fn model_crate_root(api: &Api, split: &ModelCrates, index: usize, krate: &str) -> TokenStream {
    let Some(this) = split.crates.get(index) else {
        return TokenStream::new();
    };
    let heading = if this.shared {
        format!(
            "The models of the {} that several tags share, a part of the `{krate}` crate: use \
             them as `{krate}::models`, which re-exports every crate of models.",
            api.title
        )
    } else {
        let tags = this
            .tags
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "The models of the {} that only the {tags} operations use, a part of the `{krate}` \
             crate: use them as `{krate}::models`, which re-exports every crate of models.",
            api.title
        )
    };
    let modules = group_users(api, |group| this.groups.binary_search(group).is_ok())
        .into_iter()
        .map(|(group, set)| (group, Some(set.into_iter().collect::<Vec<_>>())));
    let index = index_file(&heading, modules, true);
    let shared = match split.shared().filter(|_| !this.shared) {
        Some(shared) => {
            let name = ident(&shared.rust_name());
            quote! {
                #[allow(unused_imports)]
                use #name::*;
            }
        }
        None => quote!(),
    };
    quote! {
        #index
        #shared
    }
}

/// The root module: the models, the operations, the client, and the runtime's public types.
fn root(api: &Api, runtime: &str) -> TokenStream {
    let rt = types::path_tokens(runtime);
    let heading = match &api.description {
        Some(d) => format!(
            "Models and operations generated from the {} ({}).\n\n{}",
            inline(&api.title),
            inline(&api.version),
            d
        ),
        None => format!(
            "Models and operations generated from the {} ({}).",
            inline(&api.title),
            inline(&api.version)
        ),
    };
    let heading = inner_doc_attrs(&heading);
    // The generator lays its files out itself; rustfmt leaves them as they are, so a formatted
    // workspace and `cargo xtask check` agree.
    quote! {
        #heading
        #[rustfmt::skip]
        mod client;
        #[rustfmt::skip]
        pub mod models;
        #[rustfmt::skip]
        pub mod operations;

        pub use self::client::*;
        pub use #rt::{
            pagination, ApiError, ApiErrorKind, ApiResponse, ByteStream, ConfigError, DecodeError, Error, FilePart,
            Multipart, RateLimit, RequestOptions, RetryPolicy, TimeoutKind, UploadBody,
        };
        /// An unknown property's exact JSON text, as models keep it in `additional_properties`.
        pub use #rt::serde_support::RawJson;
        /// A string enum value this version does not know, as the enum's `Unknown` variant keeps it.
        pub use #rt::serde_support::UnknownValue;
    }
}

/// A `mod.rs` that declares each file and re-exports its items; a module with a feature list is
/// compiled only when one of those features is on. A crate root (`crate_root`) keeps rustfmt off
/// its files, as the generated root does for its modules.
fn index_file<'a>(
    heading: &str,
    modules: impl Iterator<Item = (&'a str, Option<Vec<&'a str>>)>,
    crate_root: bool,
) -> TokenStream {
    let heading = inner_doc_attrs(heading);
    let mut decls = Vec::new();
    let mut uses = Vec::new();
    for (m, features) in modules {
        let cfg = match features {
            Some(f) => feature_cfg(f),
            None => quote!(),
        };
        let m = ident(m);
        let skip = if crate_root {
            quote!(#[rustfmt::skip])
        } else {
            quote!()
        };
        decls.push(quote!(#cfg #skip mod #m;));
        uses.push(quote!(#cfg pub use self::#m::*;));
    }
    quote! {
        #heading
        #(#decls)*
        #(#uses)*
    }
}

/// The runtime's Cargo features a generated crate forwards (TLS backend, HTTP/2, gzip), and which
/// of them are on by default: the same as the SDK's.
pub(crate) const RUNTIME_FEATURES: &[(&str, bool)] = &[
    ("rustls", true),
    ("rustls-no-provider", false),
    ("native-tls", false),
    ("http2", true),
    ("gzip", true),
];

/// `Cargo.toml` of a standalone crate: the runtime by version (and by relative path when given)
/// without its default features, the runtime's features forwarded (TLS backend, HTTP/2, gzip;
/// the same defaults as the runtime's), and a feature per tag. A tag whose module has the name of
/// a forwarded feature (`gzip`) shares that feature. With split models, the crates of models are
/// path dependencies (members of the crate's workspace) and each tag's feature turns on the same
/// feature of the crates holding its models.
pub(crate) fn cargo_toml(
    api: &Api,
    krate: &crate::CrateOptions,
    runtime: &crate::RuntimeSource,
    package: &crate::config::PackageConfig,
    spec_name: &str,
    split: Option<&ModelCrates>,
) -> String {
    let tags = tag_features(api);
    // What turns on a tag's models: its part (an optional dependency) and the feature of that
    // name in it, or the feature in the shared crate.
    let models_of = |tag: &str| -> Vec<String> {
        let Some(split) = split else {
            return Vec::new();
        };
        match (split.part_of_tag(tag), split.shared()) {
            (Some(part), _) => vec![
                format!("dep:{}", part.package),
                format!("{}/{tag}", part.package),
            ],
            (None, Some(shared)) => vec![format!("{}/{tag}", shared.package)],
            (None, None) => Vec::new(),
        }
    };
    let description = format!(
        "Rust client for the {} ({}), generated from its OpenAPI document",
        inline(&api.title),
        inline(&api.version)
    );
    let mut manifest = package_section(
        spec_name,
        &krate.name,
        &krate.version,
        &description,
        package,
        api,
    );

    if let Some(package) = manifest.get_mut("package").and_then(Item::as_table_mut) {
        package.insert("readme", value("README.md"));
        // Before the metadata table, with the other values.
        package.sort_values_by(|a, _, b, _| (a.get() == "metadata").cmp(&(b.get() == "metadata")));
    }
    let mut dependencies = section();
    dependencies.insert("openapi-sdk-runtime", runtime_dependency(runtime, ""));
    for c in split.iter().flat_map(|s| &s.crates) {
        let mut entries = vec![
            ("version", format!("={}", krate.version).into()),
            ("path", c.dir.as_str().into()),
            ("default-features", false.into()),
        ];
        if !c.shared {
            entries.push(("optional", true.into()));
        }
        dependencies.insert(&c.package, inline_table(entries));
    }
    common_dependencies(&mut dependencies);
    manifest.insert("dependencies", Item::Table(dependencies));

    let mut features = section();
    let defaults = RUNTIME_FEATURES
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| name.to_string())
        .collect();
    features.insert("default", list(defaults));
    let mut comment = Some(
        "# The runtime's features: the TLS backend (`rustls` with the aws-lc-rs provider, `rustls-no-provider`\n# for a provider the application installs, `native-tls`), HTTP/2 and gzip. See the runtime's README.\n",
    );
    for (name, _) in RUNTIME_FEATURES
        .iter()
        .filter(|(name, _)| split.is_none() || !tags.contains(name))
    {
        features.insert(name, list(vec![format!("openapi-sdk-runtime/{name}")]));
        if let (Some(text), Some(mut key)) = (comment.take(), features.key_mut(name)) {
            key.leaf_decor_mut().set_prefix(text);
        }
    }
    features.insert("full", list(tags.iter().map(|t| t.to_string()).collect()));
    if let Some(mut key) = features.key_mut("full") {
        key.leaf_decor_mut().set_prefix(
            "# One feature per tag (operations without a tag: `untagged`); `full` turns on every one.\n",
        );
    }
    for tag in &tags {
        let mut on: Vec<String> = Vec::new();
        if RUNTIME_FEATURES.iter().any(|(name, _)| name == tag) {
            on.push(format!("openapi-sdk-runtime/{tag}"));
        }
        on.extend(models_of(tag));
        if RUNTIME_FEATURES.iter().all(|(name, _)| name != tag) || split.is_some() {
            features.insert(tag, list(on));
        }
    }
    manifest.insert("features", Item::Table(features));

    let mut workspace = Table::new();
    workspace.decor_mut().set_prefix(format!(
        "\n# A standalone crate, not a member of any surrounding workspace{}.\n",
        if split.is_some() {
            " (its crates of models, path dependencies inside it, are members)"
        } else {
            ""
        }
    ));
    manifest.insert("workspace", Item::Table(workspace));
    manifest.to_string()
}

/// `Cargo.toml` of a crate of models: the runtime and the serde crates the models use, the shared
/// crate for a part, and a feature per tag using its models (a part's forwarded to the shared
/// crate, whose models those tags reach too).
pub(crate) fn model_crate_toml(
    api: &Api,
    krate: &crate::CrateOptions,
    runtime: &crate::RuntimeSource,
    package: &crate::config::PackageConfig,
    spec_name: &str,
    split: &ModelCrates,
    this: &ModelCrate,
) -> String {
    let description = format!(
        "Models of the {} ({}), a part of the {} crate, which re-exports them",
        inline(&api.title),
        inline(&api.version),
        krate.name
    );
    let mut manifest = package_section(
        spec_name,
        &this.package,
        &krate.version,
        &description,
        package,
        api,
    );
    let shared = split.shared().filter(|_| !this.shared);
    let mut dependencies = section();
    dependencies.insert("openapi-sdk-runtime", runtime_dependency(runtime, "../"));
    if let Some(s) = shared {
        dependencies.insert(
            &s.package,
            inline_table(vec![
                ("version", format!("={}", krate.version).into()),
                ("path", format!("../{}", s.dir).into()),
                ("default-features", false.into()),
            ]),
        );
    }
    common_dependencies(&mut dependencies);
    manifest.insert("dependencies", Item::Table(dependencies));
    // Every tag is a feature here: the crate re-exporting these models depends on them without
    // default features and names each.
    let mut features = section();
    for tag in &this.tags {
        let on = shared.map_or_else(Vec::new, |s| vec![format!("{}/{tag}", s.package)]);
        features.insert(tag, list(on));
    }
    if let Some(mut key) = this.tags.first().and_then(|tag| features.key_mut(tag)) {
        key.leaf_decor_mut().set_prefix(
            "# A feature per tag whose operations use these models; the crate re-exporting them turns them on.\n",
        );
    }
    manifest.insert("features", Item::Table(features));
    manifest.to_string()
}

/// The edition of a generated crate. Under 2024 rustdoc compiles a crate's doctests (one example
/// per operation) as one binary instead of one each: `cargo test --doc` of Datadog's v2 crate with
/// the `incidents` feature (56 examples) takes about 2 s instead of 6 to 7 (docs/generator.md).
/// The code is the same under 2021, where the SDK compiles the modules.
const EDITION: &str = "2024";

/// The `rust-version` a generated crate declares: the workspace's, since it depends on the runtime
/// (`tests/tests/msrv.rs` checks that they agree).
const RUST_VERSION: &str = "1.89";

/// The crates.io keywords of a generated crate (at most five): what it is, not which API (a
/// keyword from the spec's title could be anything).
const KEYWORDS: [&str; 4] = ["api", "client", "openapi", "sdk"];

/// The crates.io categories of a generated crate (slugs crates.io knows).
const CATEGORIES: [&str; 2] = ["api-bindings", "web-programming::http-client"];

/// A table that follows another, after a blank line.
fn section() -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    table
}

/// The dependencies every generated crate has besides the runtime.
fn common_dependencies(dependencies: &mut Table) {
    dependencies.insert(
        "serde",
        inline_table(vec![
            ("version", "1".into()),
            ("features", Array::from_iter(["derive"]).into()),
        ]),
    );
    dependencies.insert("serde_json", value("1"));
    dependencies.insert(
        "uuid",
        inline_table(vec![
            ("version", "1".into()),
            ("features", Array::from_iter(["serde"]).into()),
        ]),
    );
    dependencies.insert(
        "chrono",
        inline_table(vec![
            ("version", "0.4".into()),
            ("default-features", false.into()),
            ("features", Array::from_iter(["std", "serde"]).into()),
        ]),
    );
}

/// `{ key = value, … }`.
fn inline_table(entries: Vec<(&str, toml_edit::Value)>) -> Item {
    let mut table = InlineTable::new();
    for (key, v) in entries {
        table.insert(key, v);
    }
    value(table)
}

/// `["a", "b"]`.
fn list(items: Vec<String>) -> Item {
    value(Array::from_iter(items))
}

/// The operation modules, each a Cargo feature, in name order. None is named `default` or `full`
/// (the lowering keeps those names for Cargo's default features and for every operation).
fn tag_features(api: &Api) -> Vec<&str> {
    api.modules.keys().map(String::as_str).collect()
}

/// The header and `[package]` section. Every value, the spec's title and license among them, is
/// written by toml_edit, which quotes and escapes it; `spec_name` is a file name without control
/// characters (`write::spec_label`), so the header stays one comment line.
fn package_section(
    spec_name: &str,
    name: &str,
    version: &str,
    description: &str,
    package: &crate::config::PackageConfig,
    api: &Api,
) -> DocumentMut {
    let mut section = Table::new();
    section.decor_mut().set_prefix(format!(
        "# @generated from {spec_name} by openapi-sdk-gen. Do not edit by hand.\n\n"
    ));
    section.insert("name", value(name));
    section.insert("version", value(version));
    section.insert("edition", value(EDITION));
    section.insert("rust-version", value(RUST_VERSION));
    section.insert("description", value(description));
    if let Some(license) = package.license.as_deref().or(api.license.as_deref()) {
        section.insert("license", value(license));
    }
    if let Some(repository) = &package.repository {
        section.insert("repository", value(repository.as_str()));
    }
    let documentation = package
        .documentation
        .clone()
        .unwrap_or_else(|| readme::docs_rs(name, version));
    section.insert("documentation", value(documentation));
    if let Some(homepage) = &package.homepage {
        section.insert("homepage", value(homepage.as_str()));
    }
    section.insert("keywords", list(KEYWORDS.map(str::to_owned).to_vec()));
    section.insert("categories", list(CATEGORIES.map(str::to_owned).to_vec()));
    // docs.rs documents every operation, whatever the default features.
    let mut docs_rs = Table::new();
    docs_rs.insert("all-features", value(true));
    let mut docs = Table::new();
    docs.set_implicit(true);
    docs.insert("rs", Item::Table(docs_rs));
    let mut metadata = Table::new();
    metadata.set_implicit(true);
    metadata.insert("docs", Item::Table(docs));
    section.insert("metadata", Item::Table(metadata));
    let mut manifest = DocumentMut::new();
    manifest.insert("package", Item::Table(section));
    manifest
}

/// The runtime dependency from its source (a relative path seen from a folder `up` deeper than
/// the crate's root, as `../`), always with its version requirement and without default features.
pub(crate) fn runtime_dependency(runtime: &crate::RuntimeSource, up: &str) -> Item {
    use crate::{GitReference, RuntimeSource};
    let mut entries = vec![("version", runtime.version().into())];
    match runtime {
        RuntimeSource::Registry { .. } => {}
        RuntimeSource::Path { path, .. } => {
            let path = if std::path::Path::new(path).is_absolute() {
                path.clone()
            } else {
                format!("{up}{path}")
            };
            entries.push(("path", path.into()));
        }
        RuntimeSource::Git { url, reference, .. } => {
            entries.push(("git", url.as_str().into()));
            match reference {
                GitReference::DefaultBranch => {}
                GitReference::Branch(b) => entries.push(("branch", b.as_str().into())),
                GitReference::Tag(t) => entries.push(("tag", t.as_str().into())),
                GitReference::Rev(r) => entries.push(("rev", r.as_str().into())),
            }
        }
    }
    entries.push(("default-features", false.into()));
    inline_table(entries)
}
