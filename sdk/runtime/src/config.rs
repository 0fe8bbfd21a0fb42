//! Client configuration: servers and their variables or an explicit base URL, credentials by
//! scheme, Preview opt-ins, user agent, retries, timeouts and the response body limit.

use crate::api::Api;
use crate::auth::{Credential, Credentials};
use crate::client::{Client, ClientInner};
use crate::error::{redact_url, ConfigError};
use crate::retry::RetryPolicy;
use crate::server::validate_base_url;
use http::header::{HeaderMap, HeaderValue, ACCEPT};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Default time allowed to open a connection (TCP and TLS).
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for one attempt: sending, waiting for and reading the response.
const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default time allowed for a whole call, retries and waits included.
const DEFAULT_DEADLINE: Duration = Duration::from_secs(300);
/// The shortest timeout or deadline accepted: the resolution of the timers that enforce them.
const MIN_TIMEOUT: Duration = Duration::from_millis(1);

const DEFAULT_MAX_RESPONSE_BODY: usize = ClientBuilder::DEFAULT_MAX_RESPONSE_BODY;

/// A timeout or deadline that could be enforced: not zero, and at least [`MIN_TIMEOUT`].
pub(crate) fn check_timeout(name: &'static str, value: Duration) -> Result<(), ConfigError> {
    if value.is_zero() {
        Err(ConfigError::ZeroTimeout(name))
    } else if value < MIN_TIMEOUT {
        Err(ConfigError::TimeoutTooShort(name))
    } else {
        Ok(())
    }
}

/// A size limit that lets a body through: not zero.
pub(crate) fn check_limit(name: &'static str, value: usize) -> Result<(), ConfigError> {
    if value == 0 {
        Err(ConfigError::ZeroLimit(name))
    } else {
        Ok(())
    }
}

/// Builds a [`Client`] for one [`Api`].
///
/// Generated crates wrap this builder with a setter per security scheme and server variable of
/// their API; everything else is configured here.
///
/// # Where requests go
///
/// - By default, to the API's first server, its variables filled in from
///   [`server_variable`](Self::server_variable) or their defaults.
/// - [`base_url`](Self::base_url) replaces the API-level server (for a proxy or a local test
///   server).
/// - An operation that the document gives its own server (an upload host, say) always goes to that
///   server, rendered with the same variables, whatever the base URL; only
///   [`operation_base_url`](Self::operation_base_url) sends it elsewhere.
#[derive(Clone)]
pub struct ClientBuilder {
    api: &'static Api,
    server_index: usize,
    variables: BTreeMap<String, String>,
    base_url: Option<String>,
    operation_urls: BTreeMap<String, String>,
    deferred_error: Option<ConfigError>,
    credentials: BTreeMap<String, Credential>,
    preferred_schemes: Vec<String>,
    previews: BTreeSet<String>,
    all_previews: bool,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
    retry_policy: RetryPolicy,
    connect_timeout: Duration,
    attempt_timeout: Duration,
    deadline: Duration,
    max_response_body: usize,
}

