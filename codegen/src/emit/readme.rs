//! `README.md` of a standalone crate: what API it is for, how to depend on it and where its
//! runtime comes from, its Cargo features, credentials, servers, Preview operations, and an
//! example.
//!
//! Spec text is untrusted here as in rustdoc: the description goes through [`render`] (every code
//! block becomes a ```` ```text ```` block, raw HTML is escaped), a title or a value inside the
//! generator's sentences is escaped character by character ([`escaped`]) or put in a code span
//! ([`code_span`]), and nothing from the spec is pasted into code except as a string literal.
//! The text is a function of the model and the options alone, so it is the same on every run.

use super::docs::{code_span, inline, render};
use super::examples::example_section;
use super::{runtime_dependency, RUNTIME_FEATURES};
use crate::config::PackageConfig;
use crate::ir::{Api, ApiKeyLocation, Operation, SchemeKind};
use crate::lower::UNTAGGED_MODULE;
use crate::{CrateOptions, RuntimeSource, RUNTIME_PACKAGE};
use proc_macro2::Literal;
use std::fmt::Write as _;
use toml_edit::{DocumentMut, Item, Table};

/// The README of the crate `krate`, whose Rust name is `crate_path`, depending on the runtime
/// from `runtime`.
pub(crate) fn readme(
    api: &Api,
    krate: &CrateOptions,
    runtime: &RuntimeSource,
    package: &PackageConfig,
    crate_path: &str,
) -> String {
    let mut out = String::new();
    let title = escaped(&inline(&api.title));
    // A package name is letters, digits, `-` and `_` (Cargo checks it).
    let _ = writeln!(out, "# {}\n", krate.name);
    let _ = writeln!(
        out,
        "A Rust client for the {title} (version {}), generated from its OpenAPI document by \
         [openapi-sdk-codegen]. Every operation is a method of `Client` that returns a request \
         builder; the HTTP work (authentication, servers, retries, timeouts, errors, pagination) \
         is done by the runtime crate, `{RUNTIME_PACKAGE}`.\n",
        escaped(&inline(&api.version))
    );
    if let Some(description) = api.description.as_deref().filter(|d| !d.trim().is_empty()) {
        let _ = writeln!(
            out,
            "## About the API\n\nFrom the API's own description:\n\n{}\n",
            render(description).trim_end()
        );
    }
    depend_section(&mut out, api, krate, runtime, package);
    features_section(&mut out, api);
    credentials_section(&mut out, api);
    servers_section(&mut out, api);
    preview_section(&mut out, api);
    example_section_of(&mut out, api, crate_path);
    let _ = writeln!(
        out,
        "[openapi-sdk-codegen]: https://docs.rs/openapi-sdk-codegen\n\n---\n\nThis file is \
         generated with the crate; regenerate rather than edit it."
    );
    out
}

/// Text with every character Markdown could read as markup inside a line backslash-escaped
/// (emphasis, code, links, HTML and entities, table cells), so a title with `<script>`, `|` or `*`
/// shows as written; the text never starts a line, where `#`, `-` or `1.` would start a block.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_punctuation() && !".,:;/'\"?=%@$^-".contains(c) {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// A code span that may stand in a table cell (GFM splits cells at `|`, even in code).
fn cell_code(text: &str) -> String {
    code_span(text).replace('|', "\\|")
}

/// The runtime dependency line exactly as `Cargo.toml` has it.
fn runtime_line(runtime: &RuntimeSource) -> String {
    let mut table = Table::new();
    table.insert(RUNTIME_PACKAGE, runtime_dependency(runtime, ""));
    let mut doc = DocumentMut::new();
    doc.insert("dependencies", Item::Table(table));
    doc.to_string()
        .lines()
        .find(|l| l.starts_with(RUNTIME_PACKAGE))
        .unwrap_or_default()
        .to_owned()
}

