//! The rate limit a response reports, and the delay a server asks for before a retry.
//!
//! The runtime knows the standard headers by itself: `Retry-After` (RFC 9110, seconds or an HTTP
//! date) and the IETF rate-limit headers (draft-ietf-httpapi-ratelimit-headers), both the older
//! separate fields (`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`, `RateLimit-Policy:
//! 100;w=60`) and the newer structured ones (`RateLimit: "default";r=50;t=30`,
//! `RateLimit-Policy: "default";q=100;w=60`). An API's own headers, and whether its reset is a
//! delay or a time, are data the generated crate hands over in [`RateLimitHeaders`].

use http::header::RETRY_AFTER;
use http::{HeaderMap, StatusCode};
use std::time::{Duration, SystemTime};

const IETF_LIMIT: &str = "ratelimit-limit";
const IETF_REMAINING: &str = "ratelimit-remaining";
const IETF_RESET: &str = "ratelimit-reset";
const IETF_FIELD: &str = "ratelimit";
const IETF_POLICY: &str = "ratelimit-policy";
const IETF_HEADERS: [&str; 5] = [
    IETF_LIMIT,
    IETF_REMAINING,
    IETF_RESET,
    IETF_FIELD,
    IETF_POLICY,
];

/// What an API's own reset header counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResetKind {
    /// Seconds from now until the limit resets (`X-RateLimit-Reset: 23`), as the IETF headers do.
    DelaySeconds,
    /// The Unix time, in seconds, at which the limit resets (`X-RateLimit-Reset: 1700000023`).
    EpochSeconds,
}

/// The names of an API's own rate-limit headers, generated from its configuration; each is
/// read before the standard header that says the same, which is read when it is absent.
///
/// Names are lower case (HTTP header names are case-insensitive). [`STANDARD`](Self::STANDARD)
/// names none: only the standard headers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimitHeaders {
    /// Requests allowed per period (`x-ratelimit-limit`).
    pub limit: Option<&'static str>,
    /// Requests left in the current period (`x-ratelimit-remaining`).
    pub remaining: Option<&'static str>,
    /// When the current period ends, as [`reset_kind`](Self::reset_kind) says
    /// (`x-ratelimit-reset`).
    pub reset: Option<&'static str>,
    /// What the reset header counts.
    pub reset_kind: ResetKind,
    /// The length of the period, in seconds (`x-ratelimit-period`).
    pub period: Option<&'static str>,
    /// Which limit this is (`x-ratelimit-name`, `x-ratelimit-resource`).
    pub name: Option<&'static str>,
}

impl RateLimitHeaders {
    /// No headers of the API's own: only `Retry-After` and the IETF headers are read.
    pub const STANDARD: RateLimitHeaders = RateLimitHeaders {
        limit: None,
        remaining: None,
        reset: None,
        reset_kind: ResetKind::DelaySeconds,
        period: None,
        name: None,
    };

    fn names(&self) -> impl Iterator<Item = &'static str> {
        [
            self.limit,
            self.remaining,
            self.reset,
            self.period,
            self.name,
        ]
        .into_iter()
        .flatten()
    }

    /// The API's reset header as a delay from `now`: an epoch in the past is zero.
    fn reset(&self, headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
        let value = text(headers, self.reset?)?;
        match self.reset_kind {
            ResetKind::DelaySeconds => seconds(value),
            ResetKind::EpochSeconds => {
                let at = seconds(value)?;
                let since_epoch = now
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .unwrap_or(Duration::ZERO);
                Some(at.saturating_sub(since_epoch))
            }
        }
    }
}

impl Default for RateLimitHeaders {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// The rate limit a response reports: in the API's own headers when it has some (see
/// [`RateLimitHeaders`]), else in the IETF `RateLimit` headers.
///
/// Each field is `None` when its header is absent or not a number. Available from
/// [`ApiResponse::rate_limit`](crate::ApiResponse::rate_limit) and
/// [`ApiError::rate_limit`](crate::ApiError::rate_limit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed per period (`X-RateLimit-Limit`, `RateLimit-Limit`, or the policy's `q`).
    pub limit: Option<u64>,
    /// The length of the period (`X-RateLimit-Period`, or the policy's `w`).
    pub period: Option<Duration>,
    /// Requests left in the current period (`X-RateLimit-Remaining`, `RateLimit-Remaining`, or
    /// `r`).
    pub remaining: Option<u64>,
    /// Time until the current period ends and the limit resets (`X-RateLimit-Reset` read as
    /// configured, `RateLimit-Reset`, or `t`).
    pub reset: Option<Duration>,
    /// Which limit this is (`X-RateLimit-Name`, or the IETF policy name).
    pub name: Option<String>,
}