impl fmt::Debug for ClientBuilder {
    /// Base URLs (and server variable values, which can end up in one) are shown with any user
    /// name, password, query and fragment redacted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redact_values = |map: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            map.iter()
                .map(|(key, value)| (key.clone(), redact_url(value)))
                .collect()
        };
        f.debug_struct("ClientBuilder")
            .field("server_index", &self.server_index)
            .field("variables", &redact_values(&self.variables))
            .field("base_url", &self.base_url.as_deref().map(redact_url))
            .field("operation_urls", &redact_values(&self.operation_urls))
            .field("credentials", &self.credentials)
            .field("preferred_schemes", &self.preferred_schemes)
            .field("previews", &self.previews)
            .field("all_previews", &self.all_previews)
            .field("user_agent", &self.user_agent)
            .field("retry_policy", &self.retry_policy)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("deadline", &self.deadline)
            .field("max_response_body", &self.max_response_body)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The default limit on a response body, after decompression: 32 MiB.
    ///
    /// Large enough for the largest list pages real APIs return (a page of 1,000 rich objects is
    /// a few MB; 1,000 connection records are under 1 MB), with room to spare, and small enough
    /// that a hostile or broken server (a gzip bomb, an endless body) cannot exhaust memory: a
    /// call holds at most this much, and a typical call far less.
    pub const DEFAULT_MAX_RESPONSE_BODY: usize = 32 * 1024 * 1024;

    /// A builder for `api` with nothing set: the first server with its default variables, no
    /// credentials, no Preview operation enabled, and the default retries and timeouts (see
    /// [`retry_policy`](Self::retry_policy), [`connect_timeout`](Self::connect_timeout),
    /// [`attempt_timeout`](Self::attempt_timeout) and [`deadline`](Self::deadline)).
    pub fn new(api: &'static Api) -> Self {
        ClientBuilder {
            api,
            server_index: 0,
            variables: BTreeMap::new(),
            base_url: None,
            operation_urls: BTreeMap::new(),
            deferred_error: None,
            credentials: BTreeMap::new(),
            preferred_schemes: Vec::new(),
            previews: BTreeSet::new(),
            all_previews: false,
            user_agent: None,
            http: None,
            retry_policy: RetryPolicy::default(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
        }
    }

    /// The API this builder configures a client for.
    pub fn api(&self) -> &'static Api {
        self.api
    }

    /// Uses the API's server at `index` in the document's `servers` list (default 0).
    pub fn server_index(mut self, index: usize) -> Self {
        self.server_index = index;
        self
    }

    /// Sets a server variable (`site`), used by the API's server and by every operation's own
    /// server that has a variable of that name. A value outside the variable's `enum` is reported
    /// by [`build`](Self::build).
    ///
    /// A variable of the API-level servers chooses where requests go, so it replaces an explicit
    /// [`base_url`](Self::base_url) and any error [deferred](Self::defer_error) from reading the
    /// environment (a base URL read there, then the variable set in code: the code wins). A variable only
    /// operations' own servers use changes neither.
    pub fn server_variable(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let name = name.into();
        if self
            .api
            .servers
            .iter()
            .any(|s| s.variables.iter().any(|v| v.name == name))
        {
            self.base_url = None;
            self.deferred_error = None;
        }
        self.variables.insert(name, value.into());
        self
    }

    /// Sends requests to an explicit base URL instead of the API's server (a proxy, a local test
    /// server). Operations with their own server still go there; see
    /// [`operation_base_url`](Self::operation_base_url). Clears any error
    /// [deferred](Self::defer_error) from reading the environment.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self.deferred_error = None;
        self
    }

    /// Sends one operation (by its `operationId`) to `url`, whatever its server.
    pub fn operation_base_url(
        mut self,
        operation_id: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        self.operation_urls.insert(operation_id.into(), url.into());
        self
    }

    /// Sets the credential for a security scheme, by the scheme's name in the document.
    /// [`build`](Self::build) checks it can be sent, without ever including it in an error.
    pub fn credential(mut self, scheme: impl Into<String>, credential: Credential) -> Self {
        self.credentials.insert(scheme.into(), credential);
        self
    }

    /// Tries the operations' security alternatives that use this scheme first. By default an
    /// operation sends the first alternative, in the document's order, that the client holds
    /// credentials for; with keys and a token both set, say, this picks the token. Later calls add
    /// further preferences, in order.
    pub fn prefer_scheme(mut self, scheme: impl Into<String>) -> Self {
        self.preferred_schemes.push(scheme.into());
        self
    }

    /// Whether a credential is set for a scheme.
    pub fn has_credential(&self, scheme: &str) -> bool {
        self.credentials.contains_key(scheme)
    }

    /// Records a configuration error found before `build` (an environment variable that cannot be
    /// used, say); [`build`](Self::build) returns it unless a later setting replaced the value.
    pub fn defer_error(mut self, error: ConfigError) -> Self {
        self.deferred_error = Some(error);
        self
    }

    /// Opts in to one Preview operation by its operation id; [`build`](Self::build) fails if the
    /// API has no operation of that name. Naming an operation that is not in Preview (one that has
    /// left it since the opt-in was written) changes nothing.
    pub fn enable_preview(mut self, operation_id: impl Into<String>) -> Self {
        self.previews.insert(operation_id.into());
        self
    }

    /// Opts in to every Preview operation.
    pub fn enable_all_previews(mut self) -> Self {
        self.all_previews = true;
        self
    }

    /// Replaces the default user agent (`<package>/<version> (rust; <os>; <arch>)`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Uses a preconfigured `reqwest::Client` (proxies, TLS roots, connection pool settings).
    ///
    /// The client still sets its own headers on every request and applies its retry policy,
    /// per-attempt timeout and deadline. The redirect policy, connect timeout and response
    /// decompression are the caller's responsibility in this case: build it with a redirect policy
    /// that does not follow redirects to other hosts, or credentials may go with them. With the
    /// `rustls-no-provider` feature, install the crypto provider before building it (reqwest
    /// panics without one); a client given here is not checked for TLS support.
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

    /// The largest response body a call reads, in bytes, after decompression (default
    /// [`DEFAULT_MAX_RESPONSE_BODY`](Self::DEFAULT_MAX_RESPONSE_BODY), 32 MiB). The limit is enforced while the body is read, so a
    /// longer body (an endless stream, a gzip bomb) costs at most this much memory; the call fails
    /// with [`Error::BodyTooLarge`](crate::Error::BodyTooLarge), keeping the status and a short
    /// prefix, and is not retried. A call can override it with
    /// [`RequestOptions::max_response_body`](crate::RequestOptions::max_response_body).
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        if let Some(e) = self.deferred_error {
            return Err(e);
        }
        let api = self.api;
        let base_url = match &self.base_url {
            Some(url) => validate_base_url(url)?,
            None => match api.servers.get(self.server_index) {
                Some(server) => server.render(&self.variables)?,
                None => {
                    return Err(ConfigError::NoServer {
                        index: self.server_index,
                        servers: api.servers.len(),
                    })
                }
            },
        };
        let mut operation_urls = BTreeMap::new();
        for (operation, url) in &self.operation_urls {
            operation_urls.insert(operation.clone(), validate_base_url(url)?);
        }
        let credentials = Credentials::new(
            api.security_schemes,
            &self.credentials,
            &self.preferred_schemes,
        )?;
        // Naming an operation that is not (or no longer) in Preview is harmless: it is available
        // anyway, and an opt-in written while it was in Preview keeps building. An unknown name
        // is a typo.
        for op in &self.previews {
            if !api.is_operation(op) {
                return Err(ConfigError::UnknownPreviewOperation {
                    name: op.clone(),
                    suggestions: nearest_operations(api, op),
                    previews: api.preview_operations.len(),
                    operations: api
                        .operations
                        .iter()
                        .chain(api.preview_operations)
                        .collect::<BTreeSet<_>>()
                        .len(),
                });
            }
        }
        let user_agent = self.user_agent.unwrap_or_else(|| default_user_agent(api));
        let user_agent =
            HeaderValue::from_str(&user_agent).map_err(|_| ConfigError::InvalidUserAgent)?;
        for (name, value) in [
            ("connect timeout", self.connect_timeout),
            ("attempt timeout", self.attempt_timeout),
            ("deadline", self.deadline),
        ] {
            check_timeout(name, value)?;
        }
        check_limit("max response body", self.max_response_body)?;
        // A caller's client may have TLS even when this build has no TLS feature (Cargo features
        // unify), so only the runtime's own client refuses `https`.
        let (http, https) = match self.http {
            Some(http) => (http, true),
            None => (
                crate::transport::http_client(self.connect_timeout)?,
                crate::transport::TLS,
            ),
        };
        for url in std::iter::once(&base_url).chain(operation_urls.values()) {
            crate::transport::check_scheme(https, url)?;
        }
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        Ok(Client {
            inner: Arc::new(ClientInner {
                api,
                http,
                https,
                base_url,
                variables: self.variables,
                operation_urls,
                credentials,
                headers,
                user_agent,
                previews: self.previews,
                all_previews: self.all_previews,
                retry_policy: self.retry_policy,
                attempt_timeout: self.attempt_timeout,
                deadline: self.deadline,
                max_response_body: self.max_response_body,
            }),
        })
    }
}