/// How to depend on the crate, and where the runtime comes from.
fn depend_section(
    out: &mut String,
    api: &Api,
    krate: &CrateOptions,
    runtime: &RuntimeSource,
    package: &PackageConfig,
) {
    let name = &krate.name;
    let version = &krate.version;
    let first_feature = api.modules.keys().next().map_or("full", String::as_str);
    let _ = writeln!(
        out,
        "## Using it\n\n\
         Until the crate is on a registry, depend on it by path (the folder holding this README) \
         or, once it is in a git repository, by git; with the version form once it is \
         published:\n\n\
         ```toml\n[dependencies]\n\
         # By path:\n{name} = {{ path = \"path/to/{name}\", features = [\"{first_feature}\"] }}\n\
         # From a git repository:\n# {name} = {{ git = \"https://…\", features = [\"{first_feature}\"] }}\n\
         # From a registry:\n# {name} = {{ version = \"{version}\", features = [\"{first_feature}\"] }}\n\
         tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n```\n\n\
         Each group of operations is a Cargo feature (see [Features](#features)); `full` turns on \
         all of them. Tokio is only for the example's `main`.\n"
    );
    let _ = writeln!(
        out,
        "### Where the runtime comes from\n\n\
         This crate's `Cargo.toml` takes the runtime crate, `{RUNTIME_PACKAGE}`, from here:\n\n\
         ```toml\n{}\n```\n",
        runtime_line(runtime)
    );
    match runtime {
        RuntimeSource::Registry { version } => {
            let _ = writeln!(
                out,
                "That is the registry (crates.io) version {}. Until the runtime is published \
                 there, point Cargo at a clone or a git repository of it from the workspace that \
                 builds this crate (its top `Cargo.toml`, or this crate's own when it is built \
                 alone):\n\n\
                 ```toml\n[patch.crates-io]\n\
                 {RUNTIME_PACKAGE} = {{ path = \"path/to/a/clone/sdk/runtime\" }}\n\
                 # or\n# {RUNTIME_PACKAGE} = {{ git = \"https://…\", tag = \"…\" }}\n```\n",
                code_span(version)
            );
        }
        RuntimeSource::Path { .. } => {
            let _ = writeln!(
                out,
                "That is a folder on this machine (a relative path is relative to this crate's \
                 folder): copy the crate elsewhere and the path must still lead to the runtime.\n"
            );
        }
        RuntimeSource::Git { .. } => {
            let _ = writeln!(
                out,
                "That is a git repository, which Cargo fetches when it first builds the crate.\n"
            );
        }
    }
    let _ = writeln!(
        out,
        "To take it from elsewhere, generate the crate again with the configuration's `runtime` \
         key, in Cargo's words: `runtime: {{ version: \"0.1\" }}`, `runtime: {{ path: \
         ../openapi-sdk-runtime }}`, or `runtime: {{ git: \"https://…\", tag: v0.1.0 }}` (or \
         `branch`, or `rev`); or on the command line with `--runtime-version`, `--runtime-path` \
         or `--runtime-git` (which win over the configuration).\n"
    );
    let documentation = package
        .documentation
        .clone()
        .unwrap_or_else(|| docs_rs(name, version));
    let _ = writeln!(
        out,
        "The API reference is `cargo doc --open --all-features` here, or {} once published.\n",
        code_span(&documentation)
    );
}

/// The docs.rs page of a crate version.
pub(crate) fn docs_rs(name: &str, version: &str) -> String {
    format!("https://docs.rs/{name}/{version}")
}

