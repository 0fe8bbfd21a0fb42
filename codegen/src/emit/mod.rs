//! Stage 3: the intermediate model → token streams, one per output file.
//!
//! Emitters are pure functions of the model; file paths are relative to the output folder.

mod client;
mod docs;
mod examples;
mod models;
mod operations;
mod pagination;
mod types;

use crate::ir::Api;
use docs::inner_doc_attrs;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use types::ident;

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
}

impl Job<'_> {
    /// The file's path, relative to the output folder.
    pub(crate) fn path(&self) -> String {
        match self {
            Job::Root => "mod.rs".to_owned(),
            Job::Client => "client.rs".to_owned(),
            Job::ModelsIndex => "models/mod.rs".to_owned(),
            Job::OperationsIndex => "operations/mod.rs".to_owned(),
            Job::Models(group) => format!("models/{group}.rs"),
            Job::Operations(module) => format!("operations/{module}.rs"),
        }
    }
}

/// The files to emit, in path order. Each is emitted independently, so they can be emitted and
/// formatted in parallel.
pub(crate) fn jobs(api: &Api) -> Vec<Job<'_>> {
    let groups: BTreeSet<&str> = api.types.values().map(|t| t.group.as_str()).collect();
    let mut jobs = vec![
        Job::Root,
        Job::Client,
        Job::ModelsIndex,
        Job::OperationsIndex,
    ];
    jobs.extend(groups.into_iter().map(Job::Models));
    jobs.extend(api.modules.keys().map(|m| Job::Operations(m.as_str())));
    jobs.sort_by_key(Job::path);
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
        Job::ModelsIndex => {
            // A model file is compiled when any feature using one of its types is on.
            let mut users: std::collections::BTreeMap<&str, BTreeSet<&str>> =
                std::collections::BTreeMap::new();
            for t in api.types.values() {
                users
                    .entry(t.group.as_str())
                    .or_default()
                    .extend(t.users.iter().map(String::as_str));
            }
            let modules = users.into_iter().map(|(group, set)| {
                (
                    group,
                    (gating == Gating::PerTag).then(|| set.into_iter().collect::<Vec<_>>()),
                )
            });
            index_file(
                "Request and response models, one file per operation group.",
                modules,
            )
        }
        Job::OperationsIndex => {
            let modules = api.modules.keys().map(|m| {
                (
                    m.as_str(),
                    (gating == Gating::PerTag).then(|| vec![m.as_str()]),
                )
            });
            index_file("Request builders, one file per API tag.", modules)
        }
    }
}

/// The root module: the models, the operations, the client, and the runtime's public types.
fn root(api: &Api, runtime: &str) -> TokenStream {
    let rt = types::path_tokens(runtime);
    let heading = match &api.description {
        Some(d) => format!(
            "Models and operations generated from the {} ({}).\n\n{}",
            api.title, api.version, d
        ),
        None => format!(
            "Models and operations generated from the {} ({}).",
            api.title, api.version
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
            pagination, ApiError, ApiErrorKind, ApiResponse, ConfigError, DecodeError, Error, Multipart, RateLimit,
            RequestOptions, RetryPolicy, TimeoutKind,
        };
        /// An unknown property's exact JSON text, as models keep it in `additional_properties`.
        pub use #rt::serde_support::RawJson;
    }
}

/// A `mod.rs` that declares each file and re-exports its items.
/// A `mod.rs` that declares each file and re-exports its items; a module with a feature list is
/// compiled only when one of those features is on.
fn index_file<'a>(
    heading: &str,
    modules: impl Iterator<Item = (&'a str, Option<Vec<&'a str>>)>,
) -> TokenStream {
    let heading = inner_doc_attrs(heading);
    let mut decls = Vec::new();
    let mut uses = Vec::new();
    for (m, features) in modules {
        let cfg = match features {
            Some(f) => quote!(#[cfg(any(#(feature = #f),*))]),
            None => quote!(),
        };
        let m = ident(m);
        decls.push(quote!(#cfg mod #m;));
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
const RUNTIME_FEATURES: &[(&str, bool)] = &[
    ("rustls", true),
    ("rustls-no-provider", false),
    ("native-tls", false),
    ("http2", true),
    ("gzip", true),
];

/// `Cargo.toml` of a standalone crate: the runtime by version (and by relative path when given)
/// without its default features, the runtime's features forwarded (TLS backend, HTTP/2, gzip;
/// the same defaults as the runtime's), and a feature per tag. A tag whose module has the name of
/// a forwarded feature (`gzip`) shares that feature.
pub(crate) fn cargo_toml(
    api: &Api,
    krate: &crate::CrateOptions,
    package: &crate::config::PackageConfig,
    spec_name: &str,
) -> String {
    let features: Vec<&str> = api
        .modules
        .keys()
        .filter(|m| m.as_str() != "full" && m.as_str() != "default")
        .map(String::as_str)
        .collect();
    let full = features
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let each = features
        .iter()
        .filter(|f| RUNTIME_FEATURES.iter().all(|(name, _)| name != *f))
        .map(|f| format!("{f} = []\n"))
        .collect::<String>();
    let default = RUNTIME_FEATURES
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let forwarded = RUNTIME_FEATURES
        .iter()
        .map(|(name, _)| format!("{name} = [\"openapi-sdk-runtime/{name}\"]\n"))
        .collect::<String>();
    let runtime = match &krate.runtime_path {
        Some(path) => format!(
            "{{ version = \"{}\", path = \"{path}\", default-features = false }}",
            krate.runtime_version
        ),
        None => format!(
            "{{ version = \"{}\", default-features = false }}",
            krate.runtime_version
        ),
    };
    let description = format!(
        "Rust client for the {} ({}), generated from its OpenAPI document",
        api.title, api.version
    )
    .replace('\\', "\\\\")
    .replace('"', "\\\"");
    let quoted = |v: &str| v.replace('\\', "\\\\").replace('"', "\\\"");
    let mut metadata = String::new();
    if let Some(license) = package.license.as_deref().or(api.license.as_deref()) {
        metadata.push_str(&format!("license = \"{}\"\n", quoted(license)));
    }
    if let Some(repository) = &package.repository {
        metadata.push_str(&format!("repository = \"{}\"\n", quoted(repository)));
    }
    format!(
        "# @generated from {spec_name} by `cargo xtask generate`. Do not edit by hand.\n\n[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\nrust-version = \"1.89\"\ndescription = \"{description}\"\n{metadata}\n[dependencies]\nopenapi-sdk-runtime = {runtime}\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nuuid = {{ version = \"1\", features = [\"serde\"] }}\nchrono = {{ version = \"0.4\", default-features = false, features = [\"std\", \"serde\"] }}\n\n[features]\ndefault = [{default}]\n# The runtime's features: the TLS backend (`rustls` with the aws-lc-rs provider, `rustls-no-provider`\n# for a provider the application installs, `native-tls`), HTTP/2 and gzip. See the runtime's README.\n{forwarded}# One feature per tag; `full` turns on every tag.\nfull = [{full}]\n{each}\n# A standalone crate, not a member of any surrounding workspace.\n[workspace]\n",
        name = krate.name,
        version = krate.version,
    )
}
