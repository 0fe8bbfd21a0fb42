//! The rate-limit headers as a typed value, and the delay a server asks for before a retry.

use http::header::RETRY_AFTER;
use http::{HeaderMap, StatusCode};
use std::time::{Duration, SystemTime};

const LIMIT: &str = "x-ratelimit-limit";
const PERIOD: &str = "x-ratelimit-period";
const REMAINING: &str = "x-ratelimit-remaining";
const RESET: &str = "x-ratelimit-reset";
const NAME: &str = "x-ratelimit-name";

/// The rate limit a response reports in the `X-RateLimit-*` headers.
///
/// Each field is `None` when its header is absent or not a number. Available from
/// [`ApiResponse::rate_limit`](crate::ApiResponse::rate_limit) and
/// [`ApiError::rate_limit`](crate::ApiError::rate_limit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed per period.
    pub limit: Option<u64>,
    /// `X-RateLimit-Period`: the length of the period.
    pub period: Option<Duration>,
    /// `X-RateLimit-Remaining`: requests left in the current period.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: time until the current period ends and the limit resets.
    pub reset: Option<Duration>,
    /// `X-RateLimit-Name`: which limit this is (one per endpoint family).
    pub name: Option<String>,
}

impl RateLimit {
    /// Reads the `X-RateLimit-*` headers; `None` when none of them is present.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        if ![LIMIT, PERIOD, REMAINING, RESET, NAME]
            .iter()
            .any(|name| headers.contains_key(*name))
        {
            return None;
        }
        Some(RateLimit {
            limit: text(headers, LIMIT).and_then(|v| v.parse().ok()),
            period: text(headers, PERIOD).and_then(seconds),
            remaining: text(headers, REMAINING).and_then(|v| v.parse().ok()),
            reset: text(headers, RESET).and_then(seconds),
            name: text(headers, NAME).map(str::to_owned),
        })
    }
}

/// How long the server asks the client to wait before trying again, if it says.
///
/// `Retry-After` (delay in seconds, or an HTTP date) applies to any status; the
/// `X-RateLimit-Reset` (seconds until the window resets) only to a 429, because servers send it on
/// every response, where it says nothing about when a failed request may be retried.
pub(crate) fn server_delay(
    status: StatusCode,
    headers: &HeaderMap,
    now: SystemTime,
) -> Option<Duration> {
    if let Some(value) = text(headers, RETRY_AFTER.as_str()) {
        if let Some(delay) = seconds(value) {
            return Some(delay);
        }
        if let Ok(date) = httpdate::parse_http_date(value) {
            return Some(date.duration_since(now).unwrap_or(Duration::ZERO));
        }
    }
    if status == StatusCode::TOO_MANY_REQUESTS {
        return text(headers, RESET).and_then(seconds);
    }
    None
}

fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// A non-negative number of seconds (`30`, `1.5`, `2e3`).
///
/// A number too large for a `Duration` (`99999999999999999999999`, `1e400`) saturates to
/// `Duration::MAX` instead of being ignored: the server asked for a wait longer than any the client
/// will make, which must stop retries, not restart them at the backoff's pace. Text that is not a
/// plain non-negative number (`-1`, `soon`, `inf`, `NaN`) is `None`.
fn seconds(value: &str) -> Option<Duration> {
    if let Ok(whole) = value.parse::<u64>() {
        return Some(Duration::from_secs(whole));
    }
    if !is_plain_number(value) {
        return None;
    }
    // Plain decimal syntax always parses as f64: out-of-range values become infinity.
    let secs = value.parse::<f64>().ok()?;
    Some(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
}

/// `digits[.digits][(e|E)[+|-]digits]`: the only number syntax accepted for delays.
fn is_plain_number(value: &str) -> bool {
    fn digits(s: &str) -> usize {
        s.bytes().take_while(u8::is_ascii_digit).count()
    }
    let int = digits(value);
    if int == 0 {
        return false;
    }
    let mut rest = &value[int..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let n = digits(exponent);
        return n > 0 && n == exponent.len();
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn parses_every_header() {
        let h = headers(&[
            ("x-ratelimit-limit", "100"),
            ("x-ratelimit-period", "60"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "23"),
            ("x-ratelimit-name", "org_connections"),
        ]);
        let expected = RateLimit {
            limit: Some(100),
            period: Some(Duration::from_secs(60)),
            remaining: Some(0),
            reset: Some(Duration::from_secs(23)),
            name: Some("org_connections".into()),
        };
        assert_eq!(RateLimit::from_headers(&h), Some(expected));
        assert_eq!(RateLimit::from_headers(&HeaderMap::new()), None);
        let partial = RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "soon")])).unwrap();
        assert_eq!(partial, RateLimit::default());
    }

    #[test]
    fn server_delay_reads_each_header() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let in_90s = httpdate::fmt_http_date(now + Duration::from_secs(90));
        // (status, headers, expected delay in seconds)
        type Case<'a> = (u16, &'a [(&'static str, &'a str)], Option<u64>);
        let cases: &[Case] = &[
            (429, &[("retry-after", "7")], Some(7)),
            (503, &[("retry-after", "7")], Some(7)),
            (429, &[("retry-after", &in_90s)], Some(90)),
            (
                429,
                &[("retry-after", "Thu, 01 Jan 1970 00:00:00 GMT")],
                Some(0),
            ),
            (429, &[("x-ratelimit-reset", "23")], Some(23)),
            (
                429,
                &[("retry-after", "2"), ("x-ratelimit-reset", "23")],
                Some(2),
            ),
            (503, &[("x-ratelimit-reset", "23")], None),
            (429, &[("retry-after", "-1")], None),
            (429, &[], None),
        ];
        for (status, pairs, expected) in cases {
            let status = StatusCode::from_u16(*status).unwrap();
            let delay = server_delay(status, &headers(pairs), now);
            assert_eq!(
                delay,
                expected.map(Duration::from_secs),
                "{status} {pairs:?}"
            );
        }
        let fractional = server_delay(
            StatusCode::TOO_MANY_REQUESTS,
            &headers(&[("x-ratelimit-reset", "0.25")]),
            now,
        );
        assert_eq!(fractional, Some(Duration::from_millis(250)));
    }

    #[test]
    fn delays_too_large_to_represent_saturate_instead_of_vanishing() {
        let now = SystemTime::UNIX_EPOCH;
        for value in [
            "99999999999999999999999",
            "1e400",
            "1E+30",
            "18446744073709551616.5",
        ] {
            for (status, header) in [
                (429, "retry-after"),
                (503, "retry-after"),
                (429, "x-ratelimit-reset"),
            ] {
                let status = StatusCode::from_u16(status).unwrap();
                assert_eq!(
                    server_delay(status, &headers(&[(header, value)]), now),
                    Some(Duration::MAX),
                    "{status} {header}: {value}"
                );
            }
        }
        let limit = RateLimit::from_headers(&headers(&[("x-ratelimit-reset", "1e400")])).unwrap();
        assert_eq!(limit.reset, Some(Duration::MAX));
        // Not numbers: ignored, as before.
        for value in ["-1", "inf", "NaN", "1e", ".5", "1.", "1e400x", "0x10", ""] {
            assert_eq!(
                server_delay(
                    StatusCode::TOO_MANY_REQUESTS,
                    &headers(&[("retry-after", value)]),
                    now
                ),
                None,
                "{value:?}"
            );
        }
        assert_eq!(seconds("2e3"), Some(Duration::from_secs(2000)));
        assert_eq!(seconds("1e-400"), Some(Duration::ZERO));
    }
}