impl RateLimit {
    /// Reads the standard IETF rate-limit headers only; `None` when none of them is present.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        Self::from_api_headers(headers, &RateLimitHeaders::STANDARD)
    }

    /// Reads an API's own rate-limit headers, and the IETF headers for what they do not say;
    /// `None` when none of them is present. An epoch reset is read against the system clock.
    pub fn from_api_headers(headers: &HeaderMap, api: &RateLimitHeaders) -> Option<RateLimit> {
        Self::read(headers, api, SystemTime::now())
    }

    fn read(headers: &HeaderMap, api: &RateLimitHeaders, now: SystemTime) -> Option<RateLimit> {
        if !api
            .names()
            .chain(IETF_HEADERS)
            .any(|name| headers.contains_key(name))
        {
            return None;
        }
        let ietf = Ietf::read(headers);
        let number = |name: Option<&str>| text(headers, name?).and_then(|v| v.parse().ok());
        Some(RateLimit {
            limit: number(api.limit).or(ietf.limit),
            period: api
                .period
                .and_then(|name| text(headers, name))
                .and_then(seconds)
                .or(ietf.period),
            remaining: number(api.remaining).or(ietf.remaining),
            reset: api.reset(headers, now).or(ietf.reset),
            name: api
                .name
                .and_then(|name| text(headers, name))
                .map(str::to_owned)
                .or(ietf.name),
        })
    }
}

/// What the IETF headers say, in either of their forms.
#[derive(Debug, Default, PartialEq)]
struct Ietf {
    limit: Option<u64>,
    remaining: Option<u64>,
    reset: Option<Duration>,
    period: Option<Duration>,
    name: Option<String>,
}

impl Ietf {
    fn read(headers: &HeaderMap) -> Ietf {
        // The structured `RateLimit` field: the most constraining of its limits (fewest left).
        let current = text(headers, IETF_FIELD)
            .map(structured_items)
            .unwrap_or_default()
            .into_iter()
            .filter(|item| item.param("r").is_some() || item.param("t").is_some())
            .min_by_key(|item| {
                item.param("r")
                    .and_then(|r| r.parse::<u64>().ok())
                    .unwrap_or(u64::MAX)
            });
        let policies = text(headers, IETF_POLICY)
            .map(structured_items)
            .unwrap_or_default();
        // The policy of the current limit (by name), else the first one.
        let policy = current
            .as_ref()
            .and_then(|c| {
                policies
                    .iter()
                    .find(|p| p.name == c.name && c.name.is_some())
            })
            .or(policies.first());
        Ietf {
            limit: number(text(headers, IETF_LIMIT))
                .or_else(|| number(current.as_ref().and_then(|c| c.param("q"))))
                .or_else(|| number(policy.and_then(|p| p.param("q"))))
                .or_else(|| number(policy.and_then(|p| p.value.as_deref()))),
            remaining: number(text(headers, IETF_REMAINING))
                .or_else(|| number(current.as_ref().and_then(|c| c.param("r")))),
            reset: text(headers, IETF_RESET).and_then(seconds).or_else(|| {
                current
                    .as_ref()
                    .and_then(|c| c.param("t"))
                    .and_then(seconds)
            }),
            period: policy.and_then(|p| p.param("w")).and_then(seconds),
            name: current
                .and_then(|c| c.name)
                .or_else(|| policy.and_then(|p| p.name.clone())),
        }
    }
}

fn number(value: Option<&str>) -> Option<u64> {
    value?.parse().ok()
}

/// One member of a structured-field list (RFC 8941), leniently: `"default";r=50;t=30` has the name
/// `default`; `100;w=60` (the older policy form) has the value `100`.
#[derive(Debug, Default, PartialEq)]
struct Item {
    /// A string or token member: the policy name.
    name: Option<String>,
    /// A bare number member.
    value: Option<String>,
    params: Vec<(String, String)>,
}

