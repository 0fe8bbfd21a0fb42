// @generated from swagger2_body.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! The client for the Swagger body fixture: where requests go, how they authenticate, and which Preview operations are enabled.

use openapi_sdk_runtime as rt;

/// The operations in Preview (`x-unstable`): each must be enabled on the client with
/// [`ClientBuilder::enable_preview`] before use.
pub const PREVIEW_OPERATIONS: &[&str] = &[];

/// This API as the runtime sees it: its servers, security schemes, Preview operations,
/// rate-limit headers and error messages.
pub static API: rt::Api = rt::Api {
    package: env!("CARGO_PKG_NAME"),
    version: env!("CARGO_PKG_VERSION"),
    servers: &[
        rt::Server {
            url: "https://api.example.com/v1",
            variables: &[],
        },
    ],
    security_schemes: &[],
    preview_operations: PREVIEW_OPERATIONS,
    operations: &["CreateNote"],
    rate_limit: rt::RateLimitHeaders::STANDARD,
    error_messages: rt::ErrorMessages::STANDARD,
};

/// A client for the Swagger body fixture. Cheap to clone: clones share one connection pool.
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

    /// A builder like [`new`](Self::new): this API names no environment variables.
    pub fn from_env() -> Self {
        Self::new()
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
