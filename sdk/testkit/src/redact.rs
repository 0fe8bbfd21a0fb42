//! Keeps credentials out of output: header values that are secrets are shown as `<redacted>`.

/// Headers whose values are never displayed (compared case-insensitively).
pub const SENSITIVE_HEADERS: &[&str] = &[
    "dd-api-key",
    "dd-application-key",
    "authorization",
    "proxy-authorization",
    "cookie",
];

/// What replaces a sensitive header's value in output.
pub const REDACTED: &str = "<redacted>";

/// Whether header `name` carries a secret (see [`SENSITIVE_HEADERS`]).
pub fn is_sensitive(name: &str) -> bool {
    SENSITIVE_HEADERS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(name))
}

/// `value`, or [`REDACTED`] when header `name` is sensitive: the form to print.
pub fn redacted_value<'a>(name: &str, value: &'a str) -> &'a str {
    if is_sensitive(name) {
        REDACTED
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_case_insensitively() {
        assert_eq!(redacted_value("DD-API-KEY", "k"), REDACTED);
        assert_eq!(redacted_value("dd-application-key", "k"), REDACTED);
        assert_eq!(redacted_value("Authorization", "Bearer t"), REDACTED);
        assert_eq!(
            redacted_value("Accept", "application/json"),
            "application/json"
        );
    }
}