impl Item {
    fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The members of a structured-field list; commas and semicolons inside quoted strings are text.
fn structured_items(field: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for member in split_unquoted(field, ',') {
        let mut parts = split_unquoted(member, ';').into_iter();
        let mut item = Item::default();
        if let Some(head) = parts.next() {
            let head = head.trim();
            if let Some(quoted) = unquote(head) {
                item.name = Some(quoted);
            } else if head.bytes().all(|b| b.is_ascii_digit()) && !head.is_empty() {
                item.value = Some(head.to_owned());
            } else if !head.is_empty() {
                // The -07 draft's dictionary form (`limit=10, remaining=1, reset=7`) is one
                // parameter per member.
                match head.split_once('=') {
                    Some((key, value)) => item.params.push(dictionary_param(key, value)),
                    None => item.name = Some(head.to_owned()),
                }
            }
        }
        for param in parts {
            if let Some((key, value)) = param.split_once('=') {
                let value = value.trim();
                let value = unquote(value).unwrap_or_else(|| value.to_owned());
                item.params.push((key.trim().to_ascii_lowercase(), value));
            }
        }
        items.push(item);
    }
    merge_dictionary(items)
}

/// `limit`, `remaining` and `reset` of the -07 dictionary form, named as the current draft names them.
fn dictionary_param(key: &str, value: &str) -> (String, String) {
    let key = match key.trim().to_ascii_lowercase().as_str() {
        "limit" => "q".to_owned(),
        "remaining" => "r".to_owned(),
        "reset" => "t".to_owned(),
        other => other.to_owned(),
    };
    (key, value.trim().to_owned())
}

/// Members that are lone dictionary parameters (the -07 form) make one item together.
fn merge_dictionary(items: Vec<Item>) -> Vec<Item> {
    let (loose, mut named): (Vec<Item>, Vec<Item>) = items
        .into_iter()
        .partition(|i| i.name.is_none() && i.value.is_none());
    let params: Vec<(String, String)> = loose.into_iter().flat_map(|i| i.params).collect();
    if !params.is_empty() {
        named.push(Item {
            params,
            ..Item::default()
        });
    }
    named
}

fn unquote(text: &str) -> Option<String> {
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.replace("\\\"", "\"").replace("\\\\", "\\"))
}

