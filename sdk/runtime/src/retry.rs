//! The retry policy: which failures are retried, and how long to wait before the next attempt.

use crate::error::{Error, TimeoutKind};
use std::time::{Duration, SystemTime};

/// How failed requests are retried: attempts, exponential backoff with jitter, and how long the
/// client will wait when the server asks it to.
///
/// Set it for a client with [`ClientBuilder::retry_policy`](crate::ClientBuilder::retry_policy) and
/// for one call with [`RequestOptions::retry_policy`](crate::RequestOptions::retry_policy).
///
/// **What is retried.** A connection that failed before the request was sent, and a 429, for every
/// method. For idempotent methods (GET, PUT, DELETE, HEAD, OPTIONS), or a call marked
/// [`safe_to_retry`](crate::RequestOptions::safe_to_retry), also 408, 500, 502, 503 and 504, a
/// per-attempt timeout, and a connection that failed after the request was sent.
///
/// **How long to wait.** When the response says (`Retry-After` in seconds or as an HTTP date, or
/// on a 429 the reset of the API's own rate-limit header, a delay or a time as its crate
/// configures it, or of the IETF `RateLimit` headers), exactly that long; if that is longer than
/// [`max_server_delay`](Self::max_server_delay), retrying stops and the error is returned.
/// Otherwise the `n`th retry waits `min(max_delay, base_delay × 2ⁿ⁻¹)`, of which a random half is
/// jitter (a delay `d` becomes a uniform value in `[d/2, d]`). A retry that would start after the
/// overall deadline is not made: the last error is returned instead.
///
/// ```
/// use openapi_sdk_runtime::RetryPolicy;
/// use std::time::Duration;
///
/// let policy = RetryPolicy::new().max_attempts(6).base_delay(Duration::from_millis(250));
/// assert_eq!(policy.max_delay, Duration::from_secs(20));
/// assert!(!RetryPolicy::disabled().is_enabled());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in total, the first one included (default 4). `1` disables retries; `0` counts as `1`.
    pub max_attempts: u32,
    /// The delay before the first retry, before jitter (default 500 ms). It doubles for each retry.
    pub base_delay: Duration,
    /// The longest delay the backoff computes, before jitter (default 20 s).
    pub max_delay: Duration,
    /// The longest delay the client waits when the server asks for one (default 60 s). A longer
    /// request ends retrying, and the error (a 429, say) is returned.
    pub max_server_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(20),
            max_server_delay: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// The default policy: 4 attempts, 500 ms base delay, 20 s maximum backoff, 60 s maximum
    /// server-requested delay.
    pub fn new() -> Self {
        Self::default()
    }

    /// A policy that never retries (a single attempt).
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the number of attempts, the first one included.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// Sets the delay before the first retry.
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Sets the longest computed backoff delay.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Sets the longest server-requested delay the client will wait.
    pub fn max_server_delay(mut self, delay: Duration) -> Self {
        self.max_server_delay = delay;
        self
    }

    /// Whether this policy makes more than one attempt.
    pub fn is_enabled(&self) -> bool {
        self.max_attempts > 1
    }

    /// What to do after attempt number `attempt` (1-based) failed with `error`.
    ///
    /// `may_repeat` says whether the request may safely reach the server twice (an idempotent method,
    /// or a call marked safe to retry); `remaining` is the time left before the overall deadline.
    pub(crate) fn decide(
        &self,
        error: &Error,
        attempt: u32,
        may_repeat: bool,
        remaining: Duration,
        now: SystemTime,
    ) -> Decision {
        if !is_transient(error, true) {
            return Decision::Stop("the failure is not retryable");
        }
        if !is_transient(error, may_repeat) {
            return Decision::Stop(
                "the request may have been processed, and the call is not safe to retry",
            );
        }
        if attempt >= self.max_attempts {
            return Decision::Stop("no attempts left");
        }
        let requested = error.as_api().and_then(|e| e.retry_after_at(now));
        let delay = match requested {
            Some(delay) if delay > self.max_server_delay => {
                return Decision::Stop("the server asked for a delay longer than max_server_delay")
            }
            Some(delay) => delay,
            None => self.backoff(attempt),
        };
        if delay >= remaining {
            return Decision::Stop("the deadline would pass before the next attempt");
        }
        Decision::Retry(delay)
    }

    /// The jittered backoff before retry number `retry` (1-based): `min(max_delay, base × 2ʳ⁻¹)`,
    /// then a uniform value in its upper half.
    fn backoff(&self, retry: u32) -> Duration {
        let doubling = 1u32 << retry.saturating_sub(1).min(31);
        let delay = self.base_delay.saturating_mul(doubling).min(self.max_delay);
        let half = delay / 2;
        let spread = u64::try_from((delay - half).as_nanos()).unwrap_or(u64::MAX);
        half + Duration::from_nanos(fastrand::u64(0..=spread))
    }
}

/// The outcome of [`RetryPolicy::decide`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Wait this long, then try again.
    Retry(Duration),
    /// Return the error; the reason is for traces.
    Stop(&'static str),
}