/// The Cargo features: one per module with its operations, `full`, and the runtime's.
fn features_section(out: &mut String, api: &Api) {
    let _ = writeln!(
        out,
        "## Features\n\n\
         Each group of operations (a tag of the API) is a feature; an operation's method exists \
         only when its feature is on. `full` turns on every group, the operations without a tag \
         (`untagged`) included. The default features are the runtime's transport only (`rustls`, \
         `http2`, `gzip`): no operation. With `default-features = false`, name a TLS backend \
         yourself: `features = [\"full\", \"rustls\"]`.\n\n\
         | feature | tag | operations |\n|---|---|---|"
    );
    for (module, m) in &api.modules {
        let methods: Vec<String> = m
            .operations
            .iter()
            .map(|op| format!("`{}`", op.method_name))
            .collect();
        // The operations without a tag are in `untagged` (`untagged2` should a tag have that
        // name), under the tag name OpenAPI tools show them by.
        let untagged = module.starts_with(UNTAGGED_MODULE) && m.tag == "default";
        let tag = if untagged {
            "none".to_owned()
        } else {
            cell_code(&m.tag)
        };
        let _ = writeln!(out, "| `{module}` | {tag} | {} |", methods.join(", "));
    }
    let _ = writeln!(out, "| `full` | every tag | every operation above |");
    for (name, on) in RUNTIME_FEATURES {
        let what = match *name {
            "rustls" => "TLS with rustls and the aws-lc-rs provider",
            "rustls-no-provider" => "TLS with rustls and a provider the application installs",
            "native-tls" => "TLS with the platform's library",
            "http2" => "HTTP/2",
            "gzip" => "gzip-compressed responses",
            _ => "a runtime feature",
        };
        let default = if *on { " (default)" } else { "" };
        let _ = writeln!(out, "| `{name}` | runtime | {what}{default} |");
    }
    out.push('\n');
}

/// The security schemes: each one's builder setter and environment variable.
fn credentials_section(out: &mut String, api: &Api) {
    let _ = writeln!(out, "## Credentials\n");
    if api.security_schemes.is_empty() {
        let _ = writeln!(out, "The API declares no security scheme.\n");
        return;
    }
    let _ = writeln!(
        out,
        "Set a credential on the builder (`Client::builder()`), or let \
         `ClientBuilder::from_env()` read the environment variables below. Credentials never \
         appear in `Debug` output or errors.\n\n\
         | scheme | sent as | builder setter | environment variable |\n|---|---|---|---|"
    );
    for s in &api.security_schemes {
        let sent = match &s.kind {
            SchemeKind::ApiKey(location, name) => {
                let place = match location {
                    ApiKeyLocation::Header => "header",
                    ApiKeyLocation::Query => "query parameter",
                    ApiKeyLocation::Cookie => "cookie",
                };
                format!("{place} {}", cell_code(name))
            }
            SchemeKind::Bearer => "`Authorization: Bearer …`".to_owned(),
            SchemeKind::Basic => "`Authorization: Basic …`".to_owned(),
            SchemeKind::OAuth2 => "OAuth2 access token (bearer)".to_owned(),
            SchemeKind::OpenIdConnect => "OpenID Connect access token (bearer)".to_owned(),
        };
        let setter = match s.kind {
            SchemeKind::Basic => format!("`.{}(username, password)`", s.setter),
            _ => format!("`.{}(…)`", s.setter),
        };
        let env = s
            .env
            .as_deref()
            .map_or_else(|| "none".to_owned(), cell_code);
        let _ = writeln!(
            out,
            "| {} | {sent} | {setter} | {env} |",
            cell_code(&s.name)
        );
    }
    out.push('\n');
}

