//! Client configuration: site or base URL, credentials, Preview opt-ins, user agent, retries and
//! timeouts.

use crate::auth::{Credentials, Secret};
use crate::client::{Client, ClientInner};
use crate::error::ConfigError;
use crate::retry::RetryPolicy;
use crate::site::Site;
use http::header::{HeaderValue, ACCEPT};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// Environment variable holding the API key.
pub const ENV_API_KEY: &str = "DD_API_KEY";
/// Environment variable holding the application key.
pub const ENV_APP_KEY: &str = "DD_APP_KEY";
/// Environment variable holding the site (`us3.datadoghq.com`, `EU1`) or a base URL (`http://127.0.0.1:8080`).
pub const ENV_SITE: &str = "DD_SITE";

/// Default time allowed to open a connection (TCP and TLS).
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for one attempt: sending, waiting for and reading the response.
const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default time allowed for a whole call, retries and waits included.
const DEFAULT_DEADLINE: Duration = Duration::from_secs(300);

/// Where requests go.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Site(Site),
    Url(String),
}

/// Builds a [`Client`].
///
/// ```
/// use datadog_connections::{Client, Site};
///
/// let client = Client::builder()
///     .site(Site::Eu1)
///     .api_key("my-api-key")
///     .app_key("my-app-key")
///     .enable_preview("ListTeamConnections")
///     .build()?;
/// assert_eq!(client.base_url(), "https://api.datadoghq.eu");
/// # Ok::<(), datadog_connections::ConfigError>(())
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    target: Option<Target>,
    site_error: Option<ConfigError>,
    credentials: Credentials,
    previews: BTreeSet<String>,
    all_previews: bool,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
    retry_policy: RetryPolicy,
    connect_timeout: Duration,
    attempt_timeout: Duration,
    deadline: Duration,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            target: None,
            site_error: None,
            credentials: Credentials::default(),
            previews: BTreeSet::new(),
            all_previews: false,
            user_agent: None,
            http: None,
            retry_policy: RetryPolicy::default(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("target", &self.target)
            .field("credentials", &self.credentials)
            .field("previews", &self.previews)
            .field("all_previews", &self.all_previews)
            .field("user_agent", &self.user_agent)
            .field("retry_policy", &self.retry_policy)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("deadline", &self.deadline)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder with nothing set: the site defaults to US1, credentials must be given, and retries
    /// and timeouts have their defaults (see [`retry_policy`](Self::retry_policy),
    /// [`connect_timeout`](Self::connect_timeout), [`attempt_timeout`](Self::attempt_timeout) and
    /// [`deadline`](Self::deadline)).
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder configured from `DD_API_KEY`, `DD_APP_KEY` and `DD_SITE` (each only if set).
    ///
    /// `DD_SITE` may be a site (`datadoghq.eu`, `EU1`) or a URL with a scheme (for proxies and local
    /// servers); an unknown site is reported by [`build`](Self::build). Settings made after this call
    /// override the environment.
    pub fn from_env() -> Self {
        let mut builder = Self::new();
        if let Some(key) = env(ENV_API_KEY) {
            builder = builder.api_key(key);
        }
        if let Some(key) = env(ENV_APP_KEY) {
            builder = builder.app_key(key);
        }
        if let Some(site) = env(ENV_SITE) {
            if site.contains("://") {
                builder = builder.base_url(site);
            } else {
                match site.parse::<Site>() {
                    Ok(site) => builder = builder.site(site),
                    Err(e) => builder.site_error = Some(e),
                }
            }
        }
        builder
    }

    /// Sends requests to a Datadog site (`https://api.<domain>`).
    pub fn site(mut self, site: Site) -> Self {
        self.target = Some(Target::Site(site));
        self.site_error = None;
        self
    }

    /// Sends requests to an explicit base URL (a proxy, a regional endpoint, a local test server).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.target = Some(Target::Url(url.into()));
        self.site_error = None;
        self
    }

    /// The API key (`DD-API-KEY` header).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.credentials.api_key = Some(Secret::new(key));
        self
    }

    /// The application key (`DD-APPLICATION-KEY` header).
    pub fn app_key(mut self, key: impl Into<String>) -> Self {
        self.credentials.app_key = Some(Secret::new(key));
        self
    }

    /// Authenticates with an OAuth2 access token (`Authorization: Bearer <token>`) instead of keys.
    ///
    /// When a token is set, it is the only credential sent: API and application keys, set in code
    /// or read from the environment, are ignored and need not be set. Pass the token alone, without
    /// the `Bearer ` prefix; [`build`](Self::build) rejects an empty token or one with characters
    /// that cannot be sent in a header. The token never appears in `Debug` output or errors.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.credentials.bearer_token = Some(Secret::new(token));
        self
    }

    /// Opts in to one Preview operation by its operation id (`ListTeamConnections`); see
    /// [`operations::PREVIEW_OPERATIONS`](crate::operations::PREVIEW_OPERATIONS).
    pub fn enable_preview(mut self, operation_id: impl Into<String>) -> Self {
        self.previews.insert(operation_id.into());
        self
    }

    /// Opts in to every Preview operation.
    pub fn enable_all_previews(mut self) -> Self {
        self.all_previews = true;
        self
    }

    /// Replaces the default user agent (`datadog-connections/<version> (rust; <os>; <arch>)`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Uses a preconfigured `reqwest::Client` (proxies, TLS roots, connection pool settings).
    ///
    /// The SDK still sets its own headers on every request and applies its retry policy,
    /// per-attempt timeout and deadline. The client's redirect policy, connect timeout and response
    /// decompression are the caller's responsibility in this case: build it with a redirect policy
    /// that does not follow redirects to other hosts, or the keys may go with them.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Replaces the retry policy (default: [`RetryPolicy::new`], 4 attempts).
    /// [`RetryPolicy::disabled`] turns retries off; a call can override the policy with
    /// [`RequestOptions::retry_policy`](crate::RequestOptions::retry_policy).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = policy;
        self
    }

    /// The time allowed to open a connection, TLS included (default 10 s). A connection that is not
    /// open in time fails with a [`TimeoutKind::Connect`](crate::TimeoutKind::Connect) timeout,
    /// which is retried: nothing was sent.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The time allowed for one attempt: sending the request, waiting for the response and reading
    /// its body (default 60 s). A slower attempt fails with a
    /// [`TimeoutKind::Attempt`](crate::TimeoutKind::Attempt) timeout, which is retried for
    /// idempotent methods and calls marked safe to retry.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// The time allowed for a whole call, every attempt and every wait between them included
    /// (default 5 min). When it passes, the call fails with a
    /// [`TimeoutKind::Deadline`](crate::TimeoutKind::Deadline) timeout and is not retried; a retry
    /// that could not start before it is not made, and the last error is returned.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        if let Some(e) = self.site_error {
            return Err(e);
        }
        let (base_url, site) = match self.target.unwrap_or(Target::Site(Site::default())) {
            Target::Site(site) => (site.api_url(), Some(site)),
            Target::Url(url) => (validate_base_url(&url)?, None),
        };
        let mut headers = self.credentials.headers()?;
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        for op in &self.previews {
            if !crate::operations::PREVIEW_OPERATIONS.contains(&op.as_str()) {
                return Err(ConfigError::UnknownPreviewOperation(op.clone()));
            }
        }
        let user_agent = self.user_agent.unwrap_or_else(default_user_agent);
        let user_agent = HeaderValue::from_str(&user_agent).map_err(|_| ConfigError::InvalidUserAgent)?;
        for (name, value) in [
            ("connect timeout", self.connect_timeout),
            ("attempt timeout", self.attempt_timeout),
            ("deadline", self.deadline),
        ] {
            if value.is_zero() {
                return Err(ConfigError::ZeroTimeout(name));
            }
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .redirect(crate::client::redirect_policy())
                .connect_timeout(self.connect_timeout)
                .gzip(true)
                .build()
                .map_err(|e| ConfigError::HttpClient(e.to_string()))?,
        };
        Ok(Client {
            inner: Arc::new(ClientInner {
                http,
                base_url,
                site,
                headers,
                user_agent,
                previews: self.previews,
                all_previews: self.all_previews,
                retry_policy: self.retry_policy,
                attempt_timeout: self.attempt_timeout,
                deadline: self.deadline,
            }),
        })
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Checks the URL and returns it without a trailing slash, ready for paths to be appended.
fn validate_base_url(raw: &str) -> Result<String, ConfigError> {
    let invalid = |reason: &str| ConfigError::InvalidBaseUrl { url: raw.to_owned(), reason: reason.to_owned() };
    let url = Url::parse(raw.trim()).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("it must not have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("credentials belong in api_key/app_key, not in the URL"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn default_user_agent() -> String {
    format!(
        "{}/{} (rust; {}; {})",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyed() -> ClientBuilder {
        ClientBuilder::new().api_key("abc").app_key("def")
    }

    #[test]
    fn defaults_to_us1() {
        assert_eq!(keyed().build().unwrap().base_url(), "https://api.datadoghq.com");
    }

    #[test]
    fn missing_keys_are_errors() {
        assert_eq!(ClientBuilder::new().app_key("x").build().unwrap_err(), ConfigError::MissingApiKey);
        assert_eq!(ClientBuilder::new().api_key("x").build().unwrap_err(), ConfigError::MissingAppKey);
    }

    #[test]
    fn bad_keys_are_errors_that_do_not_leak_them() {
        for key in ["", "  ", "line\nbreak", " padded"] {
            let err = ClientBuilder::new().api_key(key).app_key("ok").build().unwrap_err();
            assert!(matches!(err, ConfigError::InvalidKey { name: "API key", .. }), "{key:?}: {err:?}");
        }
        let err = ClientBuilder::new().api_key("ok").app_key("s3cr3t\r\n").build().unwrap_err();
        assert!(!err.to_string().contains("s3cr3t"));
    }

    #[test]
    fn base_urls_are_validated() {
        assert_eq!(keyed().base_url("http://127.0.0.1:8080/").build().unwrap().base_url(), "http://127.0.0.1:8080");
        assert_eq!(keyed().base_url("https://proxy.local/dd/").build().unwrap().base_url(), "https://proxy.local/dd");
        for bad in ["not a url", "ftp://x.io", "http://x.io/?a=b", "http://user:pw@x.io"] {
            assert!(matches!(keyed().base_url(bad).build(), Err(ConfigError::InvalidBaseUrl { .. })), "{bad}");
        }
    }

    #[test]
    fn unknown_preview_operation_is_an_error() {
        let err = keyed().enable_preview("ListTeamConnection").build().unwrap_err();
        assert_eq!(err, ConfigError::UnknownPreviewOperation("ListTeamConnection".into()));
    }

    #[test]
    fn debug_never_shows_keys() {
        let builder = ClientBuilder::new().api_key("api-secret-1").app_key("app-secret-2");
        let text = format!("{builder:?} {:?}", builder.clone().build().unwrap());
        assert!(!text.contains("api-secret-1") && !text.contains("app-secret-2"), "{text}");
    }

    #[test]
    fn bearer_token_needs_no_keys_and_never_shows() {
        let builder = ClientBuilder::new().bearer_token("tok-secret-3");
        let client = builder.clone().build().unwrap();
        let text = format!("{builder:?} {client:?}");
        assert!(!text.contains("tok-secret-3"), "{text}");
        let err = ClientBuilder::new().bearer_token("tok secret").build().unwrap_err();
        assert!(matches!(err, ConfigError::InvalidKey { name: "bearer token", .. }), "{err:?}");
    }

    #[test]
    fn zero_timeouts_are_errors() {
        assert_eq!(
            keyed().connect_timeout(Duration::ZERO).build().unwrap_err(),
            ConfigError::ZeroTimeout("connect timeout")
        );
        assert_eq!(
            keyed().attempt_timeout(Duration::ZERO).build().unwrap_err(),
            ConfigError::ZeroTimeout("attempt timeout")
        );
        assert_eq!(keyed().deadline(Duration::ZERO).build().unwrap_err(), ConfigError::ZeroTimeout("deadline"));
    }

    #[test]
    fn documented_defaults() {
        let builder = ClientBuilder::new();
        assert_eq!(builder.retry_policy, RetryPolicy::new());
        assert_eq!(RetryPolicy::new().max_attempts, 4);
        assert_eq!(builder.connect_timeout, Duration::from_secs(10));
        assert_eq!(builder.attempt_timeout, Duration::from_secs(60));
        assert_eq!(builder.deadline, Duration::from_secs(300));
    }

    #[test]
    fn default_user_agent_names_crate_and_platform() {
        let ua = default_user_agent();
        assert!(ua.starts_with("datadog-connections/"), "{ua}");
        assert!(ua.contains(std::env::consts::OS), "{ua}");
    }
}
