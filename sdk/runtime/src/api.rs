//! The description of an API that a generated crate hands the runtime.

use crate::auth::SecurityScheme;
use crate::error::ErrorMessages;
use crate::rate_limit::RateLimitHeaders;
use crate::server::Server;

/// What the runtime needs to know about one API, generated from its OpenAPI document as a
/// `static`: where it is served, how it authenticates, which operations are in Preview, and the
/// conventions of its responses that no standard fixes (its own rate-limit headers, where its
/// error bodies put their messages).
///
/// Each operation's own servers and security requirements travel with its
/// [`Operation`](crate::Operation) constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Api {
    /// The generated crate's package name, for the default user agent.
    pub package: &'static str,
    /// The generated crate's version, for the default user agent.
    pub version: &'static str,
    /// The document's top-level `servers`, in order: the first is the default.
    pub servers: &'static [Server],
    /// The document's `securitySchemes`, by name.
    pub security_schemes: &'static [SecurityScheme],
    /// The ids of the operations in Preview (`x-unstable`), sorted; each must be enabled on the
    /// client before it is sent.
    pub preview_operations: &'static [&'static str],
    /// The ids of every operation, sorted. [`ClientBuilder::enable_preview`](crate::ClientBuilder::enable_preview)
    /// accepts these too, so an opt-in keeps building after its operation leaves Preview.
    pub operations: &'static [&'static str],
    /// The API's own rate-limit headers, read before the standard ones
    /// ([`RateLimitHeaders::STANDARD`] when it has none).
    pub rate_limit: RateLimitHeaders,
    /// Where the API's error bodies put their messages ([`ErrorMessages::STANDARD`] to search
    /// the usual places).
    pub error_messages: ErrorMessages,
}

impl Api {
    /// The security scheme with this name.
    pub fn scheme(&self, name: &str) -> Option<&'static SecurityScheme> {
        self.security_schemes.iter().find(|s| s.name == name)
    }

    /// Whether `operation_id` is one of the API's operations, in Preview or not.
    pub fn is_operation(&self, operation_id: &str) -> bool {
        self.operations.contains(&operation_id) || self.is_preview(operation_id)
    }

    /// Whether `operation_id` is one of the Preview operations.
    pub fn is_preview(&self, operation_id: &str) -> bool {
        self.preview_operations.contains(&operation_id)
    }
}
