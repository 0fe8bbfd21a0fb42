//! Stage 3: the intermediate model → token streams, one per output file.
//!
//! Emitters are pure functions of the model; file paths are relative to the output folder.

mod docs;
mod models;
mod operations;
mod types;

use crate::ir::Api;
use docs::inner_doc_attrs;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use types::ident;

/// One output file to emit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Job<'a> {
    /// `mod.rs`.
    Root,
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
    let mut jobs = vec![Job::Root, Job::ModelsIndex, Job::OperationsIndex];
    jobs.extend(groups.into_iter().map(Job::Models));
    jobs.extend(api.modules.keys().map(|m| Job::Operations(m.as_str())));
    jobs.sort_by_key(Job::path);
    jobs
}

/// The tokens of one file.
pub(crate) fn emit(api: &Api, job: &Job<'_>, runtime: &str, features: bool) -> TokenStream {
    match job {
        Job::Models(group) => models::model_file(group, &api.types, runtime, features),
        Job::Operations(module) => match api.modules.get(*module) {
            Some(m) => operations::operations_file(m, runtime),
            None => TokenStream::new(),
        },
        Job::Root => {
            let heading = match &api.description {
                Some(d) => format!("Models and operations generated from the {} ({}).\n\n{}", api.title, api.version, d),
                None => format!("Models and operations generated from the {} ({}).", api.title, api.version),
            };
            let heading = inner_doc_attrs(&heading);
            quote! {
                #heading
                pub mod models;
                pub mod operations;
            }
        }
        Job::ModelsIndex => {
            // A model file is compiled when any feature using one of its types is on.
            let mut users: std::collections::BTreeMap<&str, BTreeSet<&str>> = std::collections::BTreeMap::new();
            for t in api.types.values() {
                users.entry(t.group.as_str()).or_default().extend(t.users.iter().map(String::as_str));
            }
            let modules = users.into_iter().map(|(group, set)| (group, features.then(|| set.into_iter().collect::<Vec<_>>())));
            index_file("Request and response models, one file per operation group.", modules)
        }
        Job::OperationsIndex => {
            let modules = api.modules.keys().map(|m| (m.as_str(), features.then(|| vec![m.as_str()])));
            let mut index = index_file("Request builders, one file per API tag.", modules);
            index.extend(preview_list(api));
            index
        }
    }
}

/// The ids of the Preview operations, which the client checks `enable_preview` names against.
fn preview_list(api: &Api) -> TokenStream {
    let mut ids: Vec<&str> =
        api.modules.values().flat_map(|m| &m.operations).filter(|o| o.preview.is_some()).map(|o| o.id.as_str()).collect();
    ids.sort_unstable();
    quote! {
        /// The operations in Preview (`x-unstable`): each must be enabled on the client before use.
        pub const PREVIEW_OPERATIONS: &[&str] = &[#(#ids),*];
    }
}

/// A `mod.rs` that declares each file and re-exports its items.
/// A `mod.rs` that declares each file and re-exports its items; a module with a feature list is
/// compiled only when one of those features is on.
fn index_file<'a>(heading: &str, modules: impl Iterator<Item = (&'a str, Option<Vec<&'a str>>)>) -> TokenStream {
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

/// `src/lib.rs` of a standalone crate: its own `Client` (a handle on the SDK's client, which the
/// generated operations extend) and the runtime's public types re-exported.
pub(crate) fn crate_root(api: &Api, runtime: &str) -> TokenStream {
    let rt = types::path_tokens(runtime);
    let heading = inner_doc_attrs(&format!(
        "Models and operations generated from the {} ({}), one Cargo feature per API tag (`full` enables all).\n\nThe runtime (configuration, auth, retries, errors) is the `{runtime}` crate's.",
        api.title, api.version
    ));
    quote! {
        #heading
        pub mod models;
        pub mod operations;

        pub use #rt::{ApiResponse, ClientBuilder, ConfigError, Error, RequestOptions, Site};

        /// A client for these operations: a handle on the runtime's client, sharing its connection
        /// pool, configuration and retry policy.
        #[derive(Debug, Clone)]
        pub struct Client(#rt::Client);

        impl Client {
            /// Wraps a configured runtime client.
            pub fn new(inner: #rt::Client) -> Self {
                Client(inner)
            }

            /// A client configured from `DD_API_KEY`, `DD_APP_KEY` and `DD_SITE`, with every Preview
            /// operation enabled (this crate's operations are not the runtime's to validate).
            pub fn from_env() -> Result<Self, ConfigError> {
                ClientBuilder::from_env().enable_all_previews().build().map(Client)
            }
        }

        impl AsRef<#rt::Client> for Client {
            fn as_ref(&self) -> &#rt::Client {
                &self.0
            }
        }
    }
}

/// `Cargo.toml` of a standalone crate: the runtime as a path dependency and a feature per tag.
pub(crate) fn cargo_toml(api: &Api, krate: &crate::CrateOptions, spec_name: &str) -> String {
    let features: Vec<&str> = api.modules.keys().map(String::as_str).collect();
    let full = features.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ");
    let each = features.iter().map(|f| format!("{f} = []\n")).collect::<String>();
    format!(
        "# @generated from {spec_name} by `cargo xtask generate`. Do not edit by hand.\n\n[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\ndatadog-connections = {{ path = \"{sdk}\" }}\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nuuid = {{ version = \"1\", features = [\"serde\"] }}\nchrono = {{ version = \"0.4\", default-features = false, features = [\"std\", \"serde\"] }}\n\n[features]\ndefault = []\nfull = [{full}]\n{each}\n# A standalone crate, not a member of any surrounding workspace.\n[workspace]\n",
        name = krate.name,
        sdk = krate.sdk_path,
    )
}
