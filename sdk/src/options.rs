//! Per-call options: overrides of the client's retry and timeout settings for one request.

/// Options for one call, set with the `with_options` method every request builder has.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct RequestOptions {}

impl RequestOptions {
    /// No overrides: the client's settings apply.
    pub fn new() -> Self {
        Self::default()
    }
}
