// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! The client for the Datadog Connections API: where requests go, how they authenticate, and which Preview operations are enabled.

use openapi_sdk_runtime as rt;

/// The operations in Preview (`x-unstable`): each must be enabled on the client with
/// [`ClientBuilder::enable_preview`] before use.
pub const PREVIEW_OPERATIONS: &[&str] = &[
    "CreateTeamConnections",
    "DeleteTeamConnections",
    "ListTeamConnections",
];

/// The environment variable [`ClientBuilder::from_env`] reads the `AuthZ` credential from.
pub const ENV_BEARER_TOKEN: &str = "DD_ACCESS_TOKEN";

/// The environment variable [`ClientBuilder::from_env`] reads the `apiKeyAuth` credential from.
pub const ENV_API_KEY: &str = "DD_API_KEY";

/// The environment variable [`ClientBuilder::from_env`] reads the `appKeyAuth` credential from.
pub const ENV_APP_KEY: &str = "DD_APP_KEY";

/// The environment variable [`ClientBuilder::from_env`] reads the `site` server variable (or a base URL) from.
pub const ENV_SITE: &str = "DD_SITE";

/// This API as the runtime sees it: its servers, security schemes, Preview operations,
/// rate-limit headers and error messages.
pub static API: rt::Api = rt::Api {
    package: env!("CARGO_PKG_NAME"),
    version: env!("CARGO_PKG_VERSION"),
    servers: &[
        rt::Server {
            url: "https://api.{site}",
            variables: &[
                rt::ServerVariable {
                    name: "site",
                    default: "datadoghq.com",
                    values: &[
                        "datadoghq.com",
                        "us3.datadoghq.com",
                        "us5.datadoghq.com",
                        "datadoghq.eu",
                        "ap1.datadoghq.com",
                        "ap2.datadoghq.com",
                        "ddog-gov.com",
                    ],
                },
            ],
        },
        rt::Server {
            url: "{protocol}://{name}",
            variables: &[
                rt::ServerVariable {
                    name: "name",
                    default: "api.datadoghq.com",
                    values: &[],
                },
                rt::ServerVariable {
                    name: "protocol",
                    default: "https",
                    values: &[],
                },
            ],
        },
    ],
    security_schemes: &[
        rt::SecurityScheme {
            name: "AuthZ",
            kind: rt::SchemeKind::OAuth2,
            env: Some("DD_ACCESS_TOKEN"),
        },
        rt::SecurityScheme {
            name: "apiKeyAuth",
            kind: rt::SchemeKind::ApiKey {
                location: rt::ApiKeyLocation::Header,
                name: "DD-API-KEY",
            },
            env: Some("DD_API_KEY"),
        },
        rt::SecurityScheme {
            name: "appKeyAuth",
            kind: rt::SchemeKind::ApiKey {
                location: rt::ApiKeyLocation::Header,
                name: "DD-APPLICATION-KEY",
            },
            env: Some("DD_APP_KEY"),
        },
    ],
    preview_operations: PREVIEW_OPERATIONS,
    operations: &[
        "CreateOrgConnections",
        "CreateTeamConnections",
        "DeleteOrgConnections",
        "DeleteTeamConnections",
        "ListOrgConnections",
        "ListTeamConnections",
        "UpdateOrgConnections",
    ],
    rate_limit: rt::RateLimitHeaders {
        limit: Some("x-ratelimit-limit"),
        remaining: Some("x-ratelimit-remaining"),
        reset: Some("x-ratelimit-reset"),
        reset_kind: rt::ResetKind::DelaySeconds,
        period: Some("x-ratelimit-period"),
        name: Some("x-ratelimit-name"),
    },
    error_messages: rt::ErrorMessages {
        paths: &["errors"],
    },
};

/// A client for the Datadog Connections API. Cheap to clone: clones share one connection pool.
///
/// Every operation is a method returning a request builder; `send` it to make the call.
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