/// Whether a failure is transient: another attempt may succeed.
///
/// A 429 and a connection that failed before anything was sent are safe to retry whatever the
/// method; everything else that is transient may have reached the server, so it is retried only
/// when `may_repeat`.
pub(crate) fn is_transient(error: &Error, may_repeat: bool) -> bool {
    match error {
        Error::Api(e) => match e.status().as_u16() {
            429 => true,
            408 | 500 | 502 | 503 | 504 => may_repeat,
            _ => false,
        },
        Error::Transport { source, .. } => {
            source.is_connect() || (may_repeat && !source.is_builder() && !source.is_redirect())
        }
        Error::Timeout {
            kind: TimeoutKind::Connect,
            ..
        } => true,
        Error::Timeout {
            kind: TimeoutKind::Attempt,
            ..
        } => may_repeat,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;
    use bytes::Bytes;
    use http::{HeaderMap, HeaderValue, StatusCode};

    fn api(status: u16, headers: &[(&'static str, &str)]) -> Error {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        ApiError::new(
            "Op",
            StatusCode::from_u16(status).unwrap(),
            map,
            Bytes::new(),
        )
        .into()
    }

    fn timeout(kind: TimeoutKind) -> Error {
        Error::Timeout {
            operation: "Op",
            kind,
            elapsed: Duration::from_secs(1),
            attempts: 1,
        }
    }

    #[test]
    fn transient_failures_by_method_safety() {
        // (error, retried when idempotent, retried for POST/PATCH)
        let cases = [
            (api(429, &[]), true, true),
            (api(408, &[]), true, false),
            (api(500, &[]), true, false),
            (api(502, &[]), true, false),
            (api(503, &[]), true, false),
            (api(504, &[]), true, false),
            (api(501, &[]), false, false),
            (api(400, &[]), false, false),
            (api(404, &[]), false, false),
            (api(302, &[]), false, false),
            (timeout(TimeoutKind::Connect), true, true),
            (timeout(TimeoutKind::Attempt), true, false),
            (timeout(TimeoutKind::Deadline), false, false),
            (Error::PreviewNotEnabled { operation: "Op" }, false, false),
        ];
        for (error, idempotent, other) in &cases {
            assert_eq!(is_transient(error, true), *idempotent, "{error}");
            assert_eq!(is_transient(error, false), *other, "{error}");
        }
    }

    #[test]
    fn backoff_doubles_within_jitter_and_cap() {
        let policy = RetryPolicy::new()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(700));
        for _ in 0..200 {
            for (retry, full) in [(1, 100), (2, 200), (3, 400), (4, 700), (40, 700)] {
                let delay = policy.backoff(retry);
                let full = Duration::from_millis(full);
                assert!(
                    delay >= full / 2 && delay <= full,
                    "retry {retry}: {delay:?}"
                );
            }
        }
        assert_eq!(
            RetryPolicy::new().base_delay(Duration::ZERO).backoff(3),
            Duration::ZERO
        );
        assert!(
            RetryPolicy::new()
                .base_delay(Duration::MAX)
                .max_delay(Duration::MAX)
                .backoff(64)
                >= Duration::MAX / 2
        );
    }

    #[test]
    fn decisions() {
        let policy = RetryPolicy::new()
            .max_attempts(3)
            .max_server_delay(Duration::from_secs(10));
        let now = SystemTime::now();
        let long = Duration::from_secs(300);
        let decide =
            |error: &Error, attempt, remaining| policy.decide(error, attempt, true, remaining, now);
        assert_eq!(
            decide(&api(429, &[("retry-after", "4")]), 1, long),
            Decision::Retry(Duration::from_secs(4))
        );
        assert!(matches!(
            decide(&api(429, &[("retry-after", "11")]), 1, long),
            Decision::Stop(_)
        ));
        assert!(matches!(
            decide(
                &api(429, &[("retry-after", "4")]),
                1,
                Duration::from_secs(3)
            ),
            Decision::Stop(_)
        ));
        assert!(matches!(
            decide(&api(503, &[]), 2, long),
            Decision::Retry(_)
        ));
        assert!(matches!(
            decide(&api(503, &[]), 3, long),
            Decision::Stop("no attempts left")
        ));
        assert!(matches!(decide(&api(400, &[]), 1, long), Decision::Stop(_)));
        let disabled = RetryPolicy::disabled();
        assert!(matches!(
            disabled.decide(&api(503, &[]), 1, true, long, now),
            Decision::Stop(_)
        ));
        let zero = RetryPolicy::new().max_attempts(0);
        assert!(matches!(
            zero.decide(&api(503, &[]), 1, true, long, now),
            Decision::Stop(_)
        ));
    }

    #[test]
    fn delays_too_large_to_represent_stop_at_once() {
        let policy = RetryPolicy::new();
        let now = SystemTime::now();
        let long = Duration::from_secs(300);
        for (status, header, value) in [
            (429, "retry-after", "99999999999999999999999"),
            (429, "retry-after", "1e400"),
            (503, "retry-after", "1e400"),
            (429, "ratelimit-reset", "99999999999999999999999"),
        ] {
            assert_eq!(
                policy.decide(&api(status, &[(header, value)]), 1, true, long, now),
                Decision::Stop("the server asked for a delay longer than max_server_delay"),
                "{status} {header}: {value}"
            );
        }
        // Even a policy that would wait any delay stops: no deadline is that far away.
        let patient = RetryPolicy::new().max_server_delay(Duration::MAX);
        assert!(matches!(
            patient.decide(&api(429, &[("retry-after", "1e400")]), 1, true, long, now),
            Decision::Stop(_)
        ));
    }
}
