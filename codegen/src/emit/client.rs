//! The API-level items of a generated crate (`client.rs`): the [`rt::Api`] description (servers,
//! security schemes, Preview operations), the `Client` and `ClientBuilder` wrappers with a setter
//! per security scheme and server variable, `from_env`, and an enum per server variable that lists
//! its values (`Site`).

use super::docs::{code_span, doc_attrs, inline, inner_doc_attrs, own_doc_attrs};
use super::types::{ident, path_tokens};
use crate::config::{RateLimitConfig, ResetKind};
use crate::ir::{Api, ApiKeyLocation, SchemeKind, SecurityScheme, Server, ServerEnum};
use heck::ToShoutySnakeCase;
use proc_macro2::TokenStream;
use quote::quote;

/// The contents of `client.rs`.
pub(crate) fn client_file(api: &Api, runtime: &str) -> TokenStream {
    let rt = path_tokens(runtime);
    let heading = inner_doc_attrs(&format!(
        "The client for the {}: where requests go, how they authenticate, and which Preview operations are enabled.",
        inline(&api.title)
    ));
    let mut previews: Vec<&str> = api
        .modules
        .values()
        .flat_map(|m| &m.operations)
        .filter(|o| o.preview.is_some())
        .map(|o| o.id.as_str())
        .collect();
    previews.sort_unstable();
    let mut operations: Vec<&str> = api
        .modules
        .values()
        .flat_map(|m| &m.operations)
        .map(|o| o.id.as_str())
        .collect();
    operations.sort_unstable();
    let servers = servers_tokens(&api.servers);
    let rate_limit = rate_limit_tokens(api.rate_limit.as_ref());
    let error_messages = error_messages_tokens(&api.error_message_paths);
    let schemes = api.security_schemes.iter().map(scheme_tokens);
    let env_consts = env_consts(api);
    let setters = api.security_schemes.iter().map(scheme_setter);
    let enum_setters = api.server_enums.iter().map(|e| {
        let setter = ident(&e.setter);
        let ty = ident(&e.type_name);
        let variable = &e.variable;
        let doc = doc_attrs(Some(&format!(
            "Sets the {} server variable{}.",
            code_span(variable),
            e.description
                .as_deref()
                .map(|d| format!(": {}", inline(d).trim_end_matches('.')))
                .unwrap_or_default()
        )));
        quote! {
            #doc
            pub fn #setter(self, #setter: #ty) -> Self {
                ClientBuilder(self.0.server_variable(#variable, #setter.value()))
            }
        }
    });
    let from_env = from_env_body(api);
    let enums = api.server_enums.iter().map(server_enum);
    let title = inline(&api.title);
    let client_doc = doc_attrs(Some(&format!(
        "A client for the {title}. Cheap to clone: clones share one connection pool.\n\nEvery operation is a method returning a request builder; `send` it to make the call."
    )));
    let builder_doc = own_doc_attrs(&format!(
        "Builds a [`Client`]: credentials (one setter per security scheme), where requests go, Preview opt-ins, retries and timeouts.\n\nRequests go to the API's first server unless a base URL is set. An operation that the API serves from its own server goes there whatever the base URL; [`operation_base_url`](Self::operation_base_url) sends it elsewhere. See [`{runtime}::ClientBuilder`] for the rules."
    ));
    quote! {
        #heading

        use #rt as rt;

        /// The operations in Preview (`x-unstable`): each must be enabled on the client with
        /// [`ClientBuilder::enable_preview`] before use.
        pub const PREVIEW_OPERATIONS: &[&str] = &[#(#previews),*];

        #(#env_consts)*

        /// This API as the runtime sees it: its servers, security schemes, Preview operations,
        /// rate-limit headers and error messages.
        pub static API: rt::Api = rt::Api {
            package: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
            servers: #servers,
            security_schemes: &[#(#schemes),*],
            preview_operations: PREVIEW_OPERATIONS,
            operations: &[#(#operations),*],
            rate_limit: #rate_limit,
            error_messages: #error_messages,
        };

        #client_doc
        #[derive(Debug, Clone)]
        pub struct Client(rt::Client);

        impl Client {
            /// A builder for a client.
            pub fn builder() -> ClientBuilder {
                ClientBuilder::new()
            }

            /// A client configured from the environment; see [`ClientBuilder::from_env`].
            pub fn from_env() -> Result<Client, rt::ConfigError> {
                ClientBuilder::from_env().build()
            }

            /// The base URL requests go to, unless their operation has its own server.
            pub fn base_url(&self) -> &str {
                self.0.base_url()
            }

            /// Whether a Preview operation is enabled on this client.
            pub fn is_preview_enabled(&self, operation_id: &str) -> bool {
                self.0.is_preview_enabled(operation_id)
            }

            /// The runtime client, which every request goes through.
            pub fn runtime(&self) -> &rt::Client {
                &self.0
            }
        }

        impl AsRef<rt::Client> for Client {
            fn as_ref(&self) -> &rt::Client {
                &self.0
            }
        }

        #builder_doc
        #[derive(Debug, Clone)]
        #[must_use = "a builder does nothing until `build` is called"]
        pub struct ClientBuilder(rt::ClientBuilder);

        impl Default for ClientBuilder {
            fn default() -> Self {
                Self::new()
            }
        }

        impl ClientBuilder {
            /// A builder with nothing set: the first server with its default variables, no
            /// credentials, no Preview operation enabled, default retries and timeouts.
            pub fn new() -> Self {
                ClientBuilder(rt::ClientBuilder::new(&API))
            }

            #from_env

            #(#setters)*
            #(#enum_setters)*

            /// Tries the security alternatives that use this scheme first (by its name in the
            /// document). Otherwise an operation sends the first alternative, in the document's
            /// order, that the client holds credentials for.
            pub fn prefer_scheme(self, scheme: impl Into<String>) -> Self {
                ClientBuilder(self.0.prefer_scheme(scheme))
            }

            /// Sets a server variable by name, for the API's server and every operation's own server.
            pub fn server_variable(self, name: impl Into<String>, value: impl Into<String>) -> Self {
                ClientBuilder(self.0.server_variable(name, value))
            }

            /// Uses the API's server at `index` (default 0, the first).
            pub fn server_index(self, index: usize) -> Self {
                ClientBuilder(self.0.server_index(index))
            }

            /// Sends requests to an explicit base URL (a proxy, a local test server) instead of the
            /// API's server. Operations with their own server still go there.
            pub fn base_url(self, url: impl Into<String>) -> Self {
                ClientBuilder(self.0.base_url(url))
            }

            /// Sends one operation, by its operation id, to `url`, whatever its server.
            pub fn operation_base_url(self, operation_id: impl Into<String>, url: impl Into<String>) -> Self {
                ClientBuilder(self.0.operation_base_url(operation_id, url))
            }

            /// Opts in to one Preview operation by its operation id (see [`PREVIEW_OPERATIONS`]);
            /// [`build`](Self::build) rejects a name that is not one of them.
            pub fn enable_preview(self, operation_id: impl Into<String>) -> Self {
                ClientBuilder(self.0.enable_preview(operation_id))
            }

            /// Opts in to every Preview operation.
            pub fn enable_all_previews(self) -> Self {
                ClientBuilder(self.0.enable_all_previews())
            }

            /// Replaces the default user agent (`<crate>/<version> (rust; <os>; <arch>)`).
            pub fn user_agent(self, user_agent: impl Into<String>) -> Self {
                ClientBuilder(self.0.user_agent(user_agent))
            }

            /// Uses a preconfigured `reqwest::Client`; see [`rt::ClientBuilder::http_client`].
            pub fn http_client(self, client: rt::reqwest::Client) -> Self {
                ClientBuilder(self.0.http_client(client))
            }

            /// Replaces the retry policy (default: [`rt::RetryPolicy::new`], 4 attempts).
            pub fn retry_policy(self, policy: rt::RetryPolicy) -> Self {
                ClientBuilder(self.0.retry_policy(policy))
            }

            /// The time allowed to open a connection, TLS included (default 10 s).
            pub fn connect_timeout(self, timeout: std::time::Duration) -> Self {
                ClientBuilder(self.0.connect_timeout(timeout))
            }

            /// The time allowed for one attempt, reading the body included (default 60 s).
            pub fn attempt_timeout(self, timeout: std::time::Duration) -> Self {
                ClientBuilder(self.0.attempt_timeout(timeout))
            }

            /// The time allowed for a whole call, retries and waits included (default 5 min).
            pub fn deadline(self, deadline: std::time::Duration) -> Self {
                ClientBuilder(self.0.deadline(deadline))
            }

            /// The largest response body a call reads, after decompression (default 32 MiB); see
            /// [`rt::ClientBuilder::max_response_body`].
            pub fn max_response_body(self, bytes: usize) -> Self {
                ClientBuilder(self.0.max_response_body(bytes))
            }

            /// Validates the configuration and builds the client.
            pub fn build(self) -> Result<Client, rt::ConfigError> {
                self.0.build().map(Client)
            }
        }

        #(#enums)*
    }
}

/// `&[rt::Server { … }, …]` (generated files import the runtime as `rt`).
pub(crate) fn servers_tokens(servers: &[Server]) -> TokenStream {
    let servers = servers.iter().map(|s| {
        let url = &s.url;
        let variables = s.variables.iter().map(|v| {
            let (name, default, values) = (&v.name, &v.default, &v.values);
            quote!(rt::ServerVariable { name: #name, default: #default, values: &[#(#values),*] })
        });
        quote!(rt::Server { url: #url, variables: &[#(#variables),*] })
    });
    quote!(&[#(#servers),*])
}

fn scheme_tokens(s: &SecurityScheme) -> TokenStream {
    let name = &s.name;
    let kind = match &s.kind {
        SchemeKind::ApiKey(location, key) => {
            let location = ident(match location {
                ApiKeyLocation::Header => "Header",
                ApiKeyLocation::Query => "Query",
                ApiKeyLocation::Cookie => "Cookie",
            });
            quote!(rt::SchemeKind::ApiKey { location: rt::ApiKeyLocation::#location, name: #key })
        }
        SchemeKind::Bearer => quote!(rt::SchemeKind::Bearer),
        SchemeKind::Basic => quote!(rt::SchemeKind::Basic),
        SchemeKind::OAuth2 => quote!(rt::SchemeKind::OAuth2),
        SchemeKind::OpenIdConnect => quote!(rt::SchemeKind::OpenIdConnect),
    };
    let env = match &s.env {
        Some(env) => quote!(Some(#env)),
        None => quote!(None),
    };
    quote!(rt::SecurityScheme { name: #name, kind: #kind, env: #env })
}

/// `pub const ENV_API_KEY: &str = "DD_API_KEY";` for each environment variable `from_env` reads.
fn env_consts(api: &Api) -> Vec<TokenStream> {
    let schemes = api
        .security_schemes
        .iter()
        .filter_map(|s| Some((s.setter.as_str(), s.env.as_deref()?, s.name.as_str())));
    let enums = api
        .server_enums
        .iter()
        .filter_map(|e| Some((e.setter.as_str(), e.env.as_deref()?, e.variable.as_str())));
    schemes
        .map(|(setter, env, name)| (setter, env, format!(" The environment variable [`ClientBuilder::from_env`] reads the {} credential from.", code_span(name))))
        .chain(enums.map(|(setter, env, name)| {
            (setter, env, format!(" The environment variable [`ClientBuilder::from_env`] reads the {} server variable (or a base URL) from.", code_span(name)))
        }))
        .map(|(setter, env, doc)| {
            let name = ident(&format!("ENV_{}", setter.trim_start_matches("r#").to_shouty_snake_case()));
            quote! {
                #[doc = #doc]
                pub const #name: &str = #env;
            }
        })
        .collect()
}

/// The setter of one security scheme.
fn scheme_setter(s: &SecurityScheme) -> TokenStream {
    let setter = ident(&s.setter);
    let name = &s.name;
    let how = match &s.kind {
        SchemeKind::ApiKey(ApiKeyLocation::Header, key) => format!("Sent in the {} header.", code_span(key)),
        SchemeKind::ApiKey(ApiKeyLocation::Query, key) => format!("Sent as the {} query parameter.", code_span(key)),
        SchemeKind::ApiKey(ApiKeyLocation::Cookie, key) => format!("Sent as the {} cookie.", code_span(key)),
        SchemeKind::Bearer => "Sent as `Authorization: Bearer <token>`; pass the token alone.".to_owned(),
        SchemeKind::Basic => "Sent as `Authorization: Basic …` (HTTP basic auth).".to_owned(),
        SchemeKind::OAuth2 | SchemeKind::OpenIdConnect => {
            "An access token obtained from the authorization server, sent as `Authorization: Bearer <token>`; pass the token alone.".to_owned()
        }
    };
    let mut doc = format!("The credential for the {} security scheme", code_span(name));
    if let Some(d) = &s.description {
        doc.push_str(&format!(" ({})", inline(d).trim_end_matches('.')));
    }
    doc.push_str(&format!(
        ". {how}\n\nOperations that accept it send it; [`build`](Self::build) rejects a value that cannot be sent, and it never appears in `Debug` output or errors."
    ));
    if let Some(env) = &s.env {
        doc.push_str(&format!(
            " [`from_env`](Self::from_env) reads it from {}.",
            code_span(env)
        ));
    }
    let doc = doc_attrs(Some(&doc));
    match s.kind {
        SchemeKind::Basic => quote! {
            #doc
            pub fn #setter(self, username: impl Into<String>, password: impl Into<String>) -> Self {
                ClientBuilder(self.0.credential(#name, rt::Credential::Basic { username: username.into(), password: rt::Secret::new(password) }))
            }
        },
        _ => quote! {
            #doc
            pub fn #setter(self, #setter: impl Into<String>) -> Self {
                ClientBuilder(self.0.credential(#name, rt::Credential::Token(rt::Secret::new(#setter))))
            }
        },
    }
}

/// `ClientBuilder::from_env`, reading the variables the configuration (or `x-env-name`) names.
fn from_env_body(api: &Api) -> TokenStream {
    let mut reads = Vec::new();
    let mut listed = Vec::new();
    for s in &api.security_schemes {
        let (
            Some(env),
            SchemeKind::ApiKey(..)
            | SchemeKind::Bearer
            | SchemeKind::OAuth2
            | SchemeKind::OpenIdConnect,
        ) = (&s.env, &s.kind)
        else {
            continue;
        };
        let setter = ident(&s.setter);
        listed.push(format!("{} ({})", code_span(env), code_span(&s.name)));
        reads.push(quote! {
            if let Some(value) = rt::env_var(#env) {
                builder = builder.#setter(value);
            }
        });
    }
    for e in &api.server_enums {
        let Some(env) = &e.env else { continue };
        let setter = ident(&e.setter);
        let ty = ident(&e.type_name);
        listed.push(format!(
            "{} (the {} server variable, or a base URL with a scheme)",
            code_span(env),
            code_span(&e.variable)
        ));
        reads.push(quote! {
            if let Some(value) = rt::env_var(#env) {
                builder = if value.contains("://") {
                    builder.base_url(value)
                } else {
                    match value.parse::<#ty>() {
                        Ok(value) => builder.#setter(value),
                        Err(error) => ClientBuilder(builder.0.defer_error(error)),
                    }
                };
            }
        });
    }
    let doc = if listed.is_empty() {
        "A builder like [`new`](Self::new): this API names no environment variables.".to_owned()
    } else {
        format!(
            "A builder configured from the environment: {} (each only when set and not blank).\n\nAn unusable value is reported by [`build`](Self::build); settings made after this call override the environment. No Preview operation is enabled.",
            listed.join(", ")
        )
    };
    let body = if reads.is_empty() {
        quote!(Self::new())
    } else {
        quote! {
            let mut builder = Self::new();
            #(#reads)*
            builder
        }
    };
    let doc = own_doc_attrs(&doc);
    quote! {
        #doc
        pub fn from_env() -> Self {
            #body
        }
    }
}

/// An enum for a server variable that lists its values.
fn server_enum(e: &ServerEnum) -> TokenStream {
    let name = ident(&e.type_name);
    let what = e.variable.as_str();
    let mut doc = format!("A value of the {} server variable", code_span(what));
    match &e.description {
        Some(d) => doc.push_str(&format!(": {}", d.trim())),
        None => doc.push('.'),
    }
    doc.push_str(&format!(
        "\n\nParse one from its value{} (case and surrounding spaces are ignored).",
        if e.values.iter().any(|(_, _, n)| n.is_some()) {
            " or its short name"
        } else {
            ""
        }
    ));
    let doc = doc_attrs(Some(&doc));
    let variants = e.values.iter().map(|(variant, value, short)| {
        let v = ident(variant);
        let doc = doc_attrs(Some(&match short {
            Some(short) => format!("{}, {}.", inline(short), code_span(value)),
            None => format!("{}.", code_span(value)),
        }));
        let default_attr = if *variant == e.default {
            quote!(#[default])
        } else {
            quote!()
        };
        quote! {
            #doc
            #default_attr
            #v
        }
    });
    let all = e.values.iter().map(|(v, _, _)| ident(v));
    let count = e.values.len();
    let value_arms = e.values.iter().map(|(v, value, _)| {
        let v = ident(v);
        quote!(#name::#v => #value)
    });
    let has_names = e.values.iter().any(|(_, _, n)| n.is_some());
    let short_name = has_names.then(|| {
        let arms = e.values.iter().map(|(v, _, short)| {
            let v = ident(v);
            match short {
                Some(s) => quote!(#name::#v => Some(#s)),
                None => quote!(#name::#v => None),
            }
        });
        quote! {
            /// The short name (`US1`), when it has one.
            pub fn short_name(self) -> Option<&'static str> {
                match self {
                    #(#arms),*
                }
            }
        }
    });
    let matches = if has_names {
        quote!(
            value.value().eq_ignore_ascii_case(wanted)
                || value
                    .short_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case(wanted))
        )
    } else {
        quote!(value.value().eq_ignore_ascii_case(wanted))
    };
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants),*
        }

        impl #name {
            /// Every value, in the API's order.
            pub const ALL: [#name; #count] = [#(#name::#all),*];

            /// The value as the server URL uses it.
            pub fn value(self) -> &'static str {
                match self {
                    #(#value_arms),*
                }
            }

            #short_name
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.value())
            }
        }

        impl std::str::FromStr for #name {
            type Err = rt::ConfigError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().trim_end_matches('/');
                #name::ALL
                    .into_iter()
                    .find(|value| #matches)
                    .ok_or_else(|| rt::ConfigError::UnknownValue {
                        what: #what,
                        value: s.to_owned(),
                        allowed: #name::ALL.iter().map(|v| v.value()).collect::<Vec<_>>().join(", "),
                    })
            }
        }
    }
}

/// The runtime's `RateLimitHeaders` for the configured headers: names in lower case, as HTTP/2
/// sends them and `http` stores them.
fn rate_limit_tokens(config: Option<&RateLimitConfig>) -> TokenStream {
    let Some(config) = config else {
        return quote! { rt::RateLimitHeaders::STANDARD };
    };
    let name = |name: Option<&str>| match name {
        Some(name) => {
            let name = name.to_ascii_lowercase();
            quote! { Some(#name) }
        }
        None => quote! { None },
    };
    let limit = name(config.limit.as_deref());
    let remaining = name(config.remaining.as_deref());
    let reset = name(config.reset.as_deref());
    let period = name(config.period.as_deref());
    let label = name(config.name.as_deref());
    let reset_kind = match config.reset_kind.unwrap_or_default() {
        ResetKind::DelaySeconds => quote! { rt::ResetKind::DelaySeconds },
        ResetKind::EpochSeconds => quote! { rt::ResetKind::EpochSeconds },
    };
    quote! {
        rt::RateLimitHeaders {
            limit: #limit,
            remaining: #remaining,
            reset: #reset,
            reset_kind: #reset_kind,
            period: #period,
            name: #label,
        }
    }
}

/// The runtime's `ErrorMessages` for the configured paths.
fn error_messages_tokens(paths: &[String]) -> TokenStream {
    if paths.is_empty() {
        return quote! { rt::ErrorMessages::STANDARD };
    }
    quote! { rt::ErrorMessages { paths: &[#(#paths),*] } }
}
