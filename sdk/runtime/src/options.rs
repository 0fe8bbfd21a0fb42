//! Per-call options: overrides of the client's retry, timeout and body-size settings for one
//! request.

use crate::retry::RetryPolicy;
use std::time::Duration;

/// Options for one call, set with the `with_options` method every request builder has. Anything
/// not set here comes from the client's configuration.
///
/// They are checked as [`ClientBuilder::build`](crate::ClientBuilder::build) checks the client's:
/// a zero or sub-millisecond timeout or deadline, or a zero body limit, fails the call with
/// [`Error::Config`](crate::Error::Config) before anything is sent.
///
/// ```
/// use openapi_sdk_runtime::RequestOptions;
/// use std::time::Duration;
///
/// // A create that the caller knows is safe to repeat (say, it is checked for duplicates), with a
/// // tighter budget than the client's: `builder.with_options(options).send()`.
/// let options = RequestOptions::new()
///     .safe_to_retry(true)
///     .attempt_timeout(Duration::from_secs(10))
///     .deadline(Duration::from_secs(30));
/// # let _ = options;
/// // A list that must fail fast instead of waiting out a rate limit.
/// let fail_fast = RequestOptions::new().no_retries();
/// # let _ = fail_fast;
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct RequestOptions {
    retry_policy: Option<RetryPolicy>,
    safe_to_retry: bool,
    attempt_timeout: Option<Duration>,
    deadline: Option<Duration>,
    max_response_body: Option<usize>,
}

impl RequestOptions {
    /// No overrides: the client's settings apply.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses this retry policy instead of the client's.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }

    /// Makes a single attempt (the same as `retry_policy(RetryPolicy::disabled())`).
    pub fn no_retries(self) -> Self {
        self.retry_policy(RetryPolicy::disabled())
    }

    /// Marks the call as safe to send more than once, so that a POST or PATCH is retried on the
    /// same failures as an idempotent method (408, 5xx, timeouts, failures after sending), not only
    /// on 429s and connection failures before sending. Use it when repeating the call cannot do
    /// harm, for example when the server rejects a duplicate.
    pub fn safe_to_retry(mut self, safe: bool) -> Self {
        self.safe_to_retry = safe;
        self
    }

    /// Limits each attempt (sending, waiting for and reading the response) to `timeout`, instead of
    /// the client's [`attempt_timeout`](crate::ClientBuilder::attempt_timeout).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Limits the whole call, every attempt and every wait between them included, to `deadline`,
    /// instead of the client's [`deadline`](crate::ClientBuilder::deadline).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Reads at most `bytes` of the response body (after decompression) instead of the client's
    /// [`max_response_body`](crate::ClientBuilder::max_response_body); a longer body fails the
    /// call with [`Error::BodyTooLarge`](crate::Error::BodyTooLarge), without a retry. Raise it for
    /// a call known to return a very large listing; lower it for one that must stay small.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = Some(bytes);
        self
    }

    pub(crate) fn retry_policy_override(&self) -> Option<&RetryPolicy> {
        self.retry_policy.as_ref()
    }

    pub(crate) fn is_safe_to_retry(&self) -> bool {
        self.safe_to_retry
    }

    pub(crate) fn attempt_timeout_override(&self) -> Option<Duration> {
        self.attempt_timeout
    }

    pub(crate) fn deadline_override(&self) -> Option<Duration> {
        self.deadline
    }

    pub(crate) fn max_response_body_override(&self) -> Option<usize> {
        self.max_response_body
    }
}
