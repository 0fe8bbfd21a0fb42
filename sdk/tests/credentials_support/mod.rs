//! What the security and tracing tests share: secret-looking credentials they search for, and
//! clients that send them to a loopback server with retries that take milliseconds.

use datadog_connections::{Client, ClientBuilder, RetryPolicy};
use datadog_connections_replay::fault::FaultServer;
use std::time::Duration;

pub const API_KEY: &str = "api-key-SECRET-1111";
pub const APP_KEY: &str = "app-key-SECRET-2222";
pub const TOKEN: &str = "oauth-token-SECRET-3333";

/// Retries that take milliseconds, so the tests do.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::new()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
}

/// A client of `server` with the API and application keys.
pub fn with_keys(server: &FaultServer) -> ClientBuilder {
    Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .retry_policy(fast_retries())
}

/// A client of `server` with the bearer token.
pub fn with_token(server: &FaultServer) -> ClientBuilder {
    Client::builder()
        .base_url(server.base_url())
        .bearer_token(TOKEN)
        .retry_policy(fast_retries())
}