fn split_unquoted(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == separator && !quoted => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// How long the server asks the client to wait before trying again, if it says.
///
/// `Retry-After` (delay in seconds, or an HTTP date) applies to any status; a reset (the API's own
/// header, read as configured, else the IETF one) only to a 429, because servers send it on every
/// response, where it says nothing about when a failed request may be retried.
pub(crate) fn server_delay(
    status: StatusCode,
    headers: &HeaderMap,
    api: &RateLimitHeaders,
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
        return api
            .reset(headers, now)
            .or_else(|| Ietf::read(headers).reset);
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

    /// An API with `X-RateLimit-*` headers whose reset is a delay.
    const VENDOR: RateLimitHeaders = RateLimitHeaders {
        limit: Some("x-ratelimit-limit"),
        remaining: Some("x-ratelimit-remaining"),
        reset: Some("x-ratelimit-reset"),
        reset_kind: ResetKind::DelaySeconds,
        period: Some("x-ratelimit-period"),
        name: Some("x-ratelimit-name"),
    };

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
        assert_eq!(RateLimit::from_api_headers(&h, &VENDOR), Some(expected));
        assert_eq!(
            RateLimit::from_api_headers(&HeaderMap::new(), &VENDOR),
            None
        );
        let partial =
            RateLimit::from_api_headers(&headers(&[("x-ratelimit-reset", "soon")]), &VENDOR)
                .unwrap();
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
            let delay = server_delay(status, &headers(pairs), &VENDOR, now);
            assert_eq!(
                delay,
                expected.map(Duration::from_secs),
                "{status} {pairs:?}"
            );
        }
        let fractional = server_delay(
            StatusCode::TOO_MANY_REQUESTS,
            &headers(&[("x-ratelimit-reset", "0.25")]),
            &VENDOR,
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
                    server_delay(status, &headers(&[(header, value)]), &VENDOR, now),
                    Some(Duration::MAX),
                    "{status} {header}: {value}"
                );
            }
        }
        let limit =
            RateLimit::from_api_headers(&headers(&[("x-ratelimit-reset", "1e400")]), &VENDOR)
                .unwrap();
        assert_eq!(limit.reset, Some(Duration::MAX));
        // Not numbers: ignored, as before.
        for value in ["-1", "inf", "NaN", "1e", ".5", "1.", "1e400x", "0x10", ""] {
            assert_eq!(
                server_delay(
                    StatusCode::TOO_MANY_REQUESTS,
                    &headers(&[("retry-after", value)]),
                    &VENDOR,
                    now
                ),
                None,
                "{value:?}"
            );
        }
        assert_eq!(seconds("2e3"), Some(Duration::from_secs(2000)));
        assert_eq!(seconds("1e-400"), Some(Duration::ZERO));
    }

    #[test]
    fn an_epoch_reset_is_the_time_left_until_it() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let epoch = RateLimitHeaders {
            reset_kind: ResetKind::EpochSeconds,
            ..VENDOR
        };
        let too_many = StatusCode::TOO_MANY_REQUESTS;
        let h = headers(&[("x-ratelimit-reset", "1700000042")]);
        assert_eq!(
            server_delay(too_many, &h, &epoch, now),
            Some(Duration::from_secs(42))
        );
        let past = headers(&[("x-ratelimit-reset", "1600000000")]);
        assert_eq!(
            server_delay(too_many, &past, &epoch, now),
            Some(Duration::ZERO)
        );
        let limit = RateLimit::read(&h, &epoch, now).unwrap();
        assert_eq!(limit.reset, Some(Duration::from_secs(42)));
        // Read as a delay, the same header asks for decades; unconfigured, it is not read at all.
        assert_eq!(
            server_delay(too_many, &h, &VENDOR, now),
            Some(Duration::from_secs(1_700_000_042))
        );
        assert_eq!(
            server_delay(too_many, &h, &RateLimitHeaders::STANDARD, now),
            None
        );
        assert_eq!(RateLimit::read(&h, &RateLimitHeaders::STANDARD, now), None);
    }

    #[test]
    fn reads_the_ietf_headers_in_each_form() {
        let now = SystemTime::UNIX_EPOCH;
        let standard = RateLimitHeaders::STANDARD;
        // (headers, expected limit, remaining, reset, period, name)
        type Case<'a> = (
            &'a [(&'static str, &'a str)],
            (
                Option<u64>,
                Option<u64>,
                Option<u64>,
                Option<u64>,
                Option<&'a str>,
            ),
        );
        let cases: &[Case] = &[
            (
                &[
                    ("ratelimit-limit", "100"),
                    ("ratelimit-remaining", "7"),
                    ("ratelimit-reset", "30"),
                ],
                (Some(100), Some(7), Some(30), None, None),
            ),
            (
                &[("ratelimit-limit", "100"), ("ratelimit-policy", "100;w=60")],
                (Some(100), None, None, Some(60), None),
            ),
            (
                &[
                    ("ratelimit", r#""default";r=50;t=30"#),
                    (
                        "ratelimit-policy",
                        r#""burst";q=10;w=1, "default";q=100;w=60"#,
                    ),
                ],
                (Some(100), Some(50), Some(30), Some(60), Some("default")),
            ),
            (
                &[("ratelimit", r#""hour";r=500;t=3000, "minute";r=0;t=12"#)],
                (None, Some(0), Some(12), None, Some("minute")),
            ),
            (
                &[("ratelimit", "limit=10, remaining=1, reset=7")],
                (Some(10), Some(1), Some(7), None, None),
            ),
            (
                &[("ratelimit", r#""a,b;c";r=3;t=4"#)],
                (None, Some(3), Some(4), None, Some("a,b;c")),
            ),
        ];
        for (pairs, (limit, remaining, reset, period, name)) in cases {
            let read = RateLimit::read(&headers(pairs), &standard, now).expect("headers");
            let secs = |s: &Option<u64>| s.map(Duration::from_secs);
            assert_eq!(
                read,
                RateLimit {
                    limit: *limit,
                    remaining: *remaining,
                    reset: secs(reset),
                    period: secs(period),
                    name: name.map(str::to_owned),
                },
                "{pairs:?}"
            );
            assert_eq!(
                server_delay(
                    StatusCode::TOO_MANY_REQUESTS,
                    &headers(pairs),
                    &standard,
                    now
                ),
                secs(reset),
                "{pairs:?}"
            );
            assert_eq!(
                server_delay(
                    StatusCode::SERVICE_UNAVAILABLE,
                    &headers(pairs),
                    &standard,
                    now
                ),
                None,
                "{pairs:?}"
            );
        }
        // The API's own header wins over the standard one; the standard fills the gaps.
        let both = headers(&[
            ("x-ratelimit-reset", "5"),
            ("ratelimit-reset", "9"),
            ("ratelimit-limit", "11"),
        ]);
        let read = RateLimit::read(&both, &VENDOR, now).unwrap();
        assert_eq!(
            (read.reset, read.limit),
            (Some(Duration::from_secs(5)), Some(11))
        );
        assert_eq!(
            server_delay(StatusCode::TOO_MANY_REQUESTS, &both, &VENDOR, now),
            Some(Duration::from_secs(5))
        );
        // Header names are case-insensitive, as configured or not.
        let upper = RateLimitHeaders {
            reset: Some("X-RateLimit-Reset"),
            ..VENDOR
        };
        assert_eq!(
            server_delay(StatusCode::TOO_MANY_REQUESTS, &both, &upper, now),
            Some(Duration::from_secs(5))
        );
    }
}
