//! Credentials: Datadog's API and application keys, or an OAuth2 bearer access token, turned into
//! the headers every request carries. Credentials never appear in `Debug` output or in errors.

use crate::error::ConfigError;
use http::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION};
use std::fmt;

const API_KEY_HEADER: &str = "dd-api-key";
const APP_KEY_HEADER: &str = "dd-application-key";

/// A credential: kept out of `Debug` output and marked sensitive when it becomes a header.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The credentials a builder collected.
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Credentials {
    pub(crate) api_key: Option<Secret>,
    pub(crate) app_key: Option<Secret>,
    pub(crate) bearer_token: Option<Secret>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("api_key", &self.api_key)
            .field("app_key", &self.app_key)
            .field("bearer_token", &self.bearer_token)
            .finish()
    }
}

impl Credentials {
    /// The auth headers, all marked sensitive.
    ///
    /// A bearer token, when set, is the only credential sent (`Authorization: Bearer …`): keys also
    /// set (from the environment, say) are ignored. Without one, both keys are required.
    pub(crate) fn headers(&self) -> Result<HeaderMap, ConfigError> {
        let mut headers = HeaderMap::new();
        if let Some(token) = &self.bearer_token {
            headers.insert(AUTHORIZATION, bearer_header(token)?);
            return Ok(headers);
        }
        let api_key = self.api_key.as_ref().ok_or(ConfigError::MissingApiKey)?;
        let app_key = self.app_key.as_ref().ok_or(ConfigError::MissingAppKey)?;
        headers.insert(HeaderName::from_static(API_KEY_HEADER), key_header(api_key, "API key")?);
        headers.insert(HeaderName::from_static(APP_KEY_HEADER), key_header(app_key, "application key")?);
        Ok(headers)
    }
}

/// A header value for a key; the key never appears in the error.
fn key_header(key: &Secret, name: &'static str) -> Result<HeaderValue, ConfigError> {
    check_trimmed(key, name)?;
    let mut value = HeaderValue::from_str(&key.0).map_err(|_| unsendable(name))?;
    value.set_sensitive(true);
    Ok(value)
}

/// `Bearer <token>`, for a token made of visible ASCII (RFC 6750 tokens are narrower still).
fn bearer_header(token: &Secret) -> Result<HeaderValue, ConfigError> {
    const NAME: &str = "bearer token";
    check_trimmed(token, NAME)?;
    if token.0.get(..7).is_some_and(|prefix| prefix.eq_ignore_ascii_case("bearer ")) {
        return Err(ConfigError::InvalidKey { name: NAME, reason: "it starts with `Bearer `: pass the token alone" });
    }
    if !token.0.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(unsendable(NAME));
    }
    let mut value = HeaderValue::from_str(&format!("Bearer {}", token.0)).map_err(|_| unsendable(NAME))?;
    value.set_sensitive(true);
    Ok(value)
}

fn check_trimmed(secret: &Secret, name: &'static str) -> Result<(), ConfigError> {
    if secret.0.trim().is_empty() {
        return Err(ConfigError::InvalidKey { name, reason: "it is empty" });
    }
    if secret.0.trim() != secret.0 {
        return Err(ConfigError::InvalidKey { name, reason: "it has leading or trailing whitespace" });
    }
    Ok(())
}

fn unsendable(name: &'static str) -> ConfigError {
    ConfigError::InvalidKey { name, reason: "it has characters that cannot be sent in an HTTP header" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bearer(token: &str) -> Credentials {
        Credentials { bearer_token: Some(Secret::new(token)), ..Credentials::default() }
    }

    #[test]
    fn bearer_token_replaces_keys() {
        let mut credentials = bearer("tok_123.abc-_~+/=");
        credentials.api_key = Some(Secret::new("ignored-api-key"));
        let headers = credentials.headers().unwrap();
        assert_eq!(headers.len(), 1);
        let value = &headers[AUTHORIZATION];
        assert_eq!(value, "Bearer tok_123.abc-_~+/=");
        assert!(value.is_sensitive());
    }

    #[test]
    fn bad_bearer_tokens_are_errors_that_do_not_leak_them() {
        for token in ["", "  ", " s3cr3t", "s3cr3t\n", "s3 cr3t", "sécr3t", "Bearer s3cr3t", "bearer s3cr3t"] {
            let err = bearer(token).headers().unwrap_err();
            assert!(matches!(err, ConfigError::InvalidKey { name: "bearer token", .. }), "{token:?}: {err:?}");
            assert!(!err.to_string().contains("s3cr3t") && !format!("{err:?}").contains("s3cr3t"));
        }
    }

    #[test]
    fn keys_are_sensitive_headers() {
        let credentials =
            Credentials { api_key: Some(Secret::new("a")), app_key: Some(Secret::new("b")), bearer_token: None };
        let headers = credentials.headers().unwrap();
        assert!(headers.values().all(HeaderValue::is_sensitive));
        assert!(!format!("{credentials:?}").contains("\"a\""));
    }
}