/// Builds a [`Client`]: credentials (one setter per security scheme), where requests go, Preview opt-ins, retries and timeouts.
///
/// Requests go to the API's first server unless a base URL is set. An operation that the API serves from its own server goes there whatever the base URL; [`operation_base_url`](Self::operation_base_url) sends it elsewhere. See [`openapi_sdk_runtime::ClientBuilder`] for the rules.
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

    /// A builder configured from the environment: `DD_ACCESS_TOKEN` (`AuthZ`), `DD_API_KEY` (`apiKeyAuth`), `DD_APP_KEY` (`appKeyAuth`), `DD_SITE` (the `site` server variable, or a base URL with a scheme) (each only when set and not blank).
    ///
    /// An unusable value is reported by [`build`](Self::build); settings made after this call override the environment. No Preview operation is enabled.
    pub fn from_env() -> Self {
        let mut builder = Self::new();
        if let Some(value) = rt::env_var("DD_ACCESS_TOKEN") {
            builder = builder.bearer_token(value);
        }
        if let Some(value) = rt::env_var("DD_API_KEY") {
            builder = builder.api_key(value);
        }
        if let Some(value) = rt::env_var("DD_APP_KEY") {
            builder = builder.app_key(value);
        }
        if let Some(value) = rt::env_var("DD_SITE") {
            builder = if value.contains("://") {
                builder.base_url(value)
            } else {
                match value.parse::<Site>() {
                    Ok(value) => builder.site(value),
                    Err(error) => ClientBuilder(builder.0.defer_error(error)),
                }
            };
        }
        builder
    }

    /// The credential for the `AuthZ` security scheme (This API uses OAuth 2 with the authorization code grant flow). An access token obtained from the authorization server, sent as `Authorization: Bearer <token>`; pass the token alone.
    ///
    /// Operations that accept it send it; [`build`](Self::build) rejects a value that cannot be sent, and it never appears in `Debug` output or errors. [`from_env`](Self::from_env) reads it from `DD_ACCESS_TOKEN`.
    pub fn bearer_token(self, bearer_token: impl Into<String>) -> Self {
        ClientBuilder(
            self
                .0
                .credential(
                    "AuthZ",
                    rt::Credential::Token(rt::Secret::new(bearer_token)),
                ),
        )
    }

    /// The credential for the `apiKeyAuth` security scheme (Your Datadog API Key). Sent in the `DD-API-KEY` header.
    ///
    /// Operations that accept it send it; [`build`](Self::build) rejects a value that cannot be sent, and it never appears in `Debug` output or errors. [`from_env`](Self::from_env) reads it from `DD_API_KEY`.
    pub fn api_key(self, api_key: impl Into<String>) -> Self {
        ClientBuilder(
            self
                .0
                .credential(
                    "apiKeyAuth",
                    rt::Credential::Token(rt::Secret::new(api_key)),
                ),
        )
    }

    /// The credential for the `appKeyAuth` security scheme (Your Datadog APP Key). Sent in the `DD-APPLICATION-KEY` header.
    ///
    /// Operations that accept it send it; [`build`](Self::build) rejects a value that cannot be sent, and it never appears in `Debug` output or errors. [`from_env`](Self::from_env) reads it from `DD_APP_KEY`.
    pub fn app_key(self, app_key: impl Into<String>) -> Self {
        ClientBuilder(
            self
                .0
                .credential(
                    "appKeyAuth",
                    rt::Credential::Token(rt::Secret::new(app_key)),
                ),
        )
    }

    /// Sets the `site` server variable: The regional site for Datadog customers.
    pub fn site(self, site: Site) -> Self {
        ClientBuilder(self.0.server_variable("site", site.value()))
    }

    /// Tries the security alternatives that use this scheme first (by its name in the
    /// document). Otherwise an operation sends the first alternative, in the document's
    /// order, that the client holds credentials for.
    pub fn prefer_scheme(self, scheme: impl Into<String>) -> Self {
        ClientBuilder(self.0.prefer_scheme(scheme))
    }

    /// Sets a server variable by name, for the API's server and every operation's own server.
    pub fn server_variable(
        self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
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
    pub fn operation_base_url(
        self,
        operation_id: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
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

/// A value of the `site` server variable: The regional site for Datadog customers.
///
/// Parse one from its value or its short name (case and surrounding spaces are ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Site {
    /// US1, `datadoghq.com`.
    #[default]
    Us1,
    /// US3, `us3.datadoghq.com`.
    Us3,
    /// US5, `us5.datadoghq.com`.
    Us5,
    /// EU1, `datadoghq.eu`.
    Eu1,
    /// AP1, `ap1.datadoghq.com`.
    Ap1,
    /// AP2, `ap2.datadoghq.com`.
    Ap2,
    /// US1-FED, `ddog-gov.com`.
    Us1Fed,
}

impl Site {
    /// Every value, in the API's order.
    pub const ALL: [Site; 7usize] = [
        Site::Us1,
        Site::Us3,
        Site::Us5,
        Site::Eu1,
        Site::Ap1,
        Site::Ap2,
        Site::Us1Fed,
    ];

    /// The value as the server URL uses it.
    pub fn value(self) -> &'static str {
        match self {
            Site::Us1 => "datadoghq.com",
            Site::Us3 => "us3.datadoghq.com",
            Site::Us5 => "us5.datadoghq.com",
            Site::Eu1 => "datadoghq.eu",
            Site::Ap1 => "ap1.datadoghq.com",
            Site::Ap2 => "ap2.datadoghq.com",
            Site::Us1Fed => "ddog-gov.com",
        }
    }

    /// The short name (`US1`), when it has one.
    pub fn short_name(self) -> Option<&'static str> {
        match self {
            Site::Us1 => Some("US1"),
            Site::Us3 => Some("US3"),
            Site::Us5 => Some("US5"),
            Site::Eu1 => Some("EU1"),
            Site::Ap1 => Some("AP1"),
            Site::Ap2 => Some("AP2"),
            Site::Us1Fed => Some("US1-FED"),
        }
    }
}

impl std::fmt::Display for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.value())
    }
}

impl std::str::FromStr for Site {
    type Err = rt::ConfigError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().trim_end_matches('/');
        Site::ALL
            .into_iter()
            .find(|value| {
                value.value().eq_ignore_ascii_case(wanted)
                    || value.short_name().is_some_and(|n| n.eq_ignore_ascii_case(wanted))
            })
            .ok_or_else(|| rt::ConfigError::UnknownValue {
                what: "site",
                value: s.to_owned(),
                allowed: Site::ALL
                    .iter()
                    .map(|v| v.value())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}