fn default_user_agent(api: &Api) -> String {
    format!(
        "{}/{} (rust; {}; {})",
        api.package,
        api.version,
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// How many suggestions an unknown operation id gets at most.
const MAX_SUGGESTIONS: usize = 3;

/// The API's operation ids nearest to `name` by edit distance, ignoring case: those at the
/// smallest distance found, at most [`MAX_SUGGESTIONS`] (Preview operations first, then by id),
/// and only within a third of the name's length (at least one edit), so a name like nothing the
/// API has gets no suggestion.
fn nearest_operations(api: &Api, name: &str) -> Vec<String> {
    let wanted: Vec<char> = name.to_lowercase().chars().collect();
    let limit = (wanted.len() / 3).max(1);
    let mut scored: Vec<(usize, bool, &str)> = api
        .preview_operations
        .iter()
        .map(|id| (id, false))
        .chain(api.operations.iter().map(|id| (id, true)))
        .filter_map(|(id, stable)| {
            let candidate: Vec<char> = id.to_lowercase().chars().collect();
            // A length difference beyond the limit cannot be within it.
            if candidate.len().abs_diff(wanted.len()) > limit {
                return None;
            }
            let distance = edit_distance(&wanted, &candidate);
            (distance <= limit).then_some((distance, stable, *id))
        })
        .collect();
    scored.sort_unstable();
    let best = scored.first().map(|(distance, _, _)| *distance);
    let mut out: Vec<String> = Vec::new();
    for (distance, _, id) in scored {
        if out.len() == MAX_SUGGESTIONS || Some(distance) != best {
            break;
        }
        if !out.iter().any(|seen| seen == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// Levenshtein distance (insertions, deletions and substitutions of one character each).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ApiKeyLocation, SchemeKind, SecurityScheme, Server, ServerVariable};

    static API: Api = Api {
        package: "example-sdk",
        version: "1.2.3",
        servers: &[
            Server {
                url: "https://api.{site}",
                variables: &[ServerVariable {
                    name: "site",
                    default: "example.com",
                    values: &["example.com", "example.eu"],
                }],
            },
            Server {
                url: "http://localhost:8080",
                variables: &[],
            },
        ],
        security_schemes: &[SecurityScheme {
            name: "key",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Header,
                name: "X-Key",
            },
            env: None,
        }],
        preview_operations: &["ListThings"],
        operations: &["GetThing", "ListThings"],
        rate_limit: crate::RateLimitHeaders::STANDARD,
        error_messages: crate::ErrorMessages::STANDARD,
    };

    fn builder() -> ClientBuilder {
        ClientBuilder::new(&API)
    }

    #[test]
    fn servers_variables_and_base_urls() {
        assert_eq!(
            builder().build().unwrap().base_url(),
            "https://api.example.com"
        );
        assert_eq!(
            builder()
                .server_variable("site", "example.eu")
                .build()
                .unwrap()
                .base_url(),
            "https://api.example.eu"
        );
        assert_eq!(
            builder().server_index(1).build().unwrap().base_url(),
            "http://localhost:8080"
        );
        assert_eq!(
            builder()
                .base_url("http://127.0.0.1:9/")
                .build()
                .unwrap()
                .base_url(),
            "http://127.0.0.1:9"
        );
        assert!(matches!(
            builder().server_index(2).build(),
            Err(ConfigError::NoServer {
                index: 2,
                servers: 2
            })
        ));
        assert!(matches!(
            builder().server_variable("site", "example.org").build(),
            Err(ConfigError::InvalidServerVariable { .. })
        ));
        assert!(matches!(
            builder().base_url("ftp://x").build(),
            Err(ConfigError::InvalidBaseUrl { .. })
        ));
    }

    #[test]
    fn preview_names_are_checked_against_the_apis_list() {
        assert!(builder()
            .enable_preview("ListThings")
            .build()
            .unwrap()
            .is_preview_enabled("ListThings"));
        let err = builder().enable_preview("ListThing").build().unwrap_err();
        assert_eq!(
            err,
            ConfigError::UnknownPreviewOperation {
                name: "ListThing".into(),
                suggestions: vec!["ListThings".into()],
                previews: 1,
                operations: 2,
            }
        );
        assert_eq!(
            err.to_string(),
            "\"ListThing\" is not an operation of this API; did you mean \"ListThings\"? (it has \
             1 Preview operation among 2; the generated crate's PREVIEW_OPERATIONS lists them)"
        );
        // Nothing close: no suggestion.
        let err = builder().enable_preview("Unrelated").build().unwrap_err();
        assert!(
            matches!(&err, ConfigError::UnknownPreviewOperation { suggestions, .. } if suggestions.is_empty()),
            "{err:?}"
        );
    }

    /// 300 operation ids, as a large API has: a typo gets the nearest ids (case ignored, at most
    /// three, nearest first) and a message of bounded length that gives the count, not the list.
    #[test]
    fn an_unknown_preview_id_suggests_the_nearest_in_a_bounded_message() {
        let ids: Vec<&'static str> = (0..300)
            .map(|i| &*format!("ListIncidentTodos{i:03}").leak())
            .chain([
                "CreateIncidentTodo",
                "GetIncidentTodo",
                "UpdateIncidentTodo",
            ])
            .collect();
        let (previews, stable) = ids.split_at(150);
        let api: &'static Api = Box::leak(Box::new(Api {
            preview_operations: previews.to_vec().leak(),
            operations: stable.to_vec().leak(),
            ..API
        }));
        let build = |name: &str| ClientBuilder::new(api).enable_preview(name).build();
        // One edit from one id, case aside.
        let err = build("updateincidenttodos").unwrap_err();
        let ConfigError::UnknownPreviewOperation { suggestions, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(suggestions, &["UpdateIncidentTodo"]);
        let message = err.to_string();
        assert!(
            message.contains("did you mean \"UpdateIncidentTodo\"?"),
            "{message}"
        );
        assert!(
            message.contains("150 Preview operations among 303"),
            "{message}"
        );
        // Many ids at one edit: three of them, Preview ones first.
        let err = build("listincidenttodos01").unwrap_err();
        let ConfigError::UnknownPreviewOperation { suggestions, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(
            suggestions,
            &[
                "ListIncidentTodos001",
                "ListIncidentTodos010",
                "ListIncidentTodos011"
            ]
        );
        // Bounded: far below the 300 ids' 6,000 bytes, and naming at most three of them.
        let message = err.to_string();
        assert!(message.len() < 400, "{} bytes: {message}", message.len());
        assert_eq!(
            message.to_lowercase().matches("listincidenttodos").count(),
            4,
            "{message}"
        );
        // A very long name is bounded too.
        let long = "x".repeat(10_000);
        let message = build(&long).unwrap_err().to_string();
        assert!(message.len() < 600, "{} bytes", message.len());
    }

    #[test]
    fn edit_distances() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        for (a, b, expected) in [
            ("", "", 0),
            ("abc", "", 3),
            ("kitten", "sitting", 3),
            ("ListThing", "ListThings", 1),
            ("flaw", "lawn", 2),
        ] {
            assert_eq!(d(a, b), expected, "{a} {b}");
            assert_eq!(d(b, a), expected, "{b} {a}");
        }
    }

    #[test]
    fn an_opt_in_to_an_operation_that_left_preview_still_builds() {
        let client = builder().enable_preview("GetThing").build().unwrap();
        // Enabling it changes nothing: it needs no opt-in.
        assert!(!API.is_preview("GetThing"));
        assert!(!client.is_preview_enabled("ListThings"));
    }

    #[test]
    fn deferred_errors_surface_at_build_unless_replaced() {
        let err = ConfigError::InvalidBaseUrl {
            url: "x".into(),
            reason: "y".into(),
        };
        assert_eq!(builder().defer_error(err.clone()).build().unwrap_err(), err);
        assert!(builder()
            .defer_error(err.clone())
            .server_variable("site", "example.eu")
            .build()
            .is_ok());
        assert!(builder()
            .defer_error(err)
            .base_url("http://127.0.0.1:1")
            .build()
            .is_ok());
    }

    #[test]
    fn zero_timeouts_are_errors() {
        assert_eq!(
            builder()
                .connect_timeout(Duration::ZERO)
                .build()
                .unwrap_err(),
            ConfigError::ZeroTimeout("connect timeout")
        );
        assert_eq!(
            builder()
                .attempt_timeout(Duration::ZERO)
                .build()
                .unwrap_err(),
            ConfigError::ZeroTimeout("attempt timeout")
        );
        assert_eq!(
            builder().deadline(Duration::ZERO).build().unwrap_err(),
            ConfigError::ZeroTimeout("deadline")
        );
        assert_eq!(
            builder()
                .deadline(Duration::from_micros(1))
                .build()
                .unwrap_err(),
            ConfigError::TimeoutTooShort("deadline")
        );
        assert_eq!(
            builder().max_response_body(0).build().unwrap_err(),
            ConfigError::ZeroLimit("max response body")
        );
        assert!(builder()
            .deadline(Duration::from_millis(1))
            .max_response_body(1)
            .build()
            .is_ok());
    }

    #[test]
    fn credentials_in_base_urls_are_redacted_everywhere() {
        for url in [
            "http://user:SECRET@127.0.0.1:8080",
            "https://SECRET@api.example.com/v1",
            "http://user:SECRET@exa mple.com",
            "htp:/user:SECRET@host",
            "user:SECRET@host",
            "http://host/?api_key=SECRET",
            "http://host/#SECRET",
        ] {
            let builder = builder()
                .base_url(url)
                .operation_base_url("ListThings", url);
            let debug = format!("{builder:?}");
            let err = builder.build().unwrap_err();
            let shown = format!("{debug} {err} {err:?}");
            assert!(!shown.contains("SECRET"), "{url}: {shown}");
            assert!(shown.contains("<redacted>"), "{url}: {shown}");
        }
        assert_eq!(
            redact_url("http://u:p@h:1/a?b#c"),
            "http://<redacted>@h:1/a?<redacted>"
        );
        assert_eq!(
            redact_url("https://api.example.com/v1"),
            "https://api.example.com/v1"
        );
    }

    #[test]
    fn documented_defaults() {
        let builder = builder();
        assert_eq!(builder.retry_policy, RetryPolicy::new());
        assert_eq!(RetryPolicy::new().max_attempts, 4);
        assert_eq!(builder.connect_timeout, Duration::from_secs(10));
        assert_eq!(builder.attempt_timeout, Duration::from_secs(60));
        assert_eq!(builder.deadline, Duration::from_secs(300));
        assert_eq!(builder.max_response_body, 32 * 1024 * 1024);
        let ua = default_user_agent(&API);
        assert!(ua.starts_with("example-sdk/1.2.3 (rust; "), "{ua}");
        assert!(ua.contains(std::env::consts::OS), "{ua}");
    }

    #[test]
    fn debug_never_shows_credentials() {
        let builder = builder().credential("key", Credential::Token("s3cr3t-key".into()));
        let text = format!("{builder:?} {:?}", builder.clone().build().unwrap());
        assert!(!text.contains("s3cr3t-key"), "{text}");
    }
}
