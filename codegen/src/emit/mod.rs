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
use std::collections::{BTreeMap, BTreeSet};
use types::ident;

/// Every output file as tokens, keyed by relative path.
pub(crate) fn emit(api: &Api, runtime: &str) -> BTreeMap<String, TokenStream> {
    let mut files = BTreeMap::new();
    let groups: BTreeSet<&str> = api.types.values().map(|t| t.group.as_str()).collect();
    for group in &groups {
        files.insert(format!("models/{group}.rs"), models::model_file(group, &api.types, runtime));
    }
    for (name, module) in &api.modules {
        files.insert(format!("operations/{name}.rs"), operations::operations_file(module, runtime));
    }
    let heading = match &api.description {
        Some(d) => format!("Models and operations generated from the {} ({}).\n\n{}", api.title, api.version, d),
        None => format!("Models and operations generated from the {} ({}).", api.title, api.version),
    };
    let heading = inner_doc_attrs(&heading);
    files.insert(
        "mod.rs".to_owned(),
        quote! {
            #heading
            pub mod models;
            pub mod operations;
        },
    );
    files.insert(
        "models/mod.rs".to_owned(),
        index_file("Request and response models, one file per operation group.", groups.iter().copied()),
    );
    let mut operations_index = index_file("Request builders, one file per API tag.", api.modules.keys().map(String::as_str));
    operations_index.extend(preview_list(api));
    files.insert("operations/mod.rs".to_owned(), operations_index);
    files
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
fn index_file<'a>(heading: &str, modules: impl Iterator<Item = &'a str> + Clone) -> TokenStream {
    let heading = inner_doc_attrs(heading);
    let decls = modules.clone().map(|m| {
        let m = ident(m);
        quote!(mod #m;)
    });
    let uses = modules.map(|m| {
        let m = ident(m);
        quote!(pub use self::#m::*;)
    });
    quote! {
        #heading
        #(#decls)*
        #(#uses)*
    }
}