/// The servers, their variables, and how to send requests elsewhere.
fn servers_section(out: &mut String, api: &Api) {
    let _ = writeln!(out, "## Servers and base URL\n");
    if api.servers.is_empty() {
        let _ = writeln!(
            out,
            "The API names no server: set one with `.base_url(\"https://…\")` on the builder.\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "Requests go to the first server unless the builder says otherwise \
         (`.server_index(i)`):\n\n| index | URL | description |\n|---|---|---|"
    );
    for (i, s) in api.servers.iter().enumerate() {
        let description = s
            .description
            .as_deref()
            .map_or_else(String::new, |d| escaped(&inline(d)));
        let _ = writeln!(out, "| {i} | {} | {description} |", cell_code(&s.url));
    }
    out.push('\n');
    let variables: Vec<_> = api
        .servers
        .iter()
        .flat_map(|s| s.variables.iter())
        .collect();
    if !variables.is_empty() {
        let _ = writeln!(
            out,
            "Server variables (`.server_variable(name, value)`, or the setter named here):\n\n\
             | variable | default | values | setter | environment variable |\n|---|---|---|---|---|"
        );
        let mut seen = std::collections::BTreeSet::new();
        for v in variables {
            if !seen.insert(v.name.as_str()) {
                continue;
            }
            let values = if v.values.is_empty() {
                "any".to_owned()
            } else {
                v.values
                    .iter()
                    .map(|value| cell_code(value))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let server_enum = api.server_enums.iter().find(|e| e.variable == v.name);
            let setter = server_enum.map_or_else(
                || "-".to_owned(),
                |e| format!("`.{}({}::…)`", e.setter, e.type_name),
            );
            let env = server_enum
                .and_then(|e| e.env.as_deref())
                .map_or_else(|| "none".to_owned(), cell_code);
            let _ = writeln!(
                out,
                "| {} | {} | {values} | {setter} | {env} |",
                cell_code(&v.name),
                cell_code(&v.default)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "To send every request elsewhere (a proxy, a local test server), set \
         `.base_url(\"http://127.0.0.1:8080\")`; `.operation_base_url(operation_id, url)` moves \
         one operation.\n"
    );
}

/// The Preview operations and how to enable them.
fn preview_section(out: &mut String, api: &Api) {
    let previews: Vec<&Operation> = api
        .modules
        .values()
        .flat_map(|m| m.operations.iter())
        .filter(|op| op.preview.is_some())
        .collect();
    if previews.is_empty() {
        return;
    }
    let first = Literal::string(&previews[0].id);
    let _ = writeln!(
        out,
        "## Preview operations\n\n\
         These operations are marked unstable by the API (`x-unstable`): a client refuses to \
         send them until each is enabled by its operation id, \
         `ClientBuilder::enable_preview({first})`, or all of them with \
         `.enable_all_previews()`. `PREVIEW_OPERATIONS` lists them.\n\n\
         | operation id | method |\n|---|---|"
    );
    for op in previews {
        let _ = writeln!(out, "| {} | `{}` |", cell_code(&op.id), op.method_name);
    }
    out.push('\n');
}

/// A complete program: the client from the environment, and the example of the first operation
/// that needs no argument (else the first stable one; else the first), as its rustdoc shows it.
fn example_section_of(out: &mut String, api: &Api, crate_path: &str) {
    let operations: Vec<&Operation> = api
        .modules
        .values()
        .flat_map(|m| m.operations.iter())
        .collect();
    let stable = |op: &&&Operation| op.preview.is_none();
    let no_arguments = |op: &&&Operation| {
        op.preview.is_none()
            && op.params.iter().all(|p| !p.required)
            && op.body.as_ref().is_none_or(|b| !b.required)
    };
    let Some(op) = operations
        .iter()
        .find(no_arguments)
        .or_else(|| operations.iter().find(stable))
        .or_else(|| operations.first())
    else {
        return;
    };
    let section = example_section(op, &api.types, crate_path);
    let code = section
        .strip_prefix("# Example\n\n```no_run\n")
        .and_then(|rest| rest.strip_suffix("```"))
        .unwrap_or(&section);
    let feature = api
        .modules
        .iter()
        .find(|(_, m)| m.operations.iter().any(|o| o.id == op.id))
        .map_or("full", |(name, _)| name.as_str());
    let needs_arguments =
        op.params.iter().any(|p| p.required) || op.body.as_ref().is_some_and(|b| b.required);
    let call = match (op.preview.is_some(), needs_arguments) {
        (true, false) => "    example().await?;",
        (true, true) => "    // With the operation's arguments:\n    // example(…).await?;",
        (false, false) => "    let client = Client::from_env()?;\n    example(&client).await?;",
        (false, true) => {
            "    let client = Client::from_env()?;\n    // With the operation's arguments:\n    \
             // example(&client, …).await?;\n    let _ = client;"
        }
    };
    let _ = writeln!(
        out,
        "## Example\n\n\
         With the `{feature}` feature on and credentials in the environment (see \
         [Credentials](#credentials)), this calls `{}`:\n\n\
         ```rust,no_run\n{code}\n\
         #[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {{\n\
         {call}\n    Ok(())\n}}\n```\n\n\
         Build the client with setters instead of the environment with \
         `Client::builder()`, then `.build()?`. Each operation's rustdoc has an example like \
         this one.\n",
        op.method_name
    );
}
